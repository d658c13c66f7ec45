using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Ec2;

namespace VpcLab.Server.Tests.Insights;

/// <summary>The Reachability Analyzer actions through the dispatcher: AWS's validation errors, per-account and
/// per-Region isolation, deterministic ids. docs/semantics.md.</summary>
public sealed class NetworkInsightsTests
{
    private const string Missing17 = "0123456789abcdef0";

    private readonly Ec2Harness _h = new();
    private readonly string _vpc;
    private readonly string _subnet;
    private readonly string _web;
    private readonly string _app;
    private readonly string _eni;
    private readonly string _igw;
    private readonly string _igw2;

    public NetworkInsightsTests()
    {
        _vpc = _h.Vpc();
        _subnet = _h.Subnet(_vpc);
        _web = Launch(_h, _subnet);
        _app = Launch(_h, _subnet);
        _eni = _h.ControlPlane.Network.Instances[new VpcLab.Model.InstanceId(_web)].PrimaryNetworkInterface.Value;
        _igw = Igw(_h);
        _h.Run("AttachInternetGateway", $$"""{"InternetGatewayId":"{{_igw}}","VpcId":"{{_vpc}}"}""");
        _igw2 = Igw(_h);
    }

    internal static string Launch(Ec2Harness h, string subnet) =>
        Ec2Harness.Str(h.Ok("RunInstances", $$"""{"ImageId":"ami-12345678","InstanceType":"t3.micro","MinCount":1,"MaxCount":1,"SubnetId":"{{subnet}}"}""")
            ["Instances"]![0]!["InstanceId"]);

    internal static string Igw(Ec2Harness h) =>
        Ec2Harness.Str(h.Ok("CreateInternetGateway")["InternetGateway"]!["InternetGatewayId"]);

    private string Fill(string json) => json
        .Replace("{web}", _web, StringComparison.Ordinal).Replace("{app}", _app, StringComparison.Ordinal)
        .Replace("{eni}", _eni, StringComparison.Ordinal).Replace("{igw}", _igw, StringComparison.Ordinal)
        .Replace("{igw2}", _igw2, StringComparison.Ordinal).Replace("{missing}", Missing17, StringComparison.Ordinal);

    private static string CodeOf(Action call)
    {
        var e = Assert.ThrowsAny<Exception>(call);
        var (status, code, _) = QueryEndpoint.Describe(e);
        Assert.InRange(status, 400, 499); // an AWS client error, never an InternalError
        return code;
    }

    private string CreatePath(string json = """{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":443}""") =>
        Ec2Harness.Str(_h.Ok("CreateNetworkInsightsPath", Fill(json))["NetworkInsightsPath"]!["NetworkInsightsPathId"]);

    private JsonObject Start(string pathId) =>
        (JsonObject)_h.Ok("StartNetworkInsightsAnalysis", $$"""{"NetworkInsightsPathId":"{{pathId}}","ClientToken":"{{Guid.NewGuid()}}"}""")["NetworkInsightsAnalysis"]!;

    // spec/reachability.md §1.2 (operations and their rules); codes for ids follow the control plane's resources.
    [Theory]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"icmp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"TCP"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"i-zz","Destination":"{app}","Protocol":"tcp"}""", "InvalidInstanceID.Malformed")]
    [InlineData("""{"Source":"i-{missing}","Destination":"{app}","Protocol":"tcp"}""", "InvalidInstanceID.NotFound")]
    [InlineData("""{"Source":"{web}","Destination":"i-{missing}","Protocol":"tcp"}""", "InvalidInstanceID.NotFound")]
    [InlineData("""{"Source":"eni-xyz","Destination":"{app}","Protocol":"tcp"}""", "InvalidNetworkInterfaceId.Malformed")]
    [InlineData("""{"Source":"eni-{missing}","Destination":"{app}","Protocol":"tcp"}""", "InvalidNetworkInterfaceID.NotFound")]
    [InlineData("""{"Source":"igw-{missing}","Destination":"{app}","Protocol":"tcp"}""", "InvalidInternetGatewayID.NotFound")]
    [InlineData("""{"Source":"igw-1","Destination":"{app}","Protocol":"tcp"}""", "InvalidInternetGatewayId.Malformed")]
    [InlineData("""{"Source":"vpce-{missing}","Destination":"{app}","Protocol":"tcp"}""", "InvalidVpcEndpointId.NotFound")]
    [InlineData("""{"Source":"vpce-svc-{missing}","Destination":"{app}","Protocol":"tcp"}""", "InvalidParameterValue")] // endpoint services: not modelled
    [InlineData("""{"Source":"web-server","Destination":"{app}","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"arn:aws:ec2:us-east-1:222222222222:instance/{web}","Destination":"{app}","Protocol":"tcp"}""", "InvalidInstanceID.NotFound")]
    [InlineData("""{"Source":"arn:aws:ec2:eu-west-1:111111111111:instance/{web}","Destination":"{app}","Protocol":"tcp"}""", "InvalidInstanceID.NotFound")]
    [InlineData("""{"Source":"arn:aws:ec2:us-east-1:111111111111:volume/vol-{missing}","Destination":"{app}","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"arn:aws:ec2:us-east-1:111111111111:instance/{eni}","Destination":"{app}","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"arn:nonsense","Destination":"{app}","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","DestinationIp":"2600:1f18::1","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","DestinationIp":"10.0.1.300","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","SourceIp":"not-an-ip","Destination":"{app}","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":70000}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":-1}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","SourceIp":"10.0.1.10","FilterAtSource":{"SourcePortRange":{"FromPort":1024,"ToPort":2048}}}""", "InvalidParameterCombination")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":443,"FilterAtSource":{"DestinationPortRange":{"FromPort":443,"ToPort":443}}}""", "InvalidParameterCombination")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationIp":"10.0.1.10","FilterAtDestination":{"DestinationPortRange":{"FromPort":443,"ToPort":443}}}""", "InvalidParameterCombination")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","FilterAtSource":{"DestinationPortRange":{"FromPort":90,"ToPort":80}}}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","FilterAtSource":{"SourcePortRange":{"FromPort":0,"ToPort":65536}}}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","FilterAtSource":{"DestinationAddress":"::1"}}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Protocol":"tcp"}""", "MissingParameter")]
    [InlineData("""{"Source":"{web}","Destination":"{web}","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{igw}","Destination":"{igw2}","Protocol":"tcp"}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","TagSpecifications":[{"ResourceType":"vpc","Tags":[{"Key":"a","Value":"b"}]}]}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","TagSpecifications":[{"ResourceType":"network-insights-path","Tags":[{"Key":"aws:x","Value":"b"}]}]}""", "InvalidParameterValue")]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DryRun":true}""", "DryRunOperation")]
    public void CreateNetworkInsightsPath_BadInput_AwsErrorCodeAndNothingStored(string json, string code)
    {
        Assert.Equal(code, CodeOf(() => _h.Run("CreateNetworkInsightsPath", Fill(json))));
        Assert.Empty(_h.Ok("DescribeNetworkInsightsPaths")["NetworkInsightsPaths"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":443}""")]
    [InlineData("""{"Source":"{eni}","DestinationIp":"10.0.1.200","Protocol":"udp"}""")]
    [InlineData("""{"Source":"arn:aws:ec2:us-east-1:111111111111:internet-gateway/{igw}","Destination":"{web}","Protocol":"tcp","FilterAtSource":{"SourceAddress":"198.51.100.7","SourcePortRange":{"FromPort":40000,"ToPort":40010}}}""")]
    [InlineData("""{"Source":"{app}","Destination":"{igw}","Protocol":"tcp","FilterAtDestination":{"DestinationAddress":"8.8.8.8","DestinationPortRange":{"FromPort":443}}}""")]
    public void CreateNetworkInsightsPath_ValidInput_StoredAndDescribed(string json)
    {
        var id = CreatePath(json);
        Assert.Matches("^nip-0[0-9a-f]{16}$", id);
        var path = _h.Ok("DescribeNetworkInsightsPaths", $$"""{"NetworkInsightsPathIds":["{{id}}"]}""")["NetworkInsightsPaths"]![0]!;
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:network-insights-path/{id}", Ec2Harness.Str(path["NetworkInsightsPathArn"]));
        Assert.StartsWith("arn:aws:ec2:us-east-1:111111111111:", Ec2Harness.Str(path["SourceArn"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeNetworkInsightsPaths", """{"NetworkInsightsPathIds":["nip-bad"]}""", "InvalidNetworkInsightsPathId.Malformed")]
    [InlineData("DescribeNetworkInsightsPaths", """{"NetworkInsightsPathIds":["nip-{missing}"]}""", "InvalidNetworkInsightsPathId.NotFound")]
    [InlineData("DescribeNetworkInsightsPaths", """{"Filters":[{"Name":"colour","Values":["red"]}]}""", "InvalidParameterValue")]
    [InlineData("DeleteNetworkInsightsPath", """{"NetworkInsightsPathId":"nip-{missing}"}""", "InvalidNetworkInsightsPathId.NotFound")]
    [InlineData("DeleteNetworkInsightsPath", """{"NetworkInsightsPathId":"vpc-{missing}"}""", "InvalidNetworkInsightsPathId.Malformed")]
    [InlineData("StartNetworkInsightsAnalysis", """{"NetworkInsightsPathId":"nip-{missing}","ClientToken":"t"}""", "InvalidNetworkInsightsPathId.NotFound")]
    [InlineData("StartNetworkInsightsAnalysis", """{"NetworkInsightsPathId":"nip-XYZ","ClientToken":"t"}""", "InvalidNetworkInsightsPathId.Malformed")]
    [InlineData("DescribeNetworkInsightsAnalyses", """{"NetworkInsightsAnalysisIds":["nia-{missing}"]}""", "InvalidNetworkInsightsAnalysisId.NotFound")]
    [InlineData("DescribeNetworkInsightsAnalyses", """{"NetworkInsightsAnalysisIds":["nia-1"]}""", "InvalidNetworkInsightsAnalysisId.Malformed")]
    [InlineData("DescribeNetworkInsightsAnalyses", """{"NetworkInsightsPathId":"nip"}""", "InvalidNetworkInsightsPathId.Malformed")]
    [InlineData("DescribeNetworkInsightsAnalyses", """{"Filters":[{"Name":"source","Values":["x"]}]}""", "InvalidParameterValue")]
    [InlineData("DeleteNetworkInsightsAnalysis", """{"NetworkInsightsAnalysisId":"nia-{missing}"}""", "InvalidNetworkInsightsAnalysisId.NotFound")]
    [InlineData("DeleteNetworkInsightsAnalysis", """{"NetworkInsightsAnalysisId":"nip-{missing}"}""", "InvalidNetworkInsightsAnalysisId.Malformed")]
    public void UnknownOrMalformedIds_AwsErrorCodes(string operation, string json, string code) =>
        Assert.Equal(code, CodeOf(() => _h.Run(operation, Fill(json))));

    [Theory]
    [InlineData("""{"FilterInArns":["not-an-arn"]}""", "InvalidParameterValue")]
    [InlineData("""{"AdditionalAccounts":["12345"]}""", "InvalidParameterValue")]
    [InlineData("""{"TagSpecifications":[{"ResourceType":"network-insights-path","Tags":[{"Key":"a","Value":"b"}]}]}""", "InvalidParameterValue")]
    [InlineData("""{"DryRun":true}""", "DryRunOperation")]
    public void StartNetworkInsightsAnalysis_BadInput_AwsErrorCodeAndNothingStored(string extra, string code)
    {
        var path = CreatePath();
        var json = JsonNode.Parse(extra)!.AsObject();
        json["NetworkInsightsPathId"] = path;
        json["ClientToken"] = "tok";
        Assert.Equal(code, CodeOf(() => _h.Run("StartNetworkInsightsAnalysis", json.ToJsonString())));
        Assert.Empty(_h.Ok("DescribeNetworkInsightsAnalyses")["NetworkInsightsAnalyses"]!.AsArray());
    }

    [Fact]
    public void DeleteNetworkInsightsPath_WithAnalyses_DependencyViolationUntilTheyAreDeleted()
    {
        var path = CreatePath();
        var analysis = Ec2Harness.Str(Start(path)["NetworkInsightsAnalysisId"]);
        Assert.Equal("DependencyViolation", CodeOf(() => _h.Run("DeleteNetworkInsightsPath", $$"""{"NetworkInsightsPathId":"{{path}}"}""")));
        _h.Ok("DeleteNetworkInsightsAnalysis", $$"""{"NetworkInsightsAnalysisId":"{{analysis}}"}""");
        Assert.Equal(path, Ec2Harness.Str(_h.Ok("DeleteNetworkInsightsPath", $$"""{"NetworkInsightsPathId":"{{path}}"}""")["NetworkInsightsPathId"]));
        Assert.Empty(_h.Ok("DescribeNetworkInsightsPaths")["NetworkInsightsPaths"]!.AsArray());
    }

    [Fact]
    public void StartNetworkInsightsAnalysis_SucceedsAtOnceWithTheControlPlanesClock()
    {
        var path = CreatePath();
        var analysis = Start(path);
        Assert.Equal("succeeded", Ec2Harness.Str(analysis["Status"]));
        Assert.Matches("^nia-0[0-9a-f]{16}$", Ec2Harness.Str(analysis["NetworkInsightsAnalysisId"]));
        Assert.Equal(_h.ControlPlane.Options.Clock.GetUtcNow().UtcDateTime, analysis["StartDate"]!.GetValue<DateTime>());
        Assert.True(analysis["NetworkPathFound"]!.GetValue<bool>()); // default groups: same group → allowed
    }

    [Fact]
    public void StartNetworkInsightsAnalysis_TerminatedSource_FailedWithMissingComponent()
    {
        var path = CreatePath();
        _h.Ok("TerminateInstances", $$"""{"InstanceIds":["{{_web}}"]}""");
        var analysis = Start(path);
        Assert.Equal("failed", Ec2Harness.Str(analysis["Status"]));
        Assert.Contains(_web, Ec2Harness.Str(analysis["StatusMessage"]), StringComparison.Ordinal);
        Assert.Null(analysis["NetworkPathFound"]);
    }

    [Fact]
    public void InternetGatewayAsSource_NotAttachedToTheDestinationsVpc_NoPath()
    {
        var path = CreatePath("""{"Source":"{igw2}","Destination":"{web}","Protocol":"tcp","DestinationPort":22}""");
        var analysis = Start(path);
        Assert.False(analysis["NetworkPathFound"]!.GetValue<bool>());
        Assert.Equal("NO_PATH", Ec2Harness.Str(analysis["Explanations"]![0]!["ExplanationCode"]));
    }

    [Theory]
    [InlineData("10.0.1.5", "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS")]
    [InlineData("100.64.0.9", "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS")]
    public void InternetGatewayAsSource_PrivateSourceAddress_DroppedAtTheGateway(string address, string code)
    {
        var path = CreatePath("""{"Source":"{igw}","Destination":"{web}","Protocol":"tcp","FilterAtSource":{"SourceAddress":"{addr}","DestinationPortRange":{"FromPort":22,"ToPort":22}}}"""
            .Replace("{addr}", address, StringComparison.Ordinal));
        var analysis = Start(path);
        Assert.False(analysis["NetworkPathFound"]!.GetValue<bool>());
        var explanation = analysis["Explanations"]![0]!;
        Assert.Equal(code, Ec2Harness.Str(explanation["ExplanationCode"]));
        Assert.Equal(address, Ec2Harness.Str(explanation["Address"]));
        Assert.Equal(_igw, Ec2Harness.Str(explanation["InternetGateway"]!["Id"]));
    }

    [Theory]
    [InlineData("source", "{web}", 1)]
    [InlineData("source", "{app}", 0)]
    [InlineData("destination", "i-*", 1)]
    [InlineData("protocol", "udp", 0)]
    [InlineData("destination-port", "443", 1)]
    [InlineData("tag:team", "net?", 1)]
    [InlineData("tag-key", "other", 0)]
    public void DescribeNetworkInsightsPaths_Filters(string name, string value, int count)
    {
        CreatePath("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":443,"TagSpecifications":[{"ResourceType":"network-insights-path","Tags":[{"Key":"team","Value":"netx"}]}]}""");
        var result = _h.Ok("DescribeNetworkInsightsPaths", Fill($$"""{"Filters":[{"Name":"{{name}}","Values":["{{value}}"]}]}"""));
        Assert.Equal(count, result["NetworkInsightsPaths"]!.AsArray().Count);
    }

    [Fact]
    public void DescribeNetworkInsightsAnalyses_ByPathAndPathFoundFilter()
    {
        var open = CreatePath();
        var other = CreatePath("""{"Source":"{app}","Destination":"{web}","Protocol":"tcp","DestinationPort":22}""");
        Start(open);
        Start(other);
        Assert.Single(_h.Ok("DescribeNetworkInsightsAnalyses", $$"""{"NetworkInsightsPathId":"{{open}}"}""")["NetworkInsightsAnalyses"]!.AsArray());
        Assert.Equal(2, _h.Ok("DescribeNetworkInsightsAnalyses", """{"Filters":[{"Name":"path-found","Values":["true"]}]}""")["NetworkInsightsAnalyses"]!.AsArray().Count);
        Assert.Empty(_h.Ok("DescribeNetworkInsightsAnalyses", """{"Filters":[{"Name":"status","Values":["running"]}]}""")["NetworkInsightsAnalyses"]!.AsArray());
        var page = _h.Ok("DescribeNetworkInsightsAnalyses", """{"MaxResults":1}""");
        Assert.Single(page["NetworkInsightsAnalyses"]!.AsArray());
        Assert.NotNull(page["NextToken"]);
    }

    // Paths and analyses belong to one account in one Region, like every EC2 resource.
    [Theory]
    [InlineData("222222222222", "us-east-1")]
    [InlineData("111111111111", "eu-west-1")]
    public void PathsAndAnalyses_AreInvisibleToOtherAccountsAndRegions(string account, string region)
    {
        var path = CreatePath();
        var analysis = Ec2Harness.Str(Start(path)["NetworkInsightsAnalysisId"]);
        _h.Context = RequestContext.For(account, region);

        Assert.Empty(_h.Ok("DescribeNetworkInsightsPaths")["NetworkInsightsPaths"]!.AsArray());
        Assert.Empty(_h.Ok("DescribeNetworkInsightsAnalyses")["NetworkInsightsAnalyses"]!.AsArray());
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", CodeOf(() => _h.Run("DescribeNetworkInsightsPaths", $$"""{"NetworkInsightsPathIds":["{{path}}"]}""")));
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", CodeOf(() => _h.Run("StartNetworkInsightsAnalysis", $$"""{"NetworkInsightsPathId":"{{path}}","ClientToken":"x"}""")));
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", CodeOf(() => _h.Run("DeleteNetworkInsightsPath", $$"""{"NetworkInsightsPathId":"{{path}}"}""")));
        Assert.Equal("InvalidNetworkInsightsAnalysisId.NotFound", CodeOf(() => _h.Run("DeleteNetworkInsightsAnalysis", $$"""{"NetworkInsightsAnalysisId":"{{analysis}}"}""")));
        // Nor may a path name another account's instance.
        Assert.Equal("InvalidInstanceID.NotFound", CodeOf(() => _h.Run("CreateNetworkInsightsPath", Fill("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp"}"""))));

        _h.Context = RequestContext.Default;
        Assert.Single(_h.Ok("DescribeNetworkInsightsPaths")["NetworkInsightsPaths"]!.AsArray());
    }

    // Replaying the server's operation log must reproduce the same ids: same seed, same successful calls.
    [Fact]
    public void Ids_SameSeedAndCalls_SameIds_FailedCallsDrawNone()
    {
        static (string, string) Run(bool withFailures)
        {
            var h = new Ec2Harness(new ControlPlaneOptions { Quotas = Ec2Quotas.Generous, IdSeed = 42 });
            var subnet = h.Subnet(h.Vpc());
            var a = Launch(h, subnet);
            var b = Launch(h, subnet);
            if (withFailures)
            {
                Assert.ThrowsAny<Exception>(() => h.Run("CreateNetworkInsightsPath", $$"""{"Source":"{{a}}","Destination":"{{b}}","Protocol":"icmp"}"""));
                Assert.ThrowsAny<Exception>(() => h.Run("CreateNetworkInsightsPath", $$"""{"Source":"{{a}}","Destination":"{{b}}","Protocol":"tcp","DryRun":true}"""));
            }
            var path = Ec2Harness.Str(h.Ok("CreateNetworkInsightsPath", $$"""{"Source":"{{a}}","Destination":"{{b}}","Protocol":"tcp"}""")["NetworkInsightsPath"]!["NetworkInsightsPathId"]);
            var analysis = Ec2Harness.Str(h.Ok("StartNetworkInsightsAnalysis", $$"""{"NetworkInsightsPathId":"{{path}}","ClientToken":"c"}""")["NetworkInsightsAnalysis"]!["NetworkInsightsAnalysisId"]);
            return (path, analysis);
        }

        var first = Run(withFailures: false);
        Assert.Equal(first, Run(withFailures: true));
        Assert.NotEqual(first.Item1[4..], first.Item2[4..]);
    }

    [Fact]
    public void StartNetworkInsightsAnalysis_SameClientToken_SameAnalysis()
    {
        var path = CreatePath();
        var json = $$"""{"NetworkInsightsPathId":"{{path}}","ClientToken":"once"}""";
        var first = Ec2Harness.Str(_h.Ok("StartNetworkInsightsAnalysis", json)["NetworkInsightsAnalysis"]!["NetworkInsightsAnalysisId"]);
        var second = Ec2Harness.Str(_h.Ok("StartNetworkInsightsAnalysis", json)["NetworkInsightsAnalysis"]!["NetworkInsightsAnalysisId"]);
        Assert.Equal(first, second);
        Assert.Single(_h.Ok("DescribeNetworkInsightsAnalyses")["NetworkInsightsAnalyses"]!.AsArray());
    }

    [Theory]
    [InlineData("CreateNetworkInsightsPath", true)]
    [InlineData("StartNetworkInsightsAnalysis", true)]
    [InlineData("DeleteNetworkInsightsPath", true)]
    [InlineData("DeleteNetworkInsightsAnalysis", true)]
    [InlineData("DescribeNetworkInsightsPaths", false)]
    [InlineData("DescribeNetworkInsightsAnalyses", false)]
    public void Actions_AreRegistered_AndMutationsAreLogged(string operation, bool mutating)
    {
        Assert.Contains(operation, _h.Dispatcher.SupportedOperations);
        Assert.Equal(mutating, VpcLab.Server.Ec2.Ec2ActionDispatcher.IsMutating(operation));
    }
}
