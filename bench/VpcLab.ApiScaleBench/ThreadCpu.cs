using System.Runtime.InteropServices;

/// <summary>CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)), as bench/VpcLab.Benchmarks
/// reads it: one call's cost without the other processes' time.</summary>
internal static partial class ThreadCpu
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    private const int ClockThreadCpuTime = 3;

    /// <summary>Microseconds of CPU this thread has used.</summary>
    public static double Microseconds()
    {
        _ = ClockGetTime(ClockThreadCpuTime, out var t);
        return t.Seconds * 1e6 + t.Nanoseconds / 1e3;
    }
}
