namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab trace --to s3://bucket/key</c>: the network path, then the endpoint and bucket policies; exit 0
/// when S3 would allow the request, 1 when the network or a policy refuses it, 2 on bad input.</summary>
public class TraceS3CommandTests
{
    // A private subnet with only the S3 endpoint's route, a public one with the internet; a bucket that denies
    // anything not through the endpoint (the leaky-bucket fix) and an endpoint policy that denies deletes.
    private static readonly string Scenario = CliRun.TempScenario("""
        region: us-east-1
        vpcs:
          - name: lab
            cidr: 10.30.0.0/16
            internet-gateway: lab-igw
            subnets:
              - { name: public-a, az: us-east-1a, cidr: 10.30.0.0/24, map-public-ip-on-launch: true }
              - { name: private-a, az: us-east-1a, cidr: 10.30.1.0/24 }
            route-tables:
              - name: public-rt
                subnets: [public-a]
                routes:
                  - { destination: 0.0.0.0/0, target: lab-igw }
              - name: private-rt
                subnets: [private-a]
            security-groups:
              - { name: app-sg, description: app }
            instances:
              - { name: web, subnet: public-a, security-groups: [app-sg] }
              - { name: worker, subnet: private-a, security-groups: [app-sg] }
            endpoints:
              - name: s3-gw
                service: s3
                route-tables: [private-rt]
                policy: |
                  {"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},
                                {"Sid":"NoDeletes","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"}]}
        buckets:
          - name: lab-data
            policy: |
              {"Statement":[{"Sid":"OnlyThroughTheEndpoint","Effect":"Deny","Principal":"*","Action":"s3:*",
                "Resource":["arn:aws:s3:::lab-data","arn:aws:s3:::lab-data/*"],
                "Condition":{"StringNotEquals":{"aws:SourceVpce":"{{s3-gw}}"}}}]}
        """);

    [Theory]
    // Through the endpoint: the default action s3:GetObject is allowed.
    [InlineData("worker", null, 0, "gateway endpoint s3-gw")]
    [InlineData("worker", "s3:PutObject", 0, "allowed")]
    // The endpoint policy's explicit Deny wins.
    [InlineData("worker", "s3:DeleteObject", 1, "Sid NoDeletes")]
    // Over the internet the bucket policy's aws:SourceVpce Deny refuses it, though the network path works.
    [InlineData("web", null, 1, "Sid OnlyThroughTheEndpoint")]
    public void Trace_S3Uri_ShowsPathAndPolicyVerdict(string from, string? action, int exit, string expected)
    {
        string[] args = action is null
            ? ["trace", "-s", Scenario, "--from", from, "--to", "s3://lab-data/reports/q1.csv"]
            : ["trace", "-s", Scenario, "--from", from, "--to", "s3://lab-data/reports/q1.csv", "--action", action];
        var run = CliRun.Of(args);
        Assert.True(exit == run.ExitCode, run.Out + run.Err);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Contains("S3 request", run.Out, StringComparison.Ordinal);
        if (exit == 1)
            Assert.Contains("VPCLAB_S3_ACCESS_DENIED", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_S3Uri_Json_CarriesPathDecisionAndStatement()
    {
        var run = CliRun.Of("trace", "-s", Scenario, "--from", "web", "--to", "s3://lab-data/x", "--json");
        Assert.True(run.ExitCode == 1, run.Out + run.Err);
        Assert.Contains("\"path\": \"internet\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"allowed\": false", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"sid\": \"OnlyThroughTheEndpoint\"", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://no-such-bucket/x", "'no-such-bucket'")]
    [InlineData("s3:///x", "names no bucket")]
    public void Trace_BadS3Target_IsAUsageErrorNamingIt(string to, string expected)
    {
        var run = CliRun.Of("trace", "-s", Scenario, "--from", "worker", "--to", to);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }
}
