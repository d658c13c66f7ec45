using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

public sealed partial class Ec2SdkTests
{
    [Fact]
    public async Task CreateVpc_ThenDescribe_ShowsEverythingTheConsoleShows()
    {
        var created = await NewVpc("10.0.0.0/16", ipv6: true, name: "main");
        Assert.StartsWith("vpc-", created.VpcId, StringComparison.Ordinal);

        var vpc = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [created.VpcId] }, Ct)).Vpcs);
        Assert.Equal(VpcState.Available, vpc.State);
        Assert.Equal("10.0.0.0/16", vpc.CidrBlock);
        Assert.Equal("111111111111", vpc.OwnerId);
        Assert.Equal(Tenancy.Default, vpc.InstanceTenancy);
        Assert.False(vpc.IsDefault);
        Assert.Equal("default", vpc.DhcpOptionsId);
        var v4 = Assert.Single(vpc.CidrBlockAssociationSet);
        Assert.Equal("10.0.0.0/16", v4.CidrBlock);
        Assert.Equal(VpcCidrBlockStateCode.Associated, v4.CidrBlockState.State);
        Assert.StartsWith("vpc-cidr-assoc-", v4.AssociationId, StringComparison.Ordinal);
        var v6 = Assert.Single(vpc.Ipv6CidrBlockAssociationSet);
        Assert.EndsWith("/56", v6.Ipv6CidrBlock, StringComparison.Ordinal);
        Assert.Equal(VpcCidrBlockStateCode.Associated, v6.Ipv6CidrBlockState.State);
        Assert.Equal("us-east-1", v6.NetworkBorderGroup);
        Assert.Equal("main", Assert.Single(vpc.Tags).Value);
    }

    [Fact]
    public async Task DescribeVpcs_Filters_AndAreAndedValuesOred()
    {
        var a = await NewVpc("10.0.0.0/16", name: "a");
        var b = await NewVpc("10.1.0.0/16", name: "b");
        await NewVpc("10.2.0.0/16", name: "c");

        var byCidr = await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Filters = [new Filter("cidr", ["10.0.0.0/16", "10.1.0.0/16"])],
        }, Ct);
        Assert.Equal(new[] { a.VpcId, b.VpcId }.Order(StringComparer.Ordinal), byCidr.Vpcs.Select(v => v.VpcId));

        var both = await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Filters = [new Filter("cidr", ["10.0.0.0/16", "10.1.0.0/16"]), new Filter("tag:Name", ["b*"])],
        }, Ct);
        Assert.Equal(b.VpcId, Assert.Single(both.Vpcs).VpcId);

        var none = await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag-key", ["Nope"])] }, Ct);
        Assert.Empty(none.Vpcs);
    }

    [Fact]
    public async Task DescribeVpcs_UnknownFilter_IsAnAwsError()
    {
        var e = await Fails(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("bogus", ["x"])] }, Ct));
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.False(string.IsNullOrEmpty(e.ErrorCode));
    }

    [Fact]
    public async Task VpcAttributes_ModifiedThenDescribed_ShowTheNewValue()
    {
        var vpc = await NewVpc();
        var before = await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableDnsHostnames }, Ct);
        Assert.False(before.EnableDnsHostnames);
        Assert.Equal(vpc.VpcId, before.VpcId);

        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true }, Ct);
        var after = await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableDnsHostnames }, Ct);
        Assert.True(after.EnableDnsHostnames);
        var dns = await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableDnsSupport }, Ct);
        Assert.True(dns.EnableDnsSupport);
    }

    [Fact]
    public async Task VpcCidrBlocks_SecondaryAssociatedThenDisassociated_RoundTrip()
    {
        var vpc = await NewVpc();
        var associated = await _ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, CidrBlock = "10.1.0.0/16" }, Ct);
        Assert.Equal(vpc.VpcId, associated.VpcId);
        Assert.Equal("10.1.0.0/16", associated.CidrBlockAssociation.CidrBlock);
        Assert.Null(associated.Ipv6CidrBlockAssociation);

        var described = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }, Ct)).Vpcs);
        Assert.Equal(2, described.CidrBlockAssociationSet.Count);

        var gone = await _ec2.DisassociateVpcCidrBlockAsync(new DisassociateVpcCidrBlockRequest { AssociationId = associated.CidrBlockAssociation.AssociationId }, Ct);
        Assert.Equal(vpc.VpcId, gone.VpcId);
        Assert.Equal("10.1.0.0/16", gone.CidrBlockAssociation.CidrBlock);

        var ipv6 = await _ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, AmazonProvidedIpv6CidrBlock = true }, Ct);
        Assert.EndsWith("/56", ipv6.Ipv6CidrBlockAssociation.Ipv6CidrBlock, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteVpc_ThenDescribe_IsNotFound()
    {
        var vpc = await NewVpc();
        var deleted = await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId }, Ct);
        Assert.Equal(HttpStatusCode.OK, deleted.HttpStatusCode);
        var e = await Fails(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }, Ct));
        Assert.Equal("InvalidVpcID.NotFound", e.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
    }

    [Fact]
    public async Task DescribeRegionsAndZones_DefaultAccount_ListsTheLabsRegionsAndZones()
    {
        var regions = await _ec2.DescribeRegionsAsync(new DescribeRegionsRequest(), Ct);
        var east = Assert.Single(regions.Regions, r => r.RegionName == "us-east-1");
        Assert.Equal("ec2.us-east-1.amazonaws.com", east.Endpoint);
        Assert.Equal("opt-in-not-required", east.OptInStatus);
        // The Regions enabled for the account: the 17 enabled by default; a new account has no opt-in Region
        // (docs/semantics.md#regions; RegionOptInSdkTests covers AllRegions and enabling).
        Assert.Equal(17, regions.Regions.Count);
        Assert.All(regions.Regions, r => Assert.Equal("opt-in-not-required", r.OptInStatus));

        var zones = await _ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), Ct);
        Assert.Equal(6, zones.AvailabilityZones.Count);
        var a = zones.AvailabilityZones[0];
        Assert.Equal("us-east-1a", a.ZoneName);
        Assert.Equal("use1-az1", a.ZoneId);
        Assert.Equal(AvailabilityZoneState.Available, a.State);
        Assert.Equal("us-east-1", a.RegionName);

        using var west = Client(region: "eu-west-1");
        var westZones = await west.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest { ZoneNames = ["eu-west-1b"] }, Ct);
        Assert.Equal("euw1-az2", Assert.Single(westZones.AvailabilityZones).ZoneId);
        using var paris = Client(region: "eu-west-3");
        var parisZones = await paris.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), Ct);
        Assert.Equal(["euw3-az1", "euw3-az2", "euw3-az3"], parisZones.AvailabilityZones.Select(z => z.ZoneId));
        Assert.All(parisZones.AvailabilityZones, z => Assert.Equal("opt-in-not-required", z.OptInStatus));
    }

    [Fact]
    public async Task Regions_AreSeparate_AndAccountsAreSeparate()
    {
        await NewVpc();
        // Only the default VPC (which the server creates per account and Region, as AWS does) may be seen there.
        using var west = Client(region: "eu-west-1");
        Assert.All((await west.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs, v => Assert.True(v.IsDefault));
        using var other = Client(accessKey: SecondAccessKey);
        Assert.All((await other.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs, v => Assert.True(v.IsDefault));
        var own = await other.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct);
        Assert.Equal("222222222222", own.Vpc.OwnerId);
    }

    [Fact]
    public async Task Subnets_CreateDescribeModifyIpv6Delete_RoundTripThroughTheSdk()
    {
        var vpc = await NewVpc(ipv6: true);
        var subnet = await NewSubnet(vpc.VpcId);
        Assert.Equal("10.0.1.0/24", subnet.CidrBlock);
        Assert.Equal(251, subnet.AvailableIpAddressCount);
        Assert.Equal("us-east-1a", subnet.AvailabilityZone);
        Assert.Equal("use1-az1", subnet.AvailabilityZoneId);
        Assert.Equal(SubnetState.Available, subnet.State);
        Assert.False(subnet.MapPublicIpOnLaunch);
        Assert.False(subnet.DefaultForAz);
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:subnet/{subnet.SubnetId}", subnet.SubnetArn);

        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, MapPublicIpOnLaunch = true }, Ct);
        var v6Block = Assert.Single(vpc.Ipv6CidrBlockAssociationSet).Ipv6CidrBlock.Replace("/56", "/64", StringComparison.Ordinal);
        var associated = await _ec2.AssociateSubnetCidrBlockAsync(new AssociateSubnetCidrBlockRequest { SubnetId = subnet.SubnetId, Ipv6CidrBlock = v6Block }, Ct);
        Assert.Equal(subnet.SubnetId, associated.SubnetId);
        Assert.Equal(v6Block, associated.Ipv6CidrBlockAssociation.Ipv6CidrBlock);

        var described = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId])],
        }, Ct)).Subnets);
        Assert.True(described.MapPublicIpOnLaunch);
        Assert.Equal(SubnetCidrBlockStateCode.Associated, Assert.Single(described.Ipv6CidrBlockAssociationSet).Ipv6CidrBlockState.State);

        var gone = await _ec2.DisassociateSubnetCidrBlockAsync(new DisassociateSubnetCidrBlockRequest { AssociationId = associated.Ipv6CidrBlockAssociation.AssociationId }, Ct);
        Assert.Equal(subnet.SubnetId, gone.SubnetId);

        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId }, Ct);
        Assert.Empty((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc.VpcId])] }, Ct)).Subnets);
    }

    [Fact]
    public async Task CreateSubnet_Conflict_IsInvalidSubnetConflict()
    {
        var vpc = await NewVpc();
        await NewSubnet(vpc.VpcId, "10.0.1.0/24");
        var e = await Fails(() => NewSubnet(vpc.VpcId, "10.0.1.0/25"));
        Assert.Equal("InvalidSubnet.Conflict", e.ErrorCode);
    }

    [Fact]
    public async Task DryRun_IsDryRunOperation412_AndCreatesNothing()
    {
        var e = await Fails(() => _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", DryRun = true }, Ct));
        Assert.Equal("DryRunOperation", e.ErrorCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, e.StatusCode);
        Assert.Empty((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("cidr", ["10.0.0.0/16"])] }, Ct)).Vpcs);
    }

    [Fact]
    public async Task DhcpOptions_CreateAssociateDescribeDelete_RoundTripThroughTheSdk()
    {
        var vpc = await NewVpc();
        Assert.Equal("default", vpc.DhcpOptionsId);
        var created = (await _ec2.CreateDhcpOptionsAsync(new CreateDhcpOptionsRequest
        {
            DhcpConfigurations =
            [
                new DhcpConfiguration { Key = "domain-name", Values = ["corp.example"] },
                new DhcpConfiguration { Key = "domain-name-servers", Values = ["10.0.0.2", "AmazonProvidedDNS"] },
            ],
            TagSpecifications = Named(ResourceType.DhcpOptions, "corp"),
        }, Ct)).DhcpOptions;
        Assert.StartsWith("dopt-", created.DhcpOptionsId, StringComparison.Ordinal);
        Assert.Equal("111111111111", created.OwnerId);
        Assert.Equal("corp", Assert.Single(created.Tags).Value);
        var servers = Assert.Single(created.DhcpConfigurations, c => c.Key == "domain-name-servers");
        Assert.Equal(new[] { "10.0.0.2", "AmazonProvidedDNS" }, servers.Values);

        await _ec2.AssociateDhcpOptionsAsync(new AssociateDhcpOptionsRequest { DhcpOptionsId = created.DhcpOptionsId, VpcId = vpc.VpcId }, Ct);
        var described = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }, Ct)).Vpcs);
        Assert.Equal(created.DhcpOptionsId, described.DhcpOptionsId);
        var byKey = (await _ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest { Filters = [new Filter("key", ["domain-name"])] }, Ct)).DhcpOptions;
        Assert.Equal(created.DhcpOptionsId, Assert.Single(byKey).DhcpOptionsId);

        var inUse = await Fails(() => _ec2.DeleteDhcpOptionsAsync(new DeleteDhcpOptionsRequest { DhcpOptionsId = created.DhcpOptionsId }, Ct));
        Assert.Equal("DependencyViolation", inUse.ErrorCode);
        await _ec2.AssociateDhcpOptionsAsync(new AssociateDhcpOptionsRequest { DhcpOptionsId = "default", VpcId = vpc.VpcId }, Ct);
        await _ec2.DeleteDhcpOptionsAsync(new DeleteDhcpOptionsRequest { DhcpOptionsId = created.DhcpOptionsId }, Ct);
        var gone = await Fails(() => _ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest { DhcpOptionsIds = [created.DhcpOptionsId] }, Ct));
        Assert.Equal("InvalidDhcpOptionID.NotFound", gone.ErrorCode);

        var badKey = await Fails(() => _ec2.CreateDhcpOptionsAsync(new CreateDhcpOptionsRequest
        {
            DhcpConfigurations = [new DhcpConfiguration { Key = "bogus", Values = ["x"] }],
        }, Ct));
        Assert.Equal("InvalidParameterValue", badKey.ErrorCode);
    }
}
