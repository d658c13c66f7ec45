namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab trace --to s3://…</c> with AWS's published endpoint policy "Restricting access to buckets in a
/// specific account from a VPC endpoint" (S3 User Guide, AWS PrivateLink for Amazon S3,
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html; the statement, with
/// the page's 111122223333 replaced by the lab's account, added to the default endpoint policy as the page says):
/// the account's own bucket is allowed (aws:ResourceAccount is the bucket owner), another account's bucket is denied
/// by the statement, although that bucket's policy lets the lab's account in.</summary>
public class AwsPolicyExamplesCommandTests
{
    private static readonly string Scenario = CliRun.TempScenario("""
        region: us-east-1
        accounts:
          - { name: lab, id: "111111111111" }
          - { name: partner, id: "222222222222" }
        vpcs:
          - name: lab
            account: lab
            cidr: 10.40.0.0/16
            subnets:
              - { name: private-a, az: us-east-1a, cidr: 10.40.1.0/24 }
            route-tables:
              - name: private-rt
                subnets: [private-a]
            security-groups:
              - { name: app-sg, description: app }
            instances:
              - { name: worker, subnet: private-a, security-groups: [app-sg] }
            endpoints:
              - name: s3-gw
                service: s3
                route-tables: [private-rt]
                policy: |
                  {
                    "Statement": [
                      { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" },
                      {
                        "Sid": "Access-to-bucket-in-specific-account-only",
                        "Principal": "*",
                        "Action": [
                          "s3:GetObject",
                          "s3:PutObject"
                        ],
                        "Effect": "Deny",
                        "Resource": "arn:aws:s3:::*",
                        "Condition": {
                          "StringNotEquals": {
                            "aws:ResourceAccount": "111111111111"
                          }
                        }
                      }
                    ]
                  }
        buckets:
          - name: lab-own-data
            account: lab
          - name: partner-data
            account: partner
            policy: |
              {"Statement":[{"Sid":"LabAccountReads","Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"s3:*",
                "Resource":["arn:aws:s3:::partner-data","arn:aws:s3:::partner-data/*"]}]}
        """);

    [Theory]
    // The page: "restricts access to resources owned by a single AWS account ID".
    [InlineData("s3://lab-own-data/reports/q1.csv", "s3:GetObject", 0, "allowed")]
    [InlineData("s3://lab-own-data/reports/q1.csv", "s3:PutObject", 0, "allowed")]
    [InlineData("s3://partner-data/reports/q1.csv", "s3:GetObject", 1, "Sid Access-to-bucket-in-specific-account-only")]
    // Actions the statement does not list are left to the default statement and the bucket policy.
    [InlineData("s3://partner-data/reports/q1.csv", "s3:DeleteObject", 0, "Sid LabAccountReads")]
    public void Trace_AccountOnlyEndpointPolicy_OwnBucketAllowedOthersDenied(string to, string action, int exit, string expected)
    {
        var run = CliRun.Of("trace", "-s", Scenario, "--from", "worker", "--to", to, "--action", action);
        Assert.True(exit == run.ExitCode, run.Out + run.Err);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Contains("through gateway endpoint s3-gw", run.Out, StringComparison.Ordinal);
    }
}
