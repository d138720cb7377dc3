// The network side, done by the native library (reqwest, blocking, on the
// caller's thread): submitting a form server-side, the firewall probe, and
// playing SmartBill's callback against the ERP's own endpoint.
using System;

namespace SmartbillSignup
{
    /// <summary>Settings for one HTTP call. The defaults: proxy from the
    /// environment (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), non-2xx answers
    /// returned (not thrown), bodies up to 4 MiB, a 10-second timeout.</summary>
    public sealed class HttpSettings
    {
        /// <summary>"env" (default when null), "off" (direct) or a proxy URL
        /// such as "http://proxy.corp:3128".</summary>
        public string Proxy { get; set; }
        public string ProxyUsername { get; set; }
        public string ProxyPassword { get; set; }
        /// <summary>Whether a non-2xx answer throws HTTP_STATUS.</summary>
        public bool FailOnStatus { get; set; }
        /// <summary>The most of a response body read (null: 4 MiB); more is HTTP_TOO_LARGE.</summary>
        public long? MaxBodyBytes { get; set; }
        /// <summary>Bounds the whole exchange.</summary>
        public TimeSpan Timeout { get; set; }

        public HttpSettings()
        {
            Timeout = TimeSpan.FromSeconds(10);
        }

        internal uint TimeoutMs()
        {
            double ms = Math.Ceiling(Timeout.TotalMilliseconds);
            if (!(ms >= 1 && ms <= uint.MaxValue))
                throw new ArgumentOutOfRangeException("Timeout", Timeout, "a positive time of at most 49 days");
            return (uint)ms;
        }

        /// <summary>Native options for these settings; the caller disposes them.</summary>
        internal HttpOptionsHandle Open()
        {
            HttpOptionsHandle options;
            Errors.Check(Native.smartbill_http_options_new(out options));
            try
            {
                if (Proxy != null) Set(options, "proxy", Proxy);
                if (ProxyUsername != null) Set(options, "proxy_username", ProxyUsername);
                if (ProxyPassword != null) Set(options, "proxy_password", ProxyPassword);
                Set(options, "fail_on_status", FailOnStatus ? "yes" : "no");
                if (MaxBodyBytes.HasValue) Set(options, "max_body_bytes", MaxBodyBytes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return options;
            }
            catch
            {
                options.Dispose();
                throw;
            }
        }

        private static void Set(HttpOptionsHandle options, string name, string value)
        {
            byte[] n = Utf8.Encode(name);
            byte[] v = Utf8.Encode(value);
            Errors.Check(Native.smartbill_http_options_set(options, n, Utf8.Len(n), v, Utf8.Len(v)));
        }
    }

    /// <summary>An HTTP answer, read whole (the native response is already released).</summary>
    public sealed class HttpResponse
    {
        private readonly string _body;
        private readonly SmartbillException _bodyError;

        /// <summary>The HTTP status, e.g. 200.</summary>
        public int Status { get; private set; }
        /// <summary>The Content-Type header, "" when absent.</summary>
        public string ContentType { get; private set; }
        /// <summary>The body's bytes as received.</summary>
        public byte[] Content { get; private set; }
        public long ElapsedMs { get; private set; }

        /// <summary>The body as text, decoded by the charset its Content-Type
        /// declares (UTF-8 when none); throws INVALID_TEXT when it is not
        /// valid in that charset (read <see cref="Content"/> then).</summary>
        public string Body
        {
            get
            {
                if (_bodyError != null) throw _bodyError;
                return _body;
            }
        }

        private HttpResponse(int status, string contentType, byte[] content, long elapsedMs, string body, SmartbillException bodyError)
        {
            Status = status;
            ContentType = contentType;
            Content = content;
            ElapsedMs = elapsedMs;
            _body = body;
            _bodyError = bodyError;
        }

        internal static HttpResponse Read(ResponseHandle handle)
        {
            int status;
            uint elapsed;
            Errors.Check(Native.smartbill_response_status(handle, out status));
            Errors.Check(Native.smartbill_response_elapsed_ms(handle, out elapsed));
            byte[] contentType, content, body;
            Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.smartbill_response_content_type(handle, buf, cap, out len), out contentType));
            Errors.Check(Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.smartbill_response_body_raw(handle, buf, cap, out len), 16384, out content));
            int code = Utf8.CallOut((byte[] buf, UIntPtr cap, out UIntPtr len) =>
                Native.smartbill_response_body(handle, 0, buf, cap, out len), content.Length * 3 + 1, out body);
            return new HttpResponse(status, Utf8.Decode(contentType), content, elapsed,
                                    code == Utf8.Ok ? Utf8.Decode(body) : null,
                                    code == Utf8.Ok ? null : Errors.For(code));
        }

        public override string ToString()
        {
            return "HttpResponse(" + Status + ", " + ContentType + ", " + Content.Length + " bytes, " + ElapsedMs + " ms)";
        }
    }

    /// <summary>What <see cref="Http.Probe"/> found.</summary>
    public sealed class ProbeResult
    {
        /// <summary>Whether the server answered at all, with any HTTP status.</summary>
        public bool Reachable { get; internal set; }
        /// <summary>The HTTP status it answered with; null when unreachable.</summary>
        public int? Status { get; internal set; }
        /// <summary>Why it was not reached: HTTP_DNS, HTTP_CONNECT,
        /// HTTP_TIMEOUT, HTTP_TLS, HTTP_PROXY or HTTP_PROTOCOL; null when reachable.</summary>
        public string Error { get; internal set; }
        /// <summary>The library's explanation (host and cause); null when reachable.</summary>
        public string Message { get; internal set; }
        public long ElapsedMs { get; internal set; }

        public override string ToString()
        {
            return Reachable ? "reachable (HTTP " + Status + ", " + ElapsedMs + " ms)"
                             : "unreachable: " + Error + ": " + Message;
        }
    }

    public static class Http
    {
        /// <summary>The firewall check: can this machine reach SmartBill's
        /// signup endpoint? <paramref name="environment"/> is "demo",
        /// "production" or a base URL (a gateway's path prefix included), as
        /// <see cref="SignupForm"/> takes it; the GET goes to
        /// &lt;base&gt;/xMain/mb/shar_transfer/info_inpt01.aspx. Anything else
        /// (a query string, a full signup URL) throws INVALID_ARGUMENT (field
        /// "environment"): use <see cref="ProbeUrl"/> for a URL as given. A
        /// network failure is a result, not an exception.</summary>
        public static ProbeResult Probe(string environment = "production", HttpSettings settings = null)
        {
            if (environment == null) throw new ArgumentNullException("environment");
            return ProbeWith(Native.smartbill_http_probe, environment, settings);
        }

        /// <summary>The firewall check for a URL exactly as given (a health
        /// page, a full signup URL, a URL with a query): nothing is added to
        /// its path. Otherwise as <see cref="Probe"/>; text that is not an
        /// http(s) URL throws INVALID_ARGUMENT (field "url").</summary>
        public static ProbeResult ProbeUrl(string url, HttpSettings settings = null)
        {
            if (url == null) throw new ArgumentNullException("url");
            return ProbeWith(Native.smartbill_http_probe_url, url, settings);
        }

        private delegate int ProbeCall(byte[] text, IntPtr textLen, HttpOptionsHandle options, uint timeoutMs, out int httpStatus, out uint elapsedMs);

        private static ProbeResult ProbeWith(ProbeCall call, string text, HttpSettings settings)
        {
            Library.EnsureLoaded();
            settings = settings ?? new HttpSettings();
            byte[] t = Utf8.Encode(text);
            using (HttpOptionsHandle options = settings.Open())
            {
                int httpStatus;
                uint elapsed;
                int status = call(t, Utf8.Len(t), options, settings.TimeoutMs(), out httpStatus, out elapsed);
                if (status == Utf8.Ok)
                    return new ProbeResult { Reachable = true, Status = httpStatus, ElapsedMs = elapsed };
                SmartbillException error = Errors.For(status);
                if (!error.StatusName.StartsWith("HTTP_", StringComparison.Ordinal)) throw error;
                return new ProbeResult { Reachable = false, Error = error.StatusName, Message = error.Message, ElapsedMs = elapsed };
            }
        }

        /// <summary>Submits the form server-side, as the popup page would:
        /// validates it (throwing as <see cref="SignupForm.Validate"/>), POSTs
        /// its urlencoded body in the page charset to its action URL and
        /// returns the answer. Network failures throw HTTP_*.</summary>
        public static HttpResponse SubmitSignup(SignupForm form, HttpSettings settings = null)
        {
            if (form == null) throw new ArgumentNullException("form");
            Library.EnsureLoaded();
            settings = settings ?? new HttpSettings();
            uint timeout = settings.TimeoutMs();
            using (HttpOptionsHandle options = settings.Open())
            {
                return form.WithHandle(handle =>
                {
                    ResponseHandle response;
                    int status = Native.smartbill_http_submit(handle, options, timeout, out response);
                    return Exchange(status, response);
                });
            }
        }

        /// <summary>Plays SmartBill's side to test the ERP's callback
        /// endpoint: POSTs <paramref name="json"/> to <paramref name="url"/>
        /// as application/json; charset=utf-8 and returns the answer.</summary>
        public static HttpResponse SendCallback(string url, string json, HttpSettings settings = null)
        {
            if (url == null) throw new ArgumentNullException("url");
            if (json == null) throw new ArgumentNullException("json");
            Library.EnsureLoaded();
            settings = settings ?? new HttpSettings();
            byte[] u = Utf8.Encode(url);
            byte[] j = Utf8.Encode(json);
            using (HttpOptionsHandle options = settings.Open())
            {
                ResponseHandle response;
                int status = Native.smartbill_http_send_callback(u, Utf8.Len(u), j, Utf8.Len(j), options, settings.TimeoutMs(), out response);
                return Exchange(status, response);
            }
        }

        private static HttpResponse Exchange(int status, ResponseHandle response)
        {
            using (response)
            {
                if (status != Utf8.Ok) throw Errors.For(status);
                return HttpResponse.Read(response);
            }
        }
    }
}
