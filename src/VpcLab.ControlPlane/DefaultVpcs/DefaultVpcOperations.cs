using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The DefaultVpcs operations.</summary>
public sealed class DefaultVpcOperations
{
    private readonly ControlPlaneState _state;

    internal DefaultVpcOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>AWS's default VPC: 172.31.0.0/16, a /20 default subnet in every Availability Zone (public IPv4 on
    /// launch), an attached internet gateway with 0.0.0.0/0 in the main route table, DNS hostnames on. It counts
    /// against the VPC quota like any other.</summary>
    public static readonly Cidr DefaultVpcCidr = Cidr.Parse("172.31.0.0/16");

    public CreateDefaultVpcResult CreateDefaultVpc(RequestContext ctx, CreateDefaultVpcRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var existing = DefaultVpcLookup.Find(tx);
            if (existing is not null)
                throw VpcErrors.DefaultVpcAlreadyExists();
            if (tx.AtRegionQuota(IndexedKinds.Vpc, tx.Quotas.VpcsPerRegion))
                throw VpcErrors.VpcLimitExceeded();

            var vpc = new Vpc(new VpcId(tx.NewId(IdPrefixes.Vpc)), tx.Account, tx.RegionName,
                [new VpcCidrBlock(tx.NewId(IdPrefixes.VpcCidrAssociation), DefaultVpcCidr, CidrBlockState.Associated)], [],
                EnableDnsSupport: true, EnableDnsHostnames: true, IsDefault: true, "default");
            tx.Put(vpc);
            VpcOperations.CreateVpcDefaults(tx, vpc);

            var igw = new InternetGateway(new InternetGatewayId(tx.NewId(IdPrefixes.InternetGateway)), tx.Account, tx.RegionName, vpc.Id);
            tx.Put(igw);
            var main = tx.Where(IndexedKinds.RouteTable, "vpc-id", vpc.Id.Value).First(t => t.IsMain); // the VPC's tables, not the world's
            tx.Put(main with
            {
                Routes = main.Routes.Add(new Route(RouteDestination.To(Cidr.AnyV4),
                    new RouteTarget(RouteTargetKind.InternetGateway, igw.Id.Value), RouteOrigin.CreateRoute)),
            });

            int index = 0;
            foreach (var zone in tx.Region.Zones)
                PutDefaultSubnet(tx, vpc, zone, DefaultVpcCidr.Subnet(20, (UInt128)index++), null);
            return new CreateDefaultVpcResult(vpc);
        });

    /// <summary>AWS: a /20 default subnet in the given zone of the default VPC; one per zone
    /// (DefaultSubnetAlreadyExistsInAvailabilityZone), none without a default VPC (DefaultVpcDoesNotExist)
    /// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDefaultSubnet.html). Choice
    /// (docs/semantics.md#default-vpc-fallback): the lowest /20 of 172.31.0.0/16 free of the VPC's subnets. With
    /// Ipv6Native, an IPv6-only default subnet instead (docs/semantics.md#ipv6-only-default-subnets).</summary>
    public CreateDefaultSubnetResult CreateDefaultSubnet(RequestContext ctx, CreateDefaultSubnetRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            if (request.AvailabilityZone is null && request.AvailabilityZoneId is null)
                throw Ec2Errors.MissingParameter("AvailabilityZone");
            var zone = SubnetOperations.ResolveZone(tx, request.AvailabilityZone, request.AvailabilityZoneId, 0);
            var vpc = DefaultVpcLookup.Find(tx) ?? throw VpcErrors.DefaultVpcDoesNotExist();
            var subnets = tx.N.SubnetsOf(vpc.Id).ToList();
            // "If you already have a default subnet for this Availability Zone, you must delete it before you can
            // create an IPv6 only subnet": one default subnet per zone, of either kind.
            if (subnets.FirstOrDefault(s => s.DefaultForAz && s.AvailabilityZone.Name == zone.Name) is { } existing)
                throw VpcErrors.DefaultSubnetAlreadyExists(zone.Name, existing.Id.Value);
            if (request.Ipv6Native == true)
                return new CreateDefaultSubnetResult(PutDefaultSubnet(tx, vpc, zone, null, FreeIpv6Block(tx, vpc, subnets)));
            var cidr = Enumerable.Range(0, 16).Select(i => DefaultVpcCidr.Subnet(20, (UInt128)i))
                .FirstOrDefault(c => !subnets.Any(s => s.CidrBlock?.Overlaps(c) == true), Cidr.AnyV4);
            if (cidr == Cidr.AnyV4)
                throw Ec2Errors.InvalidParameterValue($"The default VPC {vpc.Id} has no free /20 for a default subnet.");
            return new CreateDefaultSubnetResult(PutDefaultSubnet(tx, vpc, zone, cidr, null));
        });

    /// <summary>An IPv6-only default subnet's block: the lowest /64 of the default VPC's IPv6 blocks that no subnet of
    /// the VPC overlaps (choice: AWS says an IPv6-only subnet needs the VPC's IPv6 block and does not say which /64 a
    /// default one takes). A default VPC without an IPv6 block has none to give (InvalidParameterValue, choice).</summary>
    private static Cidr FreeIpv6Block(Transaction tx, Vpc vpc, List<Subnet> subnets)
    {
        var blocks = vpc.Ipv6CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr).ToList();
        if (blocks.Count == 0)
            throw Ec2Errors.InvalidParameterValue($"The default VPC {vpc.Id} has no IPv6 CIDR block: associate one (AssociateVpcCidrBlock) before creating an IPv6-only default subnet.");
        foreach (var block in blocks.OrderBy(b => b.First.Value))
        {
            var count = (UInt128)1 << (64 - block.PrefixLength);
            for (UInt128 i = 0; i < count; i++)
            {
                var candidate = block.Subnet(64, i);
                if (!subnets.Any(s => s.Ipv6Cidr?.Overlaps(candidate) == true))
                    return candidate;
            }
        }
        throw Ec2Errors.InvalidParameterValue($"The default VPC {vpc.Id} has no free IPv6 /64 for a default subnet.");
    }

    /// <summary>A default subnet: an IPv4 /20 that maps public IPv4 on launch, or (<paramref name="ipv6"/> given) an
    /// IPv6-only subnet with the rules of every IPv6-only subnet (<see cref="Ipv6OnlySubnets.New"/>).</summary>
    private static Subnet PutDefaultSubnet(Transaction tx, Vpc vpc, AvailabilityZone zone, Cidr? cidr, Cidr? ipv6)
    {
        var id = new SubnetId(tx.NewId(IdPrefixes.Subnet));
        var v6 = ipv6 is { } block ? new VpcCidrBlock(tx.NewId(IdPrefixes.SubnetCidrAssociation), block, CidrBlockState.Associated) : null;
        var subnet = Ipv6OnlySubnets.New(new Subnet(id, vpc.Id, tx.Account, tx.RegionName, zone,
            cidr, v6, MapPublicIpOnLaunch: cidr is not null, AssignIpv6AddressOnCreation: false, DefaultForAz: true), native: cidr is null);
        tx.Put(subnet);
        var acl = tx.Where(IndexedKinds.NetworkAcl, "vpc-id", vpc.Id.Value).First(a => a.IsDefault);
        tx.Put(acl with
        {
            Associations = acl.Associations.Add(new NetworkAclAssociation(new NetworkAclAssociationId(tx.NewId(IdPrefixes.NetworkAclAssociation)), subnet.Id)),
        });
        return subnet;
    }
}
