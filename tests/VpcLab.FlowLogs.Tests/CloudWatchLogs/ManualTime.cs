namespace VpcLab.FlowLogs.Tests.CloudWatchLogs;

/// <summary>A clock the test moves by hand, so ingestion and creation times are known exactly.</summary>
internal sealed class ManualTime(long startMilliseconds) : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.FromUnixTimeMilliseconds(startMilliseconds);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(long milliseconds) => _now = _now.AddMilliseconds(milliseconds);
}
