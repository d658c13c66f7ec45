using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VpcLab.Server.Hosting;

namespace VpcLab.Cli.Tests.Serve;

/// <summary>Thousands of malformed HTTP requests against a real in-process server (Kestrel on 127.0.0.1, port 0,
/// in memory): unknown actions, missing parameters, bad CIDRs, wrong types, huge values and bodies, bad
/// percent-encoding, binary junk, XML and JSON bodies, wrong content types, odd GET query strings, random
/// headers, very long parameter names. AWS answers each with a 4xx and its XML error envelope
/// (<c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;</c>); so must we: never a 5xx, never HTML, never a
/// hang, and the world unchanged afterwards.</summary>
public partial class EndpointFuzzTests
{
    private const int Requests = 3000;
    private const int Workers = 4;
    private const string Version = "Version=2016-11-15";
    private static readonly TimeSpan PerRequestLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task MalformedRequests_AlwaysA4xxXmlError_StateUnchanged()
    {
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = server.Url,
            Timeout = Timeout.InfiniteTimeSpan, // each request has its own bounded token
        };

        var world = await SeedAsync(http);
        var before = await SnapshotAsync(http);

        var random = new Random(20261123);
        var cases = Enumerable.Range(0, Requests).Select(_ => FuzzCase.Generate(random, world)).ToList();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < cases.Count)
            {
                var (problem, elapsed) = await SendAndCheckAsync(http, cases[i]);
                lock (failures)
                {
                    if (elapsed > slowest)
                        slowest = elapsed;
                    if (problem is not null && failures.Count < 25)
                        failures.Add($"#{i} {cases[i]}: {problem}");
                }
            }
        }, TestContext.Current.CancellationToken)));

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases.Count} malformed requests were answered wrongly (first 25):\n" + string.Join("\n", failures));
        Assert.True(slowest < PerRequestLimit, $"slowest answer took {slowest}");

        var after = await SnapshotAsync(http);
        Assert.Equal(before, after);
        using var health = await http.GetAsync(new Uri("/_vpclab/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        TestContext.Current.SendDiagnosticMessage($"{cases.Count} malformed requests in {total.Elapsed.TotalSeconds:F1} s, slowest {slowest.TotalMilliseconds:F0} ms");
    }

    // Kestrel itself answers requests it will not parse as HTTP (request line > 64 KB: 414, header block > 64 KB:
    // 431, a NUL in the path: 400) before any endpoint runs, with no body; a 4xx all the same, and the server
    // stays up.
    [Theory]
    [InlineData("line")]
    [InlineData("headers")]
    [InlineData("nul-path")]
    public async Task BeyondHttpLimits_Answers4xx_ServerStaysUp(string what)
    {
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = PerRequestLimit };
        using var request = what switch
        {
            "line" => new HttpRequestMessage(HttpMethod.Get, "/?Action=DescribeVpcs&" + new string('n', 100_000) + "=1"),
            "nul-path" => new HttpRequestMessage(HttpMethod.Post, "/%00") { Content = new StringContent("Action=DescribeVpcs&" + Version) },
            _ => new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("Action=DescribeVpcs&" + Version) },
        };
        if (what == "headers")
            request.Headers.TryAddWithoutValidation("X-Long", new string('h', 100_000));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.InRange((int)response.StatusCode, 400, 499);
        using var health = await http.GetAsync(new Uri("/_vpclab/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<(string? Problem, TimeSpan Elapsed)> SendAndCheckAsync(HttpClient http, FuzzCase c)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(PerRequestLimit);
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = c.ToRequest(http.BaseAddress!);
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return (Check(c, response, body), clock.Elapsed);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return ($"no answer within {PerRequestLimit.TotalSeconds} s", clock.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return ($"connection failed: {e.Message} {e.InnerException?.Message} {e.InnerException?.InnerException?.Message}", clock.Elapsed);
        }
    }

    private static string? Check(FuzzCase c, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status is < 400 or > 499)
            return $"HTTP {status}: {Shorten(body)}";
        if (c.Method == HttpMethod.Head)
            return null; // no body by definition
        if (body.Contains("<html", StringComparison.OrdinalIgnoreCase))
            return $"HTML answer: {Shorten(body)}";
        if (response.Content.Headers.ContentType?.MediaType is not { } media || !media.Contains("xml", StringComparison.Ordinal))
            return $"content type {response.Content.Headers.ContentType}: {Shorten(body)}";
        XElement root;
        try
        {
            root = XDocument.Parse(body).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            return $"not XML ({e.Message}): {Shorten(body)}";
        }
        var code = root.Name.LocalName == "Response" ? root.Element("Errors")?.Element("Error")?.Element("Code")?.Value : null;
        if (string.IsNullOrEmpty(code) || root.Element("RequestID") is null)
            return $"not AWS's error envelope: {Shorten(body)}";
        if (c.ExpectedCode is { } expected && code != expected)
            return $"code {code}, expected {expected}: {Shorten(body)}";
        return null;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>A VPC with a subnet, a route table, a security group, a network ACL and an internet gateway, so
    /// malformed requests can name real resources.</summary>
    private static async Task<World> SeedAsync(HttpClient http)
    {
        var vpc = await CallAsync(http, "vpcId", "Action=CreateVpc&CidrBlock=10.8.0.0%2F16&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=fuzz");
        var subnet = await CallAsync(http, "subnetId", $"Action=CreateSubnet&VpcId={vpc}&CidrBlock=10.8.1.0%2F24");
        var routeTable = await CallAsync(http, "routeTableId", $"Action=CreateRouteTable&VpcId={vpc}");
        var group = await CallAsync(http, "groupId", $"Action=CreateSecurityGroup&VpcId={vpc}&GroupName=fuzz&GroupDescription=fuzz");
        var acl = await CallAsync(http, "networkAclId", $"Action=CreateNetworkAcl&VpcId={vpc}");
        var gateway = await CallAsync(http, "internetGatewayId", "Action=CreateInternetGateway");
        await CallAsync(http, "return", $"Action=AttachInternetGateway&VpcId={vpc}&InternetGatewayId={gateway}");
        return new World(vpc, subnet, routeTable, group, acl, gateway);
    }

    private static async Task<string> CallAsync(HttpClient http, string element, string form)
    {
        using var content = new StringContent(form + "&" + Version, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync(new Uri("/", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{form}: {body}");
        return XDocument.Parse(body).Descendants().First(e => e.Name.LocalName == element).Value;
    }

    /// <summary>Everything the default account can see, request ids removed.</summary>
    private static async Task<string> SnapshotAsync(HttpClient http)
    {
        var text = new StringBuilder();
        foreach (var action in new[] { "DescribeVpcs", "DescribeSubnets", "DescribeRouteTables", "DescribeSecurityGroups",
                     "DescribeSecurityGroupRules", "DescribeNetworkAcls", "DescribeInternetGateways", "DescribeTags",
                     "DescribeNetworkInterfaces", "DescribeAddresses" })
        {
            using var content = new StringContent($"Action={action}&{Version}", Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await http.PostAsync(new Uri("/", UriKind.Relative), content, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{action}: {body}");
            text.AppendLine(RequestId().Replace(body, ""));
        }
        return text.ToString();
    }

    [GeneratedRegex("<requestId>[^<]*</requestId>")]
    private static partial Regex RequestId();

    private sealed record World(string Vpc, string Subnet, string RouteTable, string Group, string Acl, string Gateway);

    /// <summary>One malformed request. <see cref="ExpectedCode"/> is AWS's code where the kind of mistake fixes it,
    /// else null (any 4xx with the envelope).</summary>
    private sealed record FuzzCase(string Kind, HttpMethod Method, string PathAndQuery, byte[]? Body, string? ContentType,
        IReadOnlyList<(string Name, string Value)> Headers, string? ExpectedCode)
    {
        public HttpRequestMessage ToRequest(Uri server)
        {
            // Absolute, so that a path like "//" is not read as a network-path reference.
            var request = new HttpRequestMessage(Method, new Uri(server.GetLeftPart(UriPartial.Authority) + PathAndQuery));
            // As clients upload large bodies: the server may refuse one (413) before it is sent.
            request.Headers.ExpectContinue = Body is { Length: > 64 * 1024 };
            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Body);
                if (ContentType is not null)
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
            foreach (var (name, value) in Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value))
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
            return request;
        }

        public override string ToString()
        {
            var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160));
            var path = PathAndQuery.Length <= 160 ? PathAndQuery : PathAndQuery[..160] + "…";
            return $"[{Kind}] {Method} {path} ({Body?.Length ?? 0} bytes, {ContentType}, {Headers.Count} extra headers) {body}";
        }

        public static FuzzCase Generate(Random random, World world)
        {
            var kind = random.Next(14);
            var (name, form, expected) = kind switch
            {
                0 => UnknownAction(random),
                1 => MissingParameter(random, world),
                2 => BadCidr(random, world),
                3 => WrongType(random, world),
                4 => HugeValue(random, world),
                5 => HugeBody(random),
                6 => BadPercentEncoding(random),
                7 => ("binary-junk", RandomBytes(random, random.Next(1, 4096)), (string?)null),
                8 => XmlOrJson(random),
                9 => LongParameterName(random),
                10 => DuplicatesAndSeparators(random),
                _ => OddQuery(random, world),
            };
            var headers = RandomHeaders(random);
            var contentType = Pick(random, ContentTypes);
            if (name.StartsWith("get:", StringComparison.Ordinal))
                return new FuzzCase(name, HttpMethod.Get, "/?" + Encoding.UTF8.GetString(form), null, null, headers, expected);
            var method = random.Next(20) switch
            {
                0 => HttpMethod.Put,
                1 => HttpMethod.Delete,
                2 => HttpMethod.Patch,
                3 => HttpMethod.Options,
                4 => HttpMethod.Head,
                _ => HttpMethod.Post,
            };
            var path = random.Next(15) == 0 ? Pick(random, OddPaths) : "/";
            if (method != HttpMethod.Post || path != "/")
                expected = null; // the fallback answers InvalidAction for any other method or path
            if (headers.Any(h => h.Item1 == "Authorization"))
                expected = null; // e.g. a request signed for STS gets STS's error, or an unknown Region's
            return new FuzzCase(name, method, path, form, contentType, headers, expected);
        }

        private static (string, byte[], string?) Form(string kind, string form, string? expected) =>
            (kind, Encoding.UTF8.GetBytes(form), expected);

        private static (string, byte[], string?) UnknownAction(Random random)
        {
            var action = random.Next(3) switch
            {
                0 => Pick(random, ["DescribeVpc", "describevpcs", "DESCRIBEVPCS", "CreateVPC", "DescribeImagez", "PutObject",
                    "GetCallerIdentities", "DescribeVpcsX", "Describe.Vpcs", "DescribeVpcs1"]),
                1 => RandomWord(random, random.Next(1, 40)),
                _ => "Describe" + RandomWord(random, random.Next(1, 12)),
            };
            return Form("unknown-action", $"Action={action}&{Version}", "InvalidAction");
        }

        private static (string, byte[], string?) MissingParameter(Random random, World w)
        {
            var form = Pick(random, [
                $"Action=CreateSubnet&CidrBlock=10.8.9.0%2F24",
                "Action=DeleteVpc",
                "Action=DeleteSubnet",
                "Action=CreateRouteTable",
                "Action=DeleteRouteTable",
                $"Action=CreateSecurityGroup&VpcId={w.Vpc}&GroupName=nodescription",
                $"Action=AttachInternetGateway&InternetGatewayId={w.Gateway}",
                $"Action=CreateNetworkAclEntry&NetworkAclId={w.Acl}",
                $"Action=CreateTags&ResourceId.1={w.Vpc}",
                "Action=CreateNetworkAcl",
                $"Action=AssociateRouteTable&SubnetId={w.Subnet}",
            ]);
            return Form("missing-parameter", $"{form}&{Version}", "MissingParameter");
        }

        private static readonly string[] BadCidrs =
        [
            "10.0.0.0%2F33", "10.0.0.0%2F-1", "256.0.0.0%2F16", "10.0.0%2F16", "10.0.0.0.0%2F16", "abc", "%2F16", "10.0.0.0%2F",
            "10.0.0.0%2F%2F16", "1e1.0.0.0%2F16", "10.0.0.0%2F16%2F16", "%EF%BC%90.0.0.0%2F16", "10.0.0.0%2F1a",
            "%3A%3A%3A%3A%2F64", "10.0.0.0%2F99999999999999999999", "10.8.1.0%2F24%00", "-10.8.0.0%2F16", "0x0A.8.0.0%2F16",
        ];

        private static (string, byte[], string?) BadCidr(Random random, World w)
        {
            var cidr = random.Next(4) == 0 ? RandomDigitsAndDots(random) : Pick(random, BadCidrs);
            var form = random.Next(5) switch
            {
                0 => $"Action=CreateVpc&CidrBlock={cidr}",
                1 => $"Action=CreateSubnet&VpcId={w.Vpc}&CidrBlock={cidr}",
                2 => $"Action=CreateRoute&RouteTableId={w.RouteTable}&DestinationCidrBlock={cidr}&GatewayId={w.Gateway}",
                3 => $"Action=AuthorizeSecurityGroupIngress&GroupId={w.Group}&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=80&IpPermissions.1.ToPort=80&IpPermissions.1.IpRanges.1.CidrIp={cidr}",
                _ => $"Action=CreateNetworkAclEntry&NetworkAclId={w.Acl}&RuleNumber=100&Protocol=-1&RuleAction=allow&Egress=false&CidrBlock={cidr}",
            };
            return Form("bad-cidr", $"{form}&{Version}", null);
        }

        private static (string, byte[], string?) WrongType(Random random, World w)
        {
            var notInt = Pick(random, ["abc", "1.5", "true", "0x10", "1e3", "%205", "5%20", "--5", "+-1", "five", "%E2%91%A4"]);
            var notBool = Pick(random, ["maybe", "yes", "2", "tru", "on", "%00", "-1", "falsey"]);
            var form = random.Next(7) switch
            {
                0 => $"Action=DescribeVpcs&MaxResults={notInt}",
                1 => $"Action=DescribeVpcs&DryRun={notBool}",
                2 => $"Action=CreateNetworkAclEntry&NetworkAclId={w.Acl}&RuleNumber={notInt}&Protocol=-1&RuleAction=allow&Egress=false&CidrBlock=0.0.0.0%2F0",
                3 => $"Action=CreateNetworkAclEntry&NetworkAclId={w.Acl}&RuleNumber=101&Protocol=-1&RuleAction=allow&Egress={notBool}&CidrBlock=0.0.0.0%2F0",
                4 => $"Action=AuthorizeSecurityGroupIngress&GroupId={w.Group}&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort={notInt}&IpPermissions.1.ToPort=80&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8",
                5 => $"Action=ModifyVpcAttribute&VpcId={w.Vpc}&EnableDnsHostnames.Value={notBool}",
                _ => $"Action=RunInstances&ImageId=ami-0fc50b841d13a3d05&MinCount={notInt}&MaxCount=1&SubnetId={w.Subnet}",
            };
            return Form("wrong-type", $"{form}&{Version}", null);
        }

        private static (string, byte[], string?) HugeValue(Random random, World w)
        {
            var huge = Pick(random, ["2147483648", "99999999999999999999999999", "-2147483649", "1" + new string('0', 400)]);
            var longText = new string((char)('a' + random.Next(26)), random.Next(300, 60_000));
            var form = random.Next(7) switch
            {
                0 => $"Action=DescribeVpcs&MaxResults={huge}",
                1 => $"Action=CreateNetworkAclEntry&NetworkAclId={w.Acl}&RuleNumber={Pick(random, [huge, "32767", "0"])}&Protocol=-1&RuleAction=allow&Egress=false&CidrBlock=0.0.0.0%2F0",
                2 => $"Action=AuthorizeSecurityGroupIngress&GroupId={w.Group}&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=1&IpPermissions.1.ToPort={Pick(random, [huge, "65536", "70000"])}&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8",
                3 => $"Action=CreateTags&ResourceId.1={w.Vpc}&Tag.1.Key=Name&Tag.1.Value={longText}",
                4 => $"Action=CreateTags&ResourceId.1={w.Vpc}&Tag.1.Key={longText}&Tag.1.Value=v",
                5 => $"Action=CreateSecurityGroup&VpcId={w.Vpc}&GroupName={longText}&GroupDescription=d",
                _ => $"Action=DescribeVpcs&VpcId.{huge}=vpc-0123456789abcdef0",
            };
            return Form("huge-value", $"{form}&{Version}", null);
        }

        private static (string, byte[], string?) HugeBody(Random random)
        {
            var over = random.Next(4) == 0; // beyond the 1 MiB limit: RequestEntityTooLarge
            var size = over ? random.Next((1 << 20) + 1, 3 << 20) : random.Next(64 << 10, (1 << 20) - 4096);
            var body = new StringBuilder($"Action=DescribeVpcs&{Version}", size + 64);
            for (var i = 1; body.Length < size; i++)
                body.Append("&VpcId.").Append(i).Append("=vpc-").Append(i.ToString("x17", System.Globalization.CultureInfo.InvariantCulture));
            return Form(over ? "huge-body-over-limit" : "huge-body", body.ToString(), over ? "RequestEntityTooLarge" : null);
        }

        private static (string, byte[], string?) BadPercentEncoding(Random random)
        {
            var form = Pick(random, [
                "Action=%ZZ", "Action=%", "Action=Describe%", "%=%", "Action=DescribeVpcs%00", "Action=%E9%FF",
                "Action=%C0%AFDescribeVpcs", "Action=%%44escribeVpcs", "Action=Describe%2", "Act%69on=%", "%41ction=%FFDescribeVpcs",
            ]);
            var expected = form.Contains("%ZZ", StringComparison.Ordinal) || form.Contains("%00", StringComparison.Ordinal) ? "InvalidAction" : null;
            return Form("bad-percent-encoding", $"{form}&{Version}", expected);
        }

        private static (string, byte[], string?) XmlOrJson(Random random)
        {
            var body = Pick(random, [
                "<?xml version=\"1.0\"?><DescribeVpcs xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><VpcId>vpc-1</VpcId></DescribeVpcs>",
                "<DescribeVpcs><unclosed>",
                "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>",
                "{\"Action\":\"DescribeVpcs\",\"Version\":\"2016-11-15\"}",
                "{\"Action\": \"CreateVpc\", \"CidrBlock\": \"10.0.0.0/16\"",
                "[1,2,3]", "null", "{}", "\"Action=DescribeVpcs\"",
            ]);
            return Form("xml-or-json", body, "MissingAction");
        }

        private static (string, byte[], string?) LongParameterName(Random random)
        {
            var name = RandomWord(random, random.Next(1_000, 500_000));
            return Form("long-parameter-name", $"Action=DescribeVpcs&{Version}&{name}=1", "UnknownParameter");
        }

        private static (string, byte[], string?) DuplicatesAndSeparators(Random random)
        {
            var form = Pick(random, [
                "Action=DescribeVpcs&Action=CreateVpc&CidrBlock=10.77.0.0%2F16",
                "Action=CreateVpc&CidrBlock=10.77.0.0%2F16&CidrBlock=10.78.0.0%2F16&DryRun=maybe",
                "Action=DescribeVpcs;MaxResults=5",
                "Action=DescribeVpcs&&&&=&=&MaxResults==5",
                "Action=DescribeVpcs&Filter.1.Name=vpc-id&Filter.1.Value.1=x&Filter.1.Value.1=y&Filter.0.Name=z",
                "Action=DescribeVpcs&Filter..Name=vpc-id",
                "Action=DescribeVpcs&VpcId.-1=vpc-1",
                "Action=DescribeVpcs&VpcId.1.1=vpc-1",
            ]);
            return Form("duplicates-separators", $"{form}&{Version}", null);
        }

        private static (string, byte[], string?) OddQuery(Random random, World w)
        {
            var query = Pick(random, [
                "Action", "Action=&" + Version, "&&&", ";;;", "=", "Action=DescribeVpcs&" + Version + "&MaxResults=abc",
                "Action=DescribeVpcs&" + Version + "&VpcId.1=vpc-%ZZ", "Action=CreateVpc&" + Version + "&CidrBlock=bad",
                "Action=DescribeVpcs&" + Version + "&a[]=1", "Action=DescribeVpcs&" + Version + "&MaxResults=-5",
                "Action=%E9", "Action=DescribeVpcs", $"Action=DeleteVpc&{Version}&VpcId={w.Vpc}&DryRun=maybe",
                "Action=DescribeVpcs&" + Version + "&" + RandomWord(random, random.Next(100, 40_000)) + "=1",
                "X-Amz-Credential=junk&Action=DescribeVpcs&" + Version + "&Junk=1",
            ]);
            return ("get:odd-query", Encoding.UTF8.GetBytes(query), null);
        }

        private static readonly string?[] ContentTypes =
        [
            "application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded", null, "application/json",
            "application/x-amz-json-1.1", "text/xml", "text/plain", "multipart/form-data; boundary=xyz", "application/octet-stream",
            "application/x-www-form-urlencoded; charset=latin1", "garbage", "",
        ];

        private static readonly string[] OddPaths = ["/foo", "//", "/%2e%2e/", "/index.html", "/?", "/_vpclab", "/ec2/"];

        private static List<(string, string)> RandomHeaders(Random random)
        {
            var headers = new List<(string, string)>();
            for (var n = random.Next(4); n > 0; n--)
            {
                headers.Add(random.Next(9) switch
                {
                    0 => ("Authorization", RandomPrintable(random, random.Next(0, 300))),
                    1 => ("Authorization", $"AWS4-HMAC-SHA256 Credential={Pick(random, ["111111111111", "AKIDEXAMPLE", "", "a/b"])}/20261123/{Pick(random, ["us-east-1", "xx-fake-9", "", "..", "us-east-1/extra"])}/{Pick(random, ["ec2", "sts", "s3", ""])}/aws4_request, SignedHeaders=host, Signature={RandomPrintable(random, 8)}"),
                    2 => ("X-Amz-Date", RandomPrintable(random, random.Next(0, 40))),
                    3 => ("X-Amz-Security-Token", RandomPrintable(random, random.Next(0, 2000))),
                    4 => ("Content-Encoding", Pick(random, ["gzip", "br", "deflate", "aws-chunked", "identity", "x"])),
                    5 => ("Accept", Pick(random, ["text/html", "application/json", "*/*", "", "image/png"])),
                    6 => ("X-Amz-Target", Pick(random, ["AmazonEC2.DescribeVpcs", "Logs_20140328.CreateLogGroup", "x"])),
                    7 => ("X-Fuzz-" + RandomWord(random, random.Next(1, 30)), RandomPrintable(random, random.Next(0, 4000))),
                    _ => ("User-Agent", RandomPrintable(random, random.Next(0, 1000))),
                });
            }
            return headers;
        }

        private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

        private static string RandomWord(Random random, int length)
        {
            const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
            return string.Create(length, random, (span, r) =>
            {
                for (var i = 0; i < span.Length; i++)
                    span[i] = alphabet[r.Next(alphabet.Length)];
            });
        }

        // Header values as HTTP/1.1 carries them: printable ASCII (Kestrel rejects control bytes itself).
        private static string RandomPrintable(Random random, int length) =>
            string.Create(length, random, (span, r) =>
            {
                for (var i = 0; i < span.Length; i++)
                    span[i] = (char)r.Next(0x20, 0x7F);
            }).Trim();

        private static string RandomDigitsAndDots(Random random)
        {
            var length = random.Next(1, 30);
            return string.Create(length, random, (span, r) =>
            {
                const string alphabet = "0123456789./";
                for (var i = 0; i < span.Length; i++)
                    span[i] = alphabet[r.Next(alphabet.Length)];
            }).Replace("/", "%2F", StringComparison.Ordinal) + "%2F" + random.Next(33, 200);
        }

        private static byte[] RandomBytes(Random random, int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
    }
}
