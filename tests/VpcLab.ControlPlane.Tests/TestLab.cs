using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.ControlPlane.Time;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>A control plane with a fixed seed and shortcuts to build the usual resources.</summary>
internal sealed class TestLab
{
    public static readonly RequestContext Ctx = RequestContext.Default;

    public TestLab(ulong seed = 42, Ec2Quotas? quotas = null)
    {
        Clock = new SimulatedClock();
        Cp = new Ec2ControlPlane(new ControlPlaneOptions { IdSeed = seed, Clock = Clock, Quotas = quotas ?? Ec2Quotas.AwsDefaults });
    }

    public SimulatedClock Clock { get; }
    public Ec2ControlPlane Cp { get; }
    public Network N => Cp.Network;

    /// <summary>AWS: an opt-in Region takes calls only once the account enabled it (EnableRegion); a Region enabled
    /// by default needs nothing.</summary>
    public RequestContext Enabled(RequestContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (Cp.Regions[ctx.Region].OptInRequired)
            Cp.RegionOptIns.EnableRegion(ctx.Account, new RegionOptInRequest { RegionName = ctx.Region });
        return ctx;
    }

    public Vpc Vpc(string cidr = "10.0.0.0/16", bool ipv6 = false, RequestContext? ctx = null) =>
        Cp.CreateVpc(ctx ?? Ctx, new CreateVpcRequest { CidrBlock = cidr, AmazonProvidedIpv6CidrBlock = ipv6 }).Vpc;

    public Subnet Subnet(Vpc vpc, string cidr = "10.0.1.0/24", string? zone = "us-east-1a", string? ipv6 = null) =>
        Cp.CreateSubnet(Ctx, new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = cidr, AvailabilityZone = zone, Ipv6CidrBlock = ipv6 }).Subnet;

    /// <summary>The n-th /64 of the VPC's /56.</summary>
    public static string Ipv6Subnet(Vpc vpc, int index) => vpc.Ipv6CidrBlocks[0].Cidr.Subnet(64, (UInt128)index).ToString();

    public InternetGateway AttachedIgw(Vpc vpc)
    {
        var igw = Cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()).InternetGateway;
        Cp.AttachInternetGateway(Ctx, new AttachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = vpc.Id.Value });
        return N.InternetGateways[igw.Id];
    }

    public ElasticIpAddress Eip() => Cp.AllocateAddress(Ctx, new AllocateAddressRequest()).Address!;

    public NatGateway Nat(Subnet subnet, bool isPublic = true)
    {
        var allocation = isPublic ? Eip().AllocationId.Value : null;
        return Cp.CreateNatGateway(Ctx, new CreateNatGatewayRequest
        {
            SubnetId = subnet.Id.Value,
            AllocationId = allocation,
            ConnectivityType = isPublic ? "public" : "private",
        }).NatGateway;
    }

    public NetworkInterface Eni(Subnet subnet, string? ip = null) =>
        Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, PrivateIpAddress = ip }).NetworkInterface;

    public Instance Instance(Subnet subnet, bool? publicIp = null)
    {
        var request = publicIp is null
            ? new RunInstancesRequest { SubnetId = subnet.Id.Value, MinCount = 1, MaxCount = 1 }
            : new RunInstancesRequest
            {
                MinCount = 1,
                MaxCount = 1,
                NetworkInterfaces = [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnet.Id.Value, AssociatePublicIpAddress = publicIp }],
            };
        return Cp.RunInstances(Ctx, request).Instances[0];
    }

    public SecurityGroup Group(Vpc vpc, string name = "web") =>
        Cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = name, Description = "test group", VpcId = vpc.Id.Value }).SecurityGroup!;

    public RouteTable MainTable(Vpc vpc) => N.MainRouteTable(vpc.Id);

    public RouteTable Table(RouteTableId id) => N.RouteTables[id];

    /// <summary>Runs an operation that must fail with <paramref name="expected"/>, and checks the state is exactly
    /// as before (the same snapshot reference).</summary>
    public Ec2Exception Fails(Ec2ErrorCode expected, Action operation)
    {
        var before = Cp.Network;
        var counter = Cp.IdCounter;
        var error = Assert.Throws<Ec2Exception>(operation);
        Assert.Equal(expected.Code, error.Code.Code);
        Assert.Equal(expected.HttpStatus, error.HttpStatus);
        Assert.Same(before, Cp.Network);
        Assert.Equal(counter, Cp.IdCounter);
        return error;
    }

    public Ec2Exception Fails(Ec2ErrorCode expected, Func<object> operation) => Fails(expected, () => { operation(); });

    /// <summary>As <see cref="Fails(Ec2ErrorCode, Action)"/>, naming the code as AWS spells it.</summary>
    public Ec2Exception FailsWith(string expectedCode, Func<object> operation)
    {
        var before = Cp.Network;
        var error = Assert.Throws<Ec2Exception>(() => { operation(); });
        Assert.Equal(expectedCode, error.Code.Code);
        Assert.Same(before, Cp.Network);
        return error;
    }
}
