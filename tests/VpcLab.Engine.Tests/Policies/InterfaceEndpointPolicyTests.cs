using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;
using VpcLab.Engine.ServiceRequests;
using VpcLab.Model;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests.Policies;

/// <summary>Endpoint policies of interface endpoints, weighed for requests to AWS services other than S3
/// (<see cref="ServiceRequestTracer"/>; docs/semantics.md#interface-endpoint-policies), in scenarios/ipv6-endpoints.yaml
/// (account 555555555555; sqs-endpoint's policy "SendToOrdersOnly"; sns-endpoint and kms-endpoint with the default
/// policy). Each row names its rule and the AWS page that states it.</summary>
public class InterfaceEndpointPolicyTests
{
    private const string Account = "555555555555";

    /// <summary>"If you don't attach an endpoint policy, we attach the default endpoint policy … allows full access"
    /// and "An endpoint policy does not override or replace identity-based policies or resource-based policies".</summary>
    private const string EndpointPoliciesPage = "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html";

    /// <summary>Amazon SQS, "Creating an Amazon VPC endpoint policy for Amazon SQS": a policy that lets one user send to
    /// one queue through the endpoint.</summary>
    private const string SqsPage = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-internetwork-traffic-privacy.html";

    /// <summary>IAM, "AWS global condition context keys": aws:SourceVpce and aws:SourceVpc are present for requests
    /// made through a VPC endpoint.</summary>
    private const string GlobalKeysPage = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html";

    /// <summary>IAM, "Policy evaluation logic": an explicit deny in any policy overrides any allow.</summary>
    private const string EvaluationPage = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html";

    private const string SqsUserPolicy = $$$"""
        {"Statement":[{"Action":["sqs:SendMessage"],"Effect":"Allow","Resource":"arn:aws:sqs:us-east-1:{{{Account}}}:MyQueue",
          "Principal":{"AWS":"arn:aws:iam::{{{Account}}}:user/MyUser"}}]}
        """;

    private const string DenyDeletes = """
        {"Statement":[{"Sid":"All","Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},
                      {"Sid":"NoDeleteQueue","Effect":"Deny","Principal":"*","Action":"sqs:DeleteQueue","Resource":"*"}]}
        """;

    private const string OnlyThisVpc = """
        {"Statement":[{"Sid":"FromTheVpc","Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*",
          "Condition":{"StringEquals":{"aws:SourceVpc":"{{vpc}}","aws:SourceVpce":"{{vpce}}"}}}]}
        """;

    private const string OnlyAnotherVpc = """
        {"Statement":[{"Sid":"FromAnotherVpc","Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*",
          "Condition":{"StringEquals":{"aws:SourceVpc":"vpc-0aaaaaaaaaaaaaaaa"}}}]}
        """;

    /// <summary>A row: the page, the policy put on the endpoint (null: the scenario's), the request, the caller (null:
    /// the account's root), the answer and the deciding statement's Sid (or "#0" for an unnamed first statement).</summary>
    public sealed record Row(string Page, string? Policy, string Uri, string? Action, string? Caller, bool Allowed,
        PolicyDecision Decision, string? Deciding);

    private static readonly Dictionary<string, Row> Table = new(StringComparer.Ordinal)
    {
        // The scenario's policy: SendToOrdersOnly allows SendMessage and ReceiveMessage on the queue "orders".
        ["scenario-policy/send-to-orders"] = new(EndpointPoliciesPage, null, "sqs://orders", "sqs:SendMessage", null, true, PolicyDecision.Allow, "SendToOrdersOnly"),
        ["scenario-policy/send-to-another-queue"] = new(EndpointPoliciesPage, null, "sqs://audit", "sqs:SendMessage", null, false, PolicyDecision.ImplicitDeny, null),
        ["scenario-policy/action-not-listed"] = new(EndpointPoliciesPage, null, "sqs://orders", "sqs:DeleteQueue", null, false, PolicyDecision.ImplicitDeny, null),
        ["scenario-policy/queue-of-another-account"] = new(EndpointPoliciesPage, null, "sqs://arn:aws:sqs:us-east-1:111122223333:orders", "sqs:SendMessage", null, false, PolicyDecision.ImplicitDeny, null),
        // The default policy (no policy given): full access through the endpoint.
        ["default-policy/sns-publish"] = new(EndpointPoliciesPage, null, "sns://alerts", "sns:Publish", null, true, PolicyDecision.Allow, "#0"),
        ["default-policy/kms-decrypt"] = new(EndpointPoliciesPage, null, "kms://alias/app", null, null, true, PolicyDecision.Allow, "#0"),
        // The SQS guide's example: one user may send to MyQueue; the root and other users may not.
        ["sqs-guide/the-user"] = new(SqsPage, SqsUserPolicy, "sqs://MyQueue", "sqs:SendMessage", $"arn:aws:iam::{Account}:user/MyUser", true, PolicyDecision.Allow, "#0"),
        ["sqs-guide/another-user"] = new(SqsPage, SqsUserPolicy, "sqs://MyQueue", "sqs:SendMessage", $"arn:aws:iam::{Account}:user/Someone", false, PolicyDecision.ImplicitDeny, null),
        ["sqs-guide/receive"] = new(SqsPage, SqsUserPolicy, "sqs://MyQueue", "sqs:ReceiveMessage", $"arn:aws:iam::{Account}:user/MyUser", false, PolicyDecision.ImplicitDeny, null),
        // aws:SourceVpc and aws:SourceVpce carry the endpoint's VPC and id.
        ["source-keys/this-vpc-and-endpoint"] = new(GlobalKeysPage, OnlyThisVpc, "sqs://orders", null, null, true, PolicyDecision.Allow, "FromTheVpc"),
        ["source-keys/another-vpc"] = new(GlobalKeysPage, OnlyAnotherVpc, "sqs://orders", null, null, false, PolicyDecision.ImplicitDeny, null),
        // An explicit Deny wins over an Allow of the same policy, and is the statement named.
        ["explicit-deny/delete-queue"] = new(EvaluationPage, DenyDeletes, "sqs://orders", "sqs:DeleteQueue", null, false, PolicyDecision.ExplicitDeny, "NoDeleteQueue"),
        ["explicit-deny/send"] = new(EvaluationPage, DenyDeletes, "sqs://orders", "sqs:SendMessage", null, true, PolicyDecision.Allow, "All"),
    };

    public static TheoryData<string> Rows => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rows))]
    public void ServiceRequest_ThroughInterfaceEndpoint_EndpointPolicyDecides(string row)
    {
        var r = Table[row];
        var network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("ipv6-endpoints")).Network;
        var service = r.Uri[..r.Uri.IndexOf(':', StringComparison.Ordinal)];
        var vpce = network.VpcEndpoints.Values.Single(e => e.ServiceName == $"com.amazonaws.us-east-1.{service}");
        if (r.Policy is not null)
        {
            var policy = r.Policy.Replace("{{vpc}}", vpce.VpcId.Value, StringComparison.Ordinal).Replace("{{vpce}}", vpce.Id.Value, StringComparison.Ordinal);
            network = network with { VpcEndpoints = network.VpcEndpoints.SetItem(vpce.Id, vpce with { PolicyDocument = policy }) };
        }
        var compiled = CompiledNetwork.Compile(network);
        var request = ServiceRequest.Parse(r.Uri, r.Action) with { Principal = r.Caller is null ? null : RequestPrincipal.FromArn(r.Caller) };
        var result = ServiceRequestTracer.Trace(compiled, new EndpointResolver(network).Resolve("v6-1"), request);

        Assert.Equal(S3NetworkPath.InterfaceEndpoint, result.Path);
        Assert.Equal(vpce.Id.Value, result.Endpoint!.Id);
        Assert.Equal(r.Allowed, result.IsAllowed);
        Assert.Equal(r.Decision, result.EndpointPolicy!.Decision);
        var deciding = result.EndpointPolicy.DecidingStatement;
        Assert.Equal(r.Deciding, deciding is null ? null : deciding.Sid ?? $"#{deciding.Index}");
        // What the endpoint policy saw: the endpoint and its VPC, the private (here IPv6) source, no aws:SourceIp.
        Assert.Equal([vpce.Id.Value], result.PolicyRequest!.ValuesOf(PolicyContextKeys.SourceVpce));
        Assert.Equal([vpce.VpcId.Value], result.PolicyRequest.ValuesOf(PolicyContextKeys.SourceVpc));
        Assert.Empty(result.PolicyRequest.ValuesOf(PolicyContextKeys.SourceIp));
        Assert.Equal([result.Network.Flow.Source.ToString()], result.PolicyRequest.ValuesOf(PolicyContextKeys.VpcSourceIp));
        if (!r.Allowed)
        {
            var explanation = Assert.Single(result.Trace.Explanations);
            Assert.Equal(ExplanationCode.VpcEndpointPolicyDenied, explanation.Code);
            Assert.Equal(Verdict.Dropped, result.Trace.Verdict);
            Assert.Equal(Verdict.Accepted, result.Network.Verdict);
        }
    }

    // The resource ARN of each service's request (Service Authorization Reference resource types); an ARN is kept.
    [Theory]
    [InlineData("sqs://orders", "arn:aws:sqs:us-east-1:555555555555:orders")]
    [InlineData("sns://alerts", "arn:aws:sns:us-east-1:555555555555:alerts")]
    [InlineData("kms://1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:us-east-1:555555555555:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("kms://alias/app", "arn:aws:kms:us-east-1:555555555555:alias/app")]
    [InlineData("secretsmanager://db-password", "arn:aws:secretsmanager:us-east-1:555555555555:secret:db-password")]
    [InlineData("ssm:///app/config", "arn:aws:ssm:us-east-1:555555555555:parameter/app/config")]
    [InlineData("logs://app", "arn:aws:logs:us-east-1:555555555555:log-group:app")]
    [InlineData("dynamodb://orders", "arn:aws:dynamodb:us-east-1:555555555555:table/orders")]
    [InlineData("sts://", "*")]
    [InlineData("sqs://arn:aws:sqs:eu-west-1:111122223333:q", "arn:aws:sqs:eu-west-1:111122223333:q")]
    public void ServiceResources_Arn_PerService(string uri, string arn)
    {
        var request = ServiceRequest.Parse(uri);
        Assert.Equal(arn, ServiceResources.Arn(request.Service, request.Resource, "us-east-1", Account));
    }

    // A request names one action of its own service.
    [Theory]
    [InlineData("sqs://orders", "sns:Publish", "is not an action of sqs")]
    [InlineData("sqs://orders", "sqs:Send*", "is a pattern")]
    [InlineData("sqs://orders", "SendMessage", "is not an action")]
    [InlineData("s3://bucket", null, "is not a service request")]
    public void ServiceRequest_Parse_RefusesActionsOfOtherServices(string uri, string? action, string message)
    {
        var error = Assert.Throws<TraceRequestException>(() => ServiceRequest.Parse(uri, action));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private const string DynamoDbScenario = """
        region: us-east-1
        accounts:
          - { name: app, id: "555555555555" }
        vpcs:
          - name: data-vpc
            cidr: 10.60.0.0/16
            subnets:
              - { name: private-a, az: us-east-1a, cidr: 10.60.1.0/24 }
            route-tables:
              - name: private-rt
                subnets: [private-a]
            security-groups:
              - { name: app-sg, description: app }
            instances:
              - { name: worker, subnet: private-a, security-groups: [app-sg] }
            endpoints:
              - name: ddb-gw
                service: dynamodb
                route-tables: [private-rt]
                policy: |
                  {"Statement":[{"Sid":"ReadOrders","Effect":"Allow","Principal":"*","Action":["dynamodb:GetItem","dynamodb:Query"],
                                 "Resource":"arn:aws:dynamodb:us-east-1:555555555555:table/orders"}]}
        """;

    // A DynamoDB gateway endpoint's policy decides too: dynamodb.us-east-1.amazonaws.com is public DNS, the route
    // table's prefix-list route sends it to the gateway endpoint, whose policy is weighed (the gateway endpoints page:
    // "an endpoint policy … controls access to the service from the VPC through the endpoint",
    // https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html).
    [Theory]
    [InlineData("dynamodb:GetItem", "orders", true)]
    [InlineData("dynamodb:DeleteTable", "orders", false)]
    [InlineData("dynamodb:GetItem", "payments", false)]
    public void ServiceRequest_ThroughDynamoDbGatewayEndpoint_EndpointPolicyDecides(string action, string table, bool allowed)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("vpclab-ddb-").FullName, "ddb.yaml");
        File.WriteAllText(path, DynamoDbScenario);
        var network = ScenarioLoader.LoadFile(path).Network;
        var result = ServiceRequestTracer.Trace(CompiledNetwork.Compile(network), new EndpointResolver(network).Resolve("worker"),
            ServiceRequest.Parse($"dynamodb://{table}", action));
        Assert.Equal(S3NetworkPath.GatewayEndpoint, result.Path);
        Assert.Equal(allowed, result.IsAllowed);
        Assert.Equal(allowed ? "ReadOrders" : null, result.EndpointPolicy!.DecidingStatement?.Sid);
        Assert.Equal([network.VpcEndpoints.Values.Single().Id.Value], result.PolicyRequest!.ValuesOf(PolicyContextKeys.SourceVpce));
    }
}
