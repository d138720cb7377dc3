// The signup form: SmartBill's parameters in, the popup page or the
// urlencoded body out. Every rule is checked by the native library.
using System;
using System.Collections.Generic;
using System.Text;

namespace SmartbillSignup
{
    /// <summary>A signup form for SmartBill's simple signup (간편 회원 가입).
    ///
    /// <para>Parameters use the guide's names (pComRegNo, pMIGRATIONFLAG,
    /// ...). A refused name or value throws at once (unknown name, invalid
    /// text, a character CP949 cannot hold); the other rules (required
    /// parameters, formats, CP949 byte limits) are checked by
    /// <see cref="Validate"/>, <see cref="Html"/> and <see cref="Urlencoded"/>.</para>
    ///
    /// <para>Holds a native handle: dispose it (<c>using</c>). A form may be
    /// shared between threads; calls on it take turns.</para></summary>
    public sealed class SignupForm : IDisposable
    {
        private readonly object _gate = new object();
        private readonly FormHandle _handle;
        private readonly string _environment;
        private bool _pageIsUtf8 = true;

        /// <summary>A new form for <paramref name="environment"/>: "demo",
        /// "production" or a base URL (http or https).</summary>
        public SignupForm(string environment = "demo")
        {
            if (environment == null) throw new ArgumentNullException("environment");
            Library.EnsureLoaded();
            _environment = environment;
            byte[] env = Utf8.Encode(environment);
            FormHandle handle;
            int status = Native.smartbill_form_new(env, Utf8.Len(env), out handle);
            if (status != Utf8.Ok)
            {
                handle.Dispose();
                throw Errors.For(status);
            }
            _handle = handle;
        }

        /// <summary>A new form with <paramref name="fields"/> set in order.</summary>
        public SignupForm(IEnumerable<KeyValuePair<string, string>> fields, string environment = "demo")
            : this(environment)
        {
            if (fields == null) throw new ArgumentNullException("fields");
            try
            {
                foreach (var field in fields) Set(field.Key, field.Value);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>The environment as given.</summary>
        public string Environment { get { return _environment; } }

        /// <summary>Sets one parameter, replacing its value; null or a blank
        /// value leaves it out. A string is text whatever input_charset says
        /// (the library reads it as UTF-8): "Café" is FIELD_UNENCODABLE, CP949
        /// has no é. A refused value is not stored and the form stays invalid
        /// until <paramref name="name"/> is set successfully.</summary>
        public void Set(string name, string value)
        {
            if (name == null) throw new ArgumentNullException("name");
            byte[] key = Utf8.Encode(name);
            byte[] text = Utf8.Encode(value);
            lock (_gate) Errors.Check(Native.smartbill_form_set_utf8(Live(), key, Utf8.Len(key), text, Utf8.Len(text)));
        }

        /// <summary>Sets one parameter from bytes in the form's input_charset
        /// (UTF-8, or CP949 after <c>SetOption("input_charset", "euc-kr")</c>),
        /// e.g. a field read from a legacy system; trailing space padding is
        /// ignored.</summary>
        public void Set(string name, byte[] value)
        {
            if (name == null) throw new ArgumentNullException("name");
            byte[] key = Utf8.Encode(name);
            lock (_gate) Errors.Check(Native.smartbill_form_set(Live(), key, Utf8.Len(key), value, Utf8.Len(value)));
        }

        /// <summary>Sets a form option: input_charset ("utf-8" or "euc-kr",
        /// the charset of byte[] values), output_charset ("utf-8" or
        /// "euc-kr", the page's), auto_submit ("yes"/"no"), target ("_blank",
        /// "_self", ... or a window name), brn_check ("strict"/"digits").
        /// A refused option is remembered: the form stays invalid until the
        /// option is set successfully.</summary>
        public void SetOption(string name, string value)
        {
            if (name == null) throw new ArgumentNullException("name");
            if (value == null) throw new ArgumentNullException("value");
            lock (_gate)
            {
                // The library decides what the name and the value mean; the
                // form then asks it which page charset is in force, with no
                // rule of its own.
                RawOption(name, value);
                _pageIsUtf8 = Option("output_charset") == "utf-8";
            }
        }

        // An option's current value as the library spells it ("utf-8", "euc-kr", ...).
        private string Option(string name)
        {
            byte[] n = Utf8.Encode(name);
            byte[] raw;
            Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.smartbill_form_option(Live(), n, Utf8.Len(n), buf, cap, out len), out raw));
            return Encoding.ASCII.GetString(raw);
        }

        private void RawOption(string name, string value)
        {
            byte[] n = Utf8.Encode(name);
            byte[] v = Utf8.Encode(value);
            Errors.Check(Native.smartbill_form_set_option(Live(), n, Utf8.Len(n), v, Utf8.Len(v)));
        }

        /// <summary>Checks the whole form; throws for the first parameter,
        /// in the guide's order, that breaks a rule (Field names it).</summary>
        public void Validate()
        {
            lock (_gate) Errors.Check(Native.smartbill_form_validate(Live()));
        }

        /// <summary>The popup page as text: a complete HTML document whose
        /// form posts the parameters to SmartBill, every value escaped. Serve
        /// it with the page charset (<see cref="PageEncoding"/>) in the
        /// Content-Type. Validates first.</summary>
        public string Html()
        {
            byte[] page = HtmlBytes();
            return PageEncoding.GetString(page);
        }

        /// <summary>The page as bytes in its own charset (UTF-8, or CP949
        /// when output_charset is "euc-kr"), ready for a file or a response.</summary>
        public byte[] HtmlBytes()
        {
            return Output(Native.smartbill_form_html, 4096);
        }

        /// <summary>The application/x-www-form-urlencoded body the page posts
        /// (ASCII; values percent-encoded from the page charset).</summary>
        public string Urlencoded()
        {
            return Encoding.ASCII.GetString(Output(Native.smartbill_form_urlencoded, 1024));
        }

        /// <summary>The URL the form posts to.</summary>
        public string ActionUrl
        {
            get { return Encoding.ASCII.GetString(Output(Native.smartbill_form_action_url, 256)); }
        }

        /// <summary>The encoding of <see cref="HtmlBytes"/>: UTF-8, or CP949
        /// (code page 949; on Mono it needs the I18N.CJK assembly).</summary>
        public Encoding PageEncoding
        {
            get
            {
                if (_pageIsUtf8) return new UTF8Encoding(false);
                try
                {
                    return Encoding.GetEncoding(949);
                }
                catch (Exception e)
                {
                    throw new NotSupportedException(
                        "SmartbillSignup: this runtime has no CP949 encoding (on Mono install I18N.CJK); " +
                        "use HtmlBytes() for the page bytes", e);
                }
            }
        }

        private delegate int FormOut(FormHandle form, byte[] buf, UIntPtr cap, out UIntPtr outLen);

        private byte[] Output(FormOut function, int capacity)
        {
            lock (_gate)
            {
                FormHandle handle = Live();
                byte[] result;
                Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                    function(handle, buf, cap, out len), capacity, out result));
                return result;
            }
        }

        internal T WithHandle<T>(Func<FormHandle, T> call)
        {
            lock (_gate) return call(Live());
        }

        private FormHandle Live()
        {
            if (_handle.IsClosed) throw new ObjectDisposedException("SignupForm");
            return _handle;
        }

        public bool IsDisposed { get { return _handle.IsClosed; } }

        /// <summary>Releases the native form; later calls throw
        /// ObjectDisposedException. Disposing again does nothing.</summary>
        public void Dispose()
        {
            lock (_gate) _handle.Dispose();
        }

        public override string ToString()
        {
            return "SignupForm(" + _environment + (IsDisposed ? ", disposed" : "") + ")";
        }
    }
}
