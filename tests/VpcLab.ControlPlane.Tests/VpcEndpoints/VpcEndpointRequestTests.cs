using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Model.Policies;

namespace VpcLab.ControlPlane.Tests.VpcEndpoints;

/// <summary>What every endpoint request checks: the service, the type, the policy, DryRun, ClientToken, tags and
/// the gateway quota.</summary>
public sealed class VpcEndpointRequestTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // Catalog rules: a name unknown in the caller's Region (another Region's included) is InvalidServiceName;
    // a known service without the requested type is InvalidParameter; the type defaults to Gateway; unknown or
    // unmodelled types are InvalidParameterValue.
    [Theory]
    [InlineData("com.amazonaws.us-east-1.nosuch", null, "InvalidServiceName")]
    [InlineData("com.amazonaws.eu-west-1.s3", "Gateway", "InvalidServiceName")] // same Region only
    [InlineData("com.amazonaws.us-east-1.sns", null, "InvalidParameter")] // SNS offers Interface only; Gateway is the default
    [InlineData("com.amazonaws.us-east-1.sns", "Gateway", "InvalidParameter")]
    [InlineData("com.amazonaws.us-east-1.s3", "GatewayLoadBalancer", "InvalidParameterValue")]
    [InlineData("com.amazonaws.us-east-1.s3", "gateway", "InvalidParameterValue")] // enumeration values are case-sensitive
    [InlineData("", null, "MissingParameter")]
    public void Create_ServiceAndType_Checked(string service, string? type, string code)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var error = lab.FailsWith(code, () => lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, ServiceName = service, VpcEndpointType = type,
        }));
        if (code == "InvalidServiceName")
            Assert.Equal($"The Vpc Endpoint Service '{service}' does not exist", error.Message); // moto's text
    }

    // Catalog: S3 and DynamoDB take both types.
    [Theory]
    [InlineData(EndpointLab.DynamoDb, "Interface")]
    [InlineData(EndpointLab.DynamoDb, "Gateway")]
    [InlineData(EndpointLab.S3, "Interface")]
    public void Create_DualTypeServices_BothTypesAccepted(string service, string type)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var endpoint = lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest { VpcId = vpc.Id.Value, ServiceName = service, VpcEndpointType = type }).VpcEndpoint;
        Assert.Equal(type, endpoint.Type.ToString());
    }

    [Theory]
    [InlineData(null, "MissingParameter")]
    [InlineData("vpc-0123456789abcdef0", "InvalidVpcID.NotFound")]
    [InlineData("vpc-nope", "InvalidVpcID.Malformed")]
    public void Create_Vpc_Required(string? vpcId, string code)
    {
        var lab = new TestLab();
        lab.FailsWith(code, () => lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest { VpcId = vpcId, ServiceName = EndpointLab.S3 }));
    }

    // AWS rule: a malformed endpoint policy is refused with EC2's code (InvalidPolicyDocument) and nothing changes.
    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")] // endpoint policies need Principal
    [InlineData("""{"Statement":[{"Effect":"Maybe","Principal":"*","Action":"*","Resource":"*"}]}""")]
    public void Create_MalformedPolicy_InvalidPolicyDocument(string policy)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Fails(VpcEndpointErrors.InvalidPolicyDocumentCode, () => lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, ServiceName = EndpointLab.S3, RouteTableIds = [lab.MainTable(vpc).Id.Value], PolicyDocument = policy,
        }));
        Assert.Empty(lab.EndpointRoutes(lab.MainTable(vpc)));
    }

    private const string DenyPolicy =
        """{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"}]}""";

    // AWS rule: PolicyDocument replaces the policy (kept as given); ResetPolicy restores the full-access default;
    // both at once is refused; a malformed replacement leaves the old policy.
    [Fact]
    public void Modify_Policy_ReplaceResetRefuse()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var endpoint = lab.Gateway(vpc);
        Assert.Equal(DenyPolicy, lab.Modify(endpoint, new() { PolicyDocument = DenyPolicy }).VpcEndpoint.PolicyDocument);
        Assert.True(PolicyDocument.TryParse(lab.Endpoint(endpoint).PolicyDocument, PolicyKind.VpcEndpoint, out _, out _));

        lab.Fails(VpcEndpointErrors.InvalidPolicyDocumentCode, () => lab.Modify(endpoint, new() { PolicyDocument = "[]" }));
        lab.Fails(Ec2Errors.InvalidParameterCombinationCode, () => lab.Modify(endpoint, new() { ResetPolicy = true, PolicyDocument = DenyPolicy }));
        Assert.Equal(DenyPolicy, lab.Endpoint(endpoint).PolicyDocument);

        Assert.Equal(PolicyDocument.DefaultEndpointPolicyJson, lab.Modify(endpoint, new() { ResetPolicy = true }).VpcEndpoint.PolicyDocument);
    }

    // AWS rule: DryRun checks everything, answers DryRunOperation and changes nothing.
    [Theory]
    [InlineData("create")]
    [InlineData("modify")]
    [InlineData("delete")]
    [InlineData("describe")]
    public void DryRun_DryRunOperation_NothingChanged(string operation)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var table = lab.NewTable(vpc);
        var endpoint = lab.Gateway(vpc);
        lab.Fails(Ec2Errors.DryRunOperationCode, () => operation switch
        {
            "create" => lab.Cp.CreateVpcEndpoint(Ctx, new() { DryRun = true, VpcId = vpc.Id.Value, ServiceName = EndpointLab.DynamoDb, RouteTableIds = [table.Id.Value] }),
            "modify" => lab.Cp.ModifyVpcEndpoint(Ctx, new() { DryRun = true, VpcEndpointId = endpoint.Id.Value, AddRouteTableIds = [table.Id.Value] }),
            "delete" => lab.Cp.DeleteVpcEndpoints(Ctx, new() { DryRun = true, VpcEndpointIds = [endpoint.Id.Value] }),
            _ => (object)lab.Cp.DescribeVpcEndpoints(Ctx, new() { DryRun = true }),
        });
    }

    // AWS idempotency: the same ClientToken and parameters return the first endpoint; other parameters are
    // IdempotentParameterMismatch.
    [Fact]
    public void Create_ClientToken_Idempotent()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var request = new CreateVpcEndpointRequest { VpcId = vpc.Id.Value, ServiceName = EndpointLab.S3, ClientToken = "token-1", RouteTableIds = [lab.MainTable(vpc).Id.Value] };
        var first = lab.Cp.CreateVpcEndpoint(Ctx, request);
        var again = lab.Cp.CreateVpcEndpoint(Ctx, request);
        Assert.Equal(first.VpcEndpoint.Id, again.VpcEndpoint.Id);
        Assert.Equal("token-1", again.ClientToken);
        Assert.Single(lab.N.VpcEndpoints);
        lab.Fails(Ec2Errors.IdempotentParameterMismatchCode, () => lab.Cp.CreateVpcEndpoint(Ctx, request with { ServiceName = EndpointLab.DynamoDb }));
    }

    // Tags: TagSpecification with resource type vpc-endpoint; other types refused; CreateTags knows vpce ids.
    [Fact]
    public void Create_TagSpecifications_TagsTheEndpoint()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var endpoint = lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, ServiceName = EndpointLab.S3,
            TagSpecifications = [new TagSpecification { ResourceType = "vpc-endpoint", Tags = [new Tag { Key = "Name", Value = "s3" }] }],
        }).VpcEndpoint;
        Assert.Equal("s3", lab.N.TagsOf(endpoint.Id.Value).Name);
        lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [endpoint.Id.Value], Tags = [new Tag { Key = "team", Value = "net" }] });
        Assert.Equal("net", lab.N.TagsOf(endpoint.Id.Value).Items["team"]);
        lab.FailsWith("InvalidParameterValue", () => lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, ServiceName = EndpointLab.S3,
            TagSpecifications = [new TagSpecification { ResourceType = "vpc", Tags = [new Tag { Key = "Name", Value = "x" }] }],
        }));
        lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Equal(0, lab.N.TagsOf(endpoint.Id.Value).Count);
    }

    // Quota (spec (d)): 20 gateway endpoints per Region per account → VpcEndpointLimitExceeded; another Region
    // has its own.
    [Fact]
    public void Create_GatewayQuotaPerRegion_LimitExceeded()
    {
        var lab = new TestLab(quotas: Ec2Quotas.AwsDefaults with { GatewayEndpointsPerRegion = 2 });
        var vpc = lab.Vpc();
        lab.Gateway(vpc, EndpointLab.S3);
        lab.Gateway(lab.Vpc("10.1.0.0/16"), EndpointLab.DynamoDb);
        lab.Fails(VpcEndpointErrors.VpcEndpointLimitExceededCode, () => lab.Gateway(vpc, EndpointLab.DynamoDb));
        var west = RequestContext.For(Ctx.Account.Value, "eu-west-1");
        var westVpc = lab.Cp.CreateVpc(west, new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }).Vpc;
        lab.Cp.CreateVpcEndpoint(west, new CreateVpcEndpointRequest { VpcId = westVpc.Id.Value, ServiceName = "com.amazonaws.eu-west-1.s3" });
    }

    // Delete is a batch: malformed or unknown ids are refused one by one; the rest are deleted.
    [Fact]
    public void Delete_Batch_PartialSuccess()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var endpoint = lab.Gateway(vpc);
        var result = lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest
        {
            VpcEndpointIds = ["vpce-0123456789abcdef0", endpoint.Id.Value, "vpce-bad"],
        });
        Assert.Equal(["vpce-0123456789abcdef0", "vpce-bad"], result.Unsuccessful.Select(u => u.ResourceId));
        Assert.Equal(["InvalidVpcEndpointId.NotFound", "InvalidVpcEndpointId.Malformed"], result.Unsuccessful.Select(u => u.Code));
        Assert.Empty(lab.N.VpcEndpoints);
        lab.FailsWith("MissingParameter", () => lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest()));
    }

    // Ids and DNS suffixes are drawn from the seeded generator: the same seed and calls give the same endpoint.
    [Fact]
    public void Create_SameSeed_SameIdAndDnsSuffix()
    {
        VpcEndpoint Build()
        {
            var lab = new TestLab(seed: 7);
            var vpc = lab.DnsVpc();
            return lab.Interface(vpc, EndpointLab.Sns, [lab.Subnet(vpc)]);
        }
        var (a, b) = (Build(), Build());
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(a.DnsSuffix, b.DnsSuffix);
        Assert.Matches("^[0-9a-z]{8}$", a.DnsSuffix);
    }
}
