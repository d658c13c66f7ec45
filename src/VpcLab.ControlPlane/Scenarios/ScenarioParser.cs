using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>Reads a scenario's YAML into a <see cref="ScenarioDocument"/>. Structure only: whether the network it
/// describes is valid is for the EC2 operations to say when it is loaded.</summary>
public static class ScenarioParser
{
    public const string DefaultRegion = "us-east-1";
    public const string DefaultAccountId = "111111111111";

    public static ScenarioDocument ParseFile(string path)
    {
        if (!File.Exists(path))
            throw new ScenarioException($"{path}: no such scenario file");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The first line (1-based) whose indentation holds a tab, or null.</summary>
    private static int? TabIndentedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var indent = lines[i][..(lines[i].Length - lines[i].TrimStart(' ', '\t').Length)];
            if (indent.Contains('\t', StringComparison.Ordinal))
                return i + 1;
        }
        return null;
    }

    public static ScenarioDocument Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // YamlDotNet reports a tab in the indentation at the scalar before it; name the tab's own line.
            if (TabIndentedLine(yaml) is { } tabLine)
                throw new ScenarioException($"{file}:{tabLine}: a tab in the indentation; YAML indents with spaces only", e);
            throw new ScenarioException($"{file}:{e.Start.Line}: not valid YAML: {e.Message}", e);
        }
        if (stream.Documents.Count == 0)
            throw new ScenarioException($"{file}: the file is empty (no YAML in it); a scenario has at least a 'vpcs:' list");
        if (stream.Documents.Count != 1)
            throw new ScenarioException($"{file}: a scenario file holds exactly one YAML document");

        var root = new YamlMap(stream.Documents[0].RootNode, file, "the scenario");
        var name = root.String("name") ?? Path.GetFileNameWithoutExtension(file);
        var description = root.String("description");
        var region = root.String("region") ?? DefaultRegion;
        var accounts = root.List("accounts", "account", ReadAccount) ?? [new AccountSpec(root.Line, "default", DefaultAccountId)];
        var vpcs = root.List("vpcs", "VPC", ReadVpc) ?? [];
        var peerings = root.List("peerings", "peering", ReadPeering) ?? [];
        var flowLogs = root.List("flow-logs", "flow log", ReadFlowLog) ?? [];
        var prefixLists = root.List("prefix-lists", "prefix list", ReadPrefixList) ?? [];
        var buckets = root.List("buckets", "bucket", ReadBucket) ?? [];
        var endpointServices = root.List("endpoint-services", "endpoint service", ReadEndpointService) ?? [];
        var workloads = root.Node("workloads"); // read by the traffic simulation, not here
        root.RejectUnknownKeys("the scenario");
        return new ScenarioDocument(name, description, region, accounts, vpcs) 
        {
            Peerings = peerings,
            FlowLogs = flowLogs,
            PrefixLists = prefixLists,
            Buckets = buckets,
            EndpointServices = endpointServices,
            Workloads = workloads,
        };
    }

    private static EndpointServiceSpec ReadEndpointService(YamlMap m)
    {
        var spec = new EndpointServiceSpec(
            m.Line, m.RequiredString("name", "an endpoint service"), m.String("account"), m.Strings("load-balancers"),
            m.Bool("acceptance-required"), m.String("private-dns-name"), m.Bool("private-dns-verified") ?? false,
            m.Strings("allowed-principals"), m.Strings("accept"), m.Strings("reject"))
        {
            SupportedRegions = m.Strings("supported-regions"),
            SupportedIpAddressTypes = m.Strings("supported-ip-address-types"),
        };
        m.RejectUnknownKeys("an endpoint service");
        return spec;
    }

    private static FlowLogSpec ReadFlowLog(YamlMap m)
    {
        var spec = new FlowLogSpec(
            m.Line, m.RequiredString("name", "a flow log"), m.RequiredString("resource", "a flow log"),
            m.String("traffic-type") ?? "ALL", m.RequiredString("destination", "a flow log"), m.String("role"),
            m.String("format"), m.Int("aggregation-interval"), m.String("file-format"),
            m.Bool("hive-compatible-partitions"), m.Bool("per-hour-partition"));
        m.RejectUnknownKeys("a flow log");
        return spec;
    }

    private static EndpointSpec ReadEndpoint(YamlMap m)
    {
        var spec = new EndpointSpec(
            m.Line, m.RequiredString("name", "an endpoint"), m.RequiredString("service", "an endpoint"), m.String("type"),
            m.Strings("route-tables"), m.Strings("subnets"), m.Strings("security-groups"), m.Bool("private-dns"),
            m.String("policy"))
        {
            IpAddressType = m.String("ip-address-type"),
            DnsRecordIpType = m.String("dns-record-ip-type"),
        };
        m.RejectUnknownKeys("an endpoint");
        return spec;
    }

    private static TargetGroupSpec ReadTargetGroup(YamlMap m)
    {
        var spec = new TargetGroupSpec(
            m.Line, m.RequiredString("name", "a target group"), m.String("protocol") ?? "TCP",
            m.Int("port") ?? Required(m, "port", "a target group"), m.String("target-type"), m.Strings("targets"),
            m.Bool("preserve-client-ip"), m.String("cross-zone"), m.String("health-check-port"));
        m.RejectUnknownKeys("a target group");
        return spec;
    }

    private static LoadBalancerSpec ReadLoadBalancer(YamlMap m)
    {
        var spec = new LoadBalancerSpec(
            m.Line, m.RequiredString("name", "a load balancer"), m.String("scheme"), m.Strings("subnets"), m.Strings("security-groups"),
            m.String("ip-address-type"), m.Bool("cross-zone"), m.List("listeners", "listener", ReadListener) ?? []);
        m.RejectUnknownKeys("a load balancer");
        return spec;
    }

    private static ListenerSpec ReadListener(YamlMap m)
    {
        var spec = new ListenerSpec(
            m.Line, m.Int("port") ?? Required(m, "port", "a listener"), m.String("protocol") ?? "TCP",
            m.RequiredString("target-group", "a listener"), m.String("certificate"));
        m.RejectUnknownKeys("a listener");
        return spec;
    }

    /// <summary>A number the element must have: reported like a missing string (<see cref="YamlMap.Require"/>).</summary>
    private static int Required(YamlMap m, string key, string what)
    {
        m.Require(key, what);
        return 0;
    }

    private static BucketSpec ReadBucket(YamlMap m)
    {
        var spec = new BucketSpec(m.Line, m.RequiredString("name", "a bucket"), m.String("account"), m.String("region"), m.String("policy"));
        m.RejectUnknownKeys("a bucket");
        return spec;
    }

    private static PrefixListSpec ReadPrefixList(YamlMap m)
    {
        var spec = new PrefixListSpec(
            m.Line, m.RequiredString("name", "a prefix list"), m.String("account"), m.String("region"),
            m.String("family") ?? "IPv4", m.Int("max-entries"), m.Strings("entries"));
        m.RejectUnknownKeys("a prefix list");
        return spec;
    }

    private static PeeringSpec ReadPeering(YamlMap m)
    {
        var spec = new PeeringSpec(m.Line, m.RequiredString("name", "a peering"), m.RequiredString("requester", "a peering"),
            m.RequiredString("accepter", "a peering"), m.Bool("accepted") ?? true)
        {
            DnsResolution = m.Strings("dns-resolution"),
        };
        m.RejectUnknownKeys("a peering");
        return spec;
    }

    private static AccountSpec ReadAccount(YamlMap m)
    {
        var spec = new AccountSpec(m.Line, m.RequiredString("name", "an account"), m.RequiredString("id", "an account"));
        m.RejectUnknownKeys("an account");
        return spec;
    }

    private static VpcSpec ReadVpc(YamlMap m)
    {
        var spec = new VpcSpec(
            m.Line, m.RequiredString("name", "a VPC"), m.String("account"), m.String("region"),
            m.RequiredString("cidr", "a VPC"), m.Strings("secondary-cidrs"), m.Bool("ipv6") ?? false,
            m.Bool("enable-dns-support"), m.Bool("enable-dns-hostnames"), m.String("internet-gateway"),
            m.String("egress-only-internet-gateway"),
            m.List("subnets", "subnet", ReadSubnet) ?? [],
            m.List("nat-gateways", "NAT gateway", ReadNatGateway) ?? [],
            m.List("route-tables", "route table", ReadRouteTable) ?? [],
            m.List("security-groups", "security group", ReadSecurityGroup) ?? [],
            m.List("network-acls", "network ACL", ReadNetworkAcl) ?? [],
            m.List("instances", "instance", ReadInstance) ?? [],
            m.List("network-interfaces", "network interface", ReadNetworkInterface) ?? [])
        {
            Endpoints = m.List("endpoints", "endpoint", ReadEndpoint) ?? [],
            TargetGroups = m.List("target-groups", "target group", ReadTargetGroup) ?? [],
            LoadBalancers = m.List("load-balancers", "load balancer", ReadLoadBalancer) ?? [],
        };
        m.RejectUnknownKeys("a VPC");
        return spec;
    }

    private static SubnetSpec ReadSubnet(YamlMap m)
    {
        bool native = m.Bool("ipv6-native") ?? false;
        var spec = new SubnetSpec(
            m.Line, m.RequiredString("name", "a subnet"), m.RequiredString("az", "a subnet"),
            native ? m.String("cidr") : m.RequiredString("cidr", "a subnet"), m.Int("ipv6-index"), m.Bool("map-public-ip-on-launch") ?? false)
        {
            EnableDns64 = m.Bool("enable-dns64") ?? false,
            Ipv6Native = native,
            Hostnames = ReadHostnames(m),
        };
        m.RejectUnknownKeys("a subnet");
        return spec;
    }

    private static NatGatewaySpec ReadNatGateway(YamlMap m)
    {
        var spec = new NatGatewaySpec(m.Line, m.RequiredString("name", "a NAT gateway"),
            m.RequiredString("subnet", "a NAT gateway"), m.Bool("private") ?? false);
        m.RejectUnknownKeys("a NAT gateway");
        return spec;
    }

    private static RouteTableSpec ReadRouteTable(YamlMap m)
    {
        var spec = new RouteTableSpec(
            m.Line, m.RequiredString("name", "a route table"), m.Bool("main") ?? false, m.Strings("subnets"),
            m.List("routes", "route", ReadRoute) ?? []);
        m.RejectUnknownKeys("a route table");
        return spec;
    }

    private static RouteSpec ReadRoute(YamlMap m)
    {
        var spec = new RouteSpec(m.Line, m.RequiredString("destination", "a route"), m.RequiredString("target", "a route"));
        m.RejectUnknownKeys("a route");
        return spec;
    }

    private static SecurityGroupSpec ReadSecurityGroup(YamlMap m)
    {
        var spec = new SecurityGroupSpec(
            m.Line, m.RequiredString("name", "a security group"), m.String("description"),
            m.List("ingress", "rule", r => ReadSecurityGroupRule(r, "source")) ?? [],
            m.List("egress", "rule", r => ReadSecurityGroupRule(r, "destination")));
        m.RejectUnknownKeys("a security group");
        return spec;
    }

    private static SecurityGroupRuleSpec ReadSecurityGroupRule(YamlMap m, string peerKey)
    {
        var spec = new SecurityGroupRuleSpec(
            m.Line, m.RequiredString("protocol", "a security group rule"), m.String("ports"),
            m.RequiredString(peerKey, "a security group rule"), m.String("description"));
        m.RejectUnknownKeys("a security group rule");
        return spec;
    }

    private static NetworkAclSpec ReadNetworkAcl(YamlMap m)
    {
        var spec = new NetworkAclSpec(
            m.Line, m.RequiredString("name", "a network ACL"), m.Strings("subnets"),
            m.List("inbound", "entry", ReadNetworkAclEntry) ?? [],
            m.List("outbound", "entry", ReadNetworkAclEntry) ?? []);
        m.RejectUnknownKeys("a network ACL");
        return spec;
    }

    private static NetworkAclEntrySpec ReadNetworkAclEntry(YamlMap m)
    {
        var spec = new NetworkAclEntrySpec(
            m.Line, m.Int("rule") ?? RequireRule(m),
            m.RequiredString("protocol", "a network ACL entry"), m.String("ports"),
            m.RequiredString("cidr", "a network ACL entry"), m.RequiredString("action", "a network ACL entry"),
            m.String("icmp"));
        m.RejectUnknownKeys("a network ACL entry");
        return spec;
    }

    private static int RequireRule(YamlMap m)
    {
        m.Require("rule", "a network ACL entry");
        return 0;
    }

    private static InstanceSpec ReadInstance(YamlMap m)
    {
        var spec = new InstanceSpec(
            m.Line, m.RequiredString("name", "an instance"), m.RequiredString("subnet", "an instance"),
            m.Strings("security-groups"), m.String("private-ip"), m.Bool("public-ip"), m.Bool("ipv6") ?? false,
            m.Bool("source-dest-check"), m.Strings("extra-interfaces"))
        {
            Hostnames = ReadHostnames(m),
        };
        m.RejectUnknownKeys("an instance");
        return spec;
    }

    /// <summary>The hostname keys of a subnet or an instance, or null when none is given.</summary>
    private static HostnameSpec? ReadHostnames(YamlMap m)
    {
        var spec = new HostnameSpec(m.String("hostname-type"), m.Bool("resource-name-a-record"), m.Bool("resource-name-aaaa-record"));
        return spec is { Type: null, ARecord: null, AaaaRecord: null } ? null : spec;
    }

    private static NetworkInterfaceSpec ReadNetworkInterface(YamlMap m)
    {
        var spec = new NetworkInterfaceSpec(
            m.Line, m.RequiredString("name", "a network interface"), m.RequiredString("subnet", "a network interface"),
            m.Strings("security-groups"), m.String("private-ip"), m.Bool("ipv6") ?? false,
            m.Bool("source-dest-check"), m.String("elastic-ip"));
        m.RejectUnknownKeys("a network interface");
        return spec;
    }
}
