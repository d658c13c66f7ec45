using VpcLab.Server.Persistence;

namespace VpcLab.Server.Hosting;

/// <summary><c>POST /_vpclab/reset</c>: everything the server owns back to what a fresh server has — the EC2 world of
/// every account and Region (default VPCs come back on each account's next call, as for a new server), the S3
/// buckets' policies and objects, the CloudWatch Logs groups, the Reachability Analyzer paths and analyses — and the
/// operation log emptied, so a restart after a reset starts empty too. It runs with no request inside
/// (<see cref="RequestGate"/>) and answers only when done. With a data directory a marker file is written (and
/// flushed to disk) first and removed last, so a reset cut short by a crash is finished at the next start rather
/// than leaving half the state behind. docs/semantics.md#reset.</summary>
public sealed class ServerReset(ServerState state, AwsServiceRouter services, RequestGate gate, string? dataDirectory)
{
    public const string MarkerFileName = "reset.pending";

    private string? Marker => dataDirectory is null ? null : Path.Combine(dataDirectory, MarkerFileName);

    public Task RunAsync(CancellationToken cancellationToken = default) => gate.RunAloneAsync(Run, cancellationToken);

    /// <summary>At start, before any request: finishes a reset a crash interrupted. True when there was one.</summary>
    public bool FinishInterrupted()
    {
        if (Marker is not { } marker || !File.Exists(marker))
            return false;
        Run();
        return true;
    }

    private void Run()
    {
        if (Marker is { } marker)
        {
            using (var file = new FileStream(marker, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
            {
                file.WriteByte((byte)'1');
                file.Flush(flushToDisk: true);
            }
        }
        state.Reset();
        services.Reset();
        if (Marker is { } done)
            File.Delete(done);
    }
}
