using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>The durable state: replaying the operation log rebuilds the same world, timestamps included.</summary>
public class ServerStateTests
{
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly RequestContext Ctx = RequestContext.Default;

    [Fact]
    public void Reopen_AfterMutations_SameIdsAndTimestampsAsLogged()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"vpclab-state-{Guid.NewGuid():N}");
        var time = new ManualTime(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        string before;
        using (var state = ServerState.Open(dir, realTime: time))
        {
            state.Execute(Ctx, "DescribeVpcs", []); // first contact: the account gets its default VPC
            var subnet = state.ControlPlane.Network.Subnets.Values.First(s => s.DefaultForAz);
            time.Now = time.Now.AddHours(1);
            state.Execute(Ctx, "RunInstances", new JsonObject { ["ImageId"] = "ami-0fc50b841d13a3d05", ["MinCount"] = 1, ["MaxCount"] = 1, ["SubnetId"] = subnet.Id.Value });
            // A refused mutation is neither applied nor logged.
            Assert.ThrowsAny<Exception>(() => state.Execute(Ctx, "CreateVpc", new JsonObject { ["CidrBlock"] = "10.0.0.0/8" }));
            before = Snapshot(state);
        }

        time.Now = time.Now.AddDays(3); // the restart happens later; the replayed world keeps its logged times
        using var reopened = ServerState.Open(dir, realTime: time);
        Assert.Equal(2, reopened.Replayed); // CreateDefaultVpc and RunInstances
        Assert.Equal(before, Snapshot(reopened));
        var instance = reopened.ControlPlane.Network.Instances.Values.Single();
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.Zero), instance.LaunchTime);
        Directory.Delete(dir, recursive: true);
    }

    // The snapshot is read by first touching the state, as any request does.
    private static string Snapshot(ServerState state)
    {
        state.Execute(Ctx, "DescribeVpcs", []);
        var n = state.ControlPlane.Network;
        return string.Join("\n", n.Vpcs.Keys.Select(k => k.Value).Concat(n.Subnets.Keys.Select(k => k.Value))
            .Concat(n.Instances.Values.Select(i => $"{i.Id} {i.LaunchTime:O}")).Concat(n.NetworkInterfaces.Keys.Select(k => k.Value)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reset_AfterCreateVpc_EmptiesTheWorldAndReplaysNothingOnReopen()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"vpclab-state-{Guid.NewGuid():N}");
        using (var state = ServerState.Open(dir))
        {
            state.Execute(Ctx, "CreateVpc", new JsonObject { ["CidrBlock"] = "10.1.0.0/16" });
            state.Reset();
            Assert.Empty(state.ControlPlane.Network.Vpcs);
        }
        using var reopened = ServerState.Open(dir);
        Assert.Equal(0, reopened.Replayed);
        Directory.Delete(dir, recursive: true);
    }

    // How another protocol makes its mutations durable: a named handler over the control plane, run by MutateAsync,
    // logged like an EC2 action and re-applied by the replay.
    [Fact]
    public async Task MutateAsync_NonEc2Operation_LoggedAndReplayed()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"vpclab-state-{Guid.NewGuid():N}");
        var operations = new Dictionary<string, LoggedOperationHandler>(StringComparer.Ordinal)
        {
            ["test:CreateVpc"] = (controlPlane, context, parameters) => new JsonObject
            {
                ["VpcId"] = controlPlane.CreateVpc(context, new CreateVpcRequest { CidrBlock = parameters["Cidr"]!.GetValue<string>() }).Vpc.Id.Value,
            },
        };
        string id;
        using (var state = ServerState.Open(dir, defaultVpcs: false, otherOperations: operations))
        {
            id = (await state.MutateAsync(Ctx, "test:CreateVpc", new JsonObject { ["Cidr"] = "10.7.0.0/16" }))!["VpcId"]!.GetValue<string>();
            // A refused one is neither applied nor logged.
            await Assert.ThrowsAnyAsync<Exception>(async () => await state.MutateAsync(Ctx, "test:CreateVpc", new JsonObject { ["Cidr"] = "10.0.0.0/8" }));
        }
        using var reopened = ServerState.Open(dir, defaultVpcs: false, otherOperations: operations);
        Assert.Equal(1, reopened.Replayed);
        Assert.Equal(id, Assert.Single(reopened.ControlPlane.Network.Vpcs.Keys).Value);
        Directory.Delete(dir, recursive: true);
    }
}
