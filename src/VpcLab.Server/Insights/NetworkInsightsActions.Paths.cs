using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.Server.Ec2;

namespace VpcLab.Server.Insights;

// Create/Describe/DeleteNetworkInsightsPath.
public sealed partial class NetworkInsightsActions
{
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
        // Choice (docs/semantics.md#ra-endpoints): a gateway endpoint is only ever a destination (its service never opens
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
        paths = OnlyIds(paths, request.NetworkInsightsPathIds, id => FindPath(ctx, id).Id, p => p.Id);
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

    private NetworkInsightsPath FindPath(RequestContext ctx, string id)
    {
        if (!IdGenerator.IsWellFormed(id, NetworkInsightsStore.PathPrefix))
            throw NetworkInsightsErrors.PathMalformed(id);
        return _store.FindPath(ctx, id) ?? throw NetworkInsightsErrors.PathNotFound(id);
    }
}
