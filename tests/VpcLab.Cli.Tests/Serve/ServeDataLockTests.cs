using System.Net;
using VpcLab.Server.Persistence;

namespace VpcLab.Cli.Tests.Serve;

/// <summary>Two servers on one data directory would both append to its log: <c>vpclab serve --data DIR</c> while
/// another writer holds DIR exits 2 naming it (README "Serve"); once that writer stops, it serves.</summary>
public sealed class ServeDataLockTests
{
    [Fact]
    public async Task Serve_DataDirectoryInUse_ExitsTwoNamingIt_ServesOnceTheOtherStops()
    {
        var data = Path.Combine(Path.GetTempPath(), $"vpclab-serve-lock-{Guid.NewGuid():N}");
        using (ServerState.Open(data))
        {
            var run = CliRun.Of("serve", "--data", data, "--port", "0");
            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains($"the data directory {Path.GetFullPath(data)} is in use", run.Err, StringComparison.Ordinal);
        }
        using var server = await ServerProcess.StartAsync(data, null);
        var (status, _) = await server.CallAsync(("Action", "DescribeVpcs"));
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
