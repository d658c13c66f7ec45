using System.Text.Json;
using VpcLab.Server.Protocol;
using static VpcLab.Server.Tests.Protocol.Json;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>The parsed JSON binds with System.Text.Json to records whose properties carry the model's member
/// names, which is how the server's next layer will hand requests to the control plane.</summary>
public class BindingTests
{
    public sealed record FilterArg(string Name, List<string> Values);

    public sealed record TagArg(string Key, string? Value);

    public sealed record TagSpecificationArg(string? ResourceType, List<TagArg> Tags);

    public sealed record DescribeVpcsArgs(List<FilterArg>? Filters, List<string>? VpcIds, int? MaxResults, string? NextToken, bool? DryRun);

    public sealed record CreateVpcArgs(string? CidrBlock, bool? AmazonProvidedIpv6CidrBlock, List<TagSpecificationArg>? TagSpecifications);

    public sealed record AnalysesArgs(DateTime? AnalysisStartTime, List<string>? NetworkInsightsAnalysisIds);

    [Fact]
    public void Bind_DescribeVpcs_BindsToRecord()
    {
        var request = Ec2QueryParser.Default.Parse(Form(("Action", "DescribeVpcs"), ("Version", "2016-11-15"),
            ("Filter.1.Name", "cidr"), ("Filter.1.Value.1", "10.0.0.0/16"), ("VpcId.1", "vpc-1"), ("MaxResults", "5")));
        var args = request.Parameters.Deserialize<DescribeVpcsArgs>()!;
        Assert.Equal("cidr", args.Filters!.Single().Name);
        Assert.Equal(["10.0.0.0/16"], args.Filters!.Single().Values);
        Assert.Equal(["vpc-1"], args.VpcIds);
        Assert.Equal(5, args.MaxResults);
        Assert.Null(args.DryRun);
    }

    [Fact]
    public void Bind_CreateVpc_BindsNestedTagSpecifications()
    {
        var request = Ec2QueryParser.Default.Parse(Form(("Action", "CreateVpc"), ("Version", "2016-11-15"),
            ("CidrBlock", "10.0.0.0/16"), ("AmazonProvidedIpv6CidrBlock", "true"),
            ("TagSpecification.1.ResourceType", "vpc"), ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "x")));
        var args = request.Parameters.Deserialize<CreateVpcArgs>()!;
        Assert.True(args.AmazonProvidedIpv6CidrBlock);
        Assert.Equal(new TagArg("Name", "x"), args.TagSpecifications!.Single().Tags.Single());
    }

    [Fact]
    public void Bind_Timestamp_BindsToUtcDateTime()
    {
        var request = Ec2QueryParser.Default.Parse(Form(("Action", "DescribeNetworkInsightsAnalyses"), ("Version", "2016-11-15"),
            ("AnalysisStartTime", "2026-11-23T03:00:00+02:00")));
        var args = request.Parameters.Deserialize<AnalysesArgs>()!;
        Assert.Equal(new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc), args.AnalysisStartTime);
        Assert.Equal(DateTimeKind.Utc, args.AnalysisStartTime!.Value.Kind);
    }
}
