package kr.smartbill.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Last errors are per thread, and a form is safe to share (its methods are synchronized). */
class ThreadsTest {
    @Test
    void eachThreadSeesItsOwnErrors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 500; i++) {
                        String number = id % 2 == 0 ? "124-81-0099" + (i % 8) : "12" + id + "x" + i;
                        try {
                            Brn.validate(number);
                        } catch (SmartbillException e) {
                            // The message names this thread's own input, not another thread's.
                            assertTrue(e.getDetail().contains(number.trim()), e.getDetail() + " vs " + number);
                            assertEquals(id % 2 == 0 ? "BRN_CHECKSUM" : "BRN_FORMAT", e.getStatusName());
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results) {
                assertTrue(f.get() > 400);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSharedFormAndCallbackAreUsableFromManyThreads() throws Exception {
        Callback cb = Callback.parse("{\"USER_SBID\":\"u\",\"COM_REGNO\":\"1248100998\",\"AUTH_CODE\":\"c\",\"AUTH_TOKEN\":\"t\"}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SignupForm form = new SignupForm("demo")) {
            form.set("pComRegNo", "124-81-00998").set("pMIGRATIONFLAG", "TEST11");
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    String last = null;
                    for (int i = 0; i < 200; i++) {
                        last = form.urlencoded();
                        assertEquals("u", cb.get("sbid"));
                    }
                    return last;
                }));
            }
            for (Future<String> f : results) {
                assertEquals("pComRegNo=1248100998&pMIGRATIONFLAG=TEST11", f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
