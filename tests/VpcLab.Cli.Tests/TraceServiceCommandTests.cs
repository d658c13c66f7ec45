using System.Text.Json;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab trace --to sqs://QUEUE --action sqs:SendMessage</c> on scenarios/ipv6-endpoints.yaml: the name
/// resolved in the source's VPC (AAAA only: the SQS endpoint publishes IPv6 records), the flow through the interface
/// endpoint, then the endpoint policy ("SendToOrdersOnly"); exit 0 allowed, 1 refused by the endpoint policy
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html; docs/semantics.md#interface-endpoint-policies).</summary>
public class TraceServiceCommandTests
{
    [Theory]
    [InlineData("sqs://orders", "sqs:SendMessage", 0, "SendToOrdersOnly")]
    [InlineData("sqs://audit", "sqs:SendMessage", 1, "VPCLAB_VPC_ENDPOINT_POLICY_DENIED")]
    [InlineData("sns://alerts", null, 0, "statement 0")] // the default policy: full access
    public void Trace_ServiceUri_EndpointPolicyDecides(string to, string? action, int exit, string shown)
    {
        string[] args = ["trace", "-s", "ipv6-endpoints", "--from", "v6-1", "--to", to];
        var run = CliRun.Of(action is null ? args : [.. args, "--action", action]);
        Assert.Equal(exit, run.ExitCode);
        Assert.Contains(shown, run.Out, StringComparison.Ordinal);
        Assert.Contains("through interface endpoint vpce-", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_ServiceUriJson_NamesTheEndpointPolicyDecision()
    {
        var run = CliRun.Of("trace", "-s", "ipv6-endpoints", "--from", "v6-1", "--to", "sqs://orders", "--action", "sqs:DeleteQueue", "--json");
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("allowed").GetBoolean());
        Assert.Equal("arn:aws:sqs:us-east-1:555555555555:orders", root.GetProperty("request").GetProperty("resource").GetString());
        Assert.StartsWith("vpce-", root.GetProperty("vpcEndpoint").GetString(), StringComparison.Ordinal);
        Assert.Contains(":", root.GetProperty("sourceSeen").GetString(), StringComparison.Ordinal); // an IPv6 source
    }
}
