using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.Analysis.Reachability;
using VpcLab.ControlPlane;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Insights;

/// <summary>Paths and analyses → the output shapes (NetworkInsightsPath, NetworkInsightsAnalysis, PathComponent,
/// Explanation, AnalysisPacketHeader, AnalysisAclRule, AnalysisSecurityGroupRule, AnalysisRouteTableRoute,
/// AnalysisComponent) as member-name JSON for the generic serializer. docs/semantics.md#mapping.</summary>
internal static class NetworkInsightsShapes
{
    public static JsonObject Path(NetworkInsightsPath p) => new()
    {
        ["NetworkInsightsPathId"] = p.Id,
        ["NetworkInsightsPathArn"] = p.Arn,
        ["CreatedDate"] = p.CreatedDate.UtcDateTime,
        ["Source"] = p.Source.Id,
        ["Destination"] = p.Destination?.Id,
        ["SourceArn"] = p.Source.Arn,
        ["DestinationArn"] = p.Destination?.Arn,
        ["SourceIp"] = p.SourceIp?.ToString(),
        ["DestinationIp"] = p.DestinationIp?.ToString(),
        ["Protocol"] = p.Protocol,
        ["DestinationPort"] = p.DestinationPort,
        ["Tags"] = p.Tags.IsEmpty ? null : ShapeContext.TagList(p.Tags),
        ["FilterAtSource"] = Filter(p.FilterAtSource),
        ["FilterAtDestination"] = Filter(p.FilterAtDestination),
    };

    private static JsonObject? Filter(PathFilter? f) => f is null ? null : new JsonObject
    {
        ["SourceAddress"] = f.SourceAddress?.ToString(),
        ["SourcePortRange"] = FilterPorts(f.SourcePortRange),
        ["DestinationAddress"] = f.DestinationAddress?.ToString(),
        ["DestinationPortRange"] = FilterPorts(f.DestinationPortRange),
    };

    private static JsonObject? FilterPorts(PortRange? r) =>
        r is { } range ? new JsonObject { ["FromPort"] = (int)range.From, ["ToPort"] = (int)range.To } : null;

    public static JsonObject Analysis(NetworkInsightsAnalysis a)
    {
        var o = new JsonObject
        {
            ["NetworkInsightsAnalysisId"] = a.Id,
            ["NetworkInsightsAnalysisArn"] = a.Arn,
            ["NetworkInsightsPathId"] = a.PathId,
            ["AdditionalAccounts"] = a.AdditionalAccounts.IsEmpty ? null : Json.Array(a.AdditionalAccounts, x => x),
            ["FilterInArns"] = a.FilterInArns.IsEmpty ? null : Json.Array(a.FilterInArns, x => x),
            ["FilterOutArns"] = a.FilterOutArns.IsEmpty ? null : Json.Array(a.FilterOutArns, x => x),
            ["StartDate"] = a.StartDate.UtcDateTime,
            ["Status"] = a.Status,
            ["StatusMessage"] = a.StatusMessage,
            ["WarningMessage"] = a.WarningMessage,
            ["NetworkPathFound"] = a.NetworkPathFound,
            ["Tags"] = a.Tags.IsEmpty ? null : ShapeContext.TagList(a.Tags),
        };
        foreach (var (key, value) in Result(a.Outcome, a.AnalyzedNetwork, new RequestContext(a.OwnerId, a.Region)))
            o[key] = value?.DeepClone();
        return o;
    }

    /// <summary>The engine's answer as the members ForwardPathComponents, ReturnPathComponents, Explanations,
    /// resolved against the snapshot it was computed on (ARNs, VPCs), so later changes do not rewrite it.</summary>
    private static JsonObject Result(AnalysisOutcome outcome, Network network, RequestContext caller)
    {
        var m = new Mapper(network, caller);
        var o = new JsonObject();
        if (!outcome.Forward.IsDefaultOrEmpty)
            o["ForwardPathComponents"] = m.Components(outcome.Forward);
        if (!outcome.Return.IsDefaultOrEmpty)
            o["ReturnPathComponents"] = m.Components(outcome.Return);
        if (!outcome.Explanations.IsDefaultOrEmpty)
        {
            var hops = outcome.Forward.IsDefault ? [] : outcome.Forward.AddRange(outcome.Return.IsDefault ? [] : outcome.Return);
            o["Explanations"] = Json.Array(outcome.Explanations,
                e => m.Explanation(e, hops.FirstOrDefault(h => h.Explanations.Any(x => ReferenceEquals(x, e)))));
        }
        return o;
    }

    /// <summary>A hop list as PathComponent members, resolved against <paramref name="network"/> (the snapshot it was
    /// traced on): Network Access Analyzer's FindingComponents use the same shape.</summary>
    public static JsonArray Components(IReadOnlyList<Hop> hops, Network network, RequestContext caller) =>
        new Mapper(network, caller).Components(hops);

    /// <summary>Choice: RA prints protocol numbers in packet headers ("6", "17") and names in rules ("tcp",
    /// "udp", "all" for -1).</summary>
    public static string RuleProtocol(string name) => name == "-1" ? "all" : name;

    private sealed class Mapper(Network network, RequestContext caller)
    {
        public JsonArray Components(IReadOnlyList<Hop> hops)
        {
            var array = new JsonArray();
            for (int i = 0; i < hops.Count; i++)
            {
                var hop = hops[i];
                bool hasHeader = hop.OutboundHeader != default;
                JsonObject? inbound = null;
                if (hasHeader && i == 0)
                    inbound = Header(hop.OutboundHeader);
                else if (hasHeader && hop.Action == HopAction.Translated && hops[i - 1].OutboundHeader != default)
                    inbound = Header(hops[i - 1].OutboundHeader);
                array.Add(new JsonObject
                {
                    ["SequenceNumber"] = hop.SequenceNumber,
                    ["AclRule"] = hop.AclRule is { } acl ? AclRule(acl) : null,
                    ["Component"] = Component(hop.Component),
                    ["OutboundHeader"] = hasHeader ? Header(hop.OutboundHeader) : null,
                    ["InboundHeader"] = inbound,
                    ["RouteTableRoute"] = hop.Route is { } r ? Route(r) : null,
                    ["SecurityGroupRule"] = hop.SecurityGroupRule is { } sgr ? SecurityGroupRule(sgr) : null,
                    ["Subnet"] = hop.Subnet is { } s ? Component(s) : null,
                    ["Vpc"] = VpcOf(hop.Component) is { } vpc ? Component(new ComponentRef(ComponentKind.Vpc, vpc, network.NameOf(vpc))) : null,
                    ["ServiceName"] = hop.Component.Kind == ComponentKind.AwsService ? hop.Component.Id : null,
                    ["Explanations"] = hop.Explanations.IsDefaultOrEmpty ? null : Json.Array(hop.Explanations, e => Explanation(e, hop)),
                });
            }
            return array;
        }

        public JsonObject Explanation(Explanation e, Hop? hop)
        {
            var c = e.Component;
            return new JsonObject
            {
                ["Acl"] = e.Acl is { } acl ? Component(acl) : null,
                ["AclRule"] = e.Acl is not null && hop?.AclRule is { } rule ? AclRule(rule) : null,
                ["Address"] = e.Address?.ToString(),
                ["Component"] = c is null ? null : Component(c),
                ["Direction"] = e.Direction is { } d ? Direction(d) : null,
                ["ExplanationCode"] = e.Code.Value,
                ["InternetGateway"] = c is { Kind: ComponentKind.InternetGateway } ? Component(c) : null,
                ["NatGateway"] = c is { Kind: ComponentKind.NatGateway } ? Component(c) : null,
                ["NetworkInterface"] = c is { Kind: ComponentKind.NetworkInterface } ? Component(c) : null,
                ["RouteTableRoute"] = e.Route is { } route ? Route(route) : null,
                ["RouteTable"] = c is { Kind: ComponentKind.RouteTable } ? Component(c) : null,
                ["SecurityGroup"] = e.SecurityGroups.Length == 1 ? Component(e.SecurityGroups[0]) : null,
                ["SecurityGroups"] = e.SecurityGroups.IsDefaultOrEmpty ? null : Json.Array(e.SecurityGroups, g => Component(g)),
                ["Subnet"] = c is { Kind: ComponentKind.Subnet } ? Component(c) : hop?.Subnet is { } s ? Component(s) : null,
                ["Vpc"] = c is { Kind: ComponentKind.Vpc } ? Component(c)
                    : c is not null && VpcOf(c) is { } vpc ? Component(new ComponentRef(ComponentKind.Vpc, vpc, network.NameOf(vpc))) : null,
                ["VpcEndpoint"] = c is { Kind: ComponentKind.GatewayEndpoint or ComponentKind.InterfaceEndpoint } ? Component(c) : null,
            };
        }

        public JsonObject Component(ComponentRef c) => new()
        {
            ["Id"] = c.Id,
            ["Arn"] = Arn(c),
            ["Name"] = c.Name == c.Id ? null : c.Name,
        };

        private static JsonObject Header(PacketHeader h) => new()
        {
            ["DestinationAddresses"] = new JsonArray(h.Destination.ToString()),
            ["DestinationPortRanges"] = h.Protocol.HasPorts ? new JsonArray(Ports(h.DestinationPort, h.DestinationPort)) : null,
            ["Protocol"] = h.Protocol.Number.ToString(CultureInfo.InvariantCulture),
            ["SourceAddresses"] = new JsonArray(h.Source.ToString()),
            ["SourcePortRanges"] = h.Protocol.HasPorts ? new JsonArray(Ports(h.SourcePort, h.SourcePort)) : null,
        };

        private static JsonObject Ports(int from, int to) => new() { ["From"] = from, ["To"] = to };

        private static JsonObject AclRule(AclRuleRef r) => new()
        {
            ["Cidr"] = r.Cidr?.ToString(),
            ["Egress"] = r.Egress,
            ["PortRange"] = r.PortRange is { } p ? Ports(p.From, p.To) : null,
            ["Protocol"] = RuleProtocol(r.Protocol),
            ["RuleAction"] = r.RuleAction == RuleAction.Allow ? "allow" : "deny",
            ["RuleNumber"] = r.RuleNumber,
        };

        private static JsonObject SecurityGroupRule(SecurityGroupRuleRef r) => new()
        {
            ["Cidr"] = Cidr.TryParse(r.Peer, out _) ? r.Peer : null,
            ["Direction"] = Direction(r.Direction),
            ["SecurityGroupId"] = r.SecurityGroupId.Value,
            ["PortRange"] = r.Protocol is "tcp" or "udp" && r.FromPort >= 0 ? Ports(r.FromPort, r.ToPort) : null,
            ["PrefixListId"] = r.PrefixListId?.Value,
            ["Protocol"] = RuleProtocol(r.Protocol),
        };

        private static JsonObject Route(RouteRef r) => new()
        {
            ["DestinationCidr"] = r.DestinationPrefixListId is null ? r.Destination : null,
            ["DestinationPrefixListId"] = r.DestinationPrefixListId?.Value,
            ["EgressOnlyInternetGatewayId"] = r.TargetKind == RouteTargetKind.EgressOnlyInternetGateway ? r.TargetId : null,
            ["GatewayId"] = r.TargetKind is RouteTargetKind.Local or RouteTargetKind.InternetGateway or RouteTargetKind.GatewayEndpoint
                ? (r.TargetKind == RouteTargetKind.Local ? "local" : r.TargetId) : null,
            ["InstanceId"] = r.TargetKind == RouteTargetKind.Instance ? r.TargetId : null,
            ["NatGatewayId"] = r.TargetKind == RouteTargetKind.NatGateway ? r.TargetId : null,
            ["NetworkInterfaceId"] = r.TargetKind == RouteTargetKind.NetworkInterface ? r.TargetId : null,
            ["Origin"] = r.Origin.ToString(),
            ["VpcPeeringConnectionId"] = r.TargetKind == RouteTargetKind.VpcPeeringConnection ? r.TargetId : null,
            ["State"] = r.State == RouteState.Blackhole ? "blackhole" : "active",
        };

        private static string Direction(TrafficDirection d) => d == TrafficDirection.Egress ? "egress" : "ingress";

        /// <summary>arn:aws:ec2:&lt;region&gt;:&lt;owner&gt;:&lt;type&gt;/&lt;id&gt; for AWS components; none for the
        /// internet, the DNS resolver and the metadata service.</summary>
        private string? Arn(ComponentRef c)
        {
            string? type = c.Kind switch
            {
                ComponentKind.NetworkInterface => "network-interface",
                ComponentKind.Instance => "instance",
                ComponentKind.SecurityGroup => "security-group",
                ComponentKind.NetworkAcl => "network-acl",
                ComponentKind.RouteTable => "route-table",
                ComponentKind.Subnet => "subnet",
                ComponentKind.Vpc => "vpc",
                ComponentKind.InternetGateway => "internet-gateway",
                ComponentKind.EgressOnlyInternetGateway => "egress-only-internet-gateway",
                ComponentKind.NatGateway => "natgateway",
                ComponentKind.GatewayEndpoint or ComponentKind.InterfaceEndpoint => "vpc-endpoint",
                _ => null,
            };
            if (type is null)
                return null;
            var (owner, region) = OwnerOf(c);
            return ShapeContext.Arn(region, owner, type, c.Id);
        }

        private (string Owner, string Region) OwnerOf(ComponentRef c)
        {
            (AccountId Owner, string Region)? found = c.Kind switch
            {
                ComponentKind.NetworkInterface => network.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.Instance => network.Instances.TryGetValue(new InstanceId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.SecurityGroup => network.SecurityGroups.TryGetValue(new SecurityGroupId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.NetworkAcl => network.NetworkAcls.TryGetValue(new NetworkAclId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.RouteTable => network.RouteTables.TryGetValue(new RouteTableId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.Subnet => network.Subnets.TryGetValue(new SubnetId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.Vpc => network.Vpcs.TryGetValue(new VpcId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.InternetGateway => network.InternetGateways.TryGetValue(new InternetGatewayId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.EgressOnlyInternetGateway => network.EgressOnlyInternetGateways.TryGetValue(new EgressOnlyInternetGatewayId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.NatGateway => network.NatGateways.TryGetValue(new NatGatewayId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                ComponentKind.GatewayEndpoint or ComponentKind.InterfaceEndpoint =>
                    network.VpcEndpoints.TryGetValue(new VpcEndpointId(c.Id), out var x) ? (x.OwnerId, x.Region) : null,
                _ => null,
            };
            return found is { } f ? (f.Owner.Value, f.Region) : (caller.Account.Value, caller.Region);
        }

        /// <summary>The VPC a component belongs to (none for the VPC itself and for things outside every VPC).</summary>
        private string? VpcOf(ComponentRef c) => c.Kind switch
        {
            ComponentKind.NetworkInterface => network.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(c.Id), out var x) ? x.VpcId.Value : null,
            ComponentKind.Instance => network.Instances.TryGetValue(new InstanceId(c.Id), out var x) ? x.VpcId.Value : null,
            ComponentKind.SecurityGroup => network.SecurityGroups.TryGetValue(new SecurityGroupId(c.Id), out var x) ? x.VpcId.Value : null,
            ComponentKind.NetworkAcl => network.NetworkAcls.TryGetValue(new NetworkAclId(c.Id), out var x) ? x.VpcId.Value : null,
            ComponentKind.RouteTable => network.RouteTables.TryGetValue(new RouteTableId(c.Id), out var x) ? x.VpcId.Value : null,
            ComponentKind.Subnet => network.Subnets.TryGetValue(new SubnetId(c.Id), out var x) ? x.VpcId.Value : null,
            ComponentKind.InternetGateway => network.InternetGateways.TryGetValue(new InternetGatewayId(c.Id), out var x) ? x.AttachedVpcId?.Value : null,
            ComponentKind.EgressOnlyInternetGateway => network.EgressOnlyInternetGateways.TryGetValue(new EgressOnlyInternetGatewayId(c.Id), out var x) ? x.VpcId.Value : null,
            ComponentKind.NatGateway => network.NatGateways.TryGetValue(new NatGatewayId(c.Id), out var x) ? x.VpcId.Value : null,
            ComponentKind.GatewayEndpoint or ComponentKind.InterfaceEndpoint =>
                network.VpcEndpoints.TryGetValue(new VpcEndpointId(c.Id), out var x) ? x.VpcId.Value : null,
            _ => null,
        };
    }
}
