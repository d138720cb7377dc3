// A self-contained test runner: each test is a named action; an Assert
// failure or any unexpected exception fails that test and the run goes on.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SmartbillSignup.Tests
{
    internal sealed class AssertFailed : Exception
    {
        public AssertFailed(string message) : base(message) { }
    }

    internal static class Assert
    {
        public static void True(bool condition, string what)
        {
            if (!condition) throw new AssertFailed(what);
        }

        public static void Equal<T>(T expected, T actual, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
                throw new AssertFailed(what + ": expected <" + expected + ">, got <" + actual + ">");
        }

        public static void Seq<T>(IList<T> expected, IList<T> actual, string what)
        {
            string e = "[" + string.Join(", ", expected) + "]";
            string a = "[" + string.Join(", ", actual) + "]";
            if (expected.Count != actual.Count) throw new AssertFailed(what + ": expected " + e + ", got " + a);
            for (int i = 0; i < expected.Count; i++)
                if (!EqualityComparer<T>.Default.Equals(expected[i], actual[i]))
                    throw new AssertFailed(what + ": expected " + e + ", got " + a);
        }

        /// <summary>Runs <paramref name="action"/>, which must throw a
        /// SmartbillException with <paramref name="statusName"/>; returns it.</summary>
        public static SmartbillException Throws(string statusName, Action action, string what)
        {
            try
            {
                action();
            }
            catch (SmartbillException e)
            {
                Equal(statusName, e.StatusName, what + " (" + e.Message + ")");
                return e;
            }
            throw new AssertFailed(what + ": expected " + statusName + ", nothing thrown");
        }

        public static T Throws<T>(Action action, string what) where T : Exception
        {
            try
            {
                action();
            }
            catch (T e)
            {
                return e;
            }
            throw new AssertFailed(what + ": expected " + typeof(T).Name);
        }
    }

    internal static class Runner
    {
        private static int _passed;
        private static int _failed;

        public static void Run(string name, Action test)
        {
            try
            {
                test();
                _passed++;
            }
            catch (Exception e)
            {
                _failed++;
                Console.WriteLine("FAIL " + name + ": " + (e is AssertFailed ? e.Message : e.ToString()));
            }
        }

        public static string VectorsDir;
        public static string Root;

        public static JsonObject Vectors(string name)
        {
            return (JsonObject)Json.Parse(File.ReadAllText(Path.Combine(VectorsDir, name), Encoding.UTF8));
        }

        /// <summary>A case's input bytes: "input" as UTF-8 text, or "input_hex".</summary>
        public static byte[] InputBytes(JsonObject c)
        {
            string hex = c.Str("input_hex");
            return hex != null ? Hex(hex) : Encoding.UTF8.GetBytes(c.Str("input"));
        }

        public static byte[] Hex(string hex)
        {
            var bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = Convert.ToByte(hex.Substring(2 * i, 2), 16);
            return bytes;
        }

        public static string ToHex(byte[] bytes)
        {
            var sb = new StringBuilder();
            foreach (byte b in bytes) sb.Append(b.ToString("x2"));
            return sb.ToString();
        }

        public static bool Contains(byte[] hay, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= hay.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && hay[i + j] == needle[j]) j++;
                if (j == needle.Length) return true;
            }
            return needle.Length == 0;
        }

        public static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "--load-check") return LoadCheck.Run(args[1]);
            VectorsDir = args.Length > 0 ? args[0] : Path.Combine("tests", "vectors");
            Root = Path.GetFullPath(Path.Combine(VectorsDir, "..", ".."));
            BrnTests.RunAll();
            FormTests.RunAll();
            CallbackTests.RunAll();
            LanguageTests.RunAll();
            WrapperTests.RunAll();
            HttpTests.RunAll();
            ReceiverTests.RunAll();
            WindowsDllTests.RunAll();
            Console.WriteLine("csharp: " + _passed + " passed, " + _failed + " failed");
            return _failed == 0 && _passed > 0 ? 0 : 1;
        }
    }
}
