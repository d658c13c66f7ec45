using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>The public IPv4 renewals and the instance attributes survive a restart: they are logged with their
/// actions and the replay draws the same addresses (docs/semantics.md#public-ipv4, #instance-attributes).</summary>
public sealed class InstanceStateReplayTests
{
    private static readonly RequestContext Ctx = RequestContext.Default;

    [Fact]
    public void Reopen_AfterElasticIpRoundTripAndAttributeChanges_SameAddressesAndAttributes()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"vpclab-instances-{Guid.NewGuid():N}");
        string before;
        using (var state = ServerState.Open(dir))
        {
            state.Execute(Ctx, "DescribeVpcs", []); // the default VPC: internet gateway, subnets that map public IPs
            var subnet = state.ControlPlane.Network.Subnets.Values.First(s => s.DefaultForAz);
            var instanceId = state.Execute(Ctx, "RunInstances", new JsonObject { ["ImageId"] = "ami-0fc50b841d13a3d05", ["MinCount"] = 1, ["MaxCount"] = 1, ["SubnetId"] = subnet.Id.Value })!
                ["Instances"]![0]!["InstanceId"]!.GetValue<string>();
            var allocation = state.Execute(Ctx, "AllocateAddress", [])!["AllocationId"]!.GetValue<string>();
            var association = state.Execute(Ctx, "AssociateAddress", new JsonObject { ["AllocationId"] = allocation, ["InstanceId"] = instanceId })!
                ["AssociationId"]!.GetValue<string>();
            state.Execute(Ctx, "DisassociateAddress", new JsonObject { ["AssociationId"] = association });
            state.Execute(Ctx, "ModifyInstanceAttribute", new JsonObject { ["InstanceId"] = instanceId, ["SourceDestCheck"] = new JsonObject { ["Value"] = false } });
            state.Execute(Ctx, "ModifyInstanceAttribute", new JsonObject { ["InstanceId"] = instanceId, ["Attribute"] = "disableApiTermination", ["Value"] = "true" });
            before = Snapshot(state);
            Assert.Contains("public 1 sdc False protected True", before, StringComparison.Ordinal);
        }

        using var reopened = ServerState.Open(dir);
        // CreateDefaultVpc, RunInstances, AllocateAddress, Associate/DisassociateAddress, 2 × ModifyInstanceAttribute.
        Assert.Equal(7, reopened.Replayed);
        Assert.Equal(before, Snapshot(reopened));
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Each instance: its public IPv4 (auto-assigned, the renewed one here), the count of them, source/dest
    /// check, termination protection.</summary>
    private static string Snapshot(ServerState state)
    {
        state.Execute(Ctx, "DescribeVpcs", []);
        var n = state.ControlPlane.Network;
        return string.Join("\n", n.Instances.Values.Select(i =>
        {
            var eni = n.NetworkInterfaces[i.PrimaryNetworkInterface];
            var publics = eni.PrivateIpAddresses.Select(p => n.PublicIpFor(eni, p)).OfType<Net.IpAddress>().ToList();
            return $"{i.Id} {string.Join(",", publics)} public {publics.Count} sdc {eni.SourceDestCheck} protected {i.DisableApiTermination}";
        }).Order(StringComparer.Ordinal));
    }
}
