using System.Collections.Immutable;
using VpcLab.Engine.Policies;
using VpcLab.Model;
using VpcLab.Model.Policies;
using VpcLab.Net;

namespace VpcLab.Engine.S3;

/// <summary>Traces an S3 request: first the network (the 5-tuple walk of <see cref="CompiledNetwork"/>, which
/// knows nothing of policies), then, when the packet reaches S3, the policies S3 applies to the request as it
/// arrived: through a gateway endpoint the endpoint policy and the bucket policy with aws:SourceVpce and
/// aws:SourceVpc; over the internet the bucket policy alone with aws:SourceIp = the public address S3 sees.</summary>
public static class S3RequestTracer
{
    /// <summary>The port S3 is asked on (HTTPS).</summary>
    public const ushort HttpsPort = 443;

    /// <summary>The port of a plain-HTTP request (<see cref="S3Request.SecureTransport"/> false).</summary>
    public const ushort HttpPort = 80;

    /// <summary>Where S3 answers in a Region: the tenth address of the Region's first S3 range in
    /// <see cref="AwsIpRanges.Default"/> (stable; e.g. 3.5.0.10 in us-east-1), so the Region's prefix list holds it.</summary>
    /// <exception cref="TraceRequestException">The Region has no S3 range.</exception>
    public static IpAddress S3AddressIn(string region)
    {
        var prefixes = AwsIpRanges.Default.PrefixesOf(region, "S3");
        if (prefixes.IsEmpty)
            throw new TraceRequestException($"VpcLab knows no S3 address range in the Region '{region}'.");
        return prefixes[0].AddressAt(10);
    }

    /// <summary>Traces <paramref name="request"/> from <paramref name="source"/> (an instance or interface).</summary>
    /// <exception cref="TraceRequestException">The bucket does not exist, or the source is not in a VPC.</exception>
    public static S3RequestTrace Trace(CompiledNetwork compiled, TraceEndpoint source, S3Request request)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (!compiled.Network.Buckets.TryGetValue(request.Bucket, out var bucket))
            throw new TraceRequestException($"The bucket '{request.Bucket}' does not exist.");

        var flowRequest = TraceRequest.Tcp(source, Destination(compiled.Network, source, request, bucket),
            request.SecureTransport ? HttpsPort : HttpPort, IpFamily.V4);
        var resolved = compiled.Resolve(flowRequest);
        if (resolved.SourceInterfaceIndex < 0)
            throw new TraceRequestException($"An S3 request is traced from an instance or interface in a VPC; {source} is not one.");
        var network = compiled.Trace(flowRequest);

        var (path, route, endpoint, seen) = Exit(network);
        var reasons = ImmutableArray.CreateBuilder<string>();
        if (route is not null)
            reasons.Add($"route {route.Destination}{(route.MatchedCidr is { } matched ? $" ({matched})" : "")} -> {route.TargetId} sends {network.Flow.Destination} {Toward(path)}");
        if (network.Verdict == Verdict.Dropped || path == S3NetworkPath.None)
        {
            reasons.Add("the network drops the request before it reaches S3");
            return new S3RequestTrace(request, bucket, network, network, S3NetworkPath.None, route, endpoint, null, null, null)
            {
                Reasons = reasons.ToImmutable(),
            };
        }

        var principal = request.Principal ?? RequestPrincipal.Root(compiled.InterfaceAt(resolved.SourceInterfaceIndex).OwnerId.Value);
        PolicyDocument? endpointPolicy = null;
        VpcEndpoint? vpce = null;
        if (path is S3NetworkPath.GatewayEndpoint or S3NetworkPath.InterfaceEndpoint)
        {
            vpce = compiled.Network.VpcEndpoints[new VpcEndpointId(endpoint!.Id)];
            endpointPolicy = PolicyDocument.Parse(vpce.PolicyDocument, PolicyKind.VpcEndpoint);
        }
        var policyRequest = S3RequestContext.Build(request, principal, bucket, vpce, seen);
        var bucketPolicy = bucket.Policy is null ? null : PolicyDocument.Parse(bucket.Policy, PolicyKind.S3Bucket);
        var access = S3AccessEvaluator.Evaluate(policyRequest, endpointPolicy, bucket.OwnerId.Value, bucketPolicy);

        var bucketRef = new ComponentRef(ComponentKind.S3Bucket, $"arn:aws:s3:::{bucket.Name}", bucket.Name);
        var decider = access.DecidedBy == S3AccessLayer.VpcEndpointPolicy ? endpoint! : bucketRef;
        var sentence = Sentence(access, request, principal, vpce, bucket);
        reasons.Add(sentence);
        var trace = network;
        if (!access.IsAllowed)
        {
            var explanation = new Explanation(ExplanationCode.S3AccessDenied, TrafficDirection.Ingress, decider) { Message = sentence };
            trace = network with
            {
                Verdict = Verdict.Dropped,
                DroppedAt = decider,
                DroppedOn = PathDirection.Forward,
                Explanations = [explanation],
            };
        }
        return new S3RequestTrace(request, bucket, network, trace, path, route, endpoint, seen, policyRequest, access)
        {
            Reasons = reasons.ToImmutable(),
        };
    }

    /// <summary>Where the request is sent: the Regional S3 address, or the interface endpoint named by the request
    /// (through its Regional DNS name, so the client's zone picks the interface, as for any name).</summary>
    private static TraceEndpoint Destination(Network network, TraceEndpoint source, S3Request request, S3Bucket bucket)
    {
        if (request.VpcEndpointId is not { } id)
            return TraceEndpoint.ForAddress(S3AddressIn(bucket.Region));
        if (!network.VpcEndpoints.TryGetValue(new VpcEndpointId(id), out var vpce))
            throw new TraceRequestException($"The VPC endpoint '{id}' does not exist.");
        // Choice, docs/semantics.md#s3-request-tracing: an S3 interface endpoint serves the buckets of its own Region.
        var s3 = $"com.amazonaws.{bucket.Region}.s3";
        if (!vpce.IsInterface || vpce.ServiceName != s3)
            throw new TraceRequestException($"{id} is not an interface endpoint of {s3} (the service of the bucket's Region); it is a {vpce.Type} endpoint of {vpce.ServiceName}.");
        return new EndpointResolver(network).Resolve(VpcEndpointDnsNames.Regional(vpce), source);
    }

    private static string Toward(S3NetworkPath path) => path switch
    {
        S3NetworkPath.GatewayEndpoint => "to the gateway endpoint",
        S3NetworkPath.InterfaceEndpoint => "to the interface endpoint",
        _ => "toward the internet",
    };

    /// <summary>How the request left the VPC: the gateway or interface endpoint or the internet hop it reached, the
    /// route that led there (the last route before it), and the source address the service sees. Also used for
    /// requests to other services (ServiceRequests/ServiceRequestTracer).</summary>
    internal static (S3NetworkPath Path, RouteRef? Route, ComponentRef? Endpoint, IpAddress Seen) Exit(Trace network)
    {
        RouteRef? route = null;
        foreach (var hop in network.Forward)
        {
            if (hop.Route is not null)
                route = hop.Route;
            if (hop.Component.Kind == ComponentKind.GatewayEndpoint)
                return (network.Verdict == Verdict.Accepted ? S3NetworkPath.GatewayEndpoint : S3NetworkPath.None, route, hop.Component, hop.OutboundHeader.Source);
            if (hop.Component.Kind == ComponentKind.InterfaceEndpoint)
                return (network.Verdict == Verdict.Accepted ? S3NetworkPath.InterfaceEndpoint : S3NetworkPath.None, route, hop.Component, hop.OutboundHeader.Source);
            if (hop.Component.Kind == ComponentKind.Internet && hop.Action == HopAction.Delivered)
                return (S3NetworkPath.Internet, route, null, hop.OutboundHeader.Source);
        }
        return (S3NetworkPath.None, route, null, default);
    }

    private static string Sentence(S3AccessDecision access, S3Request request, RequestPrincipal principal, VpcEndpoint? vpce, S3Bucket bucket)
    {
        var what = $"{request.Action} on {request.ResourceArn} by {principal}";
        string Statement(PolicyStatementRef? s) => s is null ? "no statement" : s.ToString();
        var endpointName = vpce is null ? "" : $"the endpoint policy of {vpce.Id}";
        var bucketName = $"the bucket policy of {bucket.Name}";
        return (access.DecidedBy, access.Decision) switch
        {
            (S3AccessLayer.VpcEndpointPolicy, PolicyDecision.ExplicitDeny) =>
                $"denied: {Statement(access.DecidingStatement)} of {endpointName} explicitly denies {what}",
            (S3AccessLayer.VpcEndpointPolicy, _) =>
                $"denied: no statement of {endpointName} allows {what}",
            (S3AccessLayer.BucketPolicy, PolicyDecision.ExplicitDeny) =>
                $"denied: {Statement(access.DecidingStatement)} of {bucketName} explicitly denies {what}",
            (S3AccessLayer.BucketPolicy, PolicyDecision.Allow) =>
                $"allowed: {Statement(access.DecidingStatement)} of {bucketName} allows {what}{EndpointAllows(access, endpointName)}",
            (S3AccessLayer.BucketPolicy, _) =>
                $"denied: {bucket.Name} belongs to account {bucket.OwnerId} and no statement of its bucket policy allows {what}",
            _ => $"allowed: {principal} belongs to the bucket owner's account {bucket.OwnerId} (its own IAM policies are assumed to allow) and no policy denies {request.Action} on {request.ResourceArn}{EndpointAllows(access, endpointName)}",
        };
    }

    private static string EndpointAllows(S3AccessDecision access, string endpointName) =>
        access.EndpointEvaluation is { DecidingStatement: { } s } ? $" ({s} of {endpointName} allows it)" : "";
}
