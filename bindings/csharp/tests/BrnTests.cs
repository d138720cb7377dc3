// The shared business-number vectors (tests/vectors/brn.json) through Brn.
using System.Collections.Generic;
using System.Text;

namespace SmartbillSignup.Tests
{
    internal static class BrnTests
    {
        public static void RunAll()
        {
            JsonObject v = Runner.Vectors("brn.json");
            List<string> kinds = v.Strings("kinds");
            var textInputs = new List<string>();
            var textStatuses = new List<string>();
            foreach (JsonObject c in v.Arr("cases"))
            {
                string label = "brn " + (c.Str("input") ?? c.Str("input_hex"));
                Runner.Run(label, () => Case(c, kinds));
                if (c.Str("input") != null)
                {
                    textInputs.Add(c.Str("input"));
                    textStatuses.Add(c.Str("status"));
                }
            }
            Runner.Run("brn every text case in one AreValid/CheckAll batch", () =>
            {
                Assert.True(textInputs.Count >= 40, "at least 40 text cases");
                Assert.Seq(textStatuses, Brn.CheckAll(textInputs), "CheckAll");
                bool[] valid = Brn.AreValid(textInputs);
                for (int i = 0; i < valid.Length; i++)
                    Assert.Equal(textStatuses[i] == "OK", valid[i], textInputs[i]);
            });
            foreach (JsonObject c in v.Arr("batch"))
            {
                Runner.Run("brn batch " + c.Str("note"), () => Batch(c));
            }
        }

        private static void Case(JsonObject c, List<string> kinds)
        {
            byte[] input = Runner.InputBytes(c);
            string text = c.Str("input");
            string expected = c.Str("status");
            Assert.Equal(expected == "OK", Brn.IsValid(input), "IsValid(bytes)");
            if (expected == "OK")
            {
                Assert.Equal(c.Str("normalized"), Brn.Validate(input), "Validate");
                Assert.Equal(c.Str("formatted"), Brn.Format(input), "Format");
                Assert.Equal(c.Str("kind"), Brn.Kind(input), "Kind");
                Assert.True(kinds.Contains(Brn.Kind(input)), "kind in the vector list");
                if (text != null)
                {
                    Assert.Equal(c.Str("normalized"), Brn.Validate(text), "Validate(string)");
                    Assert.Equal(c.Str("formatted"), Brn.Format(text), "Format(string)");
                    Assert.Equal(c.Str("kind"), Brn.Kind(text), "Kind(string)");
                    Assert.True(Brn.IsValid(text), "IsValid(string)");
                }
                return;
            }
            foreach (var call in new System.Action[] { () => Brn.Validate(input), () => Brn.Format(input), () => Brn.Kind(input) })
            {
                SmartbillException e = Assert.Throws(expected, call, "bytes");
                Assert.True(e.Message.Length > 0 && e.Message != e.StatusName, "a message from the library");
                Assert.Equal(Errors.StatusName(e.Status), e.StatusName, "status number and name agree");
            }
            if (text != null)
            {
                Assert.Throws(expected, () => Brn.Validate(text), "string");
                Assert.True(!Brn.IsValid(text), "IsValid(string)");
            }
            string korean = c.Str("message_ko");
            if (korean != null)
            {
                SmartbillException ko = null;
                LanguageTests.InKorean(() => ko = Assert.Throws(expected, () => Brn.Validate(input), "Korean"));
                Assert.Equal(korean, ko.Message, "message_ko");
                Assert.Equal(null, ko.Field, "field in Korean");
            }
        }

        // A batch vector is a separated list; the wrapper takes the list.
        private static void Batch(JsonObject c)
        {
            string data = c.Str("data");
            char sep = c.Str("separator")[0];
            var items = new List<string>(data.Split(sep));
            if (data.Length == 0 || data[data.Length - 1] == sep) items.RemoveAt(items.Count - 1);
            Assert.Seq(c.Strings("statuses"), Brn.CheckAll(items), "CheckAll");
        }
    }
}
