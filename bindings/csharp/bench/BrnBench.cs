// A micro-benchmark (not a test) of the business-number calls through the
// C# wrapper: nanoseconds per call and per number, the median of 9 rounds
// after a warm-up round. Run with bindings/csharp/bench.sh (release library).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using SmartbillSignup;

internal static class BrnBench
{
    private const int Rounds = 9;

    // Median seconds of one round of body(n).
    private static double Median(Action<int> body, int n)
    {
        var rounds = new double[Rounds];
        body(n); // warm-up: JIT, the library's first call
        for (int r = 0; r < Rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            body(n);
            rounds[r] = watch.Elapsed.TotalSeconds;
        }
        Array.Sort(rounds);
        return rounds[Rounds / 2];
    }

    private static List<string> Batch(int size)
    {
        // Half valid, plain, dashed and spaced, as the Python and Java benchmarks.
        var numbers = new List<string>(size);
        string[] shapes = { "1248100998", "124-81-00997", " 220 81 62517 ", "123-45-67890" };
        for (int i = 0; i < size; i++) numbers.Add(shapes[i % shapes.Length]);
        return numbers;
    }

    private static int Main()
    {
        long sink = 0;
        Console.WriteLine("C# wrapper on {0}, CLR {1}, {2}-bit; median of {3} rounds",
                          Type.GetType("Mono.Runtime") != null ? "Mono" : ".NET", Environment.Version, IntPtr.Size * 8, Rounds);
        double valid = Median(n => { for (int i = 0; i < n; i++) sink += Brn.IsValid("124-81-00998") ? 1 : 0; }, 1000000);
        Console.WriteLine("Brn.IsValid (valid)          {0,10:F1} ns/call", valid / 1000000 * 1e9);
        double invalid = Median(n => { for (int i = 0; i < n; i++) sink += Brn.IsValid("124-81-00997") ? 1 : 0; }, 1000000);
        Console.WriteLine("Brn.IsValid (invalid)        {0,10:F1} ns/call", invalid / 1000000 * 1e9);
        foreach (int size in new[] { 10, 1000, 100000 })
        {
            List<string> batch = Batch(size);
            int calls = Math.Max(1, 1000000 / size);
            double seconds = Median(n => { for (int i = 0; i < n; i++) sink += Brn.AreValid(batch).Length; }, calls);
            Console.WriteLine("Brn.AreValid ({0,6} numbers) {1,10:F1} ns/number {2,12:F1} ns/call",
                              size, seconds / calls / size * 1e9, seconds / calls * 1e9);
        }
        return sink == 42 ? 1 : 0;
    }
}
