using System.Text.RegularExpressions;
using Amazon.EC2.Model;
using CsCheck;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.S3;

namespace VpcLab.Server.Tests.Hosting;

/// <summary><c>vpclab serve --log-requests</c> (<see cref="ServerOptions.RequestLog"/>; docs/semantics.md#request-log):
/// one line per call — time, account, Region, service, action, HTTP status, duration — for EC2, S3, the lab's own
/// paths and refused calls alike.</summary>
public sealed partial class RequestLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (?<account>\S+) (?<region>\S+) (?<service>\S+) (?<action>\S+) (?<status>\d{3}) (?<ms>\d+)ms$")]
    private static partial Regex LinePattern();

    private sealed class Lines : StringWriter
    {
        public string[] All => ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Calls_WithRequestLog_OneLinePerCallWithAccountRegionServiceActionStatus()
    {
        var lines = new Lines();
        await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null, RequestLog = lines }, Ct))
        {
            using var ec2 = new Amazon.EC2.AmazonEC2Client(new Amazon.Runtime.BasicAWSCredentials("222222222222", "secret"),
                new Amazon.EC2.AmazonEC2Config { ServiceURL = server.Url.ToString(), AuthenticationRegion = "eu-west-1", MaxErrorRetry = 0 });
            await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct);
            await Assert.ThrowsAnyAsync<Amazon.EC2.AmazonEC2Exception>(() => ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = "vpc-00000000000000000" }, Ct));
            using var s3 = S3SdkTests.Client(server.Url);
            await s3.PutBucketAsync("logged", Ct);
            using var http = new HttpClient { BaseAddress = server.Url };
            (await http.GetAsync("/_vpclab/health", Ct)).Dispose();
            (await http.GetAsync("/", Ct)).Dispose();
        }

        var parsed = lines.All.Select(l => LinePattern().Match(l)).ToList();
        Assert.All(parsed, m => Assert.True(m.Success, $"not a request-log line: {m.Value}"));
        var rows = parsed.Select(m => (m.Groups["account"].Value, m.Groups["region"].Value, m.Groups["service"].Value, m.Groups["action"].Value, int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(
        [
            ("222222222222", "eu-west-1", "ec2", "CreateVpc", 200),
            ("222222222222", "eu-west-1", "ec2", "DeleteVpc", 400), // InvalidVpcID.NotFound
            ("111111111111", "us-east-1", "s3", "CreateBucket", 200),
            ("-", "-", "vpclab", "health", 200),
            ("111111111111", "us-east-1", "vpclab", "GET/", 200), // the landing page
        ], rows);
    }

    [Fact]
    public void Line_GivenACall_IsSpaceSeparatedFieldsInOrder()
    {
        var call = new CallDescription { Account = "111111111111", Region = "us-east-1", Service = "ec2", Action = "DescribeVpcs" };
        Assert.Equal("2026-12-04T17:02:03.456Z 111111111111 us-east-1 ec2 DescribeVpcs 200 12ms",
            RequestLog.Line(new DateTimeOffset(2026, 12, 4, 17, 2, 3, 456, TimeSpan.Zero), call, 200, TimeSpan.FromMilliseconds(12.7)));
    }

    // Invariant: whatever a client puts in an action, account or Region, a log line is one line of seven fields.
    [Fact]
    public void Line_AnyClientText_OneLineOfSevenFields()
    {
        var text = Gen.OneOf(Gen.String[Gen.Char['\0', '\u024F'], 0, 200], Gen.OneOf<string>("", " ", "a b\nc", "\r\n", "x\ty"));
        Gen.Select(text, text, text, text).Sample((service, action, account, region) =>
        {
            var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            var call = new CallDescription();
            http.Features.Set(call);
            CallDescription.Describe(http, service, action, account, region);
            var line = RequestLog.Line(DateTimeOffset.UnixEpoch, call, 400, TimeSpan.Zero);
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.Equal(7, line.Split(' ').Length);
        });
    }
}
