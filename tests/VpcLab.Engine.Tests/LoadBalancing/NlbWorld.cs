using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.LoadBalancing;

/// <summary>Variations of <see cref="NlbWorld"/>.</summary>
[Flags]
public enum NlbVariant
{
    None = 0,
    /// <summary>The target group names its target by IP address (TCP: client IP not preserved by default).</summary>
    IpTarget = 1,
    /// <summary>Cross-zone load balancing on (the load balancer's attribute).</summary>
    CrossZone = 2,
    /// <summary>web-sg also admits 0.0.0.0/0 on 80 (the internet's addresses, as preserved).</summary>
    TargetOpenToInternet = 4,
    /// <summary>The load balancer has nlb-sg, which admits only 443.</summary>
    NlbSgOnly443 = 8,
    /// <summary>No target registered.</summary>
    NoTargets = 16,
    /// <summary>The app subnets' NACL denies the node subnets (10.0.1.0/24, 10.0.2.0/24): every health check fails.</summary>
    NaclDeniesNodes = 32,
    /// <summary>The load balancer is internal (private addresses only).</summary>
    Internal = 64,
    /// <summary>A second target, web-b in app-b 10.0.12.0/24 (us-east-1b, the default NACL: its checks pass).</summary>
    SecondTargetInB = 128,
}

/// <summary>A VPC 10.0.0.0/16 with an internet gateway, built through the control plane:
/// <code>
///   pub-a 10.0.1.0/24  us-east-1a  node A of "web" (internet-facing NLB, TCP listener 80 → web-tg)
///   pub-b 10.0.2.0/24  us-east-1b  node B
///   app-a 10.0.11.0/24 us-east-1a  web-a, the only target (web-tg: TCP 80, instance or ip), web-sg: tcp 80 from 10.0.0.0/16
///   cli-a 10.0.21.0/24 us-east-1a  client (default group: all out)
///   app-b 10.0.12.0/24 us-east-1b  web-b, a second target (<see cref="NlbVariant.SecondTargetInB"/> only)
/// </code></summary>
public sealed class NlbWorld
{
    private static readonly RequestContext Ctx = RequestContext.Default;

    public CompiledNetwork Compiled { get; }
    public LoadBalancer Nlb { get; }
    public Instance Client { get; }
    public Instance Web { get; }

    /// <summary>web-b (<see cref="NlbVariant.SecondTargetInB"/>), else null.</summary>
    public Instance? WebB { get; }

    public NlbWorld(NlbVariant v = NlbVariant.None)
    {
        var cp = new Ec2ControlPlane();
        var vpc = cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }).Vpc;
        Subnet Subnet(string cidr, string zone) =>
            cp.CreateSubnet(Ctx, new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = cidr, AvailabilityZone = zone }).Subnet;
        var pubA = Subnet("10.0.1.0/24", "us-east-1a");
        var pubB = Subnet("10.0.2.0/24", "us-east-1b");
        var appA = Subnet("10.0.11.0/24", "us-east-1a");
        var cliA = Subnet("10.0.21.0/24", "us-east-1a");
        var igw = cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()).InternetGateway;
        cp.AttachInternetGateway(Ctx, new AttachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = vpc.Id.Value });
        cp.CreateRoute(Ctx, new CreateRouteRequest { RouteTableId = cp.Network.MainRouteTable(vpc.Id).Id.Value, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw.Id.Value });
        var webSg = Group(cp, vpc, "web-sg", "10.0.0.0/16", 80);
        if (v.HasFlag(NlbVariant.TargetOpenToInternet))
            Allow(cp, webSg, "0.0.0.0/0", 80);
        Web = Run(cp, appA, webSg);
        Client = Run(cp, cliA, null);
        if (v.HasFlag(NlbVariant.SecondTargetInB))
            WebB = Run(cp, Subnet("10.0.12.0/24", "us-east-1b"), webSg);
        if (v.HasFlag(NlbVariant.NaclDeniesNodes))
            DenyNodeSubnets(cp, vpc, appA);
        IReadOnlyList<string>? nlbGroups = v.HasFlag(NlbVariant.NlbSgOnly443) ? [Group(cp, vpc, "nlb-sg", "0.0.0.0/0", 443)] : null;
        Nlb = cp.LoadBalancers.CreateLoadBalancer(Ctx, new CreateLoadBalancerRequest
        {
            Name = "web", Type = "network", Subnets = [pubA.Id.Value, pubB.Id.Value], SecurityGroups = nlbGroups,
            Scheme = v.HasFlag(NlbVariant.Internal) ? "internal" : "internet-facing",
        });
        if (v.HasFlag(NlbVariant.CrossZone))
            cp.LoadBalancers.ModifyLoadBalancerAttributes(Ctx, new LoadBalancerAttributesRequest
            {
                LoadBalancerArn = Nlb.Arn.Value, Attributes = [new ElbAttribute { Key = "load_balancing.cross_zone.enabled", Value = "true" }],
            });
        bool ip = v.HasFlag(NlbVariant.IpTarget);
        var group = cp.TargetGroups.CreateTargetGroup(Ctx, new CreateTargetGroupRequest
        {
            Name = "web-tg", Protocol = "TCP", Port = 80, VpcId = vpc.Id.Value, TargetType = ip ? "ip" : "instance",
        });
        if (!v.HasFlag(NlbVariant.NoTargets))
        {
            string Id(Instance i) => ip ? cp.Network.NetworkInterfaces[i.PrimaryNetworkInterface].PrimaryPrivateIp.ToString() : i.Id.Value;
            TargetDescription[] targets = WebB is null ? [new TargetDescription { Id = Id(Web) }] : [new TargetDescription { Id = Id(Web) }, new TargetDescription { Id = Id(WebB) }];
            cp.TargetGroups.RegisterTargets(Ctx, new TargetsRequest { TargetGroupArn = group.Arn.Value, Targets = targets });
        }
        cp.Listeners.CreateListener(Ctx, new CreateListenerRequest
        {
            LoadBalancerArn = Nlb.Arn.Value, Protocol = "TCP", Port = 80,
            DefaultActions = [new ListenerAction { Type = "forward", TargetGroupArn = group.Arn.Value }],
        });
        Nlb = cp.Network.LoadBalancers[Nlb.Arn];
        Compiled = CompiledNetwork.Compile(cp.Network);
    }

    public IpAddress AddressOf(Instance instance) => Compiled.Network.NetworkInterfaces[instance.PrimaryNetworkInterface].PrimaryPrivateIp;

    public int InterfaceOf(Instance instance) => Compiled.InterfaceIndexOf(instance.PrimaryNetworkInterface);

    public LoadBalancerNode Node(string zone) => Nlb.NodeIn(zone)!;

    private static string Group(Ec2ControlPlane cp, Vpc vpc, string name, string cidr, int port)
    {
        var id = cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpc.Id.Value }).GroupId;
        Allow(cp, id, cidr, port);
        return id;
    }

    private static void Allow(Ec2ControlPlane cp, string group, string cidr, int port) =>
        cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, IpRanges = [new IpRange { CidrIp = cidr }] }],
        });

    private static Instance Run(Ec2ControlPlane cp, Subnet subnet, string? group) =>
        cp.RunInstances(Ctx, new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value,
            SecurityGroupIds = group is null ? null : [group],
        }).Instances[0];

    /// <summary>app-a gets its own NACL: deny from the node subnets, then allow everything both ways.</summary>
    private static void DenyNodeSubnets(Ec2ControlPlane cp, Vpc vpc, Subnet app)
    {
        var acl = cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = vpc.Id.Value }).NetworkAcl;
        void Entry(int rule, string action, bool egress, string cidr) =>
            cp.CreateNetworkAclEntry(Ctx, new CreateNetworkAclEntryRequest
            {
                NetworkAclId = acl.Id.Value, RuleNumber = rule, Protocol = "-1", RuleAction = action, Egress = egress, CidrBlock = cidr,
            });
        Entry(10, "deny", false, "10.0.1.0/24");
        Entry(11, "deny", false, "10.0.2.0/24");
        Entry(100, "allow", false, "0.0.0.0/0");
        Entry(100, "allow", true, "0.0.0.0/0");
        var association = cp.Network.NetworkAclFor(app.Id).Associations.First(a => a.SubnetId == app.Id);
        cp.ReplaceNetworkAclAssociation(Ctx, new ReplaceNetworkAclAssociationRequest { AssociationId = association.Id.Value, NetworkAclId = acl.Id.Value });
    }
}
