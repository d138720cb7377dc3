package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The embedded receiver: started on 127.0.0.1, fed with the library's own sendCallback, drained with next and ack. */
class ReceiverTest {
    private static final String CUSTOM = "http://127.0.0.1:1";
    private static final Http.Options DIRECT = new Http.Options().set("proxy", "off");

    private static String body(String sbid, String token) {
        return "{\"USER_SBID\":\"" + sbid + "\",\"COM_REGNO\":\"1248100998\",\"COM_NAME\":\"\uc2a4\ub9c8\ud2b8\ube4c\","
                + "\"AUTH_CODE\":\"CODE-secret\",\"AUTH_TOKEN\":\"" + token + "\"}";
    }

    private static String store() throws Exception {
        Path dir = Files.createTempDirectory("smartbill-java-");
        return dir.resolve("callbacks.db").toString();
    }

    private static Receiver loopback(String store) {
        return new Receiver(new Receiver.Options(store, "127.0.0.1", 0).environment(CUSTOM).extraIps("127.0.0.1"));
    }

    private static int send(String url, String json) {
        return Http.sendCallback(url, json, 10_000, DIRECT).getStatus();
    }

    @Test
    void deliverTakeAndAcknowledge() throws Exception {
        try (Receiver receiver = loopback(store())) {
            int port = receiver.getPort();
            assertTrue(port > 0);
            assertEquals("http://127.0.0.1:" + port + "/smartbill/callback", receiver.getUrl());
            assertNull(receiver.next(Duration.ZERO));
            assertEquals(200, send(receiver.getUrl(), body("test1", "TOKEN-secret-1")));
            CallbackRecord record = receiver.next(Duration.ofSeconds(5));
            assertNotNull(record);
            assertEquals(new RecordId(1, 1), record.getId());
            assertEquals("1.1", record.getId().toString());
            assertEquals("test1", record.getCallback().getUserSbid());
            assertEquals("TOKEN-secret-1", record.getCallback().getAuthToken());
            assertEquals("\uc2a4\ub9c8\ud2b8\ube4c", record.getCallback().getComName());
            assertEquals("127.0.0.1", record.getPeer());
            assertTrue(Math.abs(Duration.between(record.getReceivedAt(), Instant.now()).getSeconds()) < 60);
            assertEquals(body("test1", "TOKEN-secret-1"), new String(record.getBody(), StandardCharsets.UTF_8));
            assertFalse(record.toString().contains("secret"), record.toString());
            receiver.ack(record.getId());
            assertNull(receiver.next(Duration.ZERO));
            assertEquals(1, receiver.counts().getRecords());
            assertEquals(0, receiver.counts().getPending());
        }
    }

    @Test
    void newContentIsANewVersion() throws Exception {
        try (Receiver receiver = loopback(store())) {
            send(receiver.getUrl(), body("test1", "T1"));
            CallbackRecord first = receiver.next(Duration.ofSeconds(5));
            assertEquals(200, send(receiver.getUrl(), body("test1", "T2")));
            receiver.ack(first);
            CallbackRecord second = receiver.next(Duration.ofSeconds(5));
            assertEquals(new RecordId(1, 2), second.getId());
            assertEquals("T2", second.getCallback().getAuthToken());
            receiver.ack(second);
            SmartbillException e = assertThrows(SmartbillException.class, () -> receiver.ack(new RecordId(1, 3)));
            assertEquals("INVALID_ARGUMENT", e.getStatusName());
            e = assertThrows(SmartbillException.class, () -> receiver.ack(new RecordId(99, 1)));
            assertEquals("RECORD_UNKNOWN", e.getStatusName());
        }
    }

    @Test
    void refusalsAreAnsweredAndNotStored() throws Exception {
        try (Receiver receiver = loopback(store())) {
            HttpResponse r = Http.sendCallback(receiver.getUrl(), "{\"USER_SBID\":\"x\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"CODE-secret\"}", 10_000, DIRECT);
            assertEquals(400, r.getStatus());
            assertTrue(r.getBody().startsWith("CALLBACK_MISSING") && !r.getBody().contains("secret"), r.getBody());
            assertEquals(0, receiver.counts().getRecords());
        }
        try (Receiver production = new Receiver(new Receiver.Options(store(), "127.0.0.1", 0))) {
            assertEquals(403, send(production.getUrl(), body("x", "T")), "loopback is not SmartBill");
        }
    }

    @Test
    void aSecondHandleDrainsTheSameStore() throws Exception {
        String store = store();
        try (Receiver receiver = loopback(store); Receiver batch = Receiver.openStore(store, 30, null)) {
            send(receiver.getUrl(), body("user0", "T"));
            send(receiver.getUrl(), body("user1", "T"));
            assertNull(batch.getPort());
            assertNull(batch.getUrl());
            CallbackRecord mine = receiver.next(Duration.ofSeconds(5));
            CallbackRecord theirs = batch.next(Duration.ZERO);
            assertNotNull(mine);
            assertNotNull(theirs);
            assertNotEquals(mine.getId().getNumber(), theirs.getId().getNumber());
            assertNull(batch.next(Duration.ZERO), "the other record is reserved");
            batch.ack(mine);
            batch.ack(theirs);
            assertEquals(0, batch.counts().getPending());
        }
    }

    @Test
    void optionsAreCheckedByTheLibrary() throws Exception {
        String store = store();
        SmartbillException e = assertThrows(SmartbillException.class, () -> new Receiver(new Receiver.Options(store, "localhost", 0)));
        assertEquals("INVALID_ARGUMENT", e.getStatusName());
        assertEquals("host", e.getField());
        e = assertThrows(SmartbillException.class, () -> new Receiver(new Receiver.Options(store, "127.0.0.1", 70000)));
        assertEquals("port", e.getField());
        e = assertThrows(SmartbillException.class, () -> new Receiver(new Receiver.Options(store, "127.0.0.1", 0).set("colour", "red")));
        assertEquals("name", e.getField());
        e = assertThrows(SmartbillException.class,
                () -> new Receiver(new Receiver.Options(store, "127.0.0.1", 0).tls("/nonexistent.pem", "/nonexistent-key.pem")));
        assertEquals("RECEIVER_TLS", e.getStatusName());
        assertThrows(NullPointerException.class, () -> new Receiver.Options(store, null, 0));
        try (Receiver first = loopback(store)) {
            e = assertThrows(SmartbillException.class,
                    () -> new Receiver(new Receiver.Options(store, "127.0.0.1", first.getPort()).environment(CUSTOM)));
            assertEquals("RECEIVER_BIND", e.getStatusName());
        }
    }

    @Test
    void nextWaitsWhileAnotherThreadStops() throws Exception {
        Receiver receiver = loopback(store());
        String url = receiver.getUrl();
        AtomicReference<CallbackRecord> got = new AtomicReference<>();
        Thread waiter = new Thread(() -> got.set(receiver.next(Duration.ofSeconds(10))));
        waiter.start();
        Thread.sleep(200);
        assertEquals(200, send(url, body("late", "T")));
        waiter.join(10_000);
        assertNotNull(got.get());
        assertEquals("late", got.get().getCallback().getUserSbid());
        receiver.stop(Duration.ofSeconds(5));
        SmartbillException e = assertThrows(SmartbillException.class, () -> send(url, body("x", "T")));
        assertEquals("HTTP_CONNECT", e.getStatusName());
        receiver.ack(got.get());
        receiver.close();
        receiver.close();
        assertThrows(IllegalStateException.class, () -> receiver.next(Duration.ZERO));
    }
}
