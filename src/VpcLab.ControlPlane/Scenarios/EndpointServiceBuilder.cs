namespace VpcLab.ControlPlane.Scenarios;

/// <summary>Builds a scenario's endpoint services (after the load balancers they name, before the consumer endpoints
/// that connect to them) and then the provider's answers to those endpoints (accept, reject), through the control
/// plane's endpoint service operations (docs/scenarios.md, docs/semantics.md#endpoint-services).</summary>
internal sealed class EndpointServiceBuilder(ScenarioContext context)
{
    public void Build(EndpointServiceSpec spec)
    {
        var ctx = new RequestContext(context.AccountNamed(spec.Line, spec.Account), context.Document.Region);
        if (spec.LoadBalancers.IsEmpty)
            throw context.Fail(spec.Line, $"endpoint service '{spec.Name}' needs 'load-balancers' (Network Load Balancers by name)");
        var services = context.ControlPlane.EndpointServiceConfigurations;
        var service = context.Do(spec.Line, "endpoint service", spec.Name, () => services.CreateVpcEndpointServiceConfiguration(ctx,
            new CreateVpcEndpointServiceConfigurationRequest
            {
                NetworkLoadBalancerArns = [.. spec.LoadBalancers.Select(lb => context.Resolve(spec.Line, lb, "load balancer"))],
                AcceptanceRequired = spec.AcceptanceRequired,
                PrivateDnsName = spec.PrivateDnsName,
                SupportedRegions = spec.SupportedRegions.IsEmpty ? null : spec.SupportedRegions,
                SupportedIpAddressTypes = spec.SupportedIpAddressTypes.IsEmpty ? null : spec.SupportedIpAddressTypes,
                TagSpecifications = TagSpecification.Named(EndpointServiceParts.ResourceType, spec.Name),
            }).ServiceConfiguration.Service);
        context.Register(spec.Line, spec.Name, service.Id.Value);
        if (spec.PrivateDnsVerified)
            context.Do(spec.Line, "endpoint service", spec.Name, () => services.StartVpcEndpointServicePrivateDnsVerification(ctx,
                new StartVpcEndpointServicePrivateDnsVerificationRequest { ServiceId = service.Id.Value }));
        if (!spec.AllowedPrincipals.IsEmpty)
            context.Do(spec.Line, "endpoint service", spec.Name, () => context.ControlPlane.EndpointConnections.ModifyVpcEndpointServicePermissions(ctx,
                new ModifyVpcEndpointServicePermissionsRequest
                {
                    ServiceId = service.Id.Value,
                    AddAllowedPrincipals = [.. spec.AllowedPrincipals.Select(p => Principal(spec.Line, p))],
                }));
    }

    /// <summary>Once every endpoint exists: the provider accepts and rejects the endpoints the spec names.</summary>
    public void Answer(EndpointServiceSpec spec)
    {
        var ctx = new RequestContext(context.AccountNamed(spec.Line, spec.Account), context.Document.Region);
        var serviceId = context.Resolve(spec.Line, spec.Name, "endpoint service");
        var connections = context.ControlPlane.EndpointConnections;
        void Run(IEnumerable<string> names, Func<RequestContext, VpcEndpointConnectionsRequest, VpcEndpointConnectionsResult> answer, string verb)
        {
            var ids = names.Select(n => context.Resolve(spec.Line, n, "endpoint")).ToList();
            if (ids.Count == 0)
                return;
            var result = context.Do(spec.Line, "endpoint service", spec.Name, () => answer(ctx, new VpcEndpointConnectionsRequest { ServiceId = serviceId, VpcEndpointIds = ids }));
            if (result.Unsuccessful.Count > 0)
                throw context.Fail(spec.Line, $"endpoint service '{spec.Name}' cannot {verb} {result.Unsuccessful[0].ResourceId}: {result.Unsuccessful[0].Code}: {result.Unsuccessful[0].Message}");
        }
        Run(spec.Accept, connections.AcceptVpcEndpointConnections, "accept");
        Run(spec.Reject, connections.RejectVpcEndpointConnections, "reject");
    }

    /// <summary>A scenario account name stands for that account's root ARN; "*" and ARNs pass as written.</summary>
    private string Principal(int line, string principal) =>
        principal == "*" || principal.StartsWith("arn:", StringComparison.Ordinal)
            ? principal
            : $"arn:aws:iam::{context.AccountNamed(line, principal).Value}:root";

    /// <summary>Whether an endpoint's <c>service:</c> names one of the scenario's endpoint services (or a provider's
    /// service name): such endpoints are built after the services.</summary>
    public static bool NamesEndpointService(ScenarioDocument document, string service) =>
        service.StartsWith("com.amazonaws.vpce.", StringComparison.Ordinal) || document.EndpointServices.Any(s => s.Name == service);
}
