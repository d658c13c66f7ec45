using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.LoadBalancing;

/// <summary>Network Load Balancers in the control plane: nodes and their interfaces, name and subnet rules, target
/// groups and their attributes, listeners. AWS pages: CreateLoadBalancer, CreateTargetGroup, CreateListener and
/// RegisterTargets in the ELBv2 API reference (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/),
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html.</summary>
public sealed class NetworkLoadBalancerTests
{
    private readonly TestLab _lab = new();
    private readonly Vpc _vpc;
    private readonly Subnet _a;
    private readonly Subnet _b;

    public NetworkLoadBalancerTests()
    {
        _vpc = _lab.Vpc();
        _a = _lab.Subnet(_vpc, "10.0.1.0/24", "us-east-1a");
        _b = _lab.Subnet(_vpc, "10.0.2.0/24", "us-east-1b");
    }

    private LoadBalancer Nlb(string name = "web", string scheme = "internal", params Subnet[] subnets) =>
        _lab.Cp.LoadBalancers.CreateLoadBalancer(TestLab.Ctx, new CreateLoadBalancerRequest
        {
            Name = name,
            Type = "network",
            Scheme = scheme,
            Subnets = [.. (subnets.Length == 0 ? [_a, _b] : subnets).Select(s => s.Id.Value)],
        });

    private TargetGroup Group(string protocol = "TCP", string type = "instance", string name = "web-tg") =>
        _lab.Cp.TargetGroups.CreateTargetGroup(TestLab.Ctx, new CreateTargetGroupRequest
        {
            Name = name, Protocol = protocol, Port = 80, VpcId = _vpc.Id.Value, TargetType = type,
        });

    private static string Code(Action action) => Assert.Throws<Ec2Exception>(action).Code.Code;

    // AWS: one node per subnet, each a requester-managed interface "ELB net/NAME/ID" of type network_load_balancer.
    [Fact]
    public void CreateLoadBalancer_TwoSubnets_OneRequesterManagedInterfacePerZone()
    {
        var lb = Nlb();
        Assert.Equal(["us-east-1a", "us-east-1b"], lb.Nodes.Select(n => n.AvailabilityZone));
        foreach (var node in lb.Nodes)
        {
            var eni = _lab.N.NetworkInterfaces[node.NetworkInterfaceId];
            Assert.True(eni.RequesterManaged);
            Assert.Equal(NetworkInterfaceType.NetworkLoadBalancer, eni.InterfaceType);
            Assert.Equal($"ELB net/web/{lb.ShortId}", eni.Description);
            Assert.Equal(node.PrivateIpv4, eni.PrimaryPrivateIp);
            Assert.Equal(node.SubnetId, eni.SubnetId);
        }
        Assert.Matches("^arn:aws:elasticloadbalancing:us-east-1:[0-9]{12}:loadbalancer/net/web/[0-9a-f]{16}$", lb.Arn.Value);
        Assert.False(lb.CrossZoneEnabled); // AWS: cross-zone is off by default for Network Load Balancers
    }

    // AWS: an internet-facing node has a public IPv4 too; an internal one only private addresses.
    [Theory]
    [InlineData("internet-facing", true)]
    [InlineData("internal", false)]
    public void CreateLoadBalancer_Scheme_PublicAddressOnlyWhenInternetFacing(string scheme, bool hasPublic)
    {
        _lab.AttachedIgw(_vpc);
        var lb = Nlb(scheme: scheme);
        Assert.All(lb.Nodes, n => Assert.Equal(hasPublic, n.PublicIp is not null));
        Assert.All(lb.Nodes, n => Assert.Equal(n.PublicIp, _lab.N.NetworkInterfaces[n.NetworkInterfaceId].PrivateIpAddresses[0].AutoAssignedPublicIp));
    }

    // AWS CreateLoadBalancer: names of at most 32 alphanumerics and hyphens, no leading/trailing hyphen, not "internal-".
    [Theory]
    [InlineData("a-name-of-thirty-three-characters")]
    [InlineData("-web")]
    [InlineData("web-")]
    [InlineData("web_1")]
    [InlineData("internal-web")]
    public void CreateLoadBalancer_BadName_ValidationError(string name) =>
        Assert.Equal("ValidationError", Code(() => Nlb(name)));

    [Fact] // AWS: internet-facing needs an internet gateway in the VPC (InvalidSubnet).
    public void CreateLoadBalancer_InternetFacingWithoutIgw_InvalidSubnet() =>
        Assert.Equal("InvalidSubnet", Code(() => Nlb(scheme: "internet-facing")));

    [Fact] // AWS: at most one subnet per Availability Zone.
    public void CreateLoadBalancer_TwoSubnetsInOneZone_InvalidConfigurationRequest()
    {
        var a2 = _lab.Subnet(_vpc, "10.0.3.0/24", "us-east-1a");
        Assert.Equal("InvalidConfigurationRequest", Code(() => Nlb(subnets: [_a, a2])));
        Assert.Empty(_lab.N.LoadBalancers); // nothing changed
        Assert.DoesNotContain(_lab.N.NetworkInterfaces.Values, e => e.InterfaceType == NetworkInterfaceType.NetworkLoadBalancer);
    }

    [Fact] // AWS: the same name with the same settings returns the load balancer; other settings are refused.
    public void CreateLoadBalancer_SameName_IdempotentOrDuplicate()
    {
        var first = Nlb();
        Assert.Equal(first.Arn, Nlb().Arn);
        Assert.Equal("DuplicateLoadBalancerName", Code(() => Nlb(subnets: [_a])));
    }

    [Theory] // AWS: Application and Gateway Load Balancers are out of VpcLab's scope, refused clearly.
    [InlineData("application")]
    [InlineData("gateway")]
    public void CreateLoadBalancer_OtherType_RefusedClearly(string type)
    {
        var e = Assert.Throws<Ec2Exception>(() => _lab.Cp.LoadBalancers.CreateLoadBalancer(TestLab.Ctx,
            new CreateLoadBalancerRequest { Name = "x", Type = type, Subnets = [_a.Id.Value], Scheme = "internal" }));
        Assert.Equal("ValidationError", e.Code.Code);
        Assert.Contains("'network'", e.Message, StringComparison.Ordinal);
    }

    // AWS: client IP preservation is on for instance targets and for ip targets over UDP/TCP_UDP, off for ip TCP/TLS.
    [Theory]
    [InlineData("instance", "TCP", true)]
    [InlineData("instance", "TLS", true)]
    [InlineData("ip", "TCP", false)]
    [InlineData("ip", "TLS", false)]
    [InlineData("ip", "UDP", true)]
    [InlineData("ip", "TCP_UDP", true)]
    public void CreateTargetGroup_TypeAndProtocol_ClientIpPreservationDefault(string type, string protocol, bool preserved)
    {
        var group = Group(protocol, type);
        Assert.Equal(preserved, group.PreservesClientIp);
        Assert.Equal(preserved ? "true" : "false", group.Attributes[TargetGroup.PreserveClientIpAttribute]);
    }

    [Fact] // AWS: client IP preservation cannot be disabled for UDP and TCP_UDP target groups.
    public void ModifyTargetGroupAttributes_DisablePreservationOnUdp_ValidationError()
    {
        var group = Group("UDP", "ip");
        Assert.Equal("ValidationError", Code(() => _lab.Cp.TargetGroups.ModifyTargetGroupAttributes(TestLab.Ctx, new TargetGroupAttributesRequest
        {
            TargetGroupArn = group.Arn.Value,
            Attributes = [new ElbAttribute { Key = TargetGroup.PreserveClientIpAttribute, Value = "false" }],
        })));
    }

    // AWS: TCP → TCP/TCP_UDP, UDP → UDP/TCP_UDP, TLS → TLS/TCP, TCP_UDP → TCP_UDP.
    [Theory]
    [InlineData("TCP", "TCP", true)]
    [InlineData("TCP", "TCP_UDP", true)]
    [InlineData("TCP", "UDP", false)]
    [InlineData("UDP", "UDP", true)]
    [InlineData("UDP", "TCP", false)]
    [InlineData("TCP_UDP", "TCP", false)]
    [InlineData("TCP_UDP", "TCP_UDP", true)]
    public void CreateListener_ProtocolAgainstTargetGroup_CompatibleOrIncompatibleProtocols(string listener, string group, bool ok)
    {
        var lb = Nlb();
        var tg = Group(group);
        var create = () => _lab.Cp.Listeners.CreateListener(TestLab.Ctx, new CreateListenerRequest
        {
            LoadBalancerArn = lb.Arn.Value, Protocol = listener, Port = 80,
            DefaultActions = [new ListenerAction { Type = "forward", TargetGroupArn = tg.Arn.Value }],
        });
        if (ok)
            Assert.Equal(tg.Arn, create().DefaultTargetGroupArn);
        else
            Assert.Equal("IncompatibleProtocols", Code(() => create()));
    }

    [Fact] // AWS: a target group in use by a listener cannot be deleted; deleting the load balancer deletes its listeners.
    public void DeleteTargetGroup_InUse_ResourceInUseUntilLoadBalancerDeleted()
    {
        var lb = Nlb();
        var tg = Group();
        _lab.Cp.Listeners.CreateListener(TestLab.Ctx, new CreateListenerRequest
        {
            LoadBalancerArn = lb.Arn.Value, Protocol = "TCP", Port = 80,
            DefaultActions = [new ListenerAction { Type = "forward", TargetGroupArn = tg.Arn.Value }],
        });
        Assert.Equal("ResourceInUse", Code(() => _lab.Cp.TargetGroups.DeleteTargetGroup(TestLab.Ctx, new DeleteTargetGroupRequest { TargetGroupArn = tg.Arn.Value })));
        _lab.Cp.LoadBalancers.DeleteLoadBalancer(TestLab.Ctx, new DeleteLoadBalancerRequest { LoadBalancerArn = lb.Arn.Value });
        Assert.Empty(_lab.N.Listeners);
        Assert.DoesNotContain(_lab.N.NetworkInterfaces.Values, e => e.InterfaceType == NetworkInterfaceType.NetworkLoadBalancer);
        _lab.Cp.TargetGroups.DeleteTargetGroup(TestLab.Ctx, new DeleteTargetGroupRequest { TargetGroupArn = tg.Arn.Value });
        Assert.Empty(_lab.N.TargetGroups);
    }

    [Fact] // AWS RegisterTargets: an ip target must be inside the target group's VPC (unless zone "all").
    public void RegisterTargets_IpOutsideVpc_InvalidTarget()
    {
        var tg = Group(type: "ip");
        Assert.Equal("InvalidTarget", Code(() => _lab.Cp.TargetGroups.RegisterTargets(TestLab.Ctx, new TargetsRequest
        {
            TargetGroupArn = tg.Arn.Value, Targets = [new TargetDescription { Id = "192.168.0.10" }],
        })));
    }

    [Fact] // AWS DescribeTargetHealth: a group no load balancer uses leaves its targets unused (Target.NotInUse).
    public void DescribeTargetHealth_GroupWithoutListener_TargetNotInUse()
    {
        var tg = Group();
        var instance = _lab.Instance(_a);
        _lab.Cp.TargetGroups.RegisterTargets(TestLab.Ctx, new TargetsRequest
        {
            TargetGroupArn = tg.Arn.Value, Targets = [new TargetDescription { Id = instance.Id.Value }],
        });
        var health = _lab.Cp.TargetGroups.DescribeTargetHealth(TestLab.Ctx, new TargetsRequest { TargetGroupArn = tg.Arn.Value });
        var target = Assert.Single(health.Targets);
        Assert.Equal("Target.NotInUse", target.UnusedReason);
        Assert.Equal("us-east-1a", target.AvailabilityZone);
    }
}
