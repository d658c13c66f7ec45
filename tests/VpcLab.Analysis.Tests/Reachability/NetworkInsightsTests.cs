using System.Text.Json.Nodes;
using VpcLab.Analysis.Reachability;
using VpcLab.ControlPlane;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.Analysis.Tests.Reachability;

/// <summary>The Reachability Analyzer operations on the control plane's world: AWS's validation errors, per-account
/// and per-Region isolation, deterministic ids, what an analysis answers. docs/semantics.md#reachability-analyzer-api.
/// The wire (binding, paging, ClientToken, output shapes) is tested in tests/VpcLab.Server.Tests/Insights.</summary>
public sealed class NetworkInsightsTests
{
    private const string Missing17 = "0123456789abcdef0";

    private readonly InsightsLab _lab = new();
    private readonly string _vpc;
    private readonly string _web;
    private readonly string _app;
    private readonly string _eni;
    private readonly string _igw;
    private readonly string _igw2;

    public NetworkInsightsTests()
    {
        _vpc = _lab.Vpc();
        var subnet = _lab.Subnet(_vpc);
        _web = _lab.Launch(subnet);
        _app = _lab.Launch(subnet);
        _eni = _lab.ControlPlane.Network.Instances[new InstanceId(_web)].PrimaryNetworkInterface.Value;
        _igw = _lab.Igw();
        _lab.Attach(_igw, _vpc);
        _igw2 = _lab.Igw();
    }

    private string Fill(string json) => json
        .Replace("{web}", _web, StringComparison.Ordinal).Replace("{app}", _app, StringComparison.Ordinal)
        .Replace("{eni}", _eni, StringComparison.Ordinal).Replace("{igw}", _igw, StringComparison.Ordinal)
        .Replace("{igw2}", _igw2, StringComparison.Ordinal).Replace("{missing}", Missing17, StringComparison.Ordinal);

    private string CreatePath(string json = """{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":443}""") =>
        _lab.CreatePath(Fill(json)).Id;

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
    public void CreatePath_BadInput_AwsErrorCodeAndNothingStored(string json, string code)
    {
        Assert.Equal(code, InsightsLab.CodeOf(() => _lab.CreatePath(Fill(json))));
        Assert.Empty(_lab.Paths());
    }

    [Theory]
    [InlineData("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":443}""")]
    [InlineData("""{"Source":"{eni}","DestinationIp":"10.0.1.200","Protocol":"udp"}""")]
    [InlineData("""{"Source":"arn:aws:ec2:us-east-1:111111111111:internet-gateway/{igw}","Destination":"{web}","Protocol":"tcp","FilterAtSource":{"SourceAddress":"198.51.100.7","SourcePortRange":{"FromPort":40000,"ToPort":40010}}}""")]
    [InlineData("""{"Source":"{app}","Destination":"{igw}","Protocol":"tcp","FilterAtDestination":{"DestinationAddress":"8.8.8.8","DestinationPortRange":{"FromPort":443}}}""")]
    public void CreatePath_ValidInput_StoredAndDescribed(string json)
    {
        var id = CreatePath(json);
        Assert.Matches("^nip-0[0-9a-f]{16}$", id);
        var path = Assert.Single(_lab.Paths($$"""{"NetworkInsightsPathIds":["{{id}}"]}"""));
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:network-insights-path/{id}", path.Arn);
        Assert.StartsWith("arn:aws:ec2:us-east-1:111111111111:", path.Source.Arn, StringComparison.Ordinal);
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
    public void Operation_UnknownOrMalformedId_AwsErrorCode(string operation, string json, string code) =>
        Assert.Equal(code, InsightsLab.CodeOf(() => Run(operation, Fill(json))));

    private void Run(string operation, string json)
    {
        var ctx = _lab.Context;
        var insights = _lab.Insights;
        _ = operation switch
        {
            "DescribeNetworkInsightsPaths" => (object)insights.DescribePaths(ctx, InsightsLab.Request<DescribeNetworkInsightsPathsRequest>(json)),
            "DeleteNetworkInsightsPath" => insights.DeletePath(ctx, InsightsLab.Request<DeleteNetworkInsightsPathRequest>(json)),
            "StartNetworkInsightsAnalysis" => insights.StartAnalysis(ctx, InsightsLab.Request<StartNetworkInsightsAnalysisRequest>(json)),
            "DescribeNetworkInsightsAnalyses" => insights.DescribeAnalyses(ctx, InsightsLab.Request<DescribeNetworkInsightsAnalysesRequest>(json)),
            "DeleteNetworkInsightsAnalysis" => insights.DeleteAnalysis(ctx, InsightsLab.Request<DeleteNetworkInsightsAnalysisRequest>(json)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    [Theory]
    [InlineData("""{"FilterInArns":["not-an-arn"]}""", "InvalidParameterValue")]
    [InlineData("""{"AdditionalAccounts":["12345"]}""", "InvalidParameterValue")]
    [InlineData("""{"TagSpecifications":[{"ResourceType":"network-insights-path","Tags":[{"Key":"a","Value":"b"}]}]}""", "InvalidParameterValue")]
    [InlineData("""{"DryRun":true}""", "DryRunOperation")]
    public void StartAnalysis_BadInput_AwsErrorCodeAndNothingStored(string extra, string code)
    {
        var path = CreatePath();
        var json = JsonNode.Parse(extra)!.AsObject();
        json["NetworkInsightsPathId"] = path;
        json["ClientToken"] = "tok";
        Assert.Equal(code, InsightsLab.CodeOf(() => _lab.Insights.StartAnalysis(_lab.Context,
            InsightsLab.Request<StartNetworkInsightsAnalysisRequest>(json.ToJsonString()))));
        Assert.Empty(_lab.Analyses());
    }

    [Fact]
    public void DeletePath_WithAnalyses_DependencyViolationUntilTheyAreDeleted()
    {
        var path = CreatePath();
        var analysis = _lab.Start(path).Id;
        Assert.Equal("DependencyViolation", InsightsLab.CodeOf(() => _lab.Insights.DeletePath(_lab.Context, new() { NetworkInsightsPathId = path })));
        _lab.Insights.DeleteAnalysis(_lab.Context, new() { NetworkInsightsAnalysisId = analysis });
        Assert.Equal(path, _lab.Insights.DeletePath(_lab.Context, new() { NetworkInsightsPathId = path }));
        Assert.Empty(_lab.Paths());
    }

    [Fact]
    public void StartAnalysis_OpenPath_SucceedsAtOnceWithTheControlPlanesClock()
    {
        var path = CreatePath();
        var analysis = _lab.Start(path);
        Assert.Equal("succeeded", analysis.Status);
        Assert.Matches("^nia-0[0-9a-f]{16}$", analysis.Id);
        Assert.Equal(_lab.ControlPlane.Options.Clock.GetUtcNow(), analysis.StartDate);
        Assert.True(analysis.NetworkPathFound); // default groups: same group → allowed
    }

    [Fact]
    public void StartAnalysis_TerminatedSource_FailedWithMissingComponent()
    {
        var path = CreatePath();
        _lab.Terminate(_web);
        var analysis = _lab.Start(path);
        Assert.Equal("failed", analysis.Status);
        Assert.Contains(_web, analysis.StatusMessage, StringComparison.Ordinal);
        Assert.Null(analysis.NetworkPathFound);
    }

    [Fact]
    public void InternetGatewayAsSource_NotAttachedToTheDestinationsVpc_NoPath()
    {
        var path = CreatePath("""{"Source":"{igw2}","Destination":"{web}","Protocol":"tcp","DestinationPort":22}""");
        var analysis = _lab.Start(path);
        Assert.False(analysis.NetworkPathFound);
        Assert.Equal("NO_PATH", analysis.Outcome.Explanations[0].Code.Value);
    }

    [Theory]
    [InlineData("10.0.1.5", "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS")]
    [InlineData("100.64.0.9", "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS")]
    public void InternetGatewayAsSource_PrivateSourceAddress_DroppedAtTheGateway(string address, string code)
    {
        var path = CreatePath("""{"Source":"{igw}","Destination":"{web}","Protocol":"tcp","FilterAtSource":{"SourceAddress":"{addr}","DestinationPortRange":{"FromPort":22,"ToPort":22}}}"""
            .Replace("{addr}", address, StringComparison.Ordinal));
        var analysis = _lab.Start(path);
        Assert.False(analysis.NetworkPathFound);
        var explanation = analysis.Outcome.Explanations[0];
        Assert.Equal(code, explanation.Code.Value);
        Assert.Equal(address, explanation.Address?.ToString());
        Assert.Equal(ComponentKind.InternetGateway, explanation.Component!.Kind);
        Assert.Equal(_igw, explanation.Component.Id);
    }

    [Theory]
    [InlineData("source", "{web}", 1)]
    [InlineData("source", "{app}", 0)]
    [InlineData("destination", "i-*", 1)]
    [InlineData("protocol", "udp", 0)]
    [InlineData("destination-port", "443", 1)]
    [InlineData("tag:team", "net?", 1)]
    [InlineData("tag-key", "other", 0)]
    public void DescribePaths_Filter_MatchingPaths(string name, string value, int count)
    {
        CreatePath("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":443,"TagSpecifications":[{"ResourceType":"network-insights-path","Tags":[{"Key":"team","Value":"netx"}]}]}""");
        Assert.Equal(count, _lab.Paths(Fill($$"""{"Filters":[{"Name":"{{name}}","Values":["{{value}}"]}]}""")).Count);
    }

    [Fact]
    public void DescribeAnalyses_ByPathAndPathFoundFilter_MatchingAnalyses()
    {
        var open = CreatePath();
        var other = CreatePath("""{"Source":"{app}","Destination":"{web}","Protocol":"tcp","DestinationPort":22}""");
        _lab.Start(open);
        _lab.Start(other);
        Assert.Single(_lab.Analyses($$"""{"NetworkInsightsPathId":"{{open}}"}"""));
        Assert.Equal(2, _lab.Analyses("""{"Filters":[{"Name":"path-found","Values":["true"]}]}""").Count);
        Assert.Empty(_lab.Analyses("""{"Filters":[{"Name":"status","Values":["running"]}]}"""));
    }

    // Paths and analyses belong to one account in one Region, like every EC2 resource.
    [Theory]
    [InlineData("222222222222", "us-east-1")]
    [InlineData("111111111111", "eu-west-1")]
    public void PathsAndAnalyses_OtherAccountOrRegion_Invisible(string account, string region)
    {
        var path = CreatePath();
        var analysis = _lab.Start(path).Id;
        _lab.Context = RequestContext.For(account, region);

        Assert.Empty(_lab.Paths());
        Assert.Empty(_lab.Analyses());
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", InsightsLab.CodeOf(() => _lab.Paths($$"""{"NetworkInsightsPathIds":["{{path}}"]}""")));
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", InsightsLab.CodeOf(() => _lab.Start(path)));
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", InsightsLab.CodeOf(() => _lab.Insights.DeletePath(_lab.Context, new() { NetworkInsightsPathId = path })));
        Assert.Equal("InvalidNetworkInsightsAnalysisId.NotFound", InsightsLab.CodeOf(() => _lab.Insights.DeleteAnalysis(_lab.Context, new() { NetworkInsightsAnalysisId = analysis })));
        // Nor may a path name another account's instance.
        Assert.Equal("InvalidInstanceID.NotFound", InsightsLab.CodeOf(() => _lab.CreatePath(Fill("""{"Source":"{web}","Destination":"{app}","Protocol":"tcp"}"""))));

        _lab.Context = RequestContext.Default;
        Assert.Single(_lab.Paths());
    }

    // Replaying the operation log must reproduce the same ids: same seed, same successful calls.
    [Fact]
    public void Ids_SameSeedAndCalls_SameIds_FailedCallsDrawNone()
    {
        static (string, string) Run(bool withFailures)
        {
            var lab = new InsightsLab(new ControlPlaneOptions { Quotas = Ec2Quotas.Generous, IdSeed = 42 });
            var subnet = lab.Subnet(lab.Vpc());
            var a = lab.Launch(subnet);
            var b = lab.Launch(subnet);
            if (withFailures)
            {
                Assert.ThrowsAny<Exception>(() => lab.CreatePath($$"""{"Source":"{{a}}","Destination":"{{b}}","Protocol":"icmp"}"""));
                Assert.ThrowsAny<Exception>(() => lab.CreatePath($$"""{"Source":"{{a}}","Destination":"{{b}}","Protocol":"tcp","DryRun":true}"""));
            }
            var path = lab.CreatePath($$"""{"Source":"{{a}}","Destination":"{{b}}","Protocol":"tcp"}""").Id;
            var analysis = lab.Start(path).Id;
            return (path, analysis);
        }

        var first = Run(withFailures: false);
        Assert.Equal(first, Run(withFailures: true));
        Assert.NotEqual(first.Item1[4..], first.Item2[4..]);
    }
}
