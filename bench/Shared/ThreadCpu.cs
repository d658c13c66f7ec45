using System.Runtime.InteropServices;

/// <summary>CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)): one call's cost without
/// the other processes' time. Compiled into each bench project that needs it (their .csproj link this file).</summary>
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

    /// <summary>Seconds of CPU this thread has used.</summary>
    public static double Now() => Microseconds() / 1e6;

    /// <summary>Microseconds of CPU this thread has used.</summary>
    public static double Microseconds()
    {
        _ = ClockGetTime(ClockThreadCpuTime, out var t);
        return t.Seconds * 1e6 + t.Nanoseconds / 1e3;
    }
}
