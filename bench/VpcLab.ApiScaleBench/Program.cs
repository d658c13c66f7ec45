using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

// Builds the world bench/api-scale.sh measures, through the HTTP API: N VPCs (10.a.b.0/24, tags Name=vpc-i and
// team=t(i mod 10)), in each a subnet over the whole block (tag Name=subnet-i) and K network interfaces; AWS adds to
// each VPC its main route table, default network ACL and default security group. C concurrent HttpClient workers,
// each request answered only once durable (when the server has --data). Prints one JSON line: the build time and
// the ids of the middle VPC (i = N/2) and its subnet, group and first interface, which the describes filter by.
//
//   dotnet VpcLab.ApiScaleBench.dll --endpoint http://127.0.0.1:4566 --vpcs 1000 [--enis-per-vpc 1] [--concurrency 16]
//   dotnet VpcLab.ApiScaleBench.dll --probes '<that JSON line>'   # the measured requests, a "label|form" line each
//   dotnet VpcLab.ApiScaleBench.dll --in-process                  # the server's own cost per request (InProcessCost)
//   dotnet VpcLab.ApiScaleBench.dll --fsync-floor --dir D         # the disk's floor for durable writes (FsyncFloor)
//   dotnet VpcLab.ApiScaleBench.dll --deletes                     # one delete's cost at two world sizes (DeleteCost)
//   dotnet VpcLab.ApiScaleBench.dll --durable-writes              # a durable write's cost beside its fsync (DurableWrites)
//   dotnet VpcLab.ApiScaleBench.dll --scans                       # requests whose lookups scanned a whole kind (ScanCost)
//   dotnet VpcLab.ApiScaleBench.dll --log-append --dir D          # CPU per AppendBatch, vpclab.log against SQLite (LogAppendCost)
//   dotnet VpcLab.ApiScaleBench.dll --writes                      # creates and deletes at 10, 1,000, 10,000 VPCs (WriteCost)
//   dotnet VpcLab.ApiScaleBench.dll --index-cost                  # the index's share of a CreateVpc / DeleteVpc (IndexCost)

if (args.Contains("--fsync-floor"))
    return FsyncFloor.Run(args);
if (args.Contains("--log-append"))
    return LogAppendCost.Run(args);
if (args.Contains("--scans"))
    return ScanCost.Run(args);
if (args.Contains("--writes"))
    return WriteCost.Run(args);
if (args.Contains("--index-cost"))
    return IndexCost.Run(args);
if (args.Contains("--deletes"))
    return DeleteCost.Run(args);
if (args.Contains("--durable-writes"))
    return DurableWrites.Run(args);
if (args.Contains("--in-process"))
    return InProcessCost.Run(args);
if (args.Contains("--probes"))
{
    using var world = JsonDocument.Parse(args[Array.IndexOf(args, "--probes") + 1]);
    string Id(string name) => world.RootElement.GetProperty(name).GetString() ?? "";
    foreach (var (label, form) in Probes.For(new WorldIds(Id("vpc"), Id("subnet"), Id("group"), Id("eni"), Id("cidr"), Id("name"))))
        Console.WriteLine($"{label}|{form}");
    return 0;
}

var options = Options.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseCookies = false })
{
    BaseAddress = new Uri(options.Endpoint),
    Timeout = TimeSpan.FromSeconds(300),
};
var authorization = $"AWS4-HMAC-SHA256 Credential={options.Account}/{DateTime.UtcNow:yyyyMMdd}/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";

await CallAsync("Action=DescribeAvailabilityZones"); // warm-up (and the account's default VPC)
var vpcs = new string[options.Vpcs];
var subnets = new string[options.Vpcs];
var firstEnis = new string?[options.Vpcs];
long requests = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
{
    for (var i = worker; i < options.Vpcs; i += options.Concurrency)
    {
        var cidr = Uri.EscapeDataString(WorldIds.CidrOf(i));
        var team = (i % 10).ToString(CultureInfo.InvariantCulture);
        vpcs[i] = Element(await CallAsync($"Action=CreateVpc&CidrBlock={cidr}&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=vpc-{i}&TagSpecification.1.Tag.2.Key=team&TagSpecification.1.Tag.2.Value=t{team}"), "vpcId");
        subnets[i] = Element(await CallAsync($"Action=CreateSubnet&VpcId={vpcs[i]}&CidrBlock={cidr}&AvailabilityZone=us-east-1a&TagSpecification.1.ResourceType=subnet&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=subnet-{i}"), "subnetId");
        Interlocked.Add(ref requests, 2);
        for (var k = 0; k < options.EnisPerVpc; k++)
        {
            var eni = Element(await CallAsync($"Action=CreateNetworkInterface&SubnetId={subnets[i]}"), "networkInterfaceId");
            firstEnis[i] ??= eni;
            Interlocked.Increment(ref requests);
        }
    }
}))).ConfigureAwait(false);
var buildSeconds = clock.Elapsed.TotalSeconds;

var middle = options.Vpcs / 2;
var group = Element(await CallAsync($"Action=DescribeSecurityGroups&Filter.1.Name=vpc-id&Filter.1.Value.1={vpcs[middle]}"), "groupId");
Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
{
    ["vpcs"] = options.Vpcs,
    ["enis"] = options.Vpcs * options.EnisPerVpc,
    ["requests"] = requests,
    ["build_s"] = Math.Round(buildSeconds, 3),
    ["build_rps"] = Math.Round(requests / buildSeconds, 1),
    ["vpc"] = vpcs[middle],
    ["cidr"] = WorldIds.CidrOf(middle),
    ["name"] = $"vpc-{middle}",
    ["subnet"] = subnets[middle],
    ["group"] = group,
    ["eni"] = firstEnis[middle],
}));
return 0;

async Task<string> CallAsync(string form)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/")
    {
        Content = new StringContent(form + "&Version=2016-11-15", Encoding.UTF8, "application/x-www-form-urlencoded"),
    };
    request.Headers.TryAddWithoutValidation("Authorization", authorization);
    request.Headers.TryAddWithoutValidation("X-Amz-Date", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
    using var response = await http.SendAsync(request).ConfigureAwait(false);
    var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    if (response.StatusCode != HttpStatusCode.OK)
        throw new InvalidOperationException($"{form}: HTTP {(int)response.StatusCode} {body}");
    return body;
}

static string Element(string xml, string name) =>
    Regex.Match(xml, $"<{name}>([^<]*)</{name}>") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no <{name}> in {xml}");

internal sealed record Options(string Endpoint, int Vpcs, int EnisPerVpc, int Concurrency, string Account)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string? fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        }
        int Int(string name, string fallback) => int.Parse(Get(name, fallback), CultureInfo.InvariantCulture);
        return new Options(Get("--endpoint", null), Int("--vpcs", "1000"), Int("--enis-per-vpc", "1"), Int("--concurrency", "16"), Get("--account", "111111111111"));
    }
}
