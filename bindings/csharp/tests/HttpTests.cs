// The network calls against the local SmartBill stand-in
// ($SMARTBILL_TARGET_DIR, else target/: debug/smartbill-signup standin) and
// a refused port.
using System;
using System.Diagnostics;
using System.IO;

namespace SmartbillSignup.Tests
{
    internal static class HttpTests
    {
        private const string Regno = "<td id=\"pComRegNo\">1248100998</td>";
        private static readonly HttpSettings Direct = new HttpSettings { Proxy = "off", Timeout = TimeSpan.FromSeconds(5) };

        public static void RunAll()
        {
            string targetDir = Environment.GetEnvironmentVariable("SMARTBILL_TARGET_DIR");
            if (string.IsNullOrEmpty(targetDir)) targetDir = Path.Combine(Runner.Root, "target");
            string exe = Path.Combine(targetDir, "debug", "smartbill-signup");
            Process standin = null;
            string baseUrl = null;
            Runner.Run("http stand-in starts", () =>
            {
                var info = new ProcessStartInfo(exe, "standin --max-requests 20 --idle-exit 60")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                };
                standin = Process.Start(info);
                string line = standin.StandardOutput.ReadLine() ?? "";
                Assert.True(line.StartsWith("listening on "), "stand-in said: " + line);
                baseUrl = line.Substring("listening on ".Length).Trim();
            });
            if (baseUrl == null) return;
            try
            {
                Runner.Run("http settings are checked by the library", () =>
                {
                    var e = Assert.Throws("INVALID_ARGUMENT", () => Http.Probe(baseUrl, new HttpSettings { ProxyUsername = "erp" }), "user without proxy");
                    Assert.Equal("proxy_username", e.Field, "field");
                    Assert.Throws<ArgumentOutOfRangeException>(() => Http.Probe(baseUrl, new HttpSettings { Timeout = TimeSpan.Zero }), "zero timeout");
                });
                Runner.Run("http send callback", () =>
                {
                    string json = "{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"C\",\"AUTH_TOKEN\":\"T\"}";
                    HttpResponse r = Http.SendCallback(baseUrl + "/erp/callback", json, Direct);
                    Assert.Equal(404, r.Status, "the stand-in has no /erp/callback");
                    Assert.Equal("not found", r.Body, "body");
                    Assert.Equal("text/plain; charset=utf-8", r.ContentType, "content type");
                    Assert.True(r.ElapsedMs < 5000, "elapsed");
                    var failing = new HttpSettings { Proxy = "off", FailOnStatus = true };
                    var e = Assert.Throws("HTTP_STATUS", () => Http.SendCallback(baseUrl + "/erp/callback", json, failing), "fail on status");
                    Assert.True(e.Message.Contains("404"), e.Message);
                    Assert.Throws("INVALID_ARGUMENT", () => Http.SendCallback("ftp://x", json, Direct), "scheme");
                });
                Runner.Run("http refused port", () =>
                {
                    var e = Assert.Throws("HTTP_CONNECT", () => Http.SendCallback("http://127.0.0.1:9/cb?token=SECRET", "{}", Direct), "refused");
                    Assert.True(e.Message.Contains("127.0.0.1:9") && !e.Message.Contains("SECRET"), e.Message);
                });
                Runner.Run("http probe", () =>
                {
                    ProbeResult up = Http.Probe(baseUrl, Direct);
                    Assert.True(up.Reachable && up.Status == 200 && up.Error == null, up.ToString());
                    // A base URL with a path prefix gets the signup path below it: nothing there.
                    ProbeResult gateway = Http.Probe(baseUrl + "/health", Direct);
                    Assert.True(gateway.Reachable && gateway.Status == 404, gateway.ToString());
                    ProbeResult down = Http.Probe("http://127.0.0.1:9", Direct);
                    Assert.True(!down.Reachable && down.Status == null, down.ToString());
                    Assert.Equal("HTTP_CONNECT", down.Error, "error");
                    Assert.True(down.Message.Contains("127.0.0.1"), down.Message);
                    Assert.Throws("INVALID_ARGUMENT", () => Http.Probe("not a target", Direct), "bad target");
                    var full = Assert.Throws("INVALID_ARGUMENT", () => Http.Probe(baseUrl + "/xMain/mb/shar_transfer/info_inpt01.aspx", Direct), "full URL");
                    Assert.Equal("environment", full.Field, "field");
                    Assert.True(full.Message.Contains("probe_url"), full.Message);
                    Assert.Throws<ArgumentNullException>(() => Http.Probe(null, Direct), "null");
                });
                Runner.Run("http probe url", () =>
                {
                    ProbeResult exact = Http.ProbeUrl(baseUrl + "/xMain/mb/shar_transfer/info_inpt01.aspx", Direct);
                    Assert.True(exact.Reachable && exact.Status == 200, exact.ToString());
                    ProbeResult health = Http.ProbeUrl(baseUrl + "/health?deep=1", Direct);
                    Assert.True(health.Reachable && health.Status == 404, health.ToString());
                    ProbeResult down = Http.ProbeUrl("http://127.0.0.1:9/health?token=SECRET", Direct);
                    Assert.Equal("HTTP_CONNECT", down.Error, "error");
                    Assert.True(down.Message.Contains("127.0.0.1:9") && !down.Message.Contains("SECRET"), down.Message);
                    var e = Assert.Throws("INVALID_ARGUMENT", () => Http.ProbeUrl("demo", Direct), "an environment is not a URL");
                    Assert.Equal("url", e.Field, "field");
                    Assert.Throws<ArgumentNullException>(() => Http.ProbeUrl(null, Direct), "null");
                });
                Runner.Run("http proxy that is not listening is named", () =>
                {
                    var viaDeadProxy = new HttpSettings { Proxy = "http://127.0.0.1:9", Timeout = TimeSpan.FromSeconds(5) };
                    ProbeResult r = Http.ProbeUrl("http://127.0.0.2:9/", viaDeadProxy);
                    Assert.Equal("HTTP_PROXY", r.Error, "error");
                    Assert.True(r.Message.StartsWith("proxy http://127.0.0.1:9 (for http://127.0.0.2:9)", StringComparison.Ordinal), r.Message);
                });
                Runner.Run("http submit signup in UTF-8 and EUC-KR", () =>
                {
                    using (var form = new SignupForm(baseUrl))
                    {
                        var e = Assert.Throws("FIELD_REQUIRED", () => Http.SubmitSignup(form, Direct), "invalid form is never sent");
                        Assert.Equal("pComRegNo", e.Field, "field");
                        form.Set("pComRegNo", "124-81-00998");
                        form.Set("pMIGRATIONFLAG", "TEST11");
                        form.Set("pComName", "(주)스마트 <&>");
                        HttpResponse r = Http.SubmitSignup(form, Direct);
                        Assert.Equal(200, r.Status, "status");
                        Assert.True(r.Body.Contains(Regno), "regno received");
                        Assert.True(r.Body.Contains("(주)스마트 &lt;&amp;&gt;"), "name received");
                        form.SetOption("output_charset", "euc-kr");
                        r = Http.SubmitSignup(form, Direct);
                        Assert.True(r.Body.Contains("decoded as EUC-KR"), "the stand-in decoded EUC-KR");
                        Assert.True(r.Body.Contains("(주)스마트 &lt;&amp;&gt;"), "name received");
                    }
                });
            }
            finally
            {
                if (!standin.HasExited) standin.Kill();
                standin.Dispose();
            }
        }
    }
}
