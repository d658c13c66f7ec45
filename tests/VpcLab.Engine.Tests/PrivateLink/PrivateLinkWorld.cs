using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.PrivateLink;

/// <summary>Variations of <see cref="PrivateLinkWorld"/>.</summary>
[Flags]
public enum PrivateLinkVariant
{
    None = 0,
    /// <summary>The service requires acceptance and the provider has not accepted the endpoint.</summary>
    NotAccepted = 1,
    /// <summary>The service requires acceptance and the provider rejected the endpoint.</summary>
    Rejected = 2,
    /// <summary>No target registered in the load balancer's target group.</summary>
    NoTargets = 4,
    /// <summary>app-sg admits only 10.0.11.0/24 (the app subnet), not the load balancer's addresses.</summary>
    TargetRefusesNlb = 8,
    /// <summary>ep-sg admits nothing on 80.</summary>
    EndpointGroupRefuses = 16,
    /// <summary>The service moved to a load balancer in us-east-1a only, after the endpoint was made in 1a and 1b.</summary>
    ServiceLeftZoneB = 32,
    /// <summary>The target group preserves client IP addresses (instance targets do by default).</summary>
    InstanceTarget = 64,
    /// <summary>The consumer works in us-west-2 (zones us-west-2a, us-west-2b) and reaches the service, which supports
    /// us-west-2, with a cross-Region endpoint (ServiceRegion us-east-1).</summary>
    CrossRegion = 128,
    /// <summary>With <see cref="CrossRegion"/>: the provider removed us-west-2 from the supported Regions afterwards.</summary>
    RegionRemoved = 256,
    /// <summary>The service moved to a load balancer whose only node is in us-east-1c (use1-az3), a zone AWS refuses
    /// cross-Region access in, after the endpoint was made.</summary>
    ServiceInUnsupportedZone = 512,
    /// <summary>Both VPCs dual-stack (each subnet a /64), the load balancer dualstack, the service supporting ipv4 and
    /// ipv6, the endpoint dualstack, the client with an IPv6 address, the groups admitting ::/0 as well.</summary>
    Ipv6 = 1024,
    /// <summary>app runs in app-b 10.0.12.0/24 (us-east-1b) instead of app-a: the node in us-east-1a has no target in
    /// its zone, so the load balancer's DNS leaves it out.</summary>
    TargetInZoneB = 2048,
}

/// <summary>Two accounts, built through the control plane as the API builds them:
/// <code>
/// provider 111111111111, VPC 10.0.0.0/16
///   nlb-a 10.0.1.0/24 us-east-1a, nlb-b 10.0.2.0/24 us-east-1b   internal NLB "app", TCP 80 → app-tg (ip target, port 80)
///   app-a 10.0.11.0/24 us-east-1a   app (app-sg: tcp 80 from 10.0.0.0/16)
///   endpoint service over "app", consumer's root allowed
/// consumer 222222222222, VPC 10.1.0.0/16 (us-east-1; us-west-2 with CrossRegion, zones us-west-2a and 2b)
///   cli-a 10.1.1.0/24 us-east-1a    client (default group)
///   ep-a 10.1.11.0/24 us-east-1a, ep-b 10.1.12.0/24 us-east-1b   interface endpoint to the service (ep-sg: tcp 80 from 10.1.0.0/16)
/// </code></summary>
public sealed class PrivateLinkWorld
{
    public static readonly RequestContext Provider = RequestContext.Default;
    public static readonly RequestContext Consumer = RequestContext.For("222222222222");
    public static readonly RequestContext WestConsumer = RequestContext.For("222222222222", "us-west-2");

    public Ec2ControlPlane ControlPlane { get; } = new();
    public CompiledNetwork Compiled { get; }
    public LoadBalancer Nlb { get; }
    public VpcEndpointServiceConfiguration Service { get; }
    public VpcEndpoint Endpoint { get; }
    public Instance Client { get; }
    public Instance App { get; }

    public PrivateLinkWorld(PrivateLinkVariant v = PrivateLinkVariant.None)
    {
        var cp = ControlPlane;
        _ipv6 = v.HasFlag(PrivateLinkVariant.Ipv6);
        var vpc = cp.CreateVpc(Provider, new CreateVpcRequest { CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = _ipv6 }).Vpc;
        var nlbA = Subnet(Provider, vpc, "10.0.1.0/24", "us-east-1a");
        var nlbB = Subnet(Provider, vpc, "10.0.2.0/24", "us-east-1b");
        var appA = v.HasFlag(PrivateLinkVariant.TargetInZoneB)
            ? Subnet(Provider, vpc, "10.0.12.0/24", "us-east-1b")
            : Subnet(Provider, vpc, "10.0.11.0/24", "us-east-1a");
        var appSg = Group(Provider, vpc, "app-sg", v.HasFlag(PrivateLinkVariant.TargetRefusesNlb) ? "10.0.11.0/24" : "10.0.0.0/16");
        App = Run(Provider, appA, appSg);
        Nlb = Balancer("app", [nlbA, nlbB], vpc, v.HasFlag(PrivateLinkVariant.NoTargets) ? null : App, v.HasFlag(PrivateLinkVariant.InstanceTarget));
        bool acceptance = v.HasFlag(PrivateLinkVariant.NotAccepted) || v.HasFlag(PrivateLinkVariant.Rejected);
        bool crossRegion = v.HasFlag(PrivateLinkVariant.CrossRegion);
        var created = cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Provider, new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [Nlb.Arn.Value], AcceptanceRequired = acceptance, SupportedRegions = crossRegion ? ["us-west-2"] : null,
            SupportedIpAddressTypes = _ipv6 ? ["ipv4", "ipv6"] : null,
        }).ServiceConfiguration.Service;
        cp.EndpointConnections.ModifyVpcEndpointServicePermissions(Provider, new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = created.Id.Value, AddAllowedPrincipals = ["arn:aws:iam::222222222222:root"],
        });

        var consumer = crossRegion ? WestConsumer : Consumer;
        var consumerVpc = cp.CreateVpc(consumer, new CreateVpcRequest { CidrBlock = "10.1.0.0/16", AmazonProvidedIpv6CidrBlock = _ipv6 }).Vpc;
        var cliA = Subnet(consumer, consumerVpc, "10.1.1.0/24", consumer.Region + "a");
        var epA = Subnet(consumer, consumerVpc, "10.1.11.0/24", consumer.Region + "a");
        var epB = Subnet(consumer, consumerVpc, "10.1.12.0/24", consumer.Region + "b");
        var epSg = Group(consumer, consumerVpc, "ep-sg", v.HasFlag(PrivateLinkVariant.EndpointGroupRefuses) ? null : "10.1.0.0/16");
        Client = Run(consumer, cliA, null);
        Endpoint = cp.CreateVpcEndpoint(consumer, new CreateVpcEndpointRequest
        {
            VpcId = consumerVpc.Id.Value, VpcEndpointType = "Interface", ServiceName = created.ServiceName,
            SubnetIds = [epA.Id.Value, epB.Id.Value], SecurityGroupIds = [epSg], ServiceRegion = crossRegion ? "us-east-1" : null,
            IpAddressType = _ipv6 ? "dualstack" : null,
        }).VpcEndpoint;
        if (v.HasFlag(PrivateLinkVariant.RegionRemoved))
            cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Provider, new ModifyVpcEndpointServiceConfigurationRequest
            {
                ServiceId = created.Id.Value, RemoveSupportedRegions = ["us-west-2"],
            });
        if (v.HasFlag(PrivateLinkVariant.ServiceInUnsupportedZone))
        {
            var onlyC = Balancer("app3", [Subnet(Provider, vpc, "10.0.3.0/24", "us-east-1c")], vpc, App, false);
            cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Provider, new ModifyVpcEndpointServiceConfigurationRequest
            {
                ServiceId = created.Id.Value, AddNetworkLoadBalancerArns = [onlyC.Arn.Value], RemoveNetworkLoadBalancerArns = [Nlb.Arn.Value],
            });
        }
        if (v.HasFlag(PrivateLinkVariant.Rejected))
            cp.EndpointConnections.RejectVpcEndpointConnections(Provider, new VpcEndpointConnectionsRequest { ServiceId = created.Id.Value, VpcEndpointIds = [Endpoint.Id.Value] });
        if (v.HasFlag(PrivateLinkVariant.ServiceLeftZoneB))
        {
            var onlyA = Balancer("app2", [nlbA], vpc, App, false);
            cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Provider, new ModifyVpcEndpointServiceConfigurationRequest
            {
                ServiceId = created.Id.Value, AddNetworkLoadBalancerArns = [onlyA.Arn.Value], RemoveNetworkLoadBalancerArns = [Nlb.Arn.Value],
            });
        }
        Service = cp.Network.VpcEndpointServiceConfigurations[created.Id];
        Endpoint = cp.Network.VpcEndpoints[Endpoint.Id];
        Nlb = cp.Network.LoadBalancers[Nlb.Arn];
        Compiled = CompiledNetwork.Compile(cp.Network);
    }

    private readonly bool _ipv6;
    private int _subnets;

    public IpAddress AddressOf(Instance instance) => Compiled.Network.NetworkInterfaces[instance.PrimaryNetworkInterface].PrimaryPrivateIp;

    /// <summary>What each interface sees of <paramref name="flow"/> sent by the client (the raw material of flow logs),
    /// one line per observation: "interface direction packet action traffic-path", interfaces named client, vpce,
    /// nlb, app.</summary>
    public string[] ObservationLines(FlowKey flow)
    {
        int source = Compiled.InterfaceIndexOf(Client.PrimaryNetworkInterface);
        var into = new FlowObservations();
        Assert.Equal(Compiled.Decide(in flow, source), Compiled.Observe(in flow, source, into));
        var lines = new string[into.Count];
        for (int i = 0; i < into.Count; i++)
        {
            var o = into[i];
            var eni = Compiled.InterfaceAt(o.InterfaceIndex);
            string name = eni.Attachment is { } a ? (a.InstanceId == App.Id ? "app" : "client")
                : eni.InterfaceType == NetworkInterfaceType.VpcEndpoint ? "vpce" : "nlb";
            string path = o.EgressPath == TrafficPath.None ? "-" : ((int)o.EgressPath).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = $"{name} {(o.Direction == TrafficDirection.Egress ? "out" : "in")} {o.Packet} {(o.Accepted ? "ACCEPT" : "REJECT")} {path}";
        }
        return lines;
    }

    /// <summary>An instance's IPv6 address (<see cref="PrivateLinkVariant.Ipv6"/>).</summary>
    public IpAddress Ipv6AddressOf(Instance instance) => Compiled.Network.NetworkInterfaces[instance.PrimaryNetworkInterface].Ipv6Addresses[0];

    /// <summary>The endpoint's interface IPv6 address in a zone (<see cref="PrivateLinkVariant.Ipv6"/>).</summary>
    public IpAddress EndpointIpv6Address(string zone) => Compiled.Network.NetworkInterfaces[
        Endpoint.NetworkInterfaceIds.First(id => Compiled.Network.NetworkInterfaces[id].AvailabilityZone == zone)].Ipv6Addresses[0];

    /// <summary>The endpoint's interface address in a zone.</summary>
    public IpAddress EndpointAddress(string zone) => Compiled.Network.NetworkInterfaces[
        Endpoint.NetworkInterfaceIds.First(id => Compiled.Network.NetworkInterfaces[id].AvailabilityZone == zone)].PrimaryPrivateIp;

    private Subnet Subnet(RequestContext ctx, Vpc vpc, string cidr, string zone) =>
        ControlPlane.CreateSubnet(ctx, new CreateSubnetRequest
        {
            VpcId = vpc.Id.Value, CidrBlock = cidr, AvailabilityZone = zone,
            Ipv6CidrBlock = _ipv6 ? vpc.Ipv6CidrBlocks[0].Cidr.Subnet(64, (UInt128)(++_subnets)).ToString() : null,
        }).Subnet;

    private string Group(RequestContext ctx, Vpc vpc, string name, string? cidr)
    {
        var id = ControlPlane.CreateSecurityGroup(ctx, new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpc.Id.Value }).GroupId;
        if (cidr is not null)
            ControlPlane.AuthorizeSecurityGroupIngress(ctx, new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = id,
                IpPermissions = [new IpPermission
                {
                    IpProtocol = "tcp", FromPort = 80, ToPort = 80, IpRanges = [new IpRange { CidrIp = cidr }],
                    Ipv6Ranges = _ipv6 ? [new Ipv6Range { CidrIpv6 = "::/0" }] : null,
                }],
            });
        return id;
    }

    private Instance Run(RequestContext ctx, Subnet subnet, string? group) =>
        ControlPlane.RunInstances(ctx, new RunInstancesRequest
        {
            ImageId = ImageIn(ctx.Region), MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value,
            SecurityGroupIds = group is null ? null : [group], Ipv6AddressCount = _ipv6 ? 1 : null,
        }).Instances[0];

    /// <summary>The catalogue's Amazon Linux image of us-east-1 (ami-0fc50b841d13a3d05) as the Region has it (each
    /// Region gives an image its own id).</summary>
    public static string ImageIn(string region)
    {
        var name = ImageCatalog.Find("us-east-1", "ami-0fc50b841d13a3d05")!.Name;
        return ImageCatalog.InRegion(region).Values.First(i => i.Name == name).Id;
    }

    private LoadBalancer Balancer(string name, Subnet[] subnets, Vpc vpc, Instance? target, bool instanceTarget)
    {
        var cp = ControlPlane;
        var lb = cp.LoadBalancers.CreateLoadBalancer(Provider, new CreateLoadBalancerRequest
        {
            Name = name, Type = "network", Scheme = "internal", Subnets = [.. subnets.Select(s => s.Id.Value)],
            IpAddressType = _ipv6 ? "dualstack" : null,
        });
        var group = cp.TargetGroups.CreateTargetGroup(Provider, new CreateTargetGroupRequest
        {
            Name = name + "-tg", Protocol = "TCP", Port = 80, VpcId = vpc.Id.Value, TargetType = instanceTarget ? "instance" : "ip",
        });
        if (target is not null)
        {
            var id = instanceTarget ? target.Id.Value : cp.Network.NetworkInterfaces[target.PrimaryNetworkInterface].PrimaryPrivateIp.ToString();
            cp.TargetGroups.RegisterTargets(Provider, new TargetsRequest { TargetGroupArn = group.Arn.Value, Targets = [new TargetDescription { Id = id }] });
        }
        cp.Listeners.CreateListener(Provider, new CreateListenerRequest
        {
            LoadBalancerArn = lb.Arn.Value, Protocol = "TCP", Port = 80,
            DefaultActions = [new ListenerAction { Type = "forward", TargetGroupArn = group.Arn.Value }],
        });
        return cp.Network.LoadBalancers[lb.Arn];
    }
}
