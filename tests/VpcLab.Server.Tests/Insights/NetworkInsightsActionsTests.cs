using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Ec2;

namespace VpcLab.Server.Tests.Insights;

/// <summary>The Reachability Analyzer actions through the dispatcher: what the wire adds to the operations of
/// src/VpcLab.Analysis (tested in tests/VpcLab.Analysis.Tests/Reachability): binding, AWS client statuses, paging,
/// ClientToken, output shapes, and that mutations are logged. docs/semantics.md#reachability-analyzer-api.</summary>
public sealed class NetworkInsightsActionsTests
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

    public NetworkInsightsActionsTests()
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
        Ec2Harness.Str(h.Ok("RunInstances", $$"""{"ImageId":"ami-0fc50b841d13a3d05","InstanceType":"t3.micro","MinCount":1,"MaxCount":1,"SubnetId":"{{subnet}}"}""")
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

    // Every error of the operations reaches the client as an AWS client error (4xx), never an InternalError.
    [Theory]
    [InlineData("CreateNetworkInsightsPath", """{"Source":"{web}","Destination":"{app}","Protocol":"icmp"}""", "InvalidParameterValue")]
    [InlineData("CreateNetworkInsightsPath", """{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DryRun":true}""", "DryRunOperation")]
    [InlineData("CreateNetworkInsightsPath", """{"Source":"{web}","Destination":"{app}","Protocol":"tcp","DestinationPort":"http"}""", "InvalidParameterValue")]
    [InlineData("DescribeNetworkInsightsPaths", """{"NetworkInsightsPathIds":["nip-bad"]}""", "InvalidNetworkInsightsPathId.Malformed")]
    [InlineData("DeleteNetworkInsightsPath", """{"NetworkInsightsPathId":"nip-{missing}"}""", "InvalidNetworkInsightsPathId.NotFound")]
    [InlineData("DescribeNetworkInsightsAnalyses", """{"Filters":[{"Name":"source","Values":["x"]}]}""", "InvalidParameterValue")]
    [InlineData("DeleteNetworkInsightsAnalysis", """{"NetworkInsightsAnalysisId":"nia-{missing}"}""", "InvalidNetworkInsightsAnalysisId.NotFound")]
    public void Action_BadInput_AwsClientError(string operation, string json, string code) =>
        Assert.Equal(code, CodeOf(() => _h.Run(operation, Fill(json))));

    [Fact]
    public void DescribeNetworkInsightsAnalyses_MaxResultsOne_OnePageAndNextToken()
    {
        Start(CreatePath());
        Start(CreatePath("""{"Source":"{app}","Destination":"{web}","Protocol":"tcp","DestinationPort":22}"""));
        var page = _h.Ok("DescribeNetworkInsightsAnalyses", """{"MaxResults":1}""");
        Assert.Single(page["NetworkInsightsAnalyses"]!.AsArray());
        Assert.NotNull(page["NextToken"]);
    }

    [Theory]
    [InlineData("10.0.1.5", "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS")]
    [InlineData("100.64.0.9", "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS")]
    public void StartNetworkInsightsAnalysis_PrivateInternetSource_ExplanationNamesAddressAndGateway(string address, string code)
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
