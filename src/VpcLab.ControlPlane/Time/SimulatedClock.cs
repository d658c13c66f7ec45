namespace VpcLab.ControlPlane.Time;

/// <summary>A clock that moves only when told to: creation times, state changes and flow-log windows all read
/// it, so a run is reproducible. Thread-safe.</summary>
public sealed class SimulatedClock : TimeProvider
{
    /// <summary>The instant a fresh clock shows unless told otherwise.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private long _utcTicks;

    public SimulatedClock()
        : this(DefaultStart)
    {
    }

    public SimulatedClock(DateTimeOffset start)
    {
        _utcTicks = start.UtcTicks;
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Sets the clock; it may not go backwards, as AWS timestamps never do.</summary>
    public void Set(DateTimeOffset now)
    {
        if (now.UtcTicks < Interlocked.Read(ref _utcTicks))
            throw new ArgumentOutOfRangeException(nameof(now), now, "The simulated clock cannot go backwards.");
        Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(by), by, "The simulated clock cannot go backwards.");
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }
}
