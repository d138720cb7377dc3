package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The safety net for unclosed handles: a leaked owner's handle is freed once,
 * on the guard's own thread, the first leak is logged once at WARNING, a
 * closed handle is never freed again, and registering never waits for the
 * guard's thread. Fake handles (with a counting free) stand in where the
 * test must see the free; real SignupForms check the wiring.
 */
class LeakGuardTest {
    /** Collects until {@code done} or 20 seconds pass (the loop always ends). */
    private static boolean collectUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int round = 0; round < 200 && !done.getAsBoolean(); round++) {
            System.gc();
            Thread.sleep(100);
        }
        return done.getAsBoolean();
    }

    /** Watches a fresh owner that nothing keeps, so that it can be collected. */
    private static void watchLeakedOwner(LeakGuard.Free free) {
        LeakGuard.watch(new Object(), new Pointer(0x1000), free, "TestHandle");
    }

    @Test
    void leakedHandleIsFreedOnceOnTheGuardThread() throws InterruptedException {
        AtomicInteger frees = new AtomicInteger();
        AtomicReference<String> freedOn = new AtomicReference<>();
        long before = LeakGuard.leaks();
        watchLeakedOwner(handle -> {
            assertEquals(0x1000, Pointer.nativeValue(handle));
            freedOn.set(Thread.currentThread().getName());
            frees.incrementAndGet();
        });
        assertTrue(collectUntil(() -> frees.get() > 0), "the leaked handle was never freed");
        assertEquals(LeakGuard.THREAD_NAME, freedOn.get());
        assertNotEquals(Thread.currentThread().getName(), freedOn.get());
        assertTrue(LeakGuard.leaks() > before);
        System.gc();
        Thread.sleep(200);
        assertEquals(1, frees.get(), "a leaked handle is freed exactly once");
    }

    @Test
    void closedHandleIsFreedByCloseAndNeverAgain() throws InterruptedException {
        AtomicInteger frees = new AtomicInteger();
        Object owner = new Object();
        LeakGuard.Guard guard = LeakGuard.watch(owner, new Pointer(0x2000), handle -> frees.incrementAndGet(), "TestHandle");
        guard.close();
        guard.close();
        assertEquals(1, frees.get());
        // The owner and the guard both become garbage: nothing is freed again.
        owner = null;
        guard = null;
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(1, frees.get());
    }

    @Test
    void registeringNeverWaitsForTheGuardThread() throws InterruptedException {
        // Block the guard's thread inside a free...
        CountDownLatch freeing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        watchLeakedOwner(handle -> {
            freeing.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(collectUntil(() -> freeing.getCount() == 0), "the guard thread never started the free");
        // ...and open many more handles meanwhile: none of this may wait for it.
        List<LeakGuard.Guard> guards = new ArrayList<>();
        List<Object> owners = new ArrayList<>();
        AtomicInteger frees = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 10_000; i++) {
                Object owner = new Object();
                owners.add(owner);
                guards.add(LeakGuard.watch(owner, new Pointer(0x3000 + i), handle -> frees.incrementAndGet(), "TestHandle"));
            }
            for (LeakGuard.Guard guard : guards) {
                guard.close();
            }
        });
        assertEquals(10_000, frees.get());
        release.countDown();
    }

    @Test
    void unclosedSignupFormsAreFreedAndTheFirstLeakIsLoggedOnce() throws InterruptedException {
        Logger logger = Logger.getLogger("kr.smartbill.signup");
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            // Read after the handler is in place: a warning still to come is caught.
            boolean warnedBefore = LeakGuard.warned();
            long before = LeakGuard.leaks();
            for (int i = 0; i < 20; i++) {
                new SignupForm("demo").set("pComRegNo", "124-81-00998");
            }
            assertTrue(collectUntil(() -> LeakGuard.leaks() >= before + 20), "unclosed forms were not freed");
            assertTrue(LeakGuard.warned());
            synchronized (handler) {
                // Once per JVM: a leak before this test may have been the one logged.
                assertTrue(warnings.size() <= 1, "the leak was logged " + warnings.size() + " times at WARNING");
                if (!warnedBefore) {
                    assertEquals(1, warnings.size(), "no WARNING for this test's leaks");
                }
                for (LogRecord record : warnings) {
                    assertTrue(record.getMessage().contains("a SignupForm was never closed")
                            || record.getMessage().contains("a TestHandle was never closed"), record.getMessage());
                }
            }
        } finally {
            logger.removeHandler(handler);
        }
    }
}
