package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network calls against a local server, which also shows the callback
 * endpoint pattern: check the source, parse, store, then answer 200.
 */
class HttpTest {
    private HttpServer server;
    private String base;
    private final List<Callback> stored = Collections.synchronizedList(new ArrayList<>());
    private final List<String> posted = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", this::callbackEndpoint);
        server.createContext("/xMain/mb/shar_transfer/info_inpt01.aspx", exchange -> {
            posted.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(readAll(exchange), StandardCharsets.US_ASCII));
            reply(exchange, 200, "text/html; charset=euc-kr", "<p>가입 완료</p>".getBytes(Charset.forName("x-windows-949")));
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The ERP's endpoint: source check, parse, store durably, then 200. */
    private void callbackEndpoint(HttpExchange exchange) throws IOException {
        String peer = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (!Callback.sourceAllowed(peer, "production", "127.0.0.1")) {
            reply(exchange, 403, "text/plain", new byte[0]);
            return;
        }
        Callback cb;
        try {
            cb = Callback.parse(readAll(exchange));
        } catch (SmartbillException e) {
            reply(exchange, 400, "text/plain; charset=utf-8", e.getStatusName().getBytes(StandardCharsets.UTF_8));
            return;
        }
        stored.add(cb); // a real ERP commits it to its database before answering
        reply(exchange, 200, "text/plain; charset=utf-8", "OK".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAll(HttpExchange exchange) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = exchange.getRequestBody().read(buf)) > 0; ) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void sendCallbackReachesTheEndpointWhichParsesAndStores() {
        String json = "{\"USER_SBID\":\"test1\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"c0de\","
                + "\"AUTH_TOKEN\":\"t0ken\",\"COM_NAME\":\"(주)스마트빌\"}";
        HttpResponse r = Http.sendCallback(base + "/callback", json, 5000, new Http.Options().set("proxy", "off"));
        assertEquals(200, r.getStatus(), r.toString());
        assertEquals("OK", r.getBody());
        assertEquals(1, stored.size());
        assertEquals("(주)스마트빌", stored.get(0).getComName());
        assertEquals("t0ken", stored.get(0).getAuthToken());

        HttpResponse bad = Http.sendCallback(base + "/callback", "{\"USER_SBID\":\"x\"}", 5000,
                new Http.Options().set("proxy", "off"));
        assertEquals(400, bad.getStatus());
        assertEquals("CALLBACK_MISSING", bad.getBody());
    }

    @Test
    void submitSignupPostsTheUrlencodedBodyAndDecodesTheAnswer() {
        try (SignupForm form = new SignupForm(base)) {
            form.set("pComRegNo", "124-81-00998").set("pMIGRATIONFLAG", "TEST11").set("pComName", "스마트빌");
            HttpResponse r = Http.submitSignup(form, 5000, new Http.Options().set("proxy", "off"));
            assertEquals(200, r.getStatus());
            assertEquals("<p>가입 완료</p>", r.getBody());
            assertTrue(r.getContentType().contains("euc-kr"), r.getContentType());
            assertEquals(1, posted.size());
            assertTrue(posted.get(0).startsWith("application/x-www-form-urlencoded"), posted.get(0));
            assertTrue(posted.get(0).endsWith(" " + form.urlencoded()), posted.get(0));
        }
        try (SignupForm invalid = new SignupForm(base)) {
            SmartbillException e = assertThrows(SmartbillException.class, () -> Http.submitSignup(invalid, 5000));
            assertEquals("FIELD_REQUIRED", e.getStatusName());
            assertEquals(1, posted.size(), "an invalid form is never sent");
        }
    }

    @Test
    void probeReportsAnAnswerOrWhyThereWasNone() throws IOException {
        Http.Probe p = Http.probeUrl(base + "/callback", 5000, new Http.Options().set("proxy", "off"));
        assertTrue(p.getHttpStatus() >= 200, p.toString());
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmartbillException e = assertThrows(SmartbillException.class,
                () -> Http.probeUrl("http://127.0.0.1:" + closedPort + "/health?token=SECRET", 5000,
                        new Http.Options().set("proxy", "off")));
        assertEquals("HTTP_CONNECT", e.getStatusName());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort) && !e.getMessage().contains("SECRET"), e.getMessage());
        SmartbillException bad = assertThrows(SmartbillException.class,
                () -> Http.probe(base, 5000, new Http.Options().set("no_such_option", "x")));
        assertEquals("INVALID_ARGUMENT", bad.getStatusName());
    }

    @Test
    void probeTakesAnEnvironmentAndProbeUrlTakesAUrlAsGiven() {
        List<String> paths = Collections.synchronizedList(new ArrayList<>());
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().toString());
            reply(exchange, 404, "text/plain", new byte[0]);
        });
        Http.Options direct = new Http.Options().set("proxy", "off");
        // A base URL with a path prefix (a gateway) gets the signup path below it.
        assertEquals(404, Http.probe(base + "/gateway", 5000, direct).getHttpStatus());
        assertEquals(200, Http.probe(base, 5000, direct).getHttpStatus());
        assertEquals(404, Http.probeUrl(base + "/health?deep=1", 5000, direct).getHttpStatus());
        assertEquals(Arrays.asList("/gateway/xMain/mb/shar_transfer/info_inpt01.aspx", "/health?deep=1"), paths);
        SmartbillException full = assertThrows(SmartbillException.class,
                () -> Http.probe(base + "/xMain/mb/shar_transfer/info_inpt01.aspx", 5000, direct));
        assertEquals("INVALID_ARGUMENT", full.getStatusName());
        assertEquals("environment", full.getField());
        assertTrue(full.getMessage().contains("probe_url"), full.getMessage());
        SmartbillException notUrl = assertThrows(SmartbillException.class, () -> Http.probeUrl("demo", 5000, direct));
        assertEquals("url", notUrl.getField());
    }

    @Test
    void aProxyThatIsNotListeningIsNamed() {
        SmartbillException e = assertThrows(SmartbillException.class,
                () -> Http.probeUrl("http://127.0.0.2:9/", 5000, new Http.Options().set("proxy", "http://127.0.0.1:9")));
        assertEquals("HTTP_PROXY", e.getStatusName());
        assertTrue(e.getMessage().contains(": proxy http://127.0.0.1:9 (for http://127.0.0.2:9): "), e.getMessage());
    }
}
