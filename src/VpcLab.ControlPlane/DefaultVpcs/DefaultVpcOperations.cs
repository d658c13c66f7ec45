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
                throw VpcErrors.DefaultVpcAlreadyExists(existing.Id.Value);
            if (tx.N.Vpcs.Values.Count(v => tx.Owned(v.OwnerId, v.Region)) >= tx.Quotas.VpcsPerRegion)
                throw VpcErrors.VpcLimitExceeded();

            var vpc = new Vpc(new VpcId(tx.NewId(IdPrefixes.Vpc)), tx.Account, tx.RegionName,
                [new VpcCidrBlock(tx.NewId(IdPrefixes.VpcCidrAssociation), DefaultVpcCidr, CidrBlockState.Associated)], [],
                EnableDnsSupport: true, EnableDnsHostnames: true, IsDefault: true, "default");
            tx.Put(vpc);
            VpcOperations.CreateVpcDefaults(tx, vpc);

            var igw = new InternetGateway(new InternetGatewayId(tx.NewId(IdPrefixes.InternetGateway)), tx.Account, tx.RegionName, vpc.Id);
            tx.Put(igw);
            var main = tx.N.MainRouteTable(vpc.Id);
            tx.Put(main with
            {
                Routes = main.Routes.Add(new Route(RouteDestination.To(Cidr.AnyV4),
                    new RouteTarget(RouteTargetKind.InternetGateway, igw.Id.Value), RouteOrigin.CreateRoute)),
            });

            var acl = tx.N.NetworkAcls.Values.First(a => a.VpcId == vpc.Id && a.IsDefault);
            var associations = acl.Associations.ToBuilder();
            int index = 0;
            foreach (var zone in tx.Region.Zones)
            {
                var subnet = new Subnet(new SubnetId(tx.NewId(IdPrefixes.Subnet)), vpc.Id, tx.Account, tx.RegionName, zone,
                    DefaultVpcCidr.Subnet(20, (UInt128)index++), null, MapPublicIpOnLaunch: true,
                    AssignIpv6AddressOnCreation: false, DefaultForAz: true);
                tx.Put(subnet);
                associations.Add(new NetworkAclAssociation(new NetworkAclAssociationId(tx.NewId(IdPrefixes.NetworkAclAssociation)), subnet.Id));
            }
            tx.Put(acl with { Associations = associations.ToImmutable() });
            return new CreateDefaultVpcResult(vpc);
        });
}
