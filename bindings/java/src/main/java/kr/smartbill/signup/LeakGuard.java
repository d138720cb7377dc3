package kr.smartbill.signup;

import com.sun.jna.Pointer;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The safety net for native handles a caller forgot to close, on Java 8
 * (which has no {@code java.lang.ref.Cleaner}): each open handle is watched
 * through a {@link PhantomReference} to the object that owns it. When the
 * owner becomes unreachable with its handle still open, the garbage
 * collector queues the reference, and a daemon thread of its own,
 * {@value #THREAD_NAME}, frees the handle and logs the first such leak once
 * (java.util.logging, logger {@code kr.smartbill.signup}, WARNING); later
 * leaks are counted and logged at FINE.
 *
 * <p>Registering never waits for that thread: it adds the reference to a
 * concurrent set and returns, so a slow free (or a stalled collector) never
 * blocks the thread that opens handles. {@link Guard#close()} frees at once
 * and exactly once, whoever comes first. Closing is still the rule: the
 * collector may run late or never.
 *
 * <p>The owner must stay reachable while its handle is used: the owners'
 * methods that pass the handle to the library are {@code synchronized}, and
 * an object whose lock is held is reachable.
 */
final class LeakGuard {
    /** The name of the thread that frees leaked handles. */
    static final String THREAD_NAME = "smartbill-signup-leak-guard";

    private static final Logger LOG = Logger.getLogger("kr.smartbill.signup");
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    /** The open guards: a PhantomReference must itself stay reachable to be queued. */
    private static final Set<Guard> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicLong LEAKS = new AtomicLong();
    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    static {
        Thread thread = new Thread(LeakGuard::freeLeaksForever, THREAD_NAME);
        thread.setDaemon(true);
        // Not the loading thread's class loader: an application server must
        // be able to unload the web application that loaded this class.
        thread.setContextClassLoader(null);
        thread.start();
    }

    private LeakGuard() {}

    /** How the library frees one kind of handle, e.g. {@code Abi::smartbill_form_free}. */
    interface Free {
        void free(Pointer handle);
    }

    /** One open handle and how to free it; the owner keeps it and closes it. */
    static final class Guard extends PhantomReference<Object> {
        private final Pointer handle;
        private final Free free;
        private final String kind;
        private final AtomicBoolean freed = new AtomicBoolean();

        private Guard(Object owner, Pointer handle, Free free, String kind) {
            super(owner, QUEUE);
            this.handle = handle;
            this.free = free;
            this.kind = kind;
        }

        /** Frees the handle now, unless it was freed already. */
        void close() {
            if (freed.compareAndSet(false, true)) {
                OPEN.remove(this);
                clear();
                free.free(handle);
            }
        }

        /** Frees a handle whose owner the collector found unreachable. */
        private void freeLeaked() {
            if (freed.compareAndSet(false, true)) {
                OPEN.remove(this);
                leaked(kind);
                free.free(handle);
            }
        }
    }

    /**
     * Watches {@code owner}, which holds {@code handle} (a {@code kind}, e.g.
     * "SignupForm"): the returned guard frees it on {@link Guard#close()}, or
     * on this class's thread if the owner is collected first.
     */
    static Guard watch(Object owner, Pointer handle, Free free, String kind) {
        Guard guard = new Guard(owner, handle, free, kind);
        OPEN.add(guard);
        return guard;
    }

    /** How many handles were freed because their owner was never closed. */
    static long leaks() {
        return LEAKS.get();
    }

    /** Whether the one WARNING about a leak was logged. */
    static boolean warned() {
        return LOGGED.get();
    }

    /** Logs a leak (WARNING the first time, FINE after), then counts it. */
    private static void leaked(String kind) {
        if (LOGGED.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "smartbill-signup: a " + kind + " was never closed; its native memory was"
                    + " freed when it was garbage-collected. Close it (try-with-resources). Later leaks"
                    + " are logged at FINE only.");
        } else {
            LOG.log(Level.FINE, "smartbill-signup: a " + kind + " was never closed (" + (LEAKS.get() + 1)
                    + " so far)");
        }
        LEAKS.incrementAndGet();
    }

    private static void freeLeaksForever() {
        while (true) {
            try {
                ((Guard) QUEUE.remove()).freeLeaked();
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; keep guarding.
            } catch (RuntimeException | Error e) {
                // A failing free must not end the thread that frees every other leak.
                LOG.log(Level.SEVERE, "smartbill-signup: freeing a leaked handle failed", e);
            }
        }
    }
}
