namespace VpcLab.Cli.Tests;

/// <summary>Two simulated minutes of the seed's workloads, delivered once for every output test: S3 files for
/// <c>query</c>, a CloudWatch Logs store for <c>flowlogs</c>.</summary>
public sealed class OutputFixture : IDisposable
{
    public const string LogGroup = "/vpclab/seed/public-a";

    public string Out { get; } = Directory.CreateTempSubdirectory("vpclab-output-").FullName;

    public OutputFixture()
    {
        var run = CliRun.Of("traffic", "-s", "seed", "--duration", "2m", "--out", Out, "--json");
        if (run.ExitCode != 0)
            throw new InvalidOperationException(run.Err);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Out, recursive: true);
    }
}
