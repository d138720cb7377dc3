// The shared business-number vectors (tests/vectors/brn.json) through Brn.
using System;
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
            foreach (JsonObject c in v.Arr("array"))
            {
                Runner.Run("brn array " + c.Str("note"), () => ArrayCase(c));
            }
            Runner.Run("brn every case's bytes in one AreValid/CheckAll batch agree with single checks", () =>
            {
                var inputs = new List<byte[]>();
                foreach (JsonObject c in v.Arr("cases")) inputs.Add(Runner.InputBytes(c));
                AgreesWithSingleChecks(inputs);
            });
            Runner.Run("brn generated batches agree with single checks", GeneratedBatches);
        }

        // An array vector: the items as bytes, and as strings when every
        // item is text; each status also equals the single check's.
        private static void ArrayCase(JsonObject c)
        {
            var bytes = new List<byte[]>();
            var texts = new List<string>();
            foreach (object o in c.Arr("items"))
            {
                var item = (JsonObject)o;
                bytes.Add(Runner.InputBytes(item));
                if (texts != null && item.Str("input") != null) texts.Add(item.Str("input"));
                else texts = null;
            }
            List<string> expected = c.Strings("statuses");
            Assert.Seq(expected, Brn.CheckAll(bytes), "CheckAll(bytes)");
            bool[] valid = Brn.AreValid(bytes);
            Assert.Equal(expected.Count, valid.Length, "AreValid(bytes) count");
            for (int i = 0; i < valid.Length; i++) Assert.Equal(expected[i] == "OK", valid[i], "AreValid(bytes)[" + i + "]");
            if (texts != null)
            {
                Assert.Seq(expected, Brn.CheckAll(texts), "CheckAll(strings)");
                Assert.Seq(expected, Brn.CheckAll(texts.ToArray()), "CheckAll(string[])");
                Assert.Seq(expected, Brn.CheckAll(Lazily(texts)), "CheckAll(a lazy sequence)");
            }
            AgreesWithSingleChecks(bytes);
        }

        private static IEnumerable<string> Lazily(List<string> items)
        {
            foreach (string item in items) yield return item;
        }

        private static string Single(byte[] number)
        {
            return Errors.StatusName(Native.smartbill_brn_check(number, Utf8.Len(number)));
        }

        private static void AgreesWithSingleChecks(List<byte[]> inputs)
        {
            string[] batch = Brn.CheckAll(inputs);
            Assert.Equal(inputs.Count, batch.Length, "one status per number");
            for (int i = 0; i < inputs.Count; i++)
                Assert.Equal(Single(inputs[i]), batch[i], "item " + i + " (" + Runner.ToHex(inputs[i]) + ")");
        }

        // Random strings from pieces of numbers, separators other batches
        // use, NUL, whitespace, Hangul, other non-ASCII text and lone
        // surrogates, in batches of every small size: the string batch (its
        // ASCII path and its UTF-8 path, growing its buffer) gives every
        // item the single check's status.
        private static void GeneratedBatches()
        {
            string[] pieces = { "124", "81", "00998", "-", " ", "\n", "\0", "\v", "\u3000", "\u00A0", ",", "|",
                                "\u001F", "사업자", "é", "\uD83D\uDE00", "\uD800", "\uDC00", "1", "0", "" };
            var random = new Random(10);
            // Small batches reuse the thread's kept arrays, growing them;
            // the large ones (more numbers or bytes than it keeps) do not.
            for (int round = 0; round < 304; round++)
            {
                int count = round < 300 ? random.Next(0, 12) : round % 2 == 0 ? 20000 : 5000;
                var texts = new List<string>(count);
                for (int i = 0; i < count; i++)
                {
                    var sb = new StringBuilder();
                    int parts = random.Next(0, round < 300 || round % 4 != 3 ? 8 : 40);
                    for (int p = 0; p < parts; p++) sb.Append(pieces[random.Next(pieces.Length)]);
                    texts.Add(sb.ToString());
                }
                string[] batch = Brn.CheckAll(texts);
                bool[] valid = Brn.AreValid(texts);
                Assert.Equal(count, batch.Length, "one status per number");
                for (int i = 0; i < count; i++)
                {
                    string single = Single(Utf8.Encode(texts[i]));
                    Assert.Equal(single, batch[i], "round " + round + " item " + i);
                    Assert.Equal(single == "OK", valid[i], "round " + round + " item " + i);
                    Assert.Equal(single == "OK", Brn.IsValid(texts[i]), "IsValid, round " + round + " item " + i);
                }
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
