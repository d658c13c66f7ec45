using VpcLab.Model;

namespace VpcLab.ControlPlane.Scenarios;

// Customer-managed prefix lists (before any VPC: rules and routes name them), S3 buckets, and VPC endpoints
// (after every route table: a gateway endpoint adds its route to the tables it names).

/// <summary>Builds a scenario's prefix lists, S3 buckets and VPC endpoints through the control plane.</summary>
internal sealed partial class EndpointBuilder(ScenarioContext context)
{
    public void BuildPrefixList(PrefixListSpec spec)
    {
        var ctx = new RequestContext(context.AccountNamed(spec.Line, spec.Account), spec.Region ?? context.Document.Region);
        var list = context.Do(spec.Line, "prefix list", spec.Name, () => context.ControlPlane.CreateManagedPrefixList(ctx, new CreateManagedPrefixListRequest
        {
            PrefixListName = spec.Name,
            AddressFamily = spec.Family,
            MaxEntries = spec.MaxEntries ?? Math.Max(1, spec.Entries.Length),
            Entries = [.. spec.Entries.Select(cidr => new AddPrefixListEntry { Cidr = cidr })],
            TagSpecifications = TagSpecification.Named("prefix-list", spec.Name),
        }).PrefixList);
        context.Register(spec.Line, spec.Name, list.Id.Value);
    }

    public void BuildBucket(BucketSpec spec)
    {
        var ctx = new RequestContext(context.AccountNamed(spec.Line, spec.Account), spec.Region ?? context.Document.Region);
        var policy = spec.Policy is null ? null : SubstituteIds(spec.Line, spec.Policy);
        context.Do(spec.Line, "bucket", spec.Name, () => context.ControlPlane.PutBucket(ctx, spec.Name, policy));
    }

    /// <summary>A policy may name a resource of the scenario as <c>{{name}}</c> (ids are only known once it is
    /// built): the leaky-bucket fix's <c>aws:SourceVpce</c> condition names the endpoint this way. <c>${…}</c> is
    /// left alone: it is IAM's own policy-variable syntax.</summary>
    private string SubstituteIds(int line, string policy) =>
        PlaceholderPattern().Replace(policy, m => context.Resolve(line, m.Groups[1].Value, "resource"));

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{\s*([A-Za-z0-9._-]+)\s*\}\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PlaceholderPattern();

    /// <summary>The service name of an endpoint service the scenario named, or null.</summary>
    private string? ProviderServiceName(string name) =>
        context.Names.TryGetValue(name, out var entry)
        && context.ControlPlane.Network.VpcEndpointServiceConfigurations.TryGetValue(new VpcEndpointServiceId(entry.Id), out var service)
            ? service.ServiceName
            : null;

    public void BuildEndpoint(RequestContext ctx, EndpointSpec spec, VpcId vpc)
    {
        var serviceName = spec.Service.StartsWith("com.amazonaws.", StringComparison.Ordinal)
            ? spec.Service
            : ProviderServiceName(spec.Service) ?? $"com.amazonaws.{ctx.Region}.{spec.Service}";
        var shortName = serviceName[(serviceName.LastIndexOf('.') + 1)..];
        var type = spec.Type switch
        {
            null => shortName is "s3" or "dynamodb" ? "Gateway" : "Interface",
            "gateway" => "Gateway",
            "interface" => "Interface",
            _ => throw context.Fail(spec.Line, $"endpoint '{spec.Name}': type '{spec.Type}' is neither gateway nor interface"),
        };
        var endpoint = context.Do(spec.Line, "endpoint", spec.Name, () => context.ControlPlane.CreateVpcEndpoint(ctx, new CreateVpcEndpointRequest
        {
            VpcId = vpc.Value,
            ServiceName = serviceName,
            VpcEndpointType = type,
            RouteTableIds = spec.RouteTables.IsEmpty ? null : [.. spec.RouteTables.Select(t => context.Resolve(spec.Line, t, "route table"))],
            SubnetIds = spec.Subnets.IsEmpty ? null : [.. spec.Subnets.Select(s => context.Resolve(spec.Line, s, "subnet"))],
            SecurityGroupIds = spec.SecurityGroups.IsEmpty ? null : [.. spec.SecurityGroups.Select(g => context.Resolve(spec.Line, g, "security group"))],
            PrivateDnsEnabled = spec.PrivateDns,
            PolicyDocument = spec.Policy is null ? null : SubstituteIds(spec.Line, spec.Policy),
            IpAddressType = spec.IpAddressType,
            // A provider's service hosted in another Region than the VPC's: a cross-Region endpoint.
            ServiceRegion = VpcEndpointServiceConfiguration.RegionOfServiceName(serviceName),
            DnsOptions = spec.DnsRecordIpType is null ? null : new DnsOptionsSpecification { DnsRecordIpType = spec.DnsRecordIpType },
            TagSpecifications = TagSpecification.Named("vpc-endpoint", spec.Name),
        }).VpcEndpoint);
        context.Register(spec.Line, spec.Name, endpoint.Id.Value);
    }
}
