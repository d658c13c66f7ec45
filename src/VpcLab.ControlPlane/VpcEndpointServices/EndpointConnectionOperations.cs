using System.Text.RegularExpressions;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Who may connect to an endpoint service (allowed principals) and the provider's answer to each consumer
/// endpoint (accept, reject). A connection is the consumer's interface endpoint itself: its state
/// (pendingAcceptance, available, rejected) is the one both sides describe (docs/semantics.md#endpoint-services).</summary>
public sealed class EndpointConnectionOperations
{
    private static readonly Regex s_principal = new(@"^(\*|arn:aws:iam::\d{12}:(root|user/[\w+=,.@/-]+|role/[\w+=,.@/-]+))$", RegexOptions.CultureInvariant);

    private readonly ControlPlaneState _state;

    internal EndpointConnectionOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public ModifyVpcEndpointServicePermissionsResult ModifyVpcEndpointServicePermissions(RequestContext ctx, ModifyVpcEndpointServicePermissionsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var service = EndpointServiceParts.Find(tx, request.ServiceId);
            var principals = service.AllowedPrincipals.ToList();
            foreach (var principal in request.RemoveAllowedPrincipals ?? [])
                principals.Remove(principal);
            var added = new List<string>();
            foreach (var principal in (request.AddAllowedPrincipals ?? []).Distinct(StringComparer.Ordinal))
            {
                if (!s_principal.IsMatch(principal))
                    throw VpcEndpointServiceErrors.InvalidPrincipal(principal);
                if (!principals.Contains(principal))
                {
                    principals.Add(principal);
                    added.Add(principal);
                }
            }
            EndpointServiceParts.Put(tx, service with { AllowedPrincipals = [.. principals] });
            return new ModifyVpcEndpointServicePermissionsResult(service.Id, added);
        });

    public DescribeVpcEndpointServicePermissionsResult DescribeVpcEndpointServicePermissions(RequestContext ctx, DescribeVpcEndpointServicePermissionsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var service = EndpointServiceParts.Find(tx, request.ServiceId);
            var schema = FilterSchema<string>.WithTags(_ => Tags.Empty)
                .Add("principal", p => p)
                .Add("principal-type", PrincipalType);
            return new DescribeVpcEndpointServicePermissionsResult([.. schema.Apply(service.AllowedPrincipals, request.Filters, tx.N)
                .Select(p => new AllowedPrincipalView(p, service.Id))]);
        });

    /// <summary>pendingAcceptance → available; any other state is IncorrectState.</summary>
    public VpcEndpointConnectionsResult AcceptVpcEndpointConnections(RequestContext ctx, VpcEndpointConnectionsRequest request) =>
        Answer(ctx, request, endpoint => endpoint.State == VpcEndpointState.PendingAcceptance
            ? VpcEndpointState.Available
            : throw VpcEndpointServiceErrors.ConnectionNotPending(endpoint.Id.Value, VpcEndpointOperations.VpcEndpointStateName(endpoint.State)));

    /// <summary>A pending or available endpoint → rejected (AWS lets a provider reject an endpoint it accepted).</summary>
    public VpcEndpointConnectionsResult RejectVpcEndpointConnections(RequestContext ctx, VpcEndpointConnectionsRequest request) =>
        Answer(ctx, request, endpoint => endpoint.State != VpcEndpointState.Rejected
            ? VpcEndpointState.Rejected
            : throw VpcEndpointServiceErrors.ConnectionAlreadyRejected(endpoint.Id.Value));

    public DescribeVpcEndpointConnectionsResult DescribeVpcEndpointConnections(RequestContext ctx, DescribeVpcEndpointConnectionsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var connections = tx.Mine(IndexedKinds.EndpointService)
                .SelectMany(s => EndpointServiceParts.Connections(tx.World, s).Select(e => (Service: s, Endpoint: e)));
            var schema = FilterSchema<(VpcEndpointServiceConfiguration Service, VpcEndpoint Endpoint)>.WithTags(_ => Tags.Empty)
                .Add("service-id", c => c.Service.Id.Value)
                .Add("vpc-endpoint-owner", c => c.Endpoint.OwnerId.Value)
                .Add("vpc-endpoint-state", c => VpcEndpointOperations.VpcEndpointStateName(c.Endpoint.State))
                .Add("vpc-endpoint-id", c => c.Endpoint.Id.Value)
                .Add("ip-address-type", c => VpcEndpointOperations.VpcEndpointIpAddressTypeName(c.Endpoint.IpAddressType));
            return new DescribeVpcEndpointConnectionsResult([.. schema.Apply(connections, request.Filters, tx.N)
                .OrderBy(c => c.Service.Id.Value, StringComparer.Ordinal).ThenBy(c => c.Endpoint.Id.Value, StringComparer.Ordinal)
                .Select(c => new VpcEndpointConnectionView(c.Service, c.Endpoint, DnsEntries(tx.N, c.Service, c.Endpoint)))]);
        });

    /// <summary>The consumer endpoint's DNS entries: regional, zonal, and the service's verified private DNS name
    /// when the endpoint turned private DNS on.</summary>
    public static IReadOnlyList<VpcEndpointDnsEntry> DnsEntries(Network network, VpcEndpointServiceConfiguration service, VpcEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(endpoint);
        var zones = endpoint.SubnetIds.Select(s => network.Subnets.TryGetValue(s, out var subnet) ? subnet.AvailabilityZone.Name : null).OfType<string>();
        return VpcEndpointDnsNames.Entries(endpoint, zones, service.VerifiedPrivateDnsName);
    }

    /// <summary>AWS's principal types: All for "*", else Account, User or Role by the ARN.</summary>
    public static string PrincipalType(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal == "*")
            return "All";
        if (principal.EndsWith(":root", StringComparison.Ordinal))
            return "Account";
        return principal.Contains(":role/", StringComparison.Ordinal) ? "Role" : "User";
    }

    private VpcEndpointConnectionsResult Answer(RequestContext ctx, VpcEndpointConnectionsRequest request, Func<VpcEndpoint, VpcEndpointState> next) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var service = EndpointServiceParts.Find(tx, request.ServiceId);
            var ids = request.VpcEndpointIds is { Count: > 0 } given ? given : throw Ec2Errors.MissingParameter("VpcEndpointId");
            var unsuccessful = new List<UnsuccessfulItem>();
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    if (!tx.N.VpcEndpoints.TryGetValue(new VpcEndpointId(id), out var endpoint) || endpoint.ServiceName != service.ServiceName)
                        throw VpcEndpointServiceErrors.ConnectionNotFound(id, service.Id.Value);
                    VpcEndpointParts.PutEndpoint(tx, endpoint with { State = next(endpoint) });
                }
                catch (Ec2Exception error)
                {
                    unsuccessful.Add(UnsuccessfulItem.From(id, error));
                }
            }
            return new VpcEndpointConnectionsResult(unsuccessful);
        });
}
