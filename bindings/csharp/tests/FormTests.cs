// The shared signup-form vectors (tests/vectors/form.json) through SignupForm.
using System;
using System.Collections.Generic;
using System.Text;

namespace SmartbillSignup.Tests
{
    internal static class FormTests
    {
        public static void RunAll()
        {
            JsonObject v = Runner.Vectors("form.json");
            List<object> cases = v.Arr("cases");
            Runner.Run("form at least 100 cases", () => Assert.True(cases.Count >= 100, "cases"));
            foreach (JsonObject c in cases) Runner.Run("form " + c.Str("note"), () => Case(c));
            foreach (JsonObject e in v.Arr("environments"))
                Runner.Run("form environment " + e.Str("environment"), () => Environment(e));
        }

        private static void Environment(JsonObject e)
        {
            string input = e.Str("environment");
            if (e.Str("status") == "OK")
            {
                using (var form = new SignupForm(input)) Assert.Equal(e.Str("action_url"), form.ActionUrl, "action url");
                return;
            }
            SmartbillException error = Assert.Throws(e.Str("status"), () => new SignupForm(input), input);
            Assert.Equal(e.Str("field"), error.Field, "field");
        }

        private static string Status(Action action)
        {
            try
            {
                action();
                return "OK";
            }
            catch (SmartbillException e)
            {
                return e.StatusName;
            }
        }

        private static byte[] Repeat(byte[] unit, int times)
        {
            var value = new byte[unit.Length * times];
            for (int i = 0; i < times; i++) Buffer.BlockCopy(unit, 0, value, i * unit.Length, unit.Length);
            return value;
        }

        private static void Case(JsonObject c)
        {
            // Text is a string, whatever input_charset says; input_hex is bytes.
            using (var form = new SignupForm(c.Str("environment") ?? "demo"))
            {
                foreach (JsonObject step in c.Arr("steps"))
                {
                    int times = (int)(step.Num("repeat") ?? 1);
                    byte[] value = Repeat(Runner.InputBytes(step), times);
                    string want = step.Str("status") ?? "OK";
                    string name = step.Str("set");
                    string got;
                    if (name == null)
                        got = Status(() => form.SetOption(step.Str("option"), Encoding.UTF8.GetString(value)));
                    else if (step.Str("input_hex") != null)
                        got = Status(() => form.Set(name, value));
                    else
                        got = Status(() => form.Set(name, Encoding.UTF8.GetString(value)));
                    Assert.Equal(want, got, "step " + (name ?? step.Str("option")));
                }
                string expected = c.Str("status");
                if (expected != "OK")
                {
                    SmartbillException e = Assert.Throws(expected, form.Validate, "Validate");
                    Assert.Equal(c.Str("field"), e.Field, "field");
                    foreach (string part in c.Strings("message_contains"))
                        Assert.True(e.Message.Contains(part), "message " + e.Message + " lacks " + part);
                    string korean = c.Str("message_ko");
                    if (korean != null)
                    {
                        SmartbillException ko = null;
                        LanguageTests.InKorean(() => ko = Assert.Throws(expected, form.Validate, "Validate in Korean"));
                        Assert.Equal(korean, ko.Message, "message_ko");
                        Assert.Equal(c.Str("field"), ko.Field, "field in Korean");
                    }
                    Assert.Equal(c.Str("field"), Assert.Throws(expected, () => form.Html(), "Html").Field, "Html field");
                    Assert.Throws(expected, () => form.HtmlBytes(), "HtmlBytes");
                    Assert.Throws(expected, () => form.Urlencoded(), "Urlencoded");
                    return;
                }
                form.Validate();
                Assert.Equal(c.Str("urlencoded"), form.Urlencoded(), "urlencoded");
                byte[] page = form.HtmlBytes();
                string text = form.Html();
                Assert.True(text.StartsWith("<!DOCTYPE html>"), "a document");
                foreach (string part in c.Strings("html_contains"))
                {
                    Assert.True(Runner.Contains(page, Encoding.UTF8.GetBytes(part)), "page bytes lack " + part);
                    Assert.True(text.Contains(part), "page text lacks " + part);
                }
                foreach (string part in c.Strings("html_excludes"))
                    Assert.True(!text.Contains(part), "page has " + part);
                foreach (string hex in c.Strings("html_contains_hex"))
                    Assert.True(Runner.Contains(page, Runner.Hex(hex)), "page bytes lack " + hex);
                Assert.Equal(text, form.PageEncoding.GetString(page), "Html is HtmlBytes decoded");
            }
        }
    }
}
