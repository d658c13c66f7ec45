namespace VpcLab.Model.Tests;

public partial class NetworkTests
{
    private static readonly RouteTable Table = ModelFactory.RouteTable("rtb-1", "vpc-1", main: true);

    private static RouteState StateOf(Network network, RouteTargetKind kind, string target) =>
        network.RouteState(Table, ModelFactory.Route("0.0.0.0/0", kind, target));

    private static Network WithInternetGateway(string? attachedVpc) => Network.Empty with
    {
        InternetGateways = Network.Empty.InternetGateways.Add(new InternetGatewayId("igw-1"), ModelFactory.InternetGateway("igw-1", attachedVpc)),
    };

    [Fact]
    public void RouteState_LocalRoute_IsActive() =>
        Assert.Equal(RouteState.Active, Network.Empty.RouteState(Table, ModelFactory.Route("10.0.0.0/16", RouteTargetKind.Local, "local")));

    [Fact]
    public void RouteState_InternetGatewayAttachedToTheVpc_IsActive() =>
        Assert.Equal(RouteState.Active, StateOf(WithInternetGateway("vpc-1"), RouteTargetKind.InternetGateway, "igw-1"));

    // AWS: a route to an internet gateway that has been detached from the VPC is a blackhole.
    [Fact]
    public void RouteState_InternetGatewayDetached_IsBlackhole() =>
        Assert.Equal(RouteState.Blackhole, StateOf(WithInternetGateway(null), RouteTargetKind.InternetGateway, "igw-1"));

    [Fact]
    public void RouteState_InternetGatewayAttachedToAnotherVpc_IsBlackhole() =>
        Assert.Equal(RouteState.Blackhole, StateOf(WithInternetGateway("vpc-2"), RouteTargetKind.InternetGateway, "igw-1"));

    // AWS: a route whose target was deleted stays in the table as a blackhole.
    [Fact]
    public void RouteState_InternetGatewayDeleted_IsBlackhole() =>
        Assert.Equal(RouteState.Blackhole, StateOf(Network.Empty, RouteTargetKind.InternetGateway, "igw-1"));

    [Theory]
    [InlineData(NatGatewayState.Available, RouteState.Active)]
    [InlineData(NatGatewayState.Failed, RouteState.Blackhole)]
    [InlineData(NatGatewayState.Deleting, RouteState.Blackhole)]
    [InlineData(NatGatewayState.Deleted, RouteState.Blackhole)]
    public void RouteState_NatGateway_ActiveOnlyWhileUsable(NatGatewayState state, RouteState expected)
    {
        var network = Network.Empty with
        {
            NatGateways = Network.Empty.NatGateways.Add(new NatGatewayId("nat-1"), ModelFactory.NatGateway("nat-1", "vpc-1", state)),
        };

        Assert.Equal(expected, StateOf(network, RouteTargetKind.NatGateway, "nat-1"));
    }

    [Fact]
    public void RouteState_NatGatewayDeletedFromWorld_IsBlackhole() =>
        Assert.Equal(RouteState.Blackhole, StateOf(Network.Empty, RouteTargetKind.NatGateway, "nat-1"));

    [Theory]
    [InlineData("vpc-1", RouteState.Active)]
    [InlineData("vpc-2", RouteState.Blackhole)]
    public void RouteState_EgressOnlyInternetGateway_ActiveInItsOwnVpc(string gatewayVpc, RouteState expected)
    {
        var eigw = new EgressOnlyInternetGateway(new EgressOnlyInternetGatewayId("eigw-1"), ModelFactory.Owner, ModelFactory.Region, new VpcId(gatewayVpc));
        var network = Network.Empty with { EgressOnlyInternetGateways = Network.Empty.EgressOnlyInternetGateways.Add(eigw.Id, eigw) };

        Assert.Equal(expected, network.RouteState(Table, ModelFactory.Route("::/0", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1")));
    }

    // AWS: a route to an instance (or its interface) is a blackhole while the instance is not running.
    [Theory]
    [InlineData(InstanceState.Running, RouteState.Active)]
    [InlineData(InstanceState.Stopped, RouteState.Blackhole)]
    [InlineData(InstanceState.Terminated, RouteState.Blackhole)]
    [InlineData(InstanceState.Pending, RouteState.Blackhole)]
    public void RouteState_InstanceOrItsInterface_ActiveOnlyWhileRunning(InstanceState state, RouteState expected)
    {
        var instance = ModelFactory.Instance("i-1", "vpc-1", state, "eni-1");
        var eni = ModelFactory.NetworkInterface("eni-1", "vpc-1", "i-1");
        var network = Network.Empty with
        {
            Instances = Network.Empty.Instances.Add(instance.Id, instance),
            NetworkInterfaces = Network.Empty.NetworkInterfaces.Add(eni.Id, eni),
        };

        Assert.Equal(expected, StateOf(network, RouteTargetKind.Instance, "i-1"));
        Assert.Equal(expected, StateOf(network, RouteTargetKind.NetworkInterface, "eni-1"));
    }

    [Fact]
    public void RouteState_NetworkInterfaceDeleted_IsBlackhole() =>
        Assert.Equal(RouteState.Blackhole, StateOf(Network.Empty, RouteTargetKind.NetworkInterface, "eni-1"));
}
