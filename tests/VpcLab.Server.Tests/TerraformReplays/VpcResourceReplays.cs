using Amazon.EC2;
using Amazon.EC2.Model;
using static VpcLab.Server.Tests.TerraformReplays.ProviderReplay;

namespace VpcLab.Server.Tests.TerraformReplays;

/// <summary>The calls of aws_vpc, aws_subnet and the aws_default_* resources (provider source:
/// internal/service/ec2/vpc_.go, vpc_subnet.go, vpc_default_*.go, find.go, wait.go), in the order the provider makes
/// them, with the fields its read functions set.</summary>
internal static class VpcResourceReplays
{
    public static async Task<Vpc> CreateVpcAsync(ProviderReplay r, string cidr, bool ipv6 = false, Tenancy? tenancy = null)
    {
        var created = (await r.Client.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = cidr,
            AmazonProvidedIpv6CidrBlock = ipv6,
            InstanceTenancy = tenancy ?? Tenancy.Default,
            TagSpecifications = Tags(ResourceType.Vpc, "replay"),
        }, r.Ct)).Vpc;
        // waitVPCCreated: DescribeVpcs VpcId.1, pending -> available.
        await r.WaitAsync("aws_vpc create", async () => (await DescribeVpcAsync(r, created.VpcId)).State?.Value, "available");
        return created;
    }

    public static async Task<Vpc> DescribeVpcAsync(ProviderReplay r, string id) =>
        Assert.Single((await r.Client.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [id] }, r.Ct)).Vpcs);

    /// <summary>resourceVPCRead: the VPC, its three attributes, its default network ACL, main route table and default
    /// security group (each by filters), and the IPv6 association.</summary>
    public static async Task ReadVpcAsync(ProviderReplay r, string id)
    {
        var vpc = await DescribeVpcAsync(r, id);
        Present(vpc.CidrBlock, "CidrBlock");
        Present(vpc.DhcpOptionsId, "DhcpOptionsId");
        Present(vpc.InstanceTenancy?.Value, "InstanceTenancy");
        Present(vpc.OwnerId, "OwnerId");
        Assert.Equal("replay", Assert.Single(vpc.Tags, t => t.Key == "Name").Value);
        foreach (var attribute in new[] { VpcAttributeName.EnableDnsHostnames, VpcAttributeName.EnableDnsSupport, VpcAttributeName.EnableNetworkAddressUsageMetrics })
        {
            var answer = await r.Client.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = id, Attribute = attribute }, r.Ct);
            bool? value = attribute == VpcAttributeName.EnableDnsHostnames ? answer.EnableDnsHostnames
                : attribute == VpcAttributeName.EnableDnsSupport ? answer.EnableDnsSupport : answer.EnableNetworkAddressUsageMetrics;
            Present(value, attribute.Value);
        }
        var acl = Assert.Single((await r.Client.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("default", ["true"]), new Filter("vpc-id", [id])],
        }, r.Ct)).NetworkAcls);
        Present(acl.NetworkAclId, "default NetworkAclId");
        var main = Assert.Single((await r.Client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.main", ["true"]), new Filter("vpc-id", [id])],
        }, r.Ct)).RouteTables);
        Present(main.RouteTableId, "main RouteTableId");
        var group = Assert.Single((await r.Client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["default"]), new Filter("vpc-id", [id])],
        }, r.Ct)).SecurityGroups);
        Present(group.GroupId, "default GroupId");
        foreach (var association in vpc.Ipv6CidrBlockAssociationSet)
        {
            Present(association.AssociationId, "Ipv6CidrBlockAssociationSet.AssociationId");
            Present(association.Ipv6CidrBlock, "Ipv6CidrBlock");
            Assert.Equal("Amazon", association.Ipv6Pool); // the provider's amazonIPv6PoolID: assign_generated_ipv6_cidr_block
            Present(association.NetworkBorderGroup, "NetworkBorderGroup");
        }
    }

    /// <summary>resourceVPCDelete: DeleteVpc (retried on DependencyViolation), then DescribeVpcs until
    /// InvalidVpcID.NotFound.</summary>
    public static async Task DeleteVpcAsync(ProviderReplay r, string id)
    {
        await r.Client.DeleteVpcAsync(new DeleteVpcRequest { VpcId = id }, r.Ct);
        await r.GoneAsync("aws_vpc", async () => (await r.Client.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [id] }, r.Ct)).Vpcs.Count,
            "InvalidVpcID.NotFound");
    }

    // aws_vpc: create, modifyVPCAttributesOnCreate (enable_dns_hostnames), read, update (instance_tenancy
    // dedicated -> default: ModifyVpcTenancy), delete.
    public static async Task AwsVpc(ProviderReplay r)
    {
        var vpc = await CreateVpcAsync(r, "10.10.0.0/16", tenancy: Tenancy.Dedicated);
        await r.Client.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true }, r.Ct);
        await ReadVpcAsync(r, vpc.VpcId);
        var tenancy = await r.Client.ModifyVpcTenancyAsync(new ModifyVpcTenancyRequest { VpcId = vpc.VpcId, InstanceTenancy = VpcTenancy.Default }, r.Ct);
        Assert.True(tenancy.ReturnValue);
        Assert.Equal("default", (await DescribeVpcAsync(r, vpc.VpcId)).InstanceTenancy.Value);
        await ReadVpcAsync(r, vpc.VpcId);
        await DeleteVpcAsync(r, vpc.VpcId);
    }

    // aws_vpc with assign_generated_ipv6_cidr_block: waitVPCIPv6CIDRBlockAssociationCreated polls DescribeVpcs with
    // the ipv6-cidr-block-association.association-id filter until the association is "associated".
    public static async Task AwsVpcIpv6(ProviderReplay r)
    {
        var vpc = await CreateVpcAsync(r, "10.11.0.0/16", ipv6: true);
        var associationId = Present(Assert.Single(vpc.Ipv6CidrBlockAssociationSet).AssociationId, "AssociationId");
        await r.WaitAsync("aws_vpc IPv6 association", async () =>
        {
            var found = Assert.Single((await r.Client.DescribeVpcsAsync(new DescribeVpcsRequest
            {
                Filters = [new Filter("ipv6-cidr-block-association.association-id", [associationId])],
            }, r.Ct)).Vpcs);
            return found.Ipv6CidrBlockAssociationSet.Single(a => a.AssociationId == associationId).Ipv6CidrBlockState.State.Value;
        }, "associated");
        await ReadVpcAsync(r, vpc.VpcId);
        await DeleteVpcAsync(r, vpc.VpcId);
    }

    public static async Task<Subnet> CreateSubnetAsync(ProviderReplay r, string vpcId, string cidr, string zone)
    {
        var subnet = (await r.Client.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpcId,
            CidrBlock = cidr,
            AvailabilityZone = zone,
            TagSpecifications = Tags(ResourceType.Subnet, "replay"),
        }, r.Ct)).Subnet;
        // waitSubnetAvailable.
        await r.WaitAsync("aws_subnet create", async () => (await DescribeSubnetAsync(r, subnet.SubnetId)).State?.Value, "available");
        return subnet;
    }

    public static async Task<Subnet> DescribeSubnetAsync(ProviderReplay r, string id) =>
        Assert.Single((await r.Client.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [id] }, r.Ct)).Subnets);

    /// <summary>resourceSubnetRead's fields.</summary>
    public static async Task<Subnet> ReadSubnetAsync(ProviderReplay r, string id)
    {
        var s = await DescribeSubnetAsync(r, id);
        Present(s.SubnetArn, "SubnetArn");
        Present(s.AvailabilityZone, "AvailabilityZone");
        Present(s.AvailabilityZoneId, "AvailabilityZoneId");
        Present(s.CidrBlock, "CidrBlock");
        Present(s.OwnerId, "OwnerId");
        Present(s.VpcId, "VpcId");
        Present(s.AssignIpv6AddressOnCreation, "AssignIpv6AddressOnCreation");
        Present(s.EnableDns64, "EnableDns64");
        Present(s.Ipv6Native, "Ipv6Native");
        Present(s.MapPublicIpOnLaunch, "MapPublicIpOnLaunch");
        Present(s.MapCustomerOwnedIpOnLaunch, "MapCustomerOwnedIpOnLaunch");
        var dns = Present(s.PrivateDnsNameOptionsOnLaunch, "PrivateDnsNameOptionsOnLaunch");
        Present(dns.HostnameType?.Value, "PrivateDnsNameOptionsOnLaunch.HostnameType");
        Present(dns.EnableResourceNameDnsARecord, "EnableResourceNameDnsARecord");
        Present(dns.EnableResourceNameDnsAAAARecord, "EnableResourceNameDnsAAAARecord");
        return s;
    }

    /// <summary>resourceSubnetDelete: the Lambda ENIs of the subnet first (a filtered DescribeNetworkInterfaces),
    /// DeleteSubnet, then DescribeSubnets until InvalidSubnetID.NotFound.</summary>
    public static async Task DeleteSubnetAsync(ProviderReplay r, string id)
    {
        var lambda = await r.Client.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("subnet-id", [id]), new Filter("description", ["AWS Lambda VPC ENI*"])],
        }, r.Ct);
        Assert.Empty(lambda.NetworkInterfaces);
        await r.Client.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = id }, r.Ct);
        await r.GoneAsync("aws_subnet", async () => (await r.Client.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [id] }, r.Ct)).Subnets.Count,
            "InvalidSubnetID.NotFound");
    }

    // aws_subnet with map_public_ip_on_launch: create, ModifySubnetAttribute + waitSubnetMapPublicIPOnLaunchUpdated,
    // read, delete.
    public static async Task AwsSubnet(ProviderReplay r)
    {
        var vpc = await CreateVpcAsync(r, "10.12.0.0/16");
        var subnet = await CreateSubnetAsync(r, vpc.VpcId, "10.12.1.0/24", "us-east-1a");
        await r.Client.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, MapPublicIpOnLaunch = true }, r.Ct);
        await r.WaitAsync("map_public_ip_on_launch", async () => (await DescribeSubnetAsync(r, subnet.SubnetId)).MapPublicIpOnLaunch == true ? "true" : "false", "true");
        Assert.True((await ReadSubnetAsync(r, subnet.SubnetId)).MapPublicIpOnLaunch);
        await DeleteSubnetAsync(r, subnet.SubnetId);
        await DeleteVpcAsync(r, vpc.VpcId);
    }

    // aws_default_vpc: DescribeVpcs with the legacy isDefault filter, then the aws_vpc read; aws_default_subnet:
    // DescribeSubnets with availabilityZone and defaultForAz, then the aws_subnet read. Destroy leaves both.
    public static async Task AwsDefaultVpcAndSubnet(ProviderReplay r)
    {
        var vpc = Assert.Single((await r.Client.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("isDefault", ["true"])] }, r.Ct)).Vpcs);
        Assert.Equal("172.31.0.0/16", vpc.CidrBlock);
        var read = await DescribeVpcAsync(r, vpc.VpcId);
        Assert.True(read.IsDefault);
        var subnet = Assert.Single((await r.Client.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("availabilityZone", ["us-east-1b"]), new Filter("defaultForAz", ["true"])],
        }, r.Ct)).Subnets);
        Assert.True((await ReadSubnetAsync(r, subnet.SubnetId)).DefaultForAz);
    }

    // aws_default_security_group: found by group-name=default and vpc-id, every rule it has revoked (the module and
    // the provider's documentation: rules not in the configuration are removed), then read; destroy leaves it.
    public static async Task AwsDefaultSecurityGroup(ProviderReplay r)
    {
        var vpc = await CreateVpcAsync(r, "10.13.0.0/16");
        var group = Assert.Single((await r.Client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["default"]), new Filter("vpc-id", [vpc.VpcId])],
        }, r.Ct)).SecurityGroups);
        await r.Client.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group.GroupId, IpPermissions = group.IpPermissions }, r.Ct);
        await r.Client.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = group.GroupId, IpPermissions = group.IpPermissionsEgress }, r.Ct);
        var after = await SecurityReplays.ReadSecurityGroupAsync(r, group.GroupId);
        Assert.Empty(after.IpPermissions);
        Assert.Empty(after.IpPermissionsEgress);
        await DeleteVpcAsync(r, vpc.VpcId);
    }

    // aws_default_network_acl (the terraform-aws-vpc module's rules: allow all, rule 100 each way): found by id,
    // its entries compared with the configuration (the defaults already match, so nothing is sent), tags set with
    // CreateTags; aws_default_route_table: found by id, no routes but local, tags by CreateTags.
    public static async Task AwsDefaultNetworkAclAndRouteTable(ProviderReplay r)
    {
        var vpc = await CreateVpcAsync(r, "10.14.0.0/16");
        var acl = Assert.Single((await r.Client.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("default", ["true"]), new Filter("vpc-id", [vpc.VpcId])],
        }, r.Ct)).NetworkAcls);
        await r.Client.CreateTagsAsync(new CreateTagsRequest { Resources = [acl.NetworkAclId], Tags = [new Tag("Name", "replay-default")] }, r.Ct);
        acl = await SecurityReplays.DescribeNetworkAclAsync(r, acl.NetworkAclId);
        Assert.Contains(acl.Entries, e => e.RuleNumber == 100 && e.Egress == false && e.RuleAction.Value == "allow" && e.CidrBlock == "0.0.0.0/0" && e.Protocol == "-1");
        Assert.Contains(acl.Entries, e => e.RuleNumber == 100 && e.Egress == true && e.RuleAction.Value == "allow");
        var main = Assert.Single((await r.Client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.main", ["true"]), new Filter("vpc-id", [vpc.VpcId])],
        }, r.Ct)).RouteTables);
        await r.Client.CreateTagsAsync(new CreateTagsRequest { Resources = [main.RouteTableId], Tags = [new Tag("Name", "replay-default")] }, r.Ct);
        var table = await RoutingReplays.ReadRouteTableAsync(r, main.RouteTableId);
        Assert.Equal("local", Assert.Single(table.Routes).GatewayId);
        await DeleteVpcAsync(r, vpc.VpcId);
    }
}
