using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model.Tests;

/// <summary>Small resources with everything but the fields under test filled with plain defaults.</summary>
internal static class ModelFactory
{
    public static readonly AccountId Owner = new("111111111111");
    public const string Region = "us-east-1";
    public static readonly AvailabilityZone Zone = new("us-east-1a", "use1-az1", Region);
    public static readonly DateTimeOffset Created = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static Subnet Subnet(string id, string vpc, string cidr) =>
        new(new SubnetId(id), new VpcId(vpc), Owner, Region, Zone, Cidr.Parse(cidr), null, false, false, false);

    public static Vpc Vpc(string id, params (string Cidr, CidrBlockState State)[] blocks)
    {
        var v4 = blocks.Where(b => !b.Cidr.Contains(':'))
            .Select((b, i) => new VpcCidrBlock($"vpc-cidr-assoc-{i}", Cidr.Parse(b.Cidr), b.State));
        var v6 = blocks.Where(b => b.Cidr.Contains(':'))
            .Select((b, i) => new VpcCidrBlock($"vpc-cidr-assoc-6{i}", Cidr.Parse(b.Cidr), b.State));
        return new(new VpcId(id), Owner, Region, [.. v4], [.. v6], true, false, false, "default");
    }

    public static Route Route(string destination, RouteTargetKind kind, string target) =>
        new(RouteDestination.To(Cidr.Parse(destination)), new RouteTarget(kind, target), RouteOrigin.CreateRoute);

    public static RouteTable RouteTable(string id, string vpc, bool main, params Route[] routes) =>
        new(new RouteTableId(id), new VpcId(vpc), Owner, Region, [.. routes],
            main ? [new RouteTableAssociation(new RouteTableAssociationId($"rtbassoc-{id}"), true, null, null)] : []);

    public static InternetGateway InternetGateway(string id, string? attachedVpc) =>
        new(new InternetGatewayId(id), Owner, Region, attachedVpc is null ? null : new VpcId(attachedVpc));

    public static NatGateway NatGateway(string id, string vpc, NatGatewayState state) =>
        new(new NatGatewayId(id), Owner, Region, new VpcId(vpc), new SubnetId("subnet-pub"), NatConnectivityType.Public,
            new AllocationId("eipalloc-1"), new NetworkInterfaceId("eni-nat"), IpAddress.Parse("10.0.0.10"),
            IpAddress.Parse("203.0.113.10"), state, Created);

    public static Instance Instance(string id, string vpc, InstanceState state, string eni) =>
        new(new InstanceId(id), Owner, Region, "ami-12345678", "t3.micro", state, new SubnetId("subnet-1"),
            new VpcId(vpc), [new NetworkInterfaceId(eni)], Created);

    public static NetworkInterface NetworkInterface(string id, string vpc, string? instance) =>
        new(new NetworkInterfaceId(id), Owner, Region, new SubnetId("subnet-1"), new VpcId(vpc), Zone.Name,
            [new PrivateIpAddress(IpAddress.Parse("10.0.1.10"), true, null)], ImmutableArray<IpAddress>.Empty, [],
            true, NetworkInterfaceType.Interface,
            instance is null ? null : new NetworkInterfaceAttachment($"eni-attach-{id}", new InstanceId(instance), 0, true),
            "", "02:00:00:00:00:01");
}
