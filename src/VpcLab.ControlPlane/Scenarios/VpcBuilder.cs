using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>Builds one scenario VPC through the control plane: the VPC and its attributes, its gateways and subnets, then
/// (through the other builders) its security groups, network ACLs, NAT gateways, interfaces and instances.</summary>
internal sealed class VpcBuilder(ScenarioContext context, FilteringBuilder filtering, RoutingBuilder routing, ComputeBuilder compute)
{
    public (RequestContext Ctx, VpcSpec Spec, VpcId Vpc) BuildVpc(VpcSpec spec)
    {
        var ctx = new RequestContext(context.AccountOf(spec), spec.Region ?? context.Document.Region);
        var vpc = context.Do(spec.Line, "VPC", spec.Name, () => context.ControlPlane.CreateVpc(ctx, new CreateVpcRequest
        {
            CidrBlock = spec.Cidr,
            AmazonProvidedIpv6CidrBlock = spec.Ipv6 ? true : null,
            TagSpecifications = TagSpecification.Named("vpc", spec.Name),
        }).Vpc);
        context.Register(spec.Line, spec.Name, vpc.Id.Value);
        NameDefaults(ctx, spec, vpc.Id);

        foreach (var cidr in spec.SecondaryCidrs)
            context.Do(spec.Line, "VPC", spec.Name, () => context.ControlPlane.AssociateVpcCidrBlock(ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, CidrBlock = cidr }));
        if (spec.EnableDnsSupport is { } support)
            context.Do(spec.Line, "VPC", spec.Name, () => context.ControlPlane.ModifyVpcAttribute(ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsSupport = support }));
        if (spec.EnableDnsHostnames is { } hostnames)
            context.Do(spec.Line, "VPC", spec.Name, () => context.ControlPlane.ModifyVpcAttribute(ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = hostnames }));

        BuildGateways(ctx, spec, vpc.Id);
        foreach (var subnet in spec.Subnets)
            BuildSubnet(ctx, subnet, vpc.Id);
        filtering.BuildSecurityGroups(ctx, spec.SecurityGroups, vpc.Id);
        foreach (var acl in spec.NetworkAcls)
            filtering.BuildNetworkAcl(ctx, acl, vpc.Id);
        foreach (var nat in spec.NatGateways)
            routing.BuildNatGateway(ctx, nat);
        foreach (var eni in spec.NetworkInterfaces)
            compute.BuildNetworkInterface(ctx, eni);
        foreach (var instance in spec.Instances)
            compute.BuildInstance(ctx, instance);
        context.Vpcs[spec.Name] = (ctx, vpc.Id);
        return (ctx, spec, vpc.Id);
    }


    /// <summary>Names the VPC's main route table and default network ACL after the VPC, so traces read well.</summary>
    private void NameDefaults(RequestContext ctx, VpcSpec spec, VpcId vpc)
    {
        var network = context.ControlPlane.Network;
        var ids = new[] { network.MainRouteTable(vpc).Id.Value, network.NetworkAcls.Values.First(a => a.VpcId == vpc && a.IsDefault).Id.Value };
        var names = new[] { $"{spec.Name}-main", $"{spec.Name}-default-acl" };
        for (int i = 0; i < ids.Length; i++)
        {
            context.Do(spec.Line, "VPC", spec.Name, () => context.ControlPlane.CreateTags(ctx, new CreateTagsRequest { Resources = [ids[i]], Tags = [new Tag("Name", names[i])] }));
            context.Names.TryAdd(names[i], (ids[i], spec.Line));
        }
    }

    private void BuildGateways(RequestContext ctx, VpcSpec spec, VpcId vpc)
    {
        if (spec.InternetGateway is { } igwName)
        {
            var igw = context.Do(spec.Line, "internet gateway", igwName, () => context.ControlPlane.CreateInternetGateway(ctx, new CreateInternetGatewayRequest
            {
                TagSpecifications = TagSpecification.Named("internet-gateway", igwName),
            }).InternetGateway);
            context.Register(spec.Line, igwName, igw.Id.Value);
            context.Do(spec.Line, "internet gateway", igwName, () => context.ControlPlane.AttachInternetGateway(ctx, new AttachInternetGatewayRequest
            {
                InternetGatewayId = igw.Id.Value,
                VpcId = vpc.Value,
            }));
        }
        if (spec.EgressOnlyInternetGateway is { } eigwName)
        {
            var eigw = context.Do(spec.Line, "egress-only internet gateway", eigwName, () => context.ControlPlane.CreateEgressOnlyInternetGateway(ctx, new CreateEgressOnlyInternetGatewayRequest
            {
                VpcId = vpc.Value,
                TagSpecifications = TagSpecification.Named("egress-only-internet-gateway", eigwName),
            }).EgressOnlyInternetGateway);
            context.Register(spec.Line, eigwName, eigw.Id.Value);
        }
    }

    private void BuildSubnet(RequestContext ctx, SubnetSpec spec, VpcId vpcId)
    {
        string? ipv6 = null;
        if (spec.Ipv6Index is { } index)
        {
            var vpc = context.ControlPlane.Network.Vpcs[vpcId];
            var block = vpc.Ipv6CidrBlocks.FirstOrDefault()?.Cidr
                ?? throw context.Fail(spec.Line, $"subnet '{spec.Name}': ipv6-index needs a VPC with 'ipv6: true'");
            if (index < 0 || index > 255)
                throw context.Fail(spec.Line, $"subnet '{spec.Name}': ipv6-index {index} is outside the VPC's /56 (0-255)");
            ipv6 = block.Subnet(64, (UInt128)index).ToString();
        }
        bool isZoneId = spec.Az.Contains("-az", StringComparison.Ordinal);
        var subnet = context.Do(spec.Line, "subnet", spec.Name, () => context.ControlPlane.CreateSubnet(ctx, new CreateSubnetRequest
        {
            VpcId = vpcId.Value,
            CidrBlock = spec.Cidr,
            Ipv6CidrBlock = ipv6,
            Ipv6Native = spec.Ipv6Native ? true : null,
            AvailabilityZone = isZoneId ? null : spec.Az,
            AvailabilityZoneId = isZoneId ? spec.Az : null,
            TagSpecifications = TagSpecification.Named("subnet", spec.Name),
        }).Subnet, e => e.Code == Errors.SubnetErrors.InvalidSubnetRange
            ? $"a subnet's CIDR must fit inside one of its VPC's IPv4 CIDRs: {string.Join(", ", context.ControlPlane.Network.Vpcs[vpcId].CidrBlocks.Select(c => c.Cidr))}"
            : null);
        context.Register(spec.Line, spec.Name, subnet.Id.Value);
        if (spec.MapPublicIpOnLaunch)
        {
            context.Do(spec.Line, "subnet", spec.Name, () => context.ControlPlane.ModifySubnetAttribute(ctx, new ModifySubnetAttributeRequest
            {
                SubnetId = subnet.Id.Value,
                MapPublicIpOnLaunch = true,
            }));
        }
        if (spec.Hostnames is { } h)
        {
            // CreateSubnet has no hostname parameters: AWS sets each with its own ModifySubnetAttribute call.
            ModifySubnet(ctx, spec, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, PrivateDnsHostnameTypeOnLaunch = h.Type }, h.Type is not null);
            ModifySubnet(ctx, spec, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, EnableResourceNameDnsARecordOnLaunch = Attribute(h.ARecord) }, h.ARecord is not null);
            ModifySubnet(ctx, spec, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, EnableResourceNameDnsAAAARecordOnLaunch = Attribute(h.AaaaRecord) }, h.AaaaRecord is not null);
        }
        if (spec.EnableDns64)
        {
            // CreateSubnet has no DNS64 parameter: AWS sets it with ModifySubnetAttribute, as here.
            context.Do(spec.Line, "subnet", spec.Name, () => context.ControlPlane.ModifySubnetAttribute(ctx, new ModifySubnetAttributeRequest
            {
                SubnetId = subnet.Id.Value,
                EnableDns64 = true,
            }));
        }
    }

    private void ModifySubnet(RequestContext ctx, SubnetSpec spec, ModifySubnetAttributeRequest request, bool given)
    {
        if (given)
            context.Do(spec.Line, "subnet", spec.Name, () => context.ControlPlane.ModifySubnetAttribute(ctx, request));
    }

    private static AttributeBooleanValue? Attribute(bool? value) => value is { } v ? new AttributeBooleanValue(v) : null;
}
