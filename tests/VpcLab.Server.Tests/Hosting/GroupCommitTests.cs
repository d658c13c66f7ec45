using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using VpcLab.ControlPlane;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>Group commit (DESIGN "a write that was acknowledged is never lost"): many writers at once, each
/// answer given only once its record is committed; the log keeps the order the mutations were applied in, so a
/// replay rebuilds the same world; a refused mutation in the middle of a group is neither applied nor logged.</summary>
public class GroupCommitTests
{
    private static readonly RequestContext Ctx = RequestContext.Default;

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), $"vpclab-group-{Guid.NewGuid():N}");

    /// <summary>The operations table as it is on disk, read through a second connection.</summary>
    private static List<string> LoggedOperations(string dir)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, OperationLog.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT operation, parameters FROM operations ORDER BY sequence";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(reader.GetString(0) + " " + reader.GetString(1));
        return rows;
    }

    [Fact]
    public async Task ConcurrentWriters_EveryAcknowledgedMutationIsOnDiskWhenAnswered_ReplayGivesTheSameWorld()
    {
        var dir = NewDirectory();
        const int Writers = 8, PerWriter = 25;
        string[] before;
        using (var state = ServerState.Open(dir, quotas: Ec2Quotas.Generous))
        {
            await state.ExecuteAsync(Ctx, "DescribeVpcs", []); // first contact: the default VPC
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < PerWriter; i++)
                {
                    var cidr = $"10.{w * PerWriter + i}.0.0/16";
                    var result = await state.ExecuteAsync(Ctx, "CreateVpc", new JsonObject { ["CidrBlock"] = cidr });
                    var vpcId = result!["Vpc"]!["VpcId"]!.GetValue<string>();
                    // Answered means committed: the record is readable from the file right now.
                    Assert.Contains(LoggedOperations(dir), row => row.Contains(cidr, StringComparison.Ordinal));
                    acknowledged.Add(vpcId);
                    // A refused mutation between the others: not applied, not logged, the group goes on.
                    if (i == PerWriter / 2)
                        await Assert.ThrowsAnyAsync<Exception>(async () => await state.ExecuteAsync(Ctx, "CreateVpc", new JsonObject { ["CidrBlock"] = "10.0.0.0/8" }));
                }
            }, TestContext.Current.CancellationToken)));
            Assert.Equal(Writers * PerWriter, acknowledged.Distinct().Count());
            Assert.Equal(1 + Writers * PerWriter, LoggedOperations(dir).Count); // CreateDefaultVpc and every CreateVpc, no refused one
            before = [.. state.ControlPlane.Network.Vpcs.Keys.Select(k => k.Value).Order(StringComparer.Ordinal)];
        }

        using var reopened = ServerState.Open(dir, quotas: Ec2Quotas.Generous);
        Assert.Equal(1 + Writers * PerWriter, reopened.Replayed);
        Assert.Equal(before, reopened.ControlPlane.Network.Vpcs.Keys.Select(k => k.Value).Order(StringComparer.Ordinal));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Reset_WhileWritersRun_LeavesLogAndWorldConsistent()
    {
        var dir = NewDirectory();
        int logged, inWorld;
        using (var state = ServerState.Open(dir, quotas: Ec2Quotas.Generous, defaultVpcs: false))
        {
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < 20; i++)
                    await state.ExecuteAsync(Ctx, "CreateVpc", new JsonObject { ["CidrBlock"] = $"10.{w * 20 + i}.0.0/16" });
            }, TestContext.Current.CancellationToken)).ToList();
            await Task.Delay(5, TestContext.Current.CancellationToken);
            state.Reset(); // waits for commits in flight, then empties both
            await Task.WhenAll(writers);
            logged = LoggedOperations(dir).Count;
            inWorld = state.ControlPlane.Network.Vpcs.Count;
        }
        Assert.Equal(inWorld, logged); // what survived the reset is exactly what is logged

        using var reopened = ServerState.Open(dir, quotas: Ec2Quotas.Generous, defaultVpcs: false);
        Assert.Equal(inWorld, reopened.ControlPlane.Network.Vpcs.Count);
        Directory.Delete(dir, recursive: true);
    }
}
