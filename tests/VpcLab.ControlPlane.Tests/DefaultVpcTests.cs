using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public class DefaultVpcTests
{
    private static readonly RequestContext Ctx = RequestContext.Default;

    // AWS: the default VPC is 172.31.0.0/16 with a /20 default subnet per AZ, public IPs on launch, an attached
    // IGW routed from the main table, and DNS hostnames on.
    [Fact]
    public void CreateDefaultVpc_FirstCall_BuildsDefaultSubnetPerZoneRoutedToInternetGateway()
    {
        var cp = new Ec2ControlPlane();
        var vpc = cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest()).Vpc;
        var n = cp.Network;

        Assert.True(vpc.IsDefault);
        Assert.Equal(Cidr.Parse("172.31.0.0/16"), vpc.PrimaryCidr);
        Assert.True(vpc.EnableDnsHostnames);
        var subnets = n.SubnetsOf(vpc.Id).OrderBy(s => s.CidrBlock).ToList();
        Assert.Equal(cp.Regions[Ctx.Region].Zones.Length, subnets.Count);
        Assert.All(subnets, s => Assert.True(s.DefaultForAz && s.MapPublicIpOnLaunch && s.CidrBlock?.PrefixLength == 20));
        Assert.Equal(subnets.Count, subnets.Select(s => s.AvailabilityZone.Name).Distinct().Count());
        Assert.Equal(Cidr.Parse("172.31.16.0/20"), subnets[1].CidrBlock);
        var igw = Assert.Single(n.InternetGateways.Values);
        Assert.Equal(vpc.Id, igw.AttachedVpcId);
        var main = n.MainRouteTable(vpc.Id);
        var defaultRoute = Assert.Single(main.Routes, r => r.Destination.Cidr == Cidr.AnyV4);
        Assert.Equal(igw.Id.Value, defaultRoute.Target.Id);
        Assert.All(subnets, s => Assert.Contains(n.NetworkAclFor(s.Id).Associations, a => a.SubnetId == s.Id));
        Assert.True(n.DefaultSecurityGroup(vpc.Id).IsDefault);
    }

    // AWS: one default VPC per account and Region (DefaultVpcAlreadyExists); other accounts and Regions get their own.
    [Fact]
    public void CreateDefaultVpc_Twice_IsRefusedAndChangesNothing()
    {
        var cp = new Ec2ControlPlane();
        cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest());
        var before = cp.Network;
        var e = Assert.Throws<Ec2Exception>(() => cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest()));
        Assert.Equal("DefaultVpcAlreadyExists", e.Code.Code);
        Assert.Same(before, cp.Network);

        cp.CreateDefaultVpc(RequestContext.For("222222222222"), new CreateDefaultVpcRequest());
        cp.CreateDefaultVpc(RequestContext.For("111111111111", "eu-west-1"), new CreateDefaultVpcRequest());
        Assert.Equal(3, cp.Network.Vpcs.Values.Count(v => v.IsDefault));
    }

    // AWS: DryRun validates and changes nothing.
    [Fact]
    public void CreateDefaultVpc_DryRun_ChangesNothing()
    {
        var cp = new Ec2ControlPlane();
        var before = cp.Network;
        var e = Assert.Throws<Ec2Exception>(() => cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest { DryRun = true }));
        Assert.Equal("DryRunOperation", e.Code.Code);
        Assert.Same(before, cp.Network);
    }

    // AWS CreateDefaultSubnet: a /20 default subnet in the zone of the default VPC; one per zone
    // (DefaultSubnetAlreadyExistsInAvailabilityZone); none without a default VPC (DefaultVpcDoesNotExist)
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDefaultSubnet.html).
    [Theory]
    [InlineData("recreate deleted", null)]
    [InlineData("zone has one", "DefaultSubnetAlreadyExistsInAvailabilityZone")]
    [InlineData("no default VPC", "DefaultVpcDoesNotExist")]
    [InlineData("unknown zone", "InvalidParameterValue")]
    public void CreateDefaultSubnet_Cases_AwsOutcome(string kind, string? code)
    {
        var lab = new TestLab();
        if (kind != "no default VPC")
            lab.Cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest());
        var deleted = lab.N.Subnets.Values.FirstOrDefault(s => s.AvailabilityZone.Name == "us-east-1b");
        if (kind == "recreate deleted")
            lab.Cp.DeleteSubnet(Ctx, new DeleteSubnetRequest { SubnetId = deleted!.Id.Value });
        var request = new CreateDefaultSubnetRequest { AvailabilityZone = kind == "unknown zone" ? "us-east-1z" : "us-east-1b" };

        if (code is not null)
        {
            lab.FailsWith(code, () => lab.Cp.CreateDefaultSubnet(Ctx, request));
            return;
        }
        var subnet = lab.Cp.CreateDefaultSubnet(Ctx, request).Subnet;
        Assert.True(subnet.DefaultForAz && subnet.MapPublicIpOnLaunch);
        Assert.Equal(deleted!.CidrBlock, subnet.CidrBlock);
        Assert.Contains(lab.N.NetworkAclFor(subnet.Id).Associations, a => a.SubnetId == subnet.Id);
    }

    // CreateDefaultSubnet Ipv6Native ("Indicates whether to create an IPv6 only subnet. If you already have a default
    // subnet for this Availability Zone, you must delete it before you can create an IPv6 only subnet"): an IPv6-only
    // default subnet takes the lowest free /64 of the default VPC's IPv6 block, with every IPv6-only subnet's rules
    // (docs/semantics.md#ipv6-only-default-subnets).
    [Theory]
    [InlineData("zone freed, VPC has IPv6", null)]
    [InlineData("zone still has its default subnet", "DefaultSubnetAlreadyExistsInAvailabilityZone")]
    [InlineData("VPC without IPv6", "InvalidParameterValue")]
    public void CreateDefaultSubnet_Ipv6Native_AwsOutcome(string kind, string? code)
    {
        var lab = new TestLab();
        var vpc = lab.Cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest()).Vpc;
        if (kind != "VPC without IPv6")
            lab.Cp.AssociateVpcCidrBlock(Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, AmazonProvidedIpv6CidrBlock = true });
        var zoneB = lab.N.Subnets.Values.First(s => s.AvailabilityZone.Name == "us-east-1b");
        if (kind != "zone still has its default subnet")
            lab.Cp.DeleteSubnet(Ctx, new DeleteSubnetRequest { SubnetId = zoneB.Id.Value });
        var request = new CreateDefaultSubnetRequest { AvailabilityZone = "us-east-1b", Ipv6Native = true };
        if (code is not null)
        {
            lab.FailsWith(code, () => lab.Cp.CreateDefaultSubnet(Ctx, request));
            return;
        }
        var subnet = lab.Cp.CreateDefaultSubnet(Ctx, request).Subnet;
        var block = lab.N.Vpcs[vpc.Id].Ipv6CidrBlocks[0].Cidr;
        Assert.Equal((true, true, true, false), (subnet.DefaultForAz, subnet.Ipv6Native, subnet.AssignIpv6AddressOnCreation, subnet.MapPublicIpOnLaunch));
        Assert.Null(subnet.CidrBlock);
        Assert.Equal(block.Subnet(64, 0), subnet.Ipv6Cidr);
        Assert.Equal(PrivateDnsNameOptions.Ipv6Only, subnet.PrivateDnsNameOptionsOnLaunch);
        Assert.Contains(lab.N.NetworkAclFor(subnet.Id).Associations, a => a.SubnetId == subnet.Id);
        // The next IPv6-only default subnet (another freed zone) takes the next free /64.
        var zoneC = lab.N.Subnets.Values.First(s => s.AvailabilityZone.Name == "us-east-1c");
        lab.Cp.DeleteSubnet(Ctx, new DeleteSubnetRequest { SubnetId = zoneC.Id.Value });
        var next = lab.Cp.CreateDefaultSubnet(Ctx, new CreateDefaultSubnetRequest { AvailabilityZone = "us-east-1c", Ipv6Native = true }).Subnet;
        Assert.Equal(block.Subnet(64, 1), next.Ipv6Cidr);
    }
}
