using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

// The workload of workload.py (N VPCs, each with 2 subnets, a route table and a security group with one
// ingress rule; then per VPC filtered describes of subnets, route tables, security groups by vpc-id and VPCs by
// tag), as raw EC2 Query requests from C concurrent HttpClient workers. A SigV4-shaped Authorization header
// names the account, Region and service (moto needs it to route); signatures are not checked by either server.
//
//   dotnet VpcLab.EndToEndBench.dll --endpoint http://127.0.0.1:4566 --label vpclab [--vpcs 200] [--concurrency 8]

var options = Options.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseCookies = false })
{
    BaseAddress = new Uri(options.Endpoint),
    Timeout = TimeSpan.FromSeconds(120),
};
var authorization = $"AWS4-HMAC-SHA256 Credential={options.Account}/{DateTime.UtcNow:yyyyMMdd}/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";

await CallAsync("Action=DescribeAvailabilityZones"); // warm-up
var vpcs = new string[options.Vpcs];
var createSeconds = await PhaseAsync(async i =>
{
    var n = (i % 250).ToString(CultureInfo.InvariantCulture);
    var vpc = Element(await CallAsync($"Action=CreateVpc&CidrBlock=10.{n}.0.0%2F16&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=bench-{i}&TagSpecification.1.Tag.2.Key=bench&TagSpecification.1.Tag.2.Value=api"), "vpcId");
    await CallAsync($"Action=CreateSubnet&VpcId={vpc}&CidrBlock=10.{n}.1.0%2F24&AvailabilityZone=us-east-1a");
    await CallAsync($"Action=CreateSubnet&VpcId={vpc}&CidrBlock=10.{n}.2.0%2F24&AvailabilityZone=us-east-1b");
    await CallAsync($"Action=CreateRouteTable&VpcId={vpc}");
    var group = Element(await CallAsync($"Action=CreateSecurityGroup&VpcId={vpc}&GroupName=web-{i}&GroupDescription=bench"), "groupId");
    await CallAsync($"Action=AuthorizeSecurityGroupIngress&GroupId={group}&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=443&IpPermissions.1.ToPort=443&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0%2F0");
    vpcs[i] = vpc;
});
var describeSeconds = await PhaseAsync(async i =>
{
    var byVpc = $"Filter.1.Name=vpc-id&Filter.1.Value.1={vpcs[i]}";
    Expect(await CallAsync("Action=DescribeSubnets&" + byVpc), "subnetId", 2, distinct: true);
    Expect(await CallAsync("Action=DescribeRouteTables&" + byVpc), "routeTableId", 2, distinct: true);
    Expect(await CallAsync("Action=DescribeSecurityGroups&" + byVpc), "groupId", 2, distinct: true);
    Expect(await CallAsync($"Action=DescribeVpcs&Filter.1.Name=tag%3AName&Filter.1.Value.1=bench-{i}"), "vpcId", 1, distinct: true);
});

int creates = 6 * options.Vpcs, describes = 4 * options.Vpcs;
Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
{
    ["label"] = options.Label,
    ["client"] = $"HttpClient x{options.Concurrency}",
    ["vpcs"] = options.Vpcs,
    ["create_requests"] = creates,
    ["create_s"] = Math.Round(createSeconds, 3),
    ["create_rps"] = Math.Round(creates / createSeconds, 1),
    ["describe_requests"] = describes,
    ["describe_s"] = Math.Round(describeSeconds, 3),
    ["describe_rps"] = Math.Round(describes / describeSeconds, 1),
    ["total_s"] = Math.Round(createSeconds + describeSeconds, 3),
    ["total_rps"] = Math.Round((creates + describes) / (createSeconds + describeSeconds), 1),
}));
return 0;

async Task<double> PhaseAsync(Func<int, Task> perVpc)
{
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
    {
        for (var i = worker; i < options.Vpcs; i += options.Concurrency)
            await perVpc(i);
    })));
    return clock.Elapsed.TotalSeconds;
}

async Task<string> CallAsync(string form)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/")
    {
        Content = new StringContent(form + "&Version=2016-11-15", Encoding.UTF8, "application/x-www-form-urlencoded"),
    };
    request.Headers.TryAddWithoutValidation("Authorization", authorization);
    request.Headers.TryAddWithoutValidation("X-Amz-Date", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
    using var response = await http.SendAsync(request);
    var body = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != HttpStatusCode.OK)
        throw new InvalidOperationException($"{form}: HTTP {(int)response.StatusCode} {body}");
    return body;
}

static string Element(string xml, string name) =>
    Regex.Match(xml, $"<{name}>([^<]*)</{name}>") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no <{name}> in {xml}");

static void Expect(string xml, string name, int count, bool distinct = false)
{
    var values = Regex.Matches(xml, $"<{name}>([^<]*)</{name}>").Select(m => m.Groups[1].Value);
    var found = distinct ? values.Distinct().Count() : values.Count();
    if (found != count)
        throw new InvalidOperationException($"expected {count} <{name}>, found {found}: {xml}");
}

internal sealed record Options(string Endpoint, string Label, int Vpcs, int Concurrency, string Account)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string? fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        }
        return new Options(Get("--endpoint", null), Get("--label", null), int.Parse(Get("--vpcs", "200"), CultureInfo.InvariantCulture),
            int.Parse(Get("--concurrency", "8"), CultureInfo.InvariantCulture), Get("--account", "111111111111"));
    }
}
