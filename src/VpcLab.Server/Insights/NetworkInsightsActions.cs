using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.Server.Ec2;

namespace VpcLab.Server.Insights;

/// <summary>The Reachability Analyzer actions (Create/Describe/DeleteNetworkInsightsPath,
/// Start/Describe/DeleteNetworkInsightsAnalysis), answered by the engine. The dispatcher calls
/// <see cref="Register"/> once; everything else lives here. docs/semantics.md.</summary>
public sealed class NetworkInsightsActions
{
    public const string PathResourceType = "network-insights-path";
    public const string AnalysisResourceType = "network-insights-analysis";

    private readonly Ec2ControlPlane _controlPlane;
    private readonly NetworkInsightsStore _store;
    private readonly NetworkInsightsAnalyzer _analyzer = new();

    private NetworkInsightsActions(Ec2ControlPlane controlPlane)
    {
        _controlPlane = controlPlane;
        _store = new NetworkInsightsStore(controlPlane.Options.IdSeed);
    }

    /// <summary>Adds the six actions to a dispatcher's table. One store per call: a fresh dispatcher (server
    /// reset) starts with no paths or analyses.</summary>
    public static void Register(Ec2ControlPlane controlPlane, Action<string, Func<RequestContext, JsonObject, JsonObject?>> add)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(add);
        var a = new NetworkInsightsActions(controlPlane);
        add("CreateNetworkInsightsPath", a.CreatePath);
        add("DescribeNetworkInsightsPaths", a.DescribePaths);
        add("DeleteNetworkInsightsPath", a.DeletePath);
        add("StartNetworkInsightsAnalysis", a.StartAnalysis);
        add("DescribeNetworkInsightsAnalyses", a.DescribeAnalyses);
        add("DeleteNetworkInsightsAnalysis", a.DeleteAnalysis);
    }

    // ------------------------------------------------------------------ paths

    private JsonObject CreatePath(RequestContext ctx, JsonObject parameters)
    {
        var request = Ec2ActionDispatcher.Bind<CreateNetworkInsightsPathRequest>(parameters);
        var network = _controlPlane.Network;
        CheckRegion(ctx);

        var source = Endpoint(request.Source ?? throw Ec2Errors.MissingParameter("Source"), "source", ctx, network);
        var destination = request.Destination is { Length: > 0 } d ? Endpoint(d, "destination", ctx, network) : null;
        var protocol = request.Protocol is "tcp" or "udp"
            ? request.Protocol
            : throw Ec2Errors.InvalidParameterValue($"Value ({request.Protocol}) for parameter protocol is invalid. Valid values: tcp, udp.");
        var sourceIp = Ipv4(request.SourceIp, "sourceIp");
        var destinationIp = Ipv4(request.DestinationIp, "destinationIp");
        if (request.DestinationPort is { } port && port is < 0 or > 65535)
            throw Ec2Errors.InvalidParameterValue($"Value ({port}) for parameter destinationPort is invalid. It must be between 0 and 65535.");
        var atSource = Filter(request.FilterAtSource, "filterAtSource");
        var atDestination = Filter(request.FilterAtDestination, "filterAtDestination");

        // spec/reachability.md §1.2: FilterAtSource excludes SourceIp and DestinationPort; FilterAtDestination excludes DestinationIp.
        if (atSource is not null && (sourceIp is not null || request.DestinationPort is not null))
            throw Ec2Errors.InvalidParameterCombination("FilterAtSource cannot be used with SourceIp or DestinationPort.");
        if (atDestination is not null && destinationIp is not null)
            throw Ec2Errors.InvalidParameterCombination("FilterAtDestination cannot be used with DestinationIp.");
        if (destination is null && destinationIp is null && atSource?.DestinationAddress is null && atDestination?.DestinationAddress is null)
            throw Ec2Errors.MissingParameter("Destination (or DestinationIp)");
        if (destination is not null && destination.Id == source.Id)
            throw Ec2Errors.InvalidParameterValue($"The source and the destination must differ ({source.Id}).");
        if (source.Kind == PathEndpointKind.InternetGateway && destination?.Kind == PathEndpointKind.InternetGateway)
            throw Ec2Errors.InvalidParameterValue("The source and the destination cannot both be internet gateways.");
        // Choice (docs/notes/ra.md): a gateway endpoint is only ever a destination (its service never opens
        // connections into the VPC, and it has no interface to send from); an interface endpoint may be a source,
        // and the analysis then answers VPCE_INTRA_VPC_TRAFFIC as the engine does.
        if (source.Kind == PathEndpointKind.VpcEndpoint && network.VpcEndpoints[new VpcEndpointId(source.Id)].IsGateway)
            throw Ec2Errors.InvalidParameterValue(
                $"Value ({request.Source}) for parameter source is invalid. A gateway VPC endpoint can only be a destination.");
        var tags = TagsFor(request.TagSpecifications, PathResourceType);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();

        var created = _controlPlane.Options.Clock.GetUtcNow();
        var path = _store.AddPath(id => new NetworkInsightsPath(
            id, ShapeArn(ctx, "network-insights-path", id), ctx.Account, ctx.Region, created,
            source, destination, sourceIp, destinationIp, protocol, request.DestinationPort, atSource, atDestination, tags));
        return new JsonObject { ["NetworkInsightsPath"] = NetworkInsightsShapes.Path(path) };
    }

    private JsonObject DescribePaths(RequestContext ctx, JsonObject parameters)
    {
        const string operation = "DescribeNetworkInsightsPaths";
        var page = BeginPage(operation, ctx, parameters);
        var request = Ec2ActionDispatcher.Bind<DescribeNetworkInsightsPathsRequest>(parameters);
        CheckRegion(ctx);
        IEnumerable<NetworkInsightsPath> paths = _store.PathsOf(ctx);
        if (request.NetworkInsightsPathIds is { Count: > 0 } ids)
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                wanted.Add(FindPath(ctx, id).Id);
            }
            paths = paths.Where(p => wanted.Contains(p.Id));
        }
        paths = ApplyFilters(paths, request.Filters, s_pathFilters, PathFilterValues, p => p.Tags);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        var all = paths.ToList();
        var (slice, next) = page is null ? (all, null) : page.Slice(all, p => p.Id);
        return new JsonObject
        {
            ["NetworkInsightsPaths"] = Json(slice, NetworkInsightsShapes.Path),
            ["NextToken"] = next,
        };
    }

    private JsonObject DeletePath(RequestContext ctx, JsonObject parameters)
    {
        var request = Ec2ActionDispatcher.Bind<DeleteNetworkInsightsPathRequest>(parameters);
        var id = request.NetworkInsightsPathId ?? throw Ec2Errors.MissingParameter("NetworkInsightsPathId");
        FindPath(ctx, id);
        bool dryRun = request.DryRun == true;
        _store.RemovePath(ctx, id, (_, analyses) =>
        {
            if (analyses > 0)
                throw NetworkInsightsErrors.PathHasAnalyses(id, analyses);
            if (dryRun)
                throw Ec2Errors.DryRun();
        });
        return new JsonObject { ["NetworkInsightsPathId"] = id };
    }

    // ------------------------------------------------------------------ analyses

    private JsonObject StartAnalysis(RequestContext ctx, JsonObject parameters)
    {
        var request = Ec2ActionDispatcher.Bind<StartNetworkInsightsAnalysisRequest>(parameters);
        var path = FindPath(ctx, request.NetworkInsightsPathId ?? throw Ec2Errors.MissingParameter("NetworkInsightsPathId"));
        var filterIn = Arns(request.FilterInArns, "filterInArn");
        var filterOut = Arns(request.FilterOutArns, "filterOutArn");
        var accounts = (request.AdditionalAccounts ?? []).ToImmutableArray();
        foreach (var account in accounts)
        {
            if (account.Length != 12 || !account.All(char.IsAsciiDigit))
                throw Ec2Errors.InvalidParameterValue($"Value ({account}) for parameter additionalAccount is invalid. It must be a 12-digit account ID.");
        }
        var tags = TagsFor(request.TagSpecifications, AnalysisResourceType);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();

        // Choice (docs/semantics.md#analysis): the engine answers at once, so the analysis is
        // "succeeded" (or "failed") in the Start response itself, never "running".
        var network = _controlPlane.Network;
        var started = _controlPlane.Options.Clock.GetUtcNow();
        string? warning = filterIn.IsEmpty && filterOut.IsEmpty && accounts.IsEmpty
            ? null
            : "VpcLab does not apply FilterInArn, FilterOutArn or AdditionalAccount: the path shown is the one the data plane takes.";
        var analysis = _store.AddAnalysis(id =>
        {
            var outcome = _analyzer.Analyze(path, network);
            return new NetworkInsightsAnalysis(id, ShapeArn(ctx, "network-insights-analysis", id), path.Id, ctx.Account, ctx.Region,
                started, outcome.Status, outcome.StatusMessage, warning, outcome.NetworkPathFound, accounts, filterIn, filterOut, tags,
                NetworkInsightsShapes.Result(outcome, network, ctx));
        });
        return new JsonObject { ["NetworkInsightsAnalysis"] = NetworkInsightsShapes.Analysis(analysis) };
    }

    private JsonObject DescribeAnalyses(RequestContext ctx, JsonObject parameters)
    {
        const string operation = "DescribeNetworkInsightsAnalyses";
        var page = BeginPage(operation, ctx, parameters);
        var request = Ec2ActionDispatcher.Bind<DescribeNetworkInsightsAnalysesRequest>(parameters);
        CheckRegion(ctx);
        IEnumerable<NetworkInsightsAnalysis> analyses = _store.AnalysesOf(ctx);
        if (request.NetworkInsightsAnalysisIds is { Count: > 0 } ids)
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                wanted.Add(FindAnalysis(ctx, id).Id);
            }
            analyses = analyses.Where(a => wanted.Contains(a.Id));
        }
        if (request.NetworkInsightsPathId is { } pathId)
        {
            if (!IdGenerator.IsWellFormed(pathId, NetworkInsightsStore.PathPrefix))
                throw NetworkInsightsErrors.PathMalformed(pathId);
            analyses = analyses.Where(a => a.PathId == pathId);
        }
        if (request.AnalysisStartTime is { } from)
            analyses = analyses.Where(a => a.StartDate >= new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)));
        if (request.AnalysisEndTime is { } to)
            analyses = analyses.Where(a => a.StartDate <= new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc)));
        analyses = ApplyFilters(analyses, request.Filters, s_analysisFilters, AnalysisFilterValues, a => a.Tags);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        var all = analyses.ToList();
        var (slice, next) = page is null ? (all, null) : page.Slice(all, a => a.Id);
        return new JsonObject
        {
            ["NetworkInsightsAnalyses"] = Json(slice, NetworkInsightsShapes.Analysis),
            ["NextToken"] = next,
        };
    }

    private JsonObject DeleteAnalysis(RequestContext ctx, JsonObject parameters)
    {
        var request = Ec2ActionDispatcher.Bind<DeleteNetworkInsightsAnalysisRequest>(parameters);
        var id = request.NetworkInsightsAnalysisId ?? throw Ec2Errors.MissingParameter("NetworkInsightsAnalysisId");
        FindAnalysis(ctx, id);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        _store.RemoveAnalysis(ctx, id);
        return new JsonObject { ["NetworkInsightsAnalysisId"] = id };
    }

    // ------------------------------------------------------------------ validation

    private NetworkInsightsPath FindPath(RequestContext ctx, string id)
    {
        if (!IdGenerator.IsWellFormed(id, NetworkInsightsStore.PathPrefix))
            throw NetworkInsightsErrors.PathMalformed(id);
        return _store.FindPath(ctx, id) ?? throw NetworkInsightsErrors.PathNotFound(id);
    }

    private NetworkInsightsAnalysis FindAnalysis(RequestContext ctx, string id)
    {
        if (!IdGenerator.IsWellFormed(id, NetworkInsightsStore.AnalysisPrefix))
            throw NetworkInsightsErrors.AnalysisMalformed(id);
        return _store.FindAnalysis(ctx, id) ?? throw NetworkInsightsErrors.AnalysisNotFound(id);
    }

    private void CheckRegion(RequestContext ctx)
    {
        if (!_controlPlane.Regions.ContainsKey(ctx.Region))
            throw Ec2Errors.UnknownRegion(ctx.Region);
    }

    private static string ShapeArn(RequestContext ctx, string type, string id) =>
        $"arn:aws:ec2:{ctx.Region}:{ctx.Account.Value}:{type}/{id}";

    /// <summary>Types RA accepts as a source or destination that VpcLab does not model yet.</summary>
    private static readonly string[] s_unmodelledPrefixes = ["tgw-attach-", "tgw-", "vgw-", "vpce-svc-", "pcx-"];

    private const string Supported = "instances, network interfaces, internet gateways and VPC endpoints";

    /// <summary>An id or ARN of an instance, network interface, internet gateway or VPC endpoint of the caller, in
    /// its Region.</summary>
    internal static PathEndpoint Endpoint(string value, string parameter, RequestContext ctx, Network network)
    {
        string id = value;
        string? arn = null;
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            // arn:<partition>:ec2:<region>:<account>:<type>/<id>
            var parts = value.Split(':');
            var slash = parts.Length == 6 ? parts[5].IndexOf('/', StringComparison.Ordinal) : -1;
            if (parts.Length != 6 || parts[2] != "ec2" || slash <= 0)
                throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. It is not a valid EC2 resource ARN.");
            var type = parts[5][..slash];
            id = parts[5][(slash + 1)..];
            var expected = type switch
            {
                "instance" => "i-",
                "network-interface" => "eni-",
                "internet-gateway" => "igw-",
                "vpc-endpoint" => "vpce-",
                _ => throw Ec2Errors.InvalidParameterValue(
                    $"Value ({value}) for parameter {parameter} is invalid. VpcLab supports {Supported} as a source or destination."),
            };
            if (!id.StartsWith(expected, StringComparison.Ordinal))
                throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. The resource type does not match the id.");
            // Another account's or Region's resource is not visible to the caller: not found, as for a plain id.
            if (parts[3] != ctx.Region || parts[4] != ctx.Account.Value)
                throw NotFound(id);
            arn = value;
        }

        PathEndpointKind kind;
        string arnType;
        if (id.StartsWith("eni-", StringComparison.Ordinal))
        {
            if (!IdGenerator.IsWellFormed(id, IdPrefixes.NetworkInterface))
                throw Ec2Errors.NetworkInterfaceMalformed(id);
            if (!network.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(id), out var eni) || !Visible(ctx, eni.OwnerId, eni.Region))
                throw Ec2Errors.NetworkInterfaceNotFound(id);
            (kind, arnType) = (PathEndpointKind.NetworkInterface, "network-interface");
        }
        else if (id.StartsWith("igw-", StringComparison.Ordinal))
        {
            if (!IdGenerator.IsWellFormed(id, IdPrefixes.InternetGateway))
                throw Ec2Errors.InternetGatewayMalformed(id);
            if (!network.InternetGateways.TryGetValue(new InternetGatewayId(id), out var igw) || !Visible(ctx, igw.OwnerId, igw.Region))
                throw Ec2Errors.InternetGatewayNotFound(id);
            (kind, arnType) = (PathEndpointKind.InternetGateway, "internet-gateway");
        }
        else if (id.StartsWith("i-", StringComparison.Ordinal))
        {
            if (!IdGenerator.IsWellFormed(id, IdPrefixes.Instance))
                throw Ec2Errors.InstanceMalformed(id);
            if (!network.Instances.TryGetValue(new InstanceId(id), out var instance) || !Visible(ctx, instance.OwnerId, instance.Region)
                || instance.State == InstanceState.Terminated)
                throw Ec2Errors.InstanceNotFound(id);
            (kind, arnType) = (PathEndpointKind.Instance, "instance");
        }
        else if (s_unmodelledPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)))
        {
            throw Ec2Errors.InvalidParameterValue(
                $"Value ({value}) for parameter {parameter} is invalid. VpcLab supports {Supported} as a source or destination.");
        }
        else if (id.StartsWith("vpce-", StringComparison.Ordinal))
        {
            if (!IdGenerator.IsWellFormed(id, IdPrefixes.VpcEndpoint))
                throw Ec2Errors.VpcEndpointMalformed(id);
            if (!network.VpcEndpoints.TryGetValue(new VpcEndpointId(id), out var vpce) || !Visible(ctx, vpce.OwnerId, vpce.Region))
                throw Ec2Errors.VpcEndpointNotFound(id);
            (kind, arnType) = (PathEndpointKind.VpcEndpoint, "vpc-endpoint");
        }
        else
        {
            throw Ec2Errors.InvalidParameterValue(
                $"Value ({value}) for parameter {parameter} is invalid. It must be the ID or ARN of one of: {Supported}.");
        }
        return new PathEndpoint(kind, id, arn ?? ShapeArn(ctx, arnType, id));
    }

    private static Ec2Exception NotFound(string id) =>
        id.StartsWith("eni-", StringComparison.Ordinal) ? Ec2Errors.NetworkInterfaceNotFound(id)
        : id.StartsWith("igw-", StringComparison.Ordinal) ? Ec2Errors.InternetGatewayNotFound(id)
        : id.StartsWith("vpce-", StringComparison.Ordinal) ? Ec2Errors.VpcEndpointNotFound(id)
        : Ec2Errors.InstanceNotFound(id);

    private static bool Visible(RequestContext ctx, AccountId owner, string region) =>
        ctx.Account == owner && string.Equals(ctx.Region, region, StringComparison.Ordinal);

    /// <summary>RA analyses IPv4 only (spec/reachability.md §1.1).</summary>
    private static IpAddress? Ipv4(string? value, string parameter)
    {
        if (value is null)
            return null;
        if (!IpAddress.TryParse(value, out var address))
            throw Ec2Errors.InvalidIpAddress(value, parameter);
        if (!address.IsV4)
            throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. Reachability Analyzer supports IPv4 addresses only.");
        return address;
    }

    private static PathFilter? Filter(PathRequestFilter? filter, string parameter)
    {
        if (filter is null)
            return null;
        var result = new PathFilter(
            Ipv4(filter.SourceAddress, parameter + ".sourceAddress"), Ports(filter.SourcePortRange, parameter + ".sourcePortRange"),
            Ipv4(filter.DestinationAddress, parameter + ".destinationAddress"), Ports(filter.DestinationPortRange, parameter + ".destinationPortRange"));
        return result is { SourceAddress: null, SourcePortRange: null, DestinationAddress: null, DestinationPortRange: null } ? null : result;
    }

    /// <summary>A filter port range: FromPort and ToPort in 0–65535, From ≤ To; a missing bound is the other one.</summary>
    private static PortRange? Ports(RequestFilterPortRange? range, string parameter)
    {
        if (range is null || (range.FromPort is null && range.ToPort is null))
            return null;
        int from = range.FromPort ?? range.ToPort!.Value;
        int to = range.ToPort ?? from;
        if (from is < 0 or > 65535 || to is < 0 or > 65535)
            throw Ec2Errors.InvalidParameterValue($"Value ({from}-{to}) for parameter {parameter} is invalid. Ports must be between 0 and 65535.");
        if (from > to)
            throw Ec2Errors.InvalidParameterValue($"Value ({from}-{to}) for parameter {parameter} is invalid. FromPort must not be greater than ToPort.");
        return new PortRange((ushort)from, (ushort)to);
    }

    private static ImmutableArray<string> Arns(IReadOnlyList<string>? arns, string parameter)
    {
        foreach (var arn in arns ?? [])
        {
            if (!arn.StartsWith("arn:", StringComparison.Ordinal) || arn.Split(':').Length < 6)
                throw Ec2Errors.InvalidParameterValue($"Value ({arn}) for parameter {parameter} is invalid. It is not an ARN.");
        }
        return (arns ?? []).ToImmutableArray();
    }

    /// <summary>TagSpecifications as the control plane checks them (only <paramref name="resourceType"/>; each
    /// with a tag; keys 1–128 characters, not aws:; values up to 256).</summary>
    private static Tags TagsFor(IReadOnlyList<TagSpecification>? specs, string resourceType)
    {
        var tags = Tags.Empty;
        foreach (var spec in specs ?? [])
        {
            if (spec.ResourceType != resourceType)
                throw Ec2Errors.InvalidTagResourceType(spec.ResourceType);
            if (spec.Tags is null || spec.Tags.Count == 0)
                throw Ec2Errors.EmptyTagSpecification();
            foreach (var tag in spec.Tags)
            {
                var key = tag.Key ?? throw Ec2Errors.MissingParameter("Tag.Key");
                var value = tag.Value ?? "";
                if (key.Length is 0 or > 128)
                    throw Ec2Errors.TagKeyTooLong(key);
                if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                    throw Ec2Errors.ReservedTagKey(key);
                if (value.Length > 256)
                    throw Ec2Errors.TagValueTooLong(value);
                tags = tags.With(key, value);
            }
        }
        if (tags.Count > 50)
            throw Ec2Errors.TagLimitExceeded(50);
        return tags;
    }

    // ------------------------------------------------------------------ filters and pages

    private static PageRequest? BeginPage(string operation, RequestContext ctx, JsonObject parameters) =>
        Ec2Pagination.SpecFor(operation) is { } spec ? Ec2Pagination.Begin(operation, spec, ctx, parameters) : null;

    private static JsonArray Json<T>(IEnumerable<T> items, Func<T, JsonNode?> map)
    {
        var array = new JsonArray();
        foreach (var item in items)
            array.Add(map(item));
        return array;
    }

    /// <summary>Filter values of a path (spec/reachability.md §1.2). Port ranges read "from-to".</summary>
    private static IEnumerable<string?>? PathFilterValues(NetworkInsightsPath p, string name) => name switch
    {
        "source" => [p.Source.Id, p.Source.Arn],
        "destination" => [p.Destination?.Id, p.Destination?.Arn],
        "source-ip" => [p.SourceIp?.ToString()],
        "destination-ip" => [p.DestinationIp?.ToString()],
        "protocol" => [p.Protocol],
        "destination-port" => [p.DestinationPort?.ToString(CultureInfo.InvariantCulture)],
        "filter-at-source.source-address" => [p.FilterAtSource?.SourceAddress?.ToString()],
        "filter-at-source.source-port-range" => RangeValues(p.FilterAtSource?.SourcePortRange),
        "filter-at-source.destination-address" => [p.FilterAtSource?.DestinationAddress?.ToString()],
        "filter-at-source.destination-port-range" => RangeValues(p.FilterAtSource?.DestinationPortRange),
        "filter-at-destination.source-address" => [p.FilterAtDestination?.SourceAddress?.ToString()],
        "filter-at-destination.source-port-range" => RangeValues(p.FilterAtDestination?.SourcePortRange),
        "filter-at-destination.destination-address" => [p.FilterAtDestination?.DestinationAddress?.ToString()],
        "filter-at-destination.destination-port-range" => RangeValues(p.FilterAtDestination?.DestinationPortRange),
        _ => null,
    };

    private static IEnumerable<string?> RangeValues(PortRange? range) => range is { } r
        ? [string.Create(CultureInfo.InvariantCulture, $"{r.From}-{r.To}"), r.From == r.To ? r.From.ToString(CultureInfo.InvariantCulture) : null]
        : [];

    private static IEnumerable<string?>? AnalysisFilterValues(NetworkInsightsAnalysis a, string name) => name switch
    {
        "path-found" => [a.NetworkPathFound is { } found ? (found ? "true" : "false") : null],
        "status" => [a.Status],
        _ => null,
    };

    /// <summary>AWS filter semantics (spec §1): names AND-ed, values OR-ed, '*' and '?' wildcards, tag:&lt;key&gt;,
    /// tag-key and tag-value; an unknown name is InvalidParameterValue.</summary>
    private static IEnumerable<T> ApplyFilters<T>(IEnumerable<T> items, IReadOnlyList<Filter>? filters, string[] known,
        Func<T, string, IEnumerable<string?>?> values, Func<T, Tags> tags)
    {
        foreach (var filter in filters ?? [])
        {
            var name = filter.Name ?? throw Ec2Errors.MissingParameter("Filter.Name");
            var patterns = filter.Values ?? [];
            Func<T, IEnumerable<string?>> of;
            if (name.StartsWith("tag:", StringComparison.Ordinal))
            {
                var key = name[4..];
                of = x => tags(x).Items.TryGetValue(key, out var v) ? [v] : [];
            }
            else if (name == "tag-key")
                of = x => tags(x).Items.Keys;
            else if (name == "tag-value")
                of = x => tags(x).Items.Values;
            else if (!known.Contains(name))
                throw Ec2Errors.InvalidFilter(name);
            else
                of = x => values(x, name) ?? [];
            var selector = of;
            items = items.Where(x => selector(x).Any(v => v is not null && patterns.Any(p => VpcLab.ControlPlane.Wildcard.Matches(p, v))));
        }
        return items;
    }

    private static readonly string[] s_pathFilters =
    [
        "source", "destination", "source-ip", "destination-ip", "protocol", "destination-port",
        "filter-at-source.source-address", "filter-at-source.source-port-range", "filter-at-source.destination-address",
        "filter-at-source.destination-port-range", "filter-at-destination.source-address", "filter-at-destination.source-port-range",
        "filter-at-destination.destination-address", "filter-at-destination.destination-port-range",
    ];

    private static readonly string[] s_analysisFilters = ["path-found", "status"];
}
