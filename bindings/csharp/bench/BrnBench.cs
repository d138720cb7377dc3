// A micro-benchmark (not a test) of the business-number calls through the
// C# wrapper: nanoseconds per call and per number, the median of 9 rounds
// after a warm-up round. Run with bindings/csharp/bench.sh (release library).
// SMARTBILL_BENCH_CLOCK=thread-cpu reads the CPU time of the benchmark
// thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID), Linux) instead of wall
// time, so that other processes on a shared, loaded machine do not count
// while they hold the CPU (as benches/clock.rs does for the Rust benchmarks).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using SmartbillSignup;

internal static class BrnBench
{
    private const int Rounds = 9;
    private const int ClockThreadCpuTimeId = 3; // Linux
    private static readonly bool ThreadCpu = Environment.GetEnvironmentVariable("SMARTBILL_BENCH_CLOCK") == "thread-cpu";

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public IntPtr Seconds;
        public IntPtr Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGettime(int clock, out Timespec time);

    // Seconds on the clock chosen.
    private static double Now()
    {
        if (!ThreadCpu) return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        Timespec t;
        if (ClockGettime(ClockThreadCpuTimeId, out t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
        return (long)t.Seconds + (long)t.Nanoseconds * 1e-9;
    }

    // Median seconds of one round of body(n).
    private static double Median(Action<int> body, int n)
    {
        var rounds = new double[Rounds];
        body(n); // warm-up: JIT, the library's first call
        for (int r = 0; r < Rounds; r++)
        {
            double start = Now();
            body(n);
            rounds[r] = Now() - start;
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
        Console.WriteLine("C# wrapper on {0}, CLR {1}, {2}-bit; median of {3} rounds; clock: {4}",
                          Type.GetType("Mono.Runtime") != null ? "Mono" : ".NET", Environment.Version, IntPtr.Size * 8, Rounds,
                          ThreadCpu ? "CPU time of the benchmark thread" : "wall");
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
