using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>AWS: a DHCP options set lives until deleted, a VPC keeps the set it was given (AssociateDhcpOptions), and a
/// set a VPC uses cannot be deleted (DependencyViolation). The sets live in the snapshot with their index
/// (docs/semantics.md#filter-indexes); the operation log holds the same EC2 operations as before they moved, so its
/// replay rebuilds sets, association, tags and index as they were.</summary>
public sealed class DhcpOptionsReplayTests
{
    private static readonly RequestContext Ctx = RequestContext.Default;

    [Fact]
    public void Reopen_DhcpOperationsLogged_SetsAssociationTagsAndIndexReplayed()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"vpclab-dhcp-{Guid.NewGuid():N}");
        string vpc, set;
        using (var state = ServerState.Open(dir, defaultVpcs: false))
        {
            state.Execute(Ctx, "CreateVpc", new JsonObject { ["CidrBlock"] = "10.4.0.0/16" });
            vpc = state.ControlPlane.Network.Vpcs.Keys.Single().Value;
            set = Create(state, "corp.internal");
            var spare = Create(state, "spare.internal");
            state.Execute(Ctx, "AssociateDhcpOptions", new JsonObject { ["DhcpOptionsId"] = set, ["VpcId"] = vpc });
            state.Execute(Ctx, "CreateTags", new JsonObject { ["Resources"] = new JsonArray(set), ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "net" }) });
            state.Execute(Ctx, "DeleteDhcpOptions", new JsonObject { ["DhcpOptionsId"] = spare });
        }

        using var reopened = ServerState.Open(dir, defaultVpcs: false);
        Assert.Equal(6, reopened.Replayed);
        var cp = reopened.ControlPlane;
        Assert.Equal(set, cp.Network.Vpcs[new VpcId(vpc)].DhcpOptionsId);
        Assert.Equal([set], cp.Network.DhcpOptions.Keys);
        Assert.Equal([set], Ids(cp, new Filter("key", ["domain-name"])));
        Assert.Equal([set], Ids(cp, new Filter("tag:team", ["net"])));
        Assert.Empty(Ids(cp, new Filter("value", ["spare.internal"])));
        Assert.Equal([vpc], cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { Filters = [new Filter("dhcp-options-id", [set])] }).Vpcs.Select(v => v.Id.Value));
        var refused = Assert.Throws<VpcLab.ControlPlane.Errors.Ec2Exception>(() => cp.DeleteDhcpOptions(Ctx, new DeleteDhcpOptionsRequest { DhcpOptionsId = set }));
        Assert.Equal("DependencyViolation", refused.Code.Code);
        // The kept index equals one built from the replayed snapshot.
        var rebuilt = WorldIndex.Build(cp.Network);
        foreach (var key in rebuilt.Keys.Concat(cp.Index.Keys).Distinct())
            Assert.Equal(rebuilt.Ids(key.Kind, key.Name, key.Value), cp.Index.Ids(key.Kind, key.Name, key.Value));
        Directory.Delete(dir, recursive: true);
    }

    private static string Create(ServerState state, string domain) =>
        (string)state.Execute(Ctx, "CreateDhcpOptions", new JsonObject
        {
            ["DhcpConfigurations"] = new JsonArray(new JsonObject { ["Key"] = "domain-name", ["Values"] = new JsonArray(domain) }),
        })!["DhcpOptions"]!["DhcpOptionsId"]!;

    private static IEnumerable<string> Ids(Ec2ControlPlane cp, Filter filter) =>
        cp.DescribeDhcpOptions(Ctx, new DescribeDhcpOptionsRequest { Filters = [filter] }).DhcpOptions.Select(d => d.Id);
}
