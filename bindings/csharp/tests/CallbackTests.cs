// The shared callback vectors (tests/vectors/callback.json) through Callback.
using System;
using System.Collections.Generic;
using System.Text;

namespace SmartbillSignup.Tests
{
    internal static class CallbackTests
    {
        private static List<string> _secrets;
        private static List<string> _personal;

        public static void RunAll()
        {
            JsonObject v = Runner.Vectors("callback.json");
            _secrets = v.Strings("secrets");
            _personal = v.Strings("personal");
            foreach (JsonObject c in v.Arr("parse"))
                Runner.Run("callback " + c.Str("name"), () => Parse(c));
            foreach (JsonObject c in v.Arr("key_flags"))
                Runner.Run("callback key flags " + c.Str("key"), () => KeyFlags(c));
            foreach (JsonObject c in v.Arr("source"))
                Runner.Run("callback source " + c.Str("note"), () => Source(c));
            Runner.Run("callback default limit is the vectors'", () =>
            {
                var body = new StringBuilder("{\"USER_SBID\":\"x\"}");
                body.Append(' ', (int)v.Num("default_max_bytes").Value);
                Assert.Throws("CALLBACK_TOO_LARGE", () => Callback.Parse(body.ToString()), "over the default");
                Assert.Throws("CALLBACK_MISSING", () => Callback.Parse(body.ToString(), body.Length), "raised limit");
            });
        }

        private static byte[] Body(JsonObject c)
        {
            JsonObject r = c.Obj("input_repeat");
            if (r == null) return Runner.InputBytes(c);
            var sb = new StringBuilder(r.Str("head"));
            for (long i = 0; i < r.Num("count"); i++) sb.Append(r.Str("unit"));
            sb.Append(r.Str("tail"));
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        private static void NoSecret(string text, string what)
        {
            foreach (string secret in _secrets)
                for (int i = 0; i + 8 <= secret.Length; i++)
                    Assert.True(!text.Contains(secret.Substring(i, 8)), what + " shows part of a secret: " + text);
            foreach (string value in _personal)
                Assert.True(!text.Contains(value), what + " shows personal data: " + text);
        }

        private static void KeyFlags(JsonObject c)
        {
            CallbackKeyInfo info = Callback.KeyInfo(c.Str("key"));
            Assert.Equal(c.Bool("known").Value, info.Known, "known");
            Assert.Equal(c.Bool("required").Value, info.Required, "required");
            Assert.Equal(c.Str("sensitivity"), info.Sensitivity.ToString().ToLowerInvariant(), "sensitivity");
            Assert.Equal(info.Sensitivity != CallbackKeySensitivity.Public, info.Hidden, "hidden");
        }

        private static void Parse(JsonObject c)
        {
            byte[] body = Body(c);
            long max = c.Num("max_bytes") ?? 0;
            string expected = c.Str("status");
            if (expected != "OK")
            {
                SmartbillException e = Assert.Throws(expected, () => Callback.Parse(body, max), "Parse");
                Assert.Equal(c.Str("field"), e.Field, "field");
                foreach (string part in c.Strings("message_contains"))
                    Assert.True(e.Message.Contains(part), "message " + e.Message + " lacks " + part);
                NoSecret(e.Message, "message");
                NoSecret(e.ToString(), "exception text");
                string korean = c.Str("message_ko");
                if (korean != null)
                {
                    SmartbillException ko = null;
                    LanguageTests.InKorean(() => ko = Assert.Throws(expected, () => Callback.Parse(body, max), "Korean"));
                    Assert.Equal(korean, ko.Message, "message_ko");
                    Assert.Equal(e.Field, ko.Field, "field in Korean");
                }
                return;
            }
            Callback cb = Callback.Parse(body, max);
            JsonObject fields = c.Obj("fields");
            foreach (string key in fields.KeyOrder)
            {
                Assert.Equal((string)fields[key], cb.Get(key), key);
                Assert.True(cb.Has(key), "has " + key);
            }
            foreach (string key in c.Strings("absent"))
            {
                Assert.Equal(null, cb.Get(key), key + " absent");
                Assert.True(!cb.Has(key), "not has " + key);
                Assert.Equal(null, cb.GetCp949(key), key + " absent in CP949");
            }
            if (c.Arr("keys") != null) Assert.Seq(c.Strings("keys"), cb.Keys, "keys");
            Assert.Equal(c.Bool("com_regno_valid").Value, cb.ComRegnoValid, "com_regno_valid");
            JsonObject cp949 = c.Obj("cp949");
            if (cp949 != null)
            {
                foreach (string key in cp949.KeyOrder)
                {
                    string want = (string)cp949[key];
                    if (want == "UNENCODABLE")
                    {
                        var e = Assert.Throws("UNENCODABLE", () => cb.GetCp949(key), key + " in CP949");
                        NoSecret(e.Message, "message");
                    }
                    else
                    {
                        Assert.Equal(want, Runner.ToHex(cb.GetCp949(key)), key + " in CP949");
                    }
                }
            }
            // The properties agree with Get().
            Assert.Equal(cb.Get("USER_SBID"), cb.UserSbid, "UserSbid");
            Assert.Equal(cb.Get("COM_REGNO"), cb.ComRegno, "ComRegno");
            Assert.Equal(cb.Get("AUTH_CODE"), cb.AuthCode, "AuthCode");
            Assert.Equal(cb.Get("AUTH_TOKEN"), cb.AuthToken, "AuthToken");
            Assert.Equal(cb.Get("pID"), cb.ErpUserId, "ErpUserId");
            Assert.Equal(cb.Get("regYn"), cb.RegYn, "RegYn");
            Assert.Equal(cb.Get("USER_EMAIL"), cb.UserEmail, "UserEmail");
            Assert.Equal(cb.Get("USER_NAME"), cb.UserName, "UserName");
            Assert.Equal(cb.Get("COM_NAME"), cb.ComName, "ComName");
            Assert.True(cb.UserSbid != null && cb.ComRegno != null && cb.AuthCode != null && cb.AuthToken != null,
                        "the required keys are always present");
            string shown = cb.ToString();
            NoSecret(shown, "ToString");
            foreach (string value in c.Strings("shown"))
                Assert.True(shown.Contains(value), "ToString lacks the public " + value + ": " + shown);
            foreach (string secret in new[] { cb.AuthCode, cb.AuthToken })
                Assert.True(secret.Length < 8 || !shown.Contains(secret), "ToString shows a secret: " + shown);
        }

        private static void Source(JsonObject c)
        {
            string status = c.Str("status");
            if (status == "OK")
            {
                bool allowed = Callback.SourceAllowed(c.Str("ip"), c.Str("environment"), c.Str("extra_ips"));
                Assert.Equal(c.Bool("allowed").Value, allowed, "allowed");
                return;
            }
            Assert.Throws(status, () => Callback.SourceAllowed(c.Str("ip"), c.Str("environment"), c.Str("extra_ips")), "SourceAllowed");
        }
    }
}
