// The language of the library's messages (English or Korean) and the
// one-line description of each status: a translation of the C ABI's
// smartbill_set_language, smartbill_set_default_language,
// smartbill_language and smartbill_status_description.
using System;
using System.Collections.Generic;
using System.Reflection;

namespace SmartbillSignup
{
    /// <summary>The language of the library's messages. The choice is per
    /// thread, like the last error: <see cref="SetLanguage"/> changes the
    /// calling thread only, <see cref="SetDefaultLanguage"/> every thread
    /// that made no choice of its own (English until set). A
    /// <see cref="SmartbillException"/> carries its message in the language
    /// its thread had when the call failed; <see cref="SmartbillException.StatusName"/>
    /// and <see cref="SmartbillException.Field"/> are the same in every language.
    /// <code>
    /// Smartbill.SetLanguage("ko");
    /// try { Brn.Validate("124-81-00997"); }
    /// catch (SmartbillException e) { Console.WriteLine(e.Message); }
    /// // 사업자등록번호 "124-81-00997": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)
    /// </code>
    /// A thread-pool thread keeps its choice between work items: set it at
    /// the start of each item that depends on it.</summary>
    public static class Smartbill
    {
        // Status names to numbers, from the generated constants (Native.cs).
        private static readonly Dictionary<string, int> Numbers = ReadNumbers();

        private static Dictionary<string, int> ReadNumbers()
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (FieldInfo f in typeof(Native).GetFields(BindingFlags.Static | BindingFlags.NonPublic))
            {
                if (f.FieldType != typeof(int) || !f.IsLiteral) continue;
                if (f.Name == "SMARTBILL_OK") numbers["OK"] = (int)f.GetRawConstantValue();
                else if (f.Name.StartsWith("SMARTBILL_ERR_", StringComparison.Ordinal))
                    numbers[f.Name.Substring("SMARTBILL_ERR_".Length)] = (int)f.GetRawConstantValue();
            }
            return numbers;
        }

        /// <summary>Every status name the library has ("OK",
        /// "BRN_CHECKSUM", ...), in number order.</summary>
        public static IList<string> StatusNames
        {
            get
            {
                var names = new List<string>(Numbers.Keys);
                names.Sort((a, b) => Numbers[a].CompareTo(Numbers[b]));
                return names.AsReadOnly();
            }
        }

        /// <summary>Sets the language of the messages made on the calling
        /// thread: "ko" (Korean) or "en" (English); "" makes the thread follow
        /// the process default again. Other threads are not affected. An
        /// unknown language throws INVALID_ARGUMENT (field "language").</summary>
        public static void SetLanguage(string language)
        {
            if (language == null) throw new ArgumentNullException("language");
            Library.EnsureLoaded();
            byte[] code = Utf8.Encode(language);
            Errors.Check(Native.smartbill_set_language(code, Utf8.Len(code)));
        }

        /// <summary>Sets the process default language ("ko" or "en"; English
        /// until set), which every thread without its own choice follows.</summary>
        public static void SetDefaultLanguage(string language)
        {
            if (language == null) throw new ArgumentNullException("language");
            Library.EnsureLoaded();
            byte[] code = Utf8.Encode(language);
            Errors.Check(Native.smartbill_set_default_language(code, Utf8.Len(code)));
        }

        /// <summary>The language of the messages the calling thread makes
        /// now: "en" or "ko".</summary>
        public static string Language
        {
            get
            {
                Library.EnsureLoaded();
                return Utf8.FromStatic(Native.smartbill_language());
            }
        }

        /// <summary>A one-line description of a status for a user's screen,
        /// by its name ("BRN_CHECKSUM", as <see cref="SmartbillException.StatusName"/>
        /// gives it), in <paramref name="language"/> ("ko" or "en"; null: the
        /// calling thread's). A name the library does not have throws
        /// <see cref="ArgumentException"/>.</summary>
        public static string StatusDescription(string statusName, string language = null)
        {
            if (statusName == null) throw new ArgumentNullException("statusName");
            int number;
            if (!Numbers.TryGetValue(statusName, out number))
                throw new ArgumentException("unknown status name \"" + statusName + "\"", "statusName");
            return StatusDescription(number, language);
        }

        /// <summary>A one-line description of a status number
        /// (<see cref="SmartbillException.Status"/>); a number the library does
        /// not know is described too ("Unknown status 999.").</summary>
        public static string StatusDescription(int status, string language = null)
        {
            Library.EnsureLoaded();
            byte[] code = Utf8.Encode(language);
            byte[] text;
            int result = Utf8.CallOut(
                (byte[] buf, UIntPtr cap, out UIntPtr outLen) =>
                    Native.smartbill_status_description(status, code, Utf8.Len(code), 0, buf, cap, out outLen),
                256, out text);
            if (result != Utf8.Ok)
            {
                // The call never replaces the thread's last error (it may be
                // the one being described), so its failure has only its status.
                string name = Errors.StatusName(result);
                throw new SmartbillException(name, result, name, "language");
            }
            return Utf8.Decode(text);
        }
    }
}
