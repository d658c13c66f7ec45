using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VpcLab.Model;
using VpcLab.Server.Hosting;

namespace VpcLab.Cli.Tests;

/// <summary>One traffic service behind both edges: <c>vpclab traffic</c> on scenarios/ping-flow-logs.yaml and
/// <c>POST /_vpclab/traffic</c> with the same workloads on a real server (random loopback port) holding the same world,
/// built as a user would through its EC2 API (the server cannot load a scenario file), give the same summary and the same
/// flow-log records. The two worlds differ only in their ids, which are masked before comparing.</summary>
public sealed partial class TrafficEdgesTests : IAsyncLifetime
{
    private const string Account = "123456789010";
    private readonly string _out = Directory.CreateTempSubdirectory("vpclab-edges-").FullName;
    private VpcLabServer _server = null!;
    private readonly HttpClient _http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions
        {
            Port = 0, DataDirectory = null, DefaultVpcs = false, DefaultAccount = new AccountId(Account),
        }, Ct);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task TrafficRun_PingScenarioFromCliAndServer_SameSummaryAndRecords()
    {
        await BuildPingWorldAsync();
        // Both runs start on a minute boundary, one minute into the hour, so the records fall into the same windows
        // whatever the wall clock says; the server's clock may move ahead, never back. host is an instance (Nitro): its
        // windows are 60 s although host-log asks for 600 (docs/semantics.md#flow-log-windows), so the four pings over
        // 115 s give three records per direction.
        var now = _server.State.Clock.GetUtcNow();
        var start = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero).AddHours(1).AddMinutes(1);
        _server.State.Clock.Set(start);
        var scenario = await File.ReadAllTextAsync(ScenarioFiles.Resolve("ping-flow-logs"), Ct);
        var workloads = scenario[scenario.IndexOf("\nworkloads:", StringComparison.Ordinal)..];

        using var response = await _http.PostAsync(new Uri(_server.Url, "/_vpclab/traffic"), new StringContent(
            JsonSerializer.Serialize(new { workloads, duration = "5m" }), Encoding.UTF8, "application/json"), Ct);
        var served = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(response.StatusCode == HttpStatusCode.OK, served.ToString());

        var run = CliRun.Of("traffic", "-s", "ping-flow-logs", "--duration", "5m", "--out", _out,
            "--start", start.ToString("o", CultureInfo.InvariantCulture), "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        var printed = JsonDocument.Parse(run.Out).RootElement;

        // One summary shape: the CLI adds only the directory it wrote into.
        Assert.Equal(Keys(served).Append("output").Order(StringComparer.Ordinal), Keys(printed).Order(StringComparer.Ordinal));
        foreach (var key in new[] { "start", "end", "connections", "established", "failed", "skipped", "records" })
            Assert.Equal(served.GetProperty(key).ToString(), printed.GetProperty(key).ToString());
        Assert.Equal(6, printed.GetProperty("records").GetInt64());
        var (servedLog, printedLog) = (Assert.Single(served.GetProperty("flowLogs").EnumerateArray()), Assert.Single(printed.GetProperty("flowLogs").EnumerateArray()));
        Assert.Equal(Keys(servedLog), Keys(printedLog));
        Assert.Equal(("host-log", 6), (servedLog.GetProperty("name").GetString(), servedLog.GetProperty("records").GetInt32()));
        Assert.Equal(("host-log", 6), (printedLog.GetProperty("name").GetString(), printedLog.GetProperty("records").GetInt32()));

        var fromServer = Delivered(Path.Combine(_server.AwsServices.S3Root, "ping-flow-logs"));
        var fromCli = Delivered(Path.Combine(_out, "s3", "ping-flow-logs"));
        Assert.Equal(6, fromCli.Count(l => l.EndsWith(" OK", StringComparison.Ordinal))); // the echo requests and replies, per minute
        Assert.Equal(fromCli, fromServer);
    }

    private static string[] Keys(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];

    /// <summary>Every delivered file under a bucket: its key, then its lines, with the ids of the world masked.</summary>
    private static List<string> Delivered(string bucket)
    {
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(bucket, "*.log.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            lines.Add(HashSuffix().Replace(Ids().Replace(Path.GetRelativePath(bucket, file).Replace('\\', '/'), "$1-*"), "_*.log.gz"));
            using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
            while (reader.ReadLine() is { } line)
                lines.Add(Ids().Replace(line, "$1-*"));
        }
        return lines;
    }

    [GeneratedRegex(@"(?<![0-9a-z])(eni|i|vpc|subnet|fl)-[0-9a-f]{8,17}(?![0-9a-f])")]
    private static partial Regex Ids();

    [GeneratedRegex(@"_[0-9a-f]{8}\.log\.gz$")]
    private static partial Regex HashSuffix();

    /// <summary>scenarios/ping-flow-logs.yaml through the EC2 Query API and S3, in the order a user would call them.</summary>
    private async Task BuildPingWorldAsync()
    {
        await PutBucketAsync("ping-flow-logs");
        var vpc = Id(await Ec2("CreateVpc", ("CidrBlock", "172.31.0.0/16")), "vpcId");
        var igw = Id(await Ec2("CreateInternetGateway"), "internetGatewayId");
        await Ec2("AttachInternetGateway", ("InternetGatewayId", igw), ("VpcId", vpc));
        var subnet = Id(await Ec2("CreateSubnet", ("VpcId", vpc), ("CidrBlock", "172.31.16.0/20"), ("AvailabilityZone", "us-east-1a")), "subnetId");
        await Ec2("ModifySubnetAttribute", ("SubnetId", subnet), ("MapPublicIpOnLaunch.Value", "true"));
        var table = Id(await Ec2("CreateRouteTable", ("VpcId", vpc)), "routeTableId");
        await Ec2("CreateRoute", ("RouteTableId", table), ("DestinationCidrBlock", "0.0.0.0/0"), ("GatewayId", igw));
        await Ec2("AssociateRouteTable", ("RouteTableId", table), ("SubnetId", subnet));
        var group = Id(await Ec2("CreateSecurityGroup", ("VpcId", vpc), ("GroupName", "ping-sg"), ("GroupDescription", "ICMP in from anywhere; no outbound rules")), "groupId");
        await Ec2("AuthorizeSecurityGroupIngress", ("GroupId", group), ("IpPermissions.1.IpProtocol", "icmp"), ("IpPermissions.1.FromPort", "-1"),
            ("IpPermissions.1.ToPort", "-1"), ("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"));
        await Ec2("RevokeSecurityGroupEgress", ("GroupId", group), ("IpPermissions.1.IpProtocol", "-1"), ("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"));
        var acl = Id(await Ec2("CreateNetworkAcl", ("VpcId", vpc)), "networkAclId");
        await Ec2("CreateNetworkAclEntry", ("NetworkAclId", acl), ("RuleNumber", "100"), ("Protocol", "1"), ("RuleAction", "allow"),
            ("Egress", "false"), ("CidrBlock", "0.0.0.0/0"), ("Icmp.Type", "-1"), ("Icmp.Code", "-1"));
        var acls = await Ec2("DescribeNetworkAcls", ("Filter.1.Name", "association.subnet-id"), ("Filter.1.Value.1", subnet));
        var association = acls.Descendants().Where(e => e.Name.LocalName == "item" && e.Elements().Any(c => c.Name.LocalName == "subnetId" && c.Value == subnet))
            .Select(e => e.Elements().First(c => c.Name.LocalName == "networkAclAssociationId").Value).First();
        await Ec2("ReplaceNetworkAclAssociation", ("AssociationId", association), ("NetworkAclId", acl));
        var instance = await Ec2("RunInstances", ("ImageId", "ami-0fc50b841d13a3d05"), ("InstanceType", "t3.micro"), ("MinCount", "1"), ("MaxCount", "1"),
            ("SubnetId", subnet), ("SecurityGroupId.1", group), ("PrivateIpAddress", "172.31.16.139"),
            ("TagSpecification.1.ResourceType", "instance"), ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "host"));
        await Ec2("CreateFlowLogs", ("ResourceId.1", Id(instance, "networkInterfaceId")), ("ResourceType", "NetworkInterface"), ("TrafficType", "ALL"),
            ("LogDestinationType", "s3"), ("LogDestination", "arn:aws:s3:::ping-flow-logs"),
            ("TagSpecification.1.ResourceType", "vpc-flow-log"), ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "host-log"));
    }

    private static string Id(XDocument response, string element) => response.Descendants().First(e => e.Name.LocalName == element).Value;

    private async Task<XDocument> Ec2(string action, params (string Key, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2016-11-15") };
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(_server.Url, content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {text}");
        return XDocument.Parse(text);
    }

    /// <summary>S3's CreateBucket, path style; the server reads the SigV4 scope for the account and does not check signatures.</summary>
    private async Task PutBucketAsync(string bucket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_server.Url, "/" + bucket));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={Account}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256, Signature=00");
        request.Headers.Add("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        using var response = await _http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
