// The language of messages through Smartbill: per thread, the process
// default, exceptions in Korean with the same status name and field, status
// descriptions in both languages, and the shared HTTP vectors
// (tests/vectors/http.json) in English and Korean.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace SmartbillSignup.Tests
{
    internal static class LanguageTests
    {
        private static int _koreanRuns;

        /// <summary>Runs <paramref name="action"/> with this thread's messages
        /// in Korean, then makes the thread follow the default again.</summary>
        public static void InKorean(Action action)
        {
            Smartbill.SetLanguage("ko");
            try
            {
                _koreanRuns++;
                action();
            }
            finally
            {
                Smartbill.SetLanguage("");
            }
        }

        public static void RunAll()
        {
            Runner.Run("language: the vectors' Korean messages were checked", () =>
            {
                // brn.json 1, callback.json 2, form.json 2 cases carry message_ko.
                Assert.True(_koreanRuns >= 5, "message_ko cases run in Korean: " + _koreanRuns);
            });
            Runner.Run("language: English until chosen", () =>
            {
                Assert.Equal("en", Smartbill.Language, "Language");
                var e = Assert.Throws("BRN_LENGTH", () => Brn.Validate("1234"), "short");
                Assert.Equal("business number \"1234\": has 4 digits, needs 10", e.Message, "message");
            });
            Runner.Run("language: exceptions carry the Korean message with the same name and field", Korean);
            Runner.Run("language: the choice is per thread", PerThread);
            Runner.Run("language: the process default", ProcessDefault);
            Runner.Run("language: unknown languages are refused", () =>
            {
                var e = Assert.Throws("INVALID_ARGUMENT", () => Smartbill.SetLanguage("fr"), "fr");
                Assert.Equal("language", e.Field, "field");
                Assert.True(e.Message.Contains("fr"), e.Message);
                Assert.Throws("INVALID_ARGUMENT", () => Smartbill.SetDefaultLanguage(""), "empty default");
                Assert.Throws<ArgumentNullException>(() => Smartbill.SetLanguage(null), "null");
                Assert.Equal("en", Smartbill.Language, "still English");
            });
            Runner.Run("language: every status has a description in both languages", Descriptions);
            Runner.Run("language: descriptions refuse unknown names and languages", () =>
            {
                Assert.Throws<ArgumentException>(() => Smartbill.StatusDescription("NO_SUCH_STATUS"), "name");
                var e = Assert.Throws("INVALID_ARGUMENT", () => Smartbill.StatusDescription("OK", "xx"), "language");
                Assert.Equal("language", e.Field, "field");
            });
            foreach (JsonObject c in Runner.Vectors("http.json").Arr("probe_url"))
            {
                Runner.Run("language: http " + c.Str("note"), () => Probe(c));
            }
        }

        private static void Korean()
        {
            SmartbillException brn = null, form = null, callback = null;
            InKorean(() =>
            {
                Assert.Equal("ko", Smartbill.Language, "Language");
                brn = Assert.Throws("BRN_CHECKSUM", () => Brn.Validate("124-81-00997"), "brn");
                using (var f = new SignupForm("demo"))
                {
                    f.Set("pComRegNo", "124-81-00998");
                    f.Set("pMIGRATIONFLAG", "T");
                    f.Set("pComName", new string('가', 101));
                    form = Assert.Throws("FIELD_TOO_LONG", f.Validate, "form");
                }
                callback = Assert.Throws("CALLBACK_MISSING",
                    () => Callback.Parse("{\"USER_SBID\":\"a\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"c\"}"), "callback");
            });
            Assert.Equal("사업자등록번호 \"124-81-00997\": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)", brn.Message, "brn");
            Assert.Equal(null, brn.Field, "brn field");
            Assert.True(form.Message.StartsWith("회사명(pComName)은 CP949로 202바이트여서 한도 200바이트를 넘습니다"), form.Message);
            Assert.Equal("pComName", form.Field, "form field");
            Assert.Equal("필수 키 AUTH_TOKEN이(가) 없습니다", callback.Message, "callback");
            Assert.Equal("AUTH_TOKEN", callback.Field, "callback field");
            Assert.True(callback.ToString().StartsWith("CALLBACK_MISSING (AUTH_TOKEN): "), callback.ToString());
            // Made in Korean, kept in Korean after the thread went back to English.
            Assert.Equal("en", Smartbill.Language, "back to English");
            Assert.True(brn.Message.Contains("검증번호"), brn.Message);
        }

        private static void PerThread()
        {
            string other = null;
            SmartbillException mine = null;
            InKorean(() =>
            {
                var thread = new Thread(() =>
                {
                    try { Brn.Validate("1234"); }
                    catch (SmartbillException e) { other = e.Message; }
                });
                thread.Start();
                thread.Join();
                mine = Assert.Throws("BRN_LENGTH", () => Brn.Validate("1234"), "this thread");
            });
            Assert.Equal("business number \"1234\": has 4 digits, needs 10", other, "the other thread");
            Assert.Equal("사업자등록번호 \"1234\": 숫자가 4자리입니다. 10자리여야 합니다", mine.Message, "this thread");
        }

        private static void ProcessDefault()
        {
            string seen = null;
            Smartbill.SetDefaultLanguage("ko");
            try
            {
                var thread = new Thread(() => seen = Smartbill.Language);
                thread.Start();
                thread.Join();
                Assert.Equal("ko", Smartbill.Language, "this thread follows the default");
                Smartbill.SetLanguage("en");
                Assert.Equal("en", Smartbill.Language, "its own choice");
                Smartbill.SetLanguage("");
            }
            finally
            {
                Smartbill.SetDefaultLanguage("en");
            }
            Assert.Equal("ko", seen, "another thread follows the default");
            Assert.Equal("en", Smartbill.Language, "back to English");
        }

        private static bool HasHangul(string text)
        {
            foreach (char ch in text)
                if (ch >= '가' && ch <= '힣') return true;
            return false;
        }

        private static void Descriptions()
        {
            var names = Smartbill.StatusNames;
            Assert.True(names.Contains("OK") && names.Contains("BRN_CHECKSUM") && names.Count >= 30, "names: " + names.Count);
            Assert.Equal("OK", names[0], "number order");
            foreach (string name in names)
            {
                string english = Smartbill.StatusDescription(name, "en");
                string korean = Smartbill.StatusDescription(name, "ko");
                Assert.True(english.EndsWith(".") && korean.EndsWith("."), name + ": " + english + " / " + korean);
                Assert.True(english != korean, name + " differs");
                Assert.True(HasHangul(korean), name + ": " + korean);
                Assert.True(!HasHangul(english), name + ": " + english);
            }
            // By number as SmartbillException.Status gives it; the name map agrees with the library.
            var e = Assert.Throws("BRN_CHECKSUM", () => Brn.Validate("124-81-00997"), "brn");
            Assert.Equal(Smartbill.StatusDescription("BRN_CHECKSUM", "ko"), Smartbill.StatusDescription(e.Status, "ko"), "by number");
            foreach (string name in names)
            {
                Assert.Equal(name, Errors.StatusName(StatusNumber(name)), "name of " + name);
            }
            Assert.Equal("사업자등록번호의 검증번호가 맞지 않습니다.", Smartbill.StatusDescription("BRN_CHECKSUM", "ko"), "BRN_CHECKSUM");
            Assert.Equal("Unknown status 999.", Smartbill.StatusDescription(999, "en"), "unknown number");
            // null: the calling thread's language.
            Assert.Equal("Success.", Smartbill.StatusDescription("OK"), "OK in English");
            InKorean(() => Assert.Equal("성공했습니다.", Smartbill.StatusDescription("OK"), "OK in Korean"));
        }

        private static int StatusNumber(string name)
        {
            string constant = name == "OK" ? "SMARTBILL_OK" : "SMARTBILL_ERR_" + name;
            return (int)typeof(Native).GetField(constant, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic).GetRawConstantValue();
        }

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static void Outcome(JsonObject c, int port, out string status, out string field, out string message)
        {
            string url = c.Str("url").Replace("{closed_port}", port.ToString());
            var settings = new HttpSettings { Proxy = c.Str("proxy"), Timeout = TimeSpan.FromMilliseconds(c.Num("timeout_ms").Value) };
            try
            {
                ProbeResult found = Http.ProbeUrl(url, settings);
                Assert.True(!found.Reachable && found.Error != null && found.Message != null, "unreachable: " + found);
                status = found.Error;
                field = null;
                message = found.Message;
            }
            catch (SmartbillException e)
            {
                status = e.StatusName;
                field = e.Field;
                message = e.Message;
            }
        }

        private static void Check(JsonObject c, string message, string exact, string prefix, int port)
        {
            string want = c.Str(exact);
            if (want != null) Assert.Equal(want.Replace("{closed_port}", port.ToString()), message, exact);
            want = c.Str(prefix);
            if (want != null)
            {
                want = want.Replace("{closed_port}", port.ToString());
                Assert.True(message.StartsWith(want, StringComparison.Ordinal) && message.Length > want.Length,
                            prefix + ": <" + message + "> after <" + want + ">");
            }
            Assert.True(c.Str(exact) != null || c.Str(prefix) != null, "the case gives " + exact + " or " + prefix);
        }

        private static void Probe(JsonObject c)
        {
            int port = ClosedPort();
            string status, field, message;
            Outcome(c, port, out status, out field, out message);
            Assert.Equal(c.Str("status"), status, "status");
            Assert.Equal(c.Str("field"), field ?? "", "field");
            Check(c, message, "message", "message_starts_with", port);
            string statusKo = null, fieldKo = null, messageKo = null;
            InKorean(() => Outcome(c, port, out statusKo, out fieldKo, out messageKo));
            Assert.Equal(status, statusKo, "status in Korean");
            Assert.Equal(field, fieldKo, "field in Korean");
            Check(c, messageKo, "message_ko", "message_ko_starts_with", port);
        }
    }
}
