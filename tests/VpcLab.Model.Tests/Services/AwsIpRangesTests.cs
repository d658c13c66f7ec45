using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Model.Tests.Services;

/// <summary>The one table of simulated public ranges: every address belongs to one Region and one service code,
/// as in AWS's ip-ranges.json for the codes the lab uses.</summary>
public sealed class AwsIpRangesTests
{
    [Fact]
    public void Ranges_of_different_Regions_or_services_never_overlap()
    {
        var ranges = AwsIpRanges.Default.Ranges;
        for (int i = 0; i < ranges.Length; i++)
            for (int j = i + 1; j < ranges.Length; j++)
                Assert.False(ranges[i].Prefix.Overlaps(ranges[j].Prefix), $"{ranges[i]} overlaps {ranges[j]}");
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("us-east-2")]
    [InlineData("us-west-1")]
    [InlineData("us-west-2")]
    [InlineData("eu-west-1")]
    [InlineData("eu-central-1")]
    [InlineData("ap-southeast-1")]
    [InlineData("ap-northeast-1")]
    public void Every_Region_has_S3_DynamoDB_one_EC2_range_and_the_interface_services(string region)
    {
        var ranges = AwsIpRanges.Default;
        Assert.NotEmpty(ranges.PrefixesOf(region, "S3"));
        Assert.NotEmpty(ranges.PrefixesOf(region, "DYNAMODB"));
        Assert.Single(ranges.PrefixesOf(region, "EC2"));
        foreach (var code in new[] { "SNS", "SQS", "STS", "KMS", "SSM", "SECRETSMANAGER", "LOGS" })
            Assert.Single(ranges.PrefixesOf(region, code));
    }

    [Theory]
    [InlineData("52.95.128.179", "us-east-1", "S3")] // the flow-log goldens' S3 address
    [InlineData("52.219.0.1", "eu-central-1", "S3")]
    [InlineData("52.219.70.1", "ap-northeast-1", "S3")]
    [InlineData("52.119.250.1", "eu-west-1", "DYNAMODB")]
    [InlineData("52.119.241.1", "us-west-2", "DYNAMODB")]
    [InlineData("13.228.0.1", "ap-southeast-1", "EC2")]
    [InlineData("52.46.96.1", "us-west-1", "SNS")]
    public void An_address_names_its_Region_and_service(string address, string region, string service)
    {
        var range = AwsIpRanges.Default.Find(IpAddress.Parse(address));
        Assert.NotNull(range);
        Assert.Equal((region, service), (range.Region, range.Service));
    }
}
