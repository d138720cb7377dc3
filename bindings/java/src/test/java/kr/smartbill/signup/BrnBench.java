package kr.smartbill.signup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A micro-benchmark (not a test): nanoseconds per call and per number of
 * the wrapper's business-number calls, median of 7 rounds after warm-up.
 * Run with bindings/java/bench.sh (release library).
 * {@code SMARTBILL_BENCH_CLOCK=thread-cpu} reads the CPU time of the
 * benchmark thread instead of wall time, so that other processes on a
 * shared, loaded machine do not count while they hold the CPU (as
 * benches/clock.rs does for the Rust benchmarks).
 */
public final class BrnBench {
    private static final boolean THREAD_CPU = "thread-cpu".equals(System.getenv("SMARTBILL_BENCH_CLOCK"));
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BrnBench() {}

    /** Nanoseconds on the clock chosen. */
    private static long now() {
        return THREAD_CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    interface Body {
        void run(int n);
    }

    private static double median(Body body, int n) {
        double[] rounds = new double[7];
        body.run(n); // warm-up
        for (int r = 0; r < rounds.length; r++) {
            long start = now();
            body.run(n);
            rounds[r] = (now() - start) / (double) n;
        }
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    /** Half valid, plain, dashed and spaced, as the Python and C# benchmarks. */
    private static List<String> batch(int size) {
        String[] shapes = {"1248100998", "124-81-00997", " 220 81 62517 ", "123-45-67890"};
        List<String> numbers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            numbers.add(shapes[i % shapes.length]);
        }
        return numbers;
    }

    public static void main(String[] args) {
        int[] sink = new int[1];
        System.out.printf("Java %s, %s; median of 7 rounds; clock: %s%n", System.getProperty("java.version"),
            System.getProperty("os.arch"), THREAD_CPU ? "CPU time of the benchmark thread" : "wall");
        System.out.printf("Brn.isValid (valid)            %10.1f ns/call%n", median(n -> {
            for (int i = 0; i < n; i++) sink[0] += Brn.isValid("124-81-00998") ? 1 : 0;
        }, 1_000_000));
        System.out.printf("Brn.isValid (invalid)          %10.1f ns/call%n", median(n -> {
            for (int i = 0; i < n; i++) sink[0] += Brn.isValid("124-81-00997") ? 1 : 0;
        }, 1_000_000));
        System.out.printf("Brn.validate                   %10.1f ns/call%n", median(n -> {
            for (int i = 0; i < n; i++) sink[0] += Brn.validate("124-81-00998").length();
        }, 300_000));
        for (int size : new int[] {10, 1000, 100_000}) {
            List<String> numbers = batch(size);
            int calls = Math.max(1, 1_000_000 / size);
            double perCall = median(n -> {
                for (int i = 0; i < n; i++) sink[0] += Brn.areValid(numbers).length;
            }, calls);
            System.out.printf("Brn.areValid (%6d numbers)  %10.1f ns/number %12.1f ns/call%n", size, perCall / size, perCall);
        }
        System.out.println(sink[0] == 42 ? "" : "done");
    }
}
