using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>One run of a scenario through the control plane: one builder per section, over a shared
/// <see cref="ScenarioContext"/>. Order follows dependencies: prefix lists; each VPC with its gateways and subnets,
/// security groups (all created before any rule, since rules name each other), network ACLs, NAT gateways,
/// interfaces and instances; peerings; the deferred rules; route tables (routes name gateways, instances and
/// peerings); endpoints; buckets; flow logs last.</summary>
internal sealed class ScenarioBuild
{
    private readonly ScenarioContext _context;
    private readonly FilteringBuilder _filtering;
    private readonly RoutingBuilder _routing;
    private readonly VpcBuilder _vpcs;
    private readonly PeeringBuilder _peerings;
    private readonly EndpointBuilder _endpoints;
    private readonly FlowLogBuilder _flowLogs;
    private readonly LoadBalancerBuilder _loadBalancers;
    private readonly EndpointServiceBuilder _endpointServices;

    public ScenarioBuild(ScenarioDocument document, string file, Ec2ControlPlane controlPlane)
    {
        _context = new ScenarioContext(document, file, controlPlane);
        _filtering = new FilteringBuilder(_context);
        _routing = new RoutingBuilder(_context);
        _vpcs = new VpcBuilder(_context, _filtering, _routing, new ComputeBuilder(_context));
        _peerings = new PeeringBuilder(_context);
        _endpoints = new EndpointBuilder(_context);
        _flowLogs = new FlowLogBuilder(_context);
        _loadBalancers = new LoadBalancerBuilder(_context);
        _endpointServices = new EndpointServiceBuilder(_context);
    }

    /// <summary>Each name of the scenario and the id it stands for.</summary>
    public ImmutableDictionary<string, string> Ids => _context.Ids;

    public void Run()
    {
        var document = _context.Document;
        foreach (var account in document.Accounts)
        {
            if (account.Id.Length != 12 || !account.Id.All(char.IsAsciiDigit))
                throw _context.Fail(account.Line, $"account '{account.Name}': '{account.Id}' is not a 12-digit AWS account id");
            if (!_context.Accounts.TryAdd(account.Name, new AccountId(account.Id)))
                throw _context.Fail(account.Line, $"account '{account.Name}' is defined twice");
        }
        EnableOptInRegions(document);
        foreach (var list in document.PrefixLists)
            _endpoints.BuildPrefixList(list); // before the VPCs, whose rules and routes name them
        var built = document.Vpcs.Select(_vpcs.BuildVpc).ToList();
        foreach (var peering in document.Peerings)
            _peerings.BuildPeering(peering);
        _filtering.AuthorizeDeferredRules();
        // Route tables come after every VPC and peering exists: routes may name a peering.
        foreach (var (ctx, spec, vpc) in built)
        {
            foreach (var table in spec.RouteTables)
                _routing.BuildRouteTable(ctx, table, vpc);
        }
        bool ToProvider(EndpointSpec e) => EndpointServiceBuilder.NamesEndpointService(document, e.Service);
        foreach (var (ctx, spec, vpc) in built)
        {
            foreach (var endpoint in spec.Endpoints.Where(e => !ToProvider(e)))
                _endpoints.BuildEndpoint(ctx, endpoint, vpc); // after the route tables a gateway endpoint adds its route to
        }
        foreach (var (ctx, spec, vpc) in built)
            _loadBalancers.Build(ctx, spec, vpc); // after instances (targets) and gateways (internet-facing needs one)
        foreach (var service in document.EndpointServices)
            _endpointServices.Build(service); // after the load balancers they offer
        foreach (var (ctx, spec, vpc) in built)
        {
            foreach (var endpoint in spec.Endpoints.Where(ToProvider))
                _endpoints.BuildEndpoint(ctx, endpoint, vpc); // consumer endpoints, once their services exist
        }
        foreach (var service in document.EndpointServices)
            _endpointServices.Answer(service); // the provider accepts or rejects them
        foreach (var bucket in document.Buckets)
            _endpoints.BuildBucket(bucket); // after the endpoints: a bucket policy may name one ({{s3-endpoint}})
        foreach (var flowLog in document.FlowLogs)
            _flowLogs.BuildFlowLog(flowLog); // last: they name instances and interfaces
    }

    /// <summary>A scenario that declares resources in an opt-in Region (or an endpoint service supporting one) enables
    /// that Region for the accounts that own them, and the scenario's Region for its first account (docs/scenarios.md#opt-in-regions): AWS would hold
    /// nothing there otherwise. Every other opt-in Region stays disabled, as in a new AWS account.</summary>
    private void EnableOptInRegions(ScenarioDocument document)
    {
        var owners = document.Vpcs.Select(v => (_context.AccountOf(v), v.Region ?? document.Region))
            .Concat(document.Buckets.Select(b => (_context.AccountNamed(b.Line, b.Account), b.Region ?? document.Region)))
            .Concat(document.PrefixLists.Select(p => (_context.AccountNamed(p.Line, p.Account), p.Region ?? document.Region)))
            .Concat(document.EndpointServices.SelectMany(e => e.SupportedRegions.Select(r => (_context.AccountNamed(e.Line, e.Account), r))))
            .Append((_context.AccountNamed(0, null), document.Region));
        foreach (var (account, region) in owners.Distinct())
            _context.ControlPlane.RegionOptIns.EnableForLabWorld(account, region);
    }
}
