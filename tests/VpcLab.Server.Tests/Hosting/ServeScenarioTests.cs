using Amazon.EC2.Model;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Server.Hosting;
using VpcLab.TestWorlds;

namespace VpcLab.Server.Tests.Hosting;

/// <summary><c>vpclab serve --scenario FILE</c> (<see cref="ServerOptions.ScenarioFile"/>): the scenario's world, with
/// the ids <c>vpclab show</c> prints, reachable through the AWS SDK in each of its accounts and Regions; durable state
/// only from an empty data directory (docs/semantics.md#serve-scenario).</summary>
public sealed class ServeScenarioTests
{
    public static TheoryData<string> Scenarios() => [.. ShippedScenarios.All()];

    // Choice (docs/semantics.md#serve-scenario): the scenario says what its accounts hold in its Regions, so the
    // default VPC AWS gives every account (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html) is not
    // added there.
    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task ServeScenario_EachAccountAndRegion_DescribeVpcsListsExactlyTheScenarioVpcs(string scenario)
    {
        var ct = TestContext.Current.CancellationToken;
        var path = ShippedScenarios.PathOf(scenario);
        var expected = ScenarioLoader.LoadFile(path).Network;
        await using var lab = await LoopbackEc2.StartAsync(ct, new ServerOptions { Port = 0, DataDirectory = null, ScenarioFile = path });
        Assert.True(lab.Server.ScenarioLoaded);
        foreach (var place in expected.Vpcs.Values.GroupBy(v => (Account: v.OwnerId.Value, v.Region)))
        {
            using var client = LoopbackEc2.ClientFor(lab.Server, place.Key.Account, place.Key.Region);
            var vpcs = await client.DescribeVpcsAsync(new DescribeVpcsRequest(), ct);
            Assert.Equal(place.Select(v => v.Id.Value).Order(), vpcs.Vpcs.Select(v => v.VpcId).Order());
            var instances = await client.DescribeInstancesAsync(new DescribeInstancesRequest(), ct);
            Assert.Equal(
                expected.Instances.Values.Where(i => place.Any(v => expected.Subnets[i.SubnetId].VpcId == v.Id)).Select(i => i.Id.Value).Order(),
                instances.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId).Order());
        }
    }

    [Fact]
    public async Task ServeScenario_Restart_SameScenarioKeepsItsWorldAndLaterCalls()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = TempDirectory();
        var options = new ServerOptions { Port = 0, DataDirectory = dir, ScenarioFile = ShippedScenarios.PathOf("seed") };
        string created;
        await using (var lab = await LoopbackEc2.StartAsync(ct, options))
        {
            Assert.True(lab.Server.ScenarioLoaded);
            created = (await lab.Client.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.99.0.0/16" }, ct)).Vpc.VpcId;
        }
        await using (var again = await LoopbackEc2.StartAsync(ct, options))
        {
            Assert.False(again.Server.ScenarioLoaded); // replayed, not loaded twice
            var vpcs = (await again.Client.DescribeVpcsAsync(new DescribeVpcsRequest(), ct)).Vpcs.Select(v => v.VpcId).ToList();
            var seed = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("seed")).Network.Vpcs.Keys.Select(v => v.Value);
            Assert.Equal(seed.Append(created).Order(), vpcs.Order());
        }
    }

    [Fact]
    public async Task ServeScenario_DataDirectoryWithOtherState_RefusedAndStateKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = TempDirectory();
        await using (var lab = await LoopbackEc2.StartAsync(ct, new ServerOptions { Port = 0, DataDirectory = dir }))
            await lab.Client.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.99.0.0/16" }, ct);
        var refused = await Assert.ThrowsAsync<ScenarioException>(() =>
            VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = dir, ScenarioFile = ShippedScenarios.PathOf("seed") }, ct));
        Assert.Contains("loads only into an empty world", refused.Message, StringComparison.Ordinal);

        var seeded = TempDirectory();
        await using (await LoopbackEc2.StartAsync(ct, new ServerOptions { Port = 0, DataDirectory = seeded, ScenarioFile = ShippedScenarios.PathOf("seed") }))
        {
        }
        var other = await Assert.ThrowsAsync<ScenarioException>(() =>
            VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = seeded, ScenarioFile = ShippedScenarios.PathOf("peering") }, ct));
        Assert.Contains("began with another scenario", other.Message, StringComparison.Ordinal);

        await using var kept = await LoopbackEc2.StartAsync(ct, new ServerOptions { Port = 0, DataDirectory = dir });
        Assert.Contains((await kept.Client.DescribeVpcsAsync(new DescribeVpcsRequest(), ct)).Vpcs, v => v.CidrBlock == "10.99.0.0/16");
    }

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), $"vpclab-serve-scenario-{Guid.NewGuid():N}");
}
