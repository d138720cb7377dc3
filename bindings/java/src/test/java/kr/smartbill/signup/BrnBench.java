package kr.smartbill.signup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A micro-benchmark (not a test): nanoseconds per call of the wrapper,
 * median of 7 rounds after warm-up. Run after `mvn test-compile`:
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 *      -Djna.library.path=../../target/release kr.smartbill.signup.BrnBench
 */
public final class BrnBench {
    private BrnBench() {}

    interface Body {
        void run(int n);
    }

    private static double median(Body body, int n) {
        double[] rounds = new double[7];
        body.run(n); // warm-up
        for (int r = 0; r < rounds.length; r++) {
            long start = System.nanoTime();
            body.run(n);
            rounds[r] = (System.nanoTime() - start) / (double) n;
        }
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    public static void main(String[] args) {
        int[] sink = new int[1];
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(i % 2 == 0 ? "124-81-00998" : "123-45-67890");
        }
        System.out.printf("Brn.isValid           %8.1f ns/call%n", median(n -> {
            for (int i = 0; i < n; i++) sink[0] += Brn.isValid("124-81-00998") ? 1 : 0;
        }, 1_000_000));
        System.out.printf("Brn.validate          %8.1f ns/call%n", median(n -> {
            for (int i = 0; i < n; i++) sink[0] += Brn.validate("124-81-00998").length();
        }, 300_000));
        System.out.printf("Brn.areValid (1000)   %8.1f ns/number%n", median(n -> {
            for (int i = 0; i < n; i++) sink[0] += Brn.areValid(batch).length;
        }, 1_000) / 1000);
        System.out.println(sink[0] == 42 ? "" : "done");
    }
}
