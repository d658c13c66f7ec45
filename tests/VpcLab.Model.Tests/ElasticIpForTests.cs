using VpcLab.Net;

namespace VpcLab.Model.Tests;

/// <summary>An Elastic IP maps the private IPv4 address of a network interface it is associated with
/// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html): <see cref="Network.ElasticIpFor"/>
/// finds it by that (interface, private address) from an index per snapshot, never from another snapshot's.</summary>
public sealed class ElasticIpForTests
{
    private static ElasticIpAddress Eip(int i, string? eni, string? privateIp) =>
        new(new AllocationId($"eipalloc-{i:x17}"), new AccountId("111111111111"), "us-east-1", IpAddress.Parse($"54.{i / 65536}.{i / 256 % 256}.{i % 256}"),
            eni is null ? null : $"eipassoc-{i:x17}", eni is null ? null : new NetworkInterfaceId(eni), privateIp is null ? null : IpAddress.Parse(privateIp));

    private static Network With(params ElasticIpAddress[] eips) =>
        Network.Empty with { ElasticIps = Network.Empty.ElasticIps.AddRange(eips.Select(e => KeyValuePair.Create(e.AllocationId, e))) };

    public static TheoryData<string, string, bool> Lookups => new()
    {
        // The interface and private address it is associated with: found.
        { "eni-1", "10.0.1.5", true },
        // Another private address of the same interface: not mapped by this Elastic IP.
        { "eni-1", "10.0.1.6", false },
        // The same private address on another interface (another VPC may reuse it): not this association.
        { "eni-2", "10.0.1.5", false },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public void ElasticIpFor_ByAssociation_FindsOnlyTheAssociatedAddress(string eni, string privateIp, bool found)
    {
        var eip = Eip(1, "eni-1", "10.0.1.5");
        var network = With(eip, Eip(2, null, null));
        Assert.Equal(found ? eip : null, network.ElasticIpFor(new NetworkInterfaceId(eni), IpAddress.Parse(privateIp)));
    }

    [Fact]
    public void ElasticIpFor_DisassociatedInNewSnapshot_NewSnapshotMissesOldKeeps()
    {
        var eip = Eip(1, "eni-1", "10.0.1.5");
        var before = With(eip);
        Assert.Equal(eip, before.ElasticIpFor(new NetworkInterfaceId("eni-1"), IpAddress.Parse("10.0.1.5")));
        var after = before with { ElasticIps = before.ElasticIps.SetItem(eip.AllocationId, eip with { AssociationId = null, NetworkInterfaceId = null, PrivateIp = null }) };
        Assert.Null(after.ElasticIpFor(new NetworkInterfaceId("eni-1"), IpAddress.Parse("10.0.1.5")));
        Assert.Equal(eip, before.ElasticIpFor(new NetworkInterfaceId("eni-1"), IpAddress.Parse("10.0.1.5")));
    }

    [Fact]
    public void ElasticIpFor_ThousandsOfElasticIps_EachFoundByItsAssociation()
    {
        var eips = Enumerable.Range(0, 3000).Select(i => Eip(i, $"eni-{i:x17}", $"10.{i / 256}.{i % 256}.10")).ToArray();
        var network = With(eips);
        Assert.All(eips, e => Assert.Equal(e, network.ElasticIpFor(e.NetworkInterfaceId!.Value, e.PrivateIp!.Value)));
    }
}
