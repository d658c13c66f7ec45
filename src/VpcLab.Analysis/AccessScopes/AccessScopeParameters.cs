using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>CreateNetworkInsightsAccessScope's paths checked and read (docs/semantics.md#naa-statements): every
/// statement is refused with AWS's error codes, naming what VpcLab does not answer, never silently widened.</summary>
internal static class AccessScopeParameters
{
    /// <summary>Id prefixes a source or destination may name, with their resource kinds.</summary>
    private static readonly string[] s_endPrefixes = ["igw-", "eni-", "i-", "subnet-", "vpc-", "sg-"];

    private static readonly string[] s_throughPrefixes = ["nat-", "pcx-", "vpce-"];

    public static ImmutableArray<ScopePath> Paths(IReadOnlyList<AccessScopePathRequest>? paths, string parameter, RequestContext ctx, Network network)
    {
        var result = ImmutableArray.CreateBuilder<ScopePath>();
        foreach (var (path, i) in (paths ?? []).Select((p, i) => (p, i + 1)))
        {
            var at = $"{parameter}.{i}";
            var source = Statement(path.Source, $"{at}.Source", ctx, network);
            var destination = Statement(path.Destination, $"{at}.Destination", ctx, network);
            var through = ImmutableArray.CreateBuilder<ScopeResources>();
            foreach (var (t, j) in (path.ThroughResources ?? []).Select((t, j) => (t, j + 1)))
            {
                var where = $"{at}.ThroughResource.{j}.ResourceStatement";
                through.Add(Resources(t.ResourceStatement ?? throw Ec2Errors.MissingParameter(where), where, through: true, ctx, network));
            }
            if (source is null && destination is null && through.Count == 0)
                throw Ec2Errors.InvalidParameterValue($"The path {at} is empty: give a Source, a Destination or ThroughResources.");
            result.Add(new ScopePath(source, destination, through.ToImmutable()));
        }
        return result.ToImmutable();
    }

    private static ScopePathStatement? Statement(PathStatementRequest? statement, string parameter, RequestContext ctx, Network network)
    {
        if (statement is null)
            return null;
        var header = statement.PacketHeaderStatement is { } h ? Header(h, $"{parameter}.PacketHeaderStatement", ctx, network) : null;
        var resources = statement.ResourceStatement is { } r ? Resources(r, $"{parameter}.ResourceStatement", through: false, ctx, network) : null;
        return header is null && resources is null ? null : new ScopePathStatement(header, resources);
    }

    private static ScopePacketHeader Header(PacketHeaderStatementRequest h, string parameter, RequestContext ctx, Network network)
    {
        var sources = Cidrs(h.SourceAddresses, $"{parameter}.SourceAddresses");
        var destinations = Cidrs(h.DestinationAddresses, $"{parameter}.DestinationAddresses");
        var sourcePorts = Ports(h.SourcePorts, $"{parameter}.SourcePorts");
        var ports = Ports(h.DestinationPorts, $"{parameter}.DestinationPorts");
        // AWS's API lists tcp and udp only (PacketHeaderStatementRequest, docs/semantics.md#naa-statements): ICMP is
        // refused as AWS refuses a value outside an enum.
        var protocols = (h.Protocols ?? []).Select(p => p switch
        {
            "tcp" => IpProtocol.Tcp,
            "udp" => IpProtocol.Udp,
            _ => throw Ec2Errors.InvalidParameterValue($"Value ({p}) for parameter {parameter}.Protocols is invalid. Valid values: tcp, udp."),
        }).ToImmutableArray();
        return new ScopePacketHeader(sources, destinations, ports, protocols,
            [.. h.SourceAddresses ?? []], [.. h.DestinationAddresses ?? []], [.. h.DestinationPorts ?? []], [.. h.Protocols ?? []])
        {
            SourcePorts = sourcePorts,
            SourcePortsText = [.. h.SourcePorts ?? []],
            SourcePrefixLists = PrefixLists(h.SourcePrefixLists, ctx, network),
            DestinationPrefixLists = PrefixLists(h.DestinationPrefixLists, ctx, network),
        };
    }

    private static ImmutableArray<PortRange> Ports(IReadOnlyList<string>? values, string parameter) =>
        [.. (values ?? []).Select(p => PortRange.TryParse(p, out var r) && p is not ("all" or "*") ? r
            : throw Ec2Errors.InvalidParameterValue($"Value ({p}) for parameter {parameter} is invalid. Give a port (443) or a range (1024-65535) of 0-65535."))];

    /// <summary>Prefix lists the caller may use (its own and the AWS-managed ones of its Region), else the control
    /// plane's InvalidPrefixListID.Malformed / .NotFound.</summary>
    private static ImmutableArray<string> PrefixLists(IReadOnlyList<string>? ids, RequestContext ctx, Network network)
    {
        var caller = new ResourceCaller(ctx.Account, ctx.Region, default);
        return [.. (ids ?? []).Select(id => ResourceKinds.PrefixList.Require(network, id, caller).Id.Value)];
    }

    private static ImmutableArray<Cidr> Cidrs(IReadOnlyList<string>? values, string parameter) =>
        [.. (values ?? []).Select(v => Cidr.TryParse(v, out var c) ? c
            : throw Ec2Errors.InvalidParameterValue($"Value ({v}) for parameter {parameter} is invalid. It must be a CIDR block (10.0.0.0/16, 2001:db8::/32)."))];

    /// <summary>AWS: "A single resource statement can include either resource IDs or resource types, but not both."</summary>
    private static ScopeResources Resources(ResourceStatementRequest r, string parameter, bool through, RequestContext ctx, Network network)
    {
        var ids = r.Resources ?? [];
        var types = r.ResourceTypes ?? [];
        if (ids.Count > 0 && types.Count > 0)
            throw Ec2Errors.InvalidParameterCombination($"{parameter}: a resource statement can include either Resources or ResourceTypes, but not both.");
        if (ids.Count == 0 && types.Count == 0)
            throw Ec2Errors.MissingParameter($"{parameter}.Resources (or ResourceTypes)");
        foreach (var type in types)
            CheckType(type, $"{parameter}.ResourceTypes", through);
        return new ScopeResources([.. ids.Select(id => Resource(id, $"{parameter}.Resources", through, ctx, network))], [.. types]);
    }

    private static void CheckType(string type, string parameter, bool through)
    {
        var (here, there, where) = through
            ? (ScopeResourceTypes.Through, ScopeResourceTypes.Ends, "a source or destination")
            : (ScopeResourceTypes.Ends, ScopeResourceTypes.Through, "ThroughResources");
        if (here.Contains(type))
            return;
        if (there.Contains(type))
            throw Ec2Errors.InvalidParameterValue($"Value ({type}) for parameter {parameter} is invalid. {type} can only be used in {where}.");
        if (ScopeResourceTypes.Unsupported.Contains(type))
            throw Ec2Errors.InvalidParameterValue($"Value ({type}) for parameter {parameter} is invalid. VpcLab does not support the resource type {type}; "
                + $"supported: {string.Join(", ", here)}.");
        throw Ec2Errors.InvalidParameterValue($"Value ({type}) for parameter {parameter} is invalid. Supported resource types: {string.Join(", ", here)}.");
    }

    /// <summary>An id or ARN of a resource of the caller in its Region (else its NotFound code), returned as the id.</summary>
    private static string Resource(string value, string parameter, bool through, RequestContext ctx, Network network)
    {
        var id = value;
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = value.Split(':');
            int slash = parts.Length == 6 ? parts[5].IndexOf('/', StringComparison.Ordinal) : -1;
            if (parts.Length != 6 || parts[2] != "ec2" || slash <= 0)
                throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. It is not a valid EC2 resource ARN.");
            id = parts[5][(slash + 1)..];
            if (parts[3] != ctx.Region || parts[4] != ctx.Account.Value)
                throw (ResourceKinds.ForId(id) ?? ResourceKinds.Instance).NotFound(id);
        }
        var (here, there) = through ? (s_throughPrefixes, s_endPrefixes) : (s_endPrefixes, s_throughPrefixes);
        // vpce- before vpc-: the longer prefix decides.
        var prefix = here.Concat(there).OrderByDescending(p => p.Length).FirstOrDefault(p => id.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null || !here.Contains(prefix))
            throw Ec2Errors.InvalidParameterValue(prefix is null
                ? $"Value ({value}) for parameter {parameter} is invalid. VpcLab supports {string.Join(", ", here.Select(p => p + "…"))} here."
                : $"Value ({value}) for parameter {parameter} is invalid. {prefix}… can only be used in {(through ? "a source or destination" : "ThroughResources")}.");
        var caller = new ResourceCaller(ctx.Account, ctx.Region, default);
        _ = prefix switch
        {
            "igw-" => ResourceKinds.InternetGateway.Require(network, id, caller).Id.Value,
            "eni-" => ResourceKinds.NetworkInterface.Require(network, id, caller).Id.Value,
            "i-" => ResourceKinds.Instance.Require(network, id, caller).Id.Value,
            "subnet-" => ResourceKinds.Subnet.Require(network, id, caller).Id.Value,
            "vpc-" => ResourceKinds.Vpc.Require(network, id, caller).Id.Value,
            "sg-" => ResourceKinds.SecurityGroup.Require(network, id, caller).Id.Value,
            "nat-" => ResourceKinds.NatGateway.Require(network, id, caller).Id.Value,
            "pcx-" => ResourceKinds.VpcPeeringConnection.Require(network, id, caller).Id.Value,
            _ => ResourceKinds.VpcEndpoint.Require(network, id, caller).Id.Value,
        };
        return id;
    }
}
