using System.Text.Json.Nodes;
using VpcLab.ControlPlane.Errors;
using VpcLab.Server.Ec2;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The table itself: which actions exist, which mutate, how binding errors read.</summary>
public sealed class Ec2ActionDispatcherTests
{
    private readonly Ec2Harness _h = new();

    /// <summary>docs/semantics.md#actions: actions of the model subset the control plane does not implement
    /// (none since the VPC endpoint actions landed).</summary>
    private static readonly string[] NotImplemented = [];

    /// <summary>Registered beside the table by other parts of the server: the Reachability Analyzer actions
    /// (src/VpcLab.Server/Insights/) and CreateDefaultVpc (with src/VpcLab.ControlPlane/DefaultVpcs/).</summary>
    private static readonly string[] RegisteredBeside =
    [
        "CreateNetworkInsightsPath", "DeleteNetworkInsightsAnalysis", "DeleteNetworkInsightsPath", "DescribeNetworkInsightsAnalyses",
        "DescribeNetworkInsightsPaths", "StartNetworkInsightsAnalysis", "CreateDefaultVpc",
        // Network Access Analyzer (src/VpcLab.Server/Insights/AccessScopeActions.cs).
        "CreateNetworkInsightsAccessScope", "DescribeNetworkInsightsAccessScopes", "GetNetworkInsightsAccessScopeContent",
        "DeleteNetworkInsightsAccessScope", "StartNetworkInsightsAccessScopeAnalysis", "DescribeNetworkInsightsAccessScopeAnalyses",
        "GetNetworkInsightsAccessScopeAnalysisFindings", "DeleteNetworkInsightsAccessScopeAnalysis",
    ];

    [Fact]
    public void SupportedOperations_AgainstTheEc2ServiceModel_CoverEveryModelOperationButTheNotImplemented()
    {
        var model = Ec2ServiceModel.Instance.Operations.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var supported = _h.Dispatcher.SupportedOperations.ToHashSet(StringComparer.Ordinal);
        Assert.Subset(model, supported);
        Assert.Empty(model.Except(NotImplemented).Except(RegisteredBeside).Except(supported).Order(StringComparer.Ordinal));
        foreach (var op in NotImplemented)
            Assert.DoesNotContain(op, supported);
    }

    [Theory]
    [InlineData("DescribeVpcs", false)]
    [InlineData("GetManagedPrefixListEntries", false)]
    [InlineData("DescribeVpcAttribute", false)]
    [InlineData("CreateVpc", true)]
    [InlineData("RunInstances", true)]
    [InlineData("ModifyVpcAttribute", true)]
    [InlineData("AssociateAddress", true)]
    [InlineData("DeleteTags", true)]
    public void IsMutating_DescribeAndGetAreReads(string operation, bool mutating) =>
        Assert.Equal(mutating, Ec2ActionDispatcher.IsMutating(operation));

    [Theory]
    [InlineData("NoSuchThing")]
    [InlineData("describevpcs")] // action names are case-sensitive
    public void Execute_ActionNotInTable_IsInvalidAction(string operation)
    {
        var e = Assert.Throws<Ec2ProtocolException>(() => _h.Run(operation));
        Assert.Equal("InvalidAction", e.Code);
        Assert.Equal(400, e.HttpStatus);
    }

    // A JSON type the request record cannot take is InvalidParameterValue naming the member (wire numbering).
    [Theory]
    [InlineData("CreateVpc", """{"CidrBlock":10}""", "CidrBlock")]
    [InlineData("CreateVpc", """{"CidrBlock":"10.0.0.0/16","AmazonProvidedIpv6CidrBlock":"yes"}""", "AmazonProvidedIpv6CidrBlock")]
    [InlineData("DescribeVpcs", """{"Filters":[{"Name":"cidr","Values":"10.0.0.0/16"}]}""", "Filters.1.Values")]
    [InlineData("DescribeVpcs", """{"Filters":[{"Name":"a","Values":["x"]},{"Name":"b","Values":[1]}]}""", "Filters.2.Values.1")]
    [InlineData("CreateNetworkAclEntry", """{"NetworkAclId":"acl-1","PortRange":{"From":"x"}}""", "PortRange.From")]
    [InlineData("RunInstances", """{"MinCount":1.5}""", "MinCount")]
    public void Execute_WrongJsonType_IsInvalidParameterValueNamingTheMember(string operation, string json, string member)
    {
        var e = Assert.Throws<Ec2ProtocolException>(() => _h.Run(operation, json));
        Assert.Equal("InvalidParameterValue", e.Code);
        Assert.Contains($"parameter {member}:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.Filters[0].Values[1]", "Filters.1.Values.2")]
    [InlineData("$.CidrBlock", "CidrBlock")]
    [InlineData("$", "(request)")]
    [InlineData(null, "(request)")]
    public void MemberPath_JsonPathToWireNumbering(string? path, string expected) =>
        Assert.Equal(expected, Ec2ActionDispatcher.MemberPath(path));

    [Fact]
    public void Execute_ControlPlaneError_PropagatesAsEc2Exception()
    {
        var e = Assert.Throws<Ec2Exception>(() => _h.Run("DeleteVpc", """{"VpcId":"vpc-0123456789abcdef0"}"""));
        Assert.Equal("InvalidVpcID.NotFound", e.Code.Code);
    }

    [Fact]
    public void Execute_DryRun_IsDryRunOperationAndChangesNothing()
    {
        var e = Assert.Throws<Ec2Exception>(() => _h.Run("CreateVpc", """{"CidrBlock":"10.0.0.0/16","DryRun":true}"""));
        Assert.Equal("DryRunOperation", e.Code.Code);
        Assert.Equal(412, e.HttpStatus);
        Assert.Empty(_h.Ok("DescribeVpcs")["Vpcs"]!.AsArray());
    }

    [Fact]
    public void Execute_ActionWithoutOutput_AnswersNull()
    {
        var vpc = _h.Vpc();
        Assert.Null(_h.Run("DeleteVpc", $$"""{"VpcId":"{{vpc}}"}"""));
    }

    [Fact]
    public void Execute_UnknownMembers_AreIgnoredByBinding()
    {
        var result = _h.Ok("CreateVpc", """{"CidrBlock":"10.0.0.0/16","Ipv4NetmaskLength":16}""");
        Assert.Equal("10.0.0.0/16", Ec2Harness.Str(result["Vpc"]!["CidrBlock"]));
    }
}
