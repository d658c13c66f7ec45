using System.Collections.Immutable;
using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;
using VpcLab.Model;
using VpcLab.Model.Policies;

namespace VpcLab.Engine.ServiceRequests;

/// <summary>Traces a request to an AWS service other than S3 (docs/semantics.md#interface-endpoint-policies): the
/// service's public name (<c>sqs.REGION.amazonaws.com</c>) is resolved by the source VPC's resolver, as an SDK does,
/// and the flow to the answer on TCP 443 is walked (the 5-tuple walk knows nothing of policies). When a VPC endpoint
/// carried the request (an interface endpoint reached through private DNS, or a DynamoDB gateway endpoint), its
/// endpoint policy is weighed with <see cref="PolicyEvaluator"/>, the request carrying aws:SourceVpce, aws:SourceVpc and
/// aws:VpcSourceIp; over the internet no endpoint policy applies. The service's own resource policies and the caller's
/// IAM policies are not modelled (assumed to allow).</summary>
public static class ServiceRequestTracer
{
    public const ushort HttpsPort = 443;

    /// <exception cref="TraceRequestException">The source is not an instance or interface in a VPC, or the service has
    /// no public name in the source's Region.</exception>
    public static ServiceRequestTrace Trace(CompiledNetwork compiled, TraceEndpoint source, ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(request);
        var network = compiled.Network;
        var eni = SourceInterface(network, source);
        var serviceName = $"com.amazonaws.{eni.Region}.{request.Service}";
        var publicName = Dns.AwsServicePublicNames.ForServiceName(serviceName)?.Name
            ?? throw new TraceRequestException($"VpcLab knows no public name of {serviceName}.");
        var arn = ServiceResources.Arn(request.Service, request.Resource, eni.Region, eni.OwnerId.Value);
        var resolver = new EndpointResolver(network);
        var flow = TraceRequest.Tcp(source, resolver.Resolve(publicName, source), HttpsPort);
        var trace = compiled.Trace(flow, resolver.Resolutions);
        var reasons = ImmutableArray.CreateBuilder<string>();
        foreach (var answer in resolver.Resolutions)
            reasons.Add($"{answer.Name} resolves to {string.Join(", ", answer.Addresses)} ({answer.Explanation})");
        var (path, _, endpoint, seen) = S3RequestTracer.Exit(trace);
        if (trace.Verdict == Verdict.Dropped || path == S3NetworkPath.None)
        {
            reasons.Add($"the network drops the request before it reaches {serviceName}");
            return new ServiceRequestTrace(request, serviceName, arn, trace, trace, S3NetworkPath.None, endpoint, null, null, null) { Reasons = reasons.ToImmutable() };
        }
        var principal = request.Principal ?? RequestPrincipal.Root(eni.OwnerId.Value);
        var policyRequest = Context(request, principal, arn, eni.Region);
        if (path == S3NetworkPath.Internet)
        {
            policyRequest = policyRequest.With(PolicyContextKeys.SourceIp, seen.ToString());
            reasons.Add($"allowed: the request reaches {serviceName} over the internet from {seen}, so no endpoint policy applies (the service's own policies are not modelled)");
            return new ServiceRequestTrace(request, serviceName, arn, trace, trace, path, null, seen, policyRequest, null) { Reasons = reasons.ToImmutable() };
        }
        var vpce = network.VpcEndpoints[new VpcEndpointId(endpoint!.Id)];
        policyRequest = policyRequest.ThroughVpcEndpoint(vpce.Id.Value, vpce.VpcId.Value, seen.ToString());
        var evaluation = PolicyEvaluator.Evaluate(PolicyDocument.Parse(vpce.PolicyDocument, PolicyKind.VpcEndpoint), policyRequest);
        var sentence = Sentence(evaluation, request, arn, principal, vpce);
        reasons.Add(sentence);
        var result = trace;
        if (!evaluation.IsAllowed)
        {
            result = trace with
            {
                Verdict = Verdict.Dropped,
                DroppedAt = endpoint,
                DroppedOn = PathDirection.Forward,
                Explanations = [new Explanation(ExplanationCode.VpcEndpointPolicyDenied, TrafficDirection.Ingress, endpoint) { Message = sentence }],
            };
        }
        return new ServiceRequestTrace(request, serviceName, arn, trace, result, path, endpoint, seen, policyRequest, evaluation) { Reasons = reasons.ToImmutable() };
    }

    /// <summary>The keys every request carries (docs/semantics.md#interface-endpoint-policies): the principal's,
    /// aws:RequestedRegion, aws:ResourceAccount (the ARN's account), aws:SecureTransport (HTTPS) and the time.</summary>
    private static PolicyRequest Context(ServiceRequest request, RequestPrincipal principal, string arn, string region)
    {
        var r = PolicyRequest.Create(principal, request.Action, arn)
            .With(PolicyContextKeys.RequestedRegion, region)
            .With(PolicyContextKeys.SecureTransport, "true");
        if (ServiceResources.AccountOf(arn) is { } account)
            r = r.With(PolicyContextKeys.ResourceAccount, account);
        return request.RequestTime is { } time ? r.At(time) : r;
    }

    private static NetworkInterface SourceInterface(Network network, TraceEndpoint source)
    {
        NetworkInterfaceId? id = source switch
        {
            InstanceEndpoint i when network.Instances.TryGetValue(i.Id, out var instance) => instance.PrimaryNetworkInterface,
            InterfaceEndpoint n => n.Id,
            _ => null,
        };
        return id is { } found && network.NetworkInterfaces.TryGetValue(found, out var eni)
            ? eni
            : throw new TraceRequestException($"A request to an AWS service is traced from an instance or interface in a VPC; {source} is not one.");
    }

    private static string Sentence(PolicyEvaluation evaluation, ServiceRequest request, string arn, RequestPrincipal principal, VpcEndpoint vpce)
    {
        var what = $"{request.Action} on {arn} by {principal}";
        return evaluation.Decision switch
        {
            PolicyDecision.ExplicitDeny => $"denied: {evaluation.DecidingStatement} of the endpoint policy of {vpce.Id} explicitly denies {what}",
            PolicyDecision.Allow => $"allowed: {evaluation.DecidingStatement} of the endpoint policy of {vpce.Id} allows {what} (the service's own policies are not modelled)",
            _ => $"denied: no statement of the endpoint policy of {vpce.Id} allows {what}",
        };
    }
}
