// What belongs to the C# wrapper itself: exceptions, Dispose, redaction,
// the buffer protocol's retry, text marshalling, threads.
using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace SmartbillSignup.Tests
{
    internal static class WrapperTests
    {
        private const string Sample =
            "{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"13F89DFEK99D4474A67EABE8F7258AA5\"," +
            "\"AUTH_TOKEN\":\"dG9rZW4tZm9yLWMtdGVzdHM=\",\"COM_NAME\":\"(주)스마트빌\",\"비고\":\"memo\",\"regYn\":null}";

        public static void RunAll()
        {
            Runner.Run("library version and ABI", () =>
            {
                Assert.Equal(1u, Library.AbiVersion, "AbiVersion");
                Assert.True(Library.Version.Length > 0 && char.IsDigit(Library.Version[0]), "version " + Library.Version);
            });
            Runner.Run("status names come from the library", () =>
            {
                Assert.Equal("OK", Errors.StatusName(0), "0");
                Assert.Equal("BRN_CHECKSUM", Errors.StatusName(13), "13");
                Assert.Equal("CALLBACK_MISSING", Errors.StatusName(32), "32");
                Assert.Equal("UNKNOWN", Errors.StatusName(9999), "9999");
            });
            Runner.Run("exception carries status, name, message", () =>
            {
                var e = Assert.Throws("BRN_CHECKSUM", () => Brn.Validate("124-81-00997"), "checksum");
                Assert.Equal(13, e.Status, "Status");
                Assert.Equal(null, e.Field, "no field");
                Assert.True(e.Message.Contains("124-81-00997") && e.Message.Contains("check digit"), e.Message);
                Assert.True(e.ToString().StartsWith("BRN_CHECKSUM: "), e.ToString());
            });
            Runner.Run("exception carries the field", () =>
            {
                using (var form = new SignupForm())
                {
                    form.Set("pMIGRATIONFLAG", "TEST11");
                    var e = Assert.Throws("FIELD_REQUIRED", form.Validate, "required");
                    Assert.Equal("pComRegNo", e.Field, "Field");
                    Assert.Equal(20, e.Status, "Status");
                    e = Assert.Throws("INVALID_ARGUMENT", () => form.Set("pNoSuch", "x"), "unknown name");
                    Assert.Equal("pNoSuch", e.Field, "Field");
                }
                var m = Assert.Throws("CALLBACK_MISSING", () => Callback.Parse("{\"USER_SBID\":\"a\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"c\"}"), "missing");
                Assert.Equal("AUTH_TOKEN", m.Field, "Field");
            });
            Runner.Run("exception survives serialization", () =>
            {
                var e = Assert.Throws("BRN_LENGTH", () => Brn.Validate("123"), "length");
                var formatter = new System.Runtime.Serialization.Formatters.Binary.BinaryFormatter();
                var stream = new System.IO.MemoryStream();
                formatter.Serialize(stream, e);
                stream.Position = 0;
                var copy = (SmartbillException)formatter.Deserialize(stream);
                Assert.Equal(e.StatusName, copy.StatusName, "name");
                Assert.Equal(e.Status, copy.Status, "status");
                Assert.Equal(e.Message, copy.Message, "message");
            });
            Runner.Run("a panic in the library is an INTERNAL exception", () =>
            {
                var e = Assert.Throws("INTERNAL", Library.SelfTestPanic, "panic");
                Assert.True(e.Message.Length > 0, "message");
            });
            Runner.Run("Dispose and using", () =>
            {
                var form = new SignupForm("demo");
                using (form) form.Set("pComRegNo", "124-81-00998");
                Assert.True(form.IsDisposed, "disposed by using");
                Assert.Throws<ObjectDisposedException>(form.Validate, "Validate after Dispose");
                Assert.Throws<ObjectDisposedException>(() => form.Set("pComName", "x"), "Set after Dispose");
                Assert.Throws<ObjectDisposedException>(() => form.Html(), "Html after Dispose");
                form.Dispose(); // twice is fine
                Assert.True(form.ToString().Contains("disposed"), form.ToString());
            });
            Runner.Run("forms left to the finalizer are released", () =>
            {
                for (int i = 0; i < 2000; i++) new SignupForm("demo").Set("pComName", "회사");
                GC.Collect();
                GC.WaitForPendingFinalizers();
            });
            Runner.Run("form from a dictionary, page, body, CP949 page", () =>
            {
                var fields = new Dictionary<string, string> { { "pComRegNo", "124-81-00998" }, { "pMIGRATIONFLAG", "TEST11" }, { "pComName", "회사 & <Co>" } };
                using (var form = new SignupForm(fields, "demo"))
                {
                    Assert.Equal("pComRegNo=1248100998&pComName=%ED%9A%8C%EC%82%AC+%26+%3CCo%3E&pMIGRATIONFLAG=TEST11", form.Urlencoded(), "body");
                    Assert.True(form.Html().Contains("value=\"회사 &amp; &lt;Co&gt;\""), "escaped value");
                    form.SetOption("output_charset", "euc-kr");
                    Assert.Equal("pComRegNo=1248100998&pComName=%C8%B8%BB%E7+%26+%3CCo%3E&pMIGRATIONFLAG=TEST11", form.Urlencoded(), "CP949 body");
                    Assert.True(Runner.Contains(form.HtmlBytes(), new byte[] { 0xC8, 0xB8, 0xBB, 0xE7 }), "CP949 bytes");
                    Assert.True(form.Html().Contains("회사 &amp;"), "decoded from CP949");
                    Assert.Equal(949, form.PageEncoding.CodePage, "code page");
                }
            });
            Runner.Run("string and CP949 byte values mix", () =>
            {
                using (var form = new SignupForm())
                {
                    form.SetOption("input_charset", "euc-kr");
                    form.Set("pComName", new byte[] { 0xC8, 0xB8, 0xBB, 0xE7, 0x20, 0x20 }); // PIC X(6)
                    form.Set("pComPresident", "대표");            // a string is always UTF-8
                    form.Set("pComRegNo", Encoding.ASCII.GetBytes("1248100998"));
                    form.Set("pMIGRATIONFLAG", "TEST11");
                    Assert.Equal("pComRegNo=1248100998&pComName=%ED%9A%8C%EC%82%AC&pComPresident=%EB%8C%80%ED%91%9C&pMIGRATIONFLAG=TEST11",
                                 form.Urlencoded(), "body");
                    Assert.Throws("INVALID_TEXT", () => form.Set("pComName", new byte[] { 0xC8 }), "lone lead byte");
                    // A string is text: CP949 has no é, whatever input_charset says.
                    var e = Assert.Throws("FIELD_UNENCODABLE", () => form.Set("pComName", "Café"), "Café");
                    Assert.Equal("pComName", e.Field, "Field");
                    form.Set("pComName", Encoding.UTF8.GetBytes("Café")); // bytes are CP949, as declared
                    Assert.True(form.Urlencoded().Contains("pComName=Caf%EC%B1%95"), form.Urlencoded());
                }
            });
            Runner.Run("long outputs take the retry path", () =>
            {
                using (var form = new SignupForm())
                {
                    form.Set("pComRegNo", "1248100998");
                    form.Set("pMIGRATIONFLAG", "T");
                    form.Set("pComAddress", new string('가', 150));
                    // 1,350 bytes of body: more than the first 1,024-byte guess.
                    Assert.Equal("pComRegNo=1248100998&pComAddress=&pMIGRATIONFLAG=T".Length + 150 * 9, form.Urlencoded().Length, "body length");
                    Assert.True(form.Html().Contains(new string('가', 150)), "page");
                }
                string token = new string('t', 5000);
                var cb = Callback.Parse("{\"USER_SBID\":\"a\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"c\",\"AUTH_TOKEN\":\"" + token + "\"}");
                Assert.Equal(token, cb.AuthToken, "5000-byte value");
                Assert.True(!cb.ToString().Contains("tttttttt"), "ToString redacts the token");
            });
            Runner.Run("text marshalling: NUL, surrogates, null", () =>
            {
                Assert.Throws("BRN_FORMAT", () => Brn.Validate("124-81-0099\ud800"), "lone surrogate reaches the library");
                Assert.Throws("BRN_FORMAT", () => Brn.Validate("124-81\0-00998"), "embedded NUL is not a terminator");
                Assert.Throws<ArgumentNullException>(() => Brn.Validate((string)null), "null");
                Assert.Seq(new[] { true, false, true, false }, Brn.AreValid(new[] { "124-81-00998", "1248100998\0", "1208147521", "" }), "NUL inside a batch item");
                Assert.Seq(new bool[0], Brn.AreValid(new string[0]), "empty batch");
                Assert.Seq(new[] { "OK", "BRN_LENGTH" }, Brn.CheckAll(new[] { " 124 81 00998\n", "\n" }), "newlines inside items");
            });
            Runner.Run("callback: ToString, Get, CP949, older names", () =>
            {
                var cb = Callback.Parse(Encoding.UTF8.GetBytes(Sample));
                string shown = cb.ToString();
                Assert.True(shown.Contains("USER_SBID=\"test1\"") && shown.Contains("COM_NAME=\"(주)스마트빌\""), shown);
                Assert.True(shown.Contains("AUTH_TOKEN=<redacted, 24 chars>") && shown.Contains("비고=<redacted, 4 chars>"), shown);
                Assert.True(!shown.Contains("13F89DFE") && !shown.Contains("dG9rZW4t") && !shown.Contains("memo"), shown);
                Assert.Equal("test1", cb.Get(" user_sbid "), "any case, trimmed");
                Assert.Equal("test1", cb.Get("SBID"), "older name");
                Assert.Equal("memo", cb.Get("비고"), "unknown key");
                Assert.Equal(null, cb.Get("USER_NAME"), "absent");
                Assert.Equal(null, cb.RegYn, "absent property");
                Assert.Equal("(주)스마트빌", cb.ComName, "ComName");
                Assert.True(cb.ComRegnoValid, "valid number");
                Assert.Equal("28c1d629bdbab8b6c6aebaf4", Runner.ToHex(cb.GetCp949("com_name")), "CP949 value");
                Assert.Equal("memo", Encoding.ASCII.GetString(cb.GetCp949("비고")), "non-ASCII key in CP949");
                Assert.Equal(cb.AuthToken, cb.ToDictionary()["AUTH_TOKEN"], "ToDictionary");
                Assert.Equal(cb.UserSbid, Callback.Parse(Sample).UserSbid, "string body");
                var e = Assert.Throws("UNENCODABLE", () => Callback.Parse("{\"USER_SBID\":\"a\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"c\",\"AUTH_TOKEN\":\"tok😀\"}").GetCp949("AUTH_TOKEN"), "emoji");
                Assert.Equal("AUTH_TOKEN", e.Field, "Field");
                Assert.True(!e.Message.Contains("1F600") && !e.Message.Contains("😀"), e.Message);
            });
            Runner.Run("callback: ToString shows no personal data", () =>
            {
                var cb = Callback.Parse("{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"c\",\"AUTH_TOKEN\":\"t\"," +
                                        "\"USER_NAME\":\"홍길동\",\"USER_EMAIL\":\"hong@example.com\",\"USER_PHONE\":\"010-1111-2222\"," +
                                        "\"COM_PRESIDENT\":\"김대표\",\"COM_ADDRESS\":\"서울시 중구\",\"NOTE\":\"😀x\"}");
                string shown = cb.ToString();
                foreach (string personal in new[] { "홍길동", "hong@example.com", "010-1111-2222", "김대표", "서울시 중구", "😀x" })
                    Assert.True(!shown.Contains(personal), shown);
                Assert.True(shown.Contains("USER_NAME=<redacted, 3 chars>") && shown.Contains("NOTE=<redacted, 2 chars>"), shown);
                Assert.Equal("홍길동", cb.UserName, "the value itself");
                Assert.Equal(CallbackKeySensitivity.Personal, Callback.KeyInfo("email").Sensitivity, "older name");
                Assert.Equal(CallbackKeySensitivity.Secret, Callback.KeyInfo("AUTH_CODE").Sensitivity, "secret");
                Assert.Throws("INVALID_ARGUMENT", () => Callback.KeyInfo(" "), "blank key");
            });
            Runner.Run("callback source with a list of extra addresses", () =>
            {
                Assert.True(Callback.SourceAllowed("183.111.188.210"), "production by default");
                Assert.True(!Callback.SourceAllowed("58.181.27.5"), "demo address is not production's");
                Assert.True(Callback.SourceAllowed("::ffff:58.181.27.5", "demo"), "mapped IPv6");
                Assert.True(Callback.SourceAllowed("10.0.0.7", "production", new[] { "10.0.0.6", "10.0.0.7" }), "list");
                var e = Assert.Throws("INVALID_ARGUMENT", () => Callback.SourceAllowed("10.0.0.7", "production", new[] { "10.0.0.x" }), "bad extra");
                Assert.True(e.Message.Contains("10.0.0.x"), e.Message);
                Assert.Throws("INVALID_ARGUMENT", () => Callback.SourceAllowed("1.2.3.4", "staging"), "unknown environment");
            });
            Runner.Run("threads: errors stay on their thread; a shared form takes turns", Threads);
        }

        private static void Threads()
        {
            var failures = new List<string>();
            var threads = new List<Thread>();
            var inputs = new[] { "124-81-00997", "123", "abc", "100-00-00025" };
            var names = new[] { "BRN_CHECKSUM", "BRN_LENGTH", "BRN_FORMAT", "BRN_COMPONENT" };
            var shared = new SignupForm();
            shared.Set("pComRegNo", "124-81-00998");
            shared.Set("pMIGRATIONFLAG", "TEST11");
            string body = shared.Urlencoded();
            for (int t = 0; t < 8; t++)
            {
                int k = t % 4;
                var thread = new Thread(() =>
                {
                    for (int i = 0; i < 300; i++)
                    {
                        try
                        {
                            Brn.Validate(inputs[k]);
                            lock (failures) failures.Add("no exception for " + inputs[k]);
                        }
                        catch (SmartbillException e)
                        {
                            if (e.StatusName != names[k] || !e.Message.Contains(inputs[k]))
                                lock (failures) failures.Add(inputs[k] + " gave " + e.StatusName + ": " + e.Message);
                        }
                        if (shared.Urlencoded() != body) lock (failures) failures.Add("shared form changed");
                        using (var own = new SignupForm()) own.Set("pComName", "스레드" + k);
                    }
                });
                threads.Add(thread);
                thread.Start();
            }
            foreach (Thread thread in threads) thread.Join();
            shared.Dispose();
            Assert.True(failures.Count == 0, string.Join("; ", failures.GetRange(0, Math.Min(3, failures.Count))));
        }
    }
}
