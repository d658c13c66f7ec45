using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpoints;

/// <summary>Shortcuts for endpoint tests on top of <see cref="TestLab"/>.</summary>
internal static class EndpointLab
{
    public const string S3 = "com.amazonaws.us-east-1.s3";
    public const string DynamoDb = "com.amazonaws.us-east-1.dynamodb";
    public const string Sns = "com.amazonaws.us-east-1.sns";
    public const string Sqs = "com.amazonaws.us-east-1.sqs";

    public static RequestContext Ctx => TestLab.Ctx;

    /// <summary>A VPC with the DNS attributes private DNS needs (AWS creates VPCs with hostnames off).</summary>
    public static Vpc DnsVpc(this TestLab lab, string cidr = "10.0.0.0/16", bool support = true, bool hostnames = true)
    {
        var vpc = lab.Vpc(cidr);
        lab.Cp.ModifyVpcAttribute(Ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsSupport = support });
        lab.Cp.ModifyVpcAttribute(Ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = hostnames });
        return lab.N.Vpcs[vpc.Id];
    }

    public static RouteTable NewTable(this TestLab lab, Vpc vpc) =>
        lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value }).RouteTable;

    public static PrefixListId PrefixList(this TestLab lab, string service = S3) =>
        lab.N.PrefixLists.Values.Single(p => p.IsAwsManaged && p.Name == service).Id;

    public static VpcEndpoint Gateway(this TestLab lab, Vpc vpc, string service = S3, params RouteTable[] tables) =>
        lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, ServiceName = service, RouteTableIds = [.. tables.Select(t => t.Id.Value)],
        }).VpcEndpoint;

    public static VpcEndpoint Interface(this TestLab lab, Vpc vpc, string service = Sns, IReadOnlyList<Subnet>? subnets = null,
        bool? privateDns = null, IReadOnlyList<SecurityGroup>? groups = null) =>
        lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, ServiceName = service, VpcEndpointType = "Interface",
            SubnetIds = subnets?.Select(s => s.Id.Value).ToList(), PrivateDnsEnabled = privateDns,
            SecurityGroupIds = groups?.Select(g => g.Id.Value).ToList(),
        }).VpcEndpoint;

    public static VpcEndpoint Endpoint(this TestLab lab, VpcEndpoint endpoint) => lab.N.VpcEndpoints[endpoint.Id];

    /// <summary>The routes of a table that lead to a gateway endpoint, as (destination, target) text.</summary>
    public static IEnumerable<(string Destination, string Target)> EndpointRoutes(this TestLab lab, RouteTable table) =>
        lab.N.RouteTables[table.Id].Routes.Where(r => r.Target.Kind == RouteTargetKind.GatewayEndpoint)
            .Select(r => (r.Destination.ToString(), r.Target.Id));

    public static ModifyVpcEndpointResult Modify(this TestLab lab, VpcEndpoint endpoint, ModifyVpcEndpointRequest request) =>
        lab.Cp.ModifyVpcEndpoint(Ctx, request with { VpcEndpointId = endpoint.Id.Value });
}
