using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>DescribeVpcEndpointServices through the real SDK: the Region's AWS services, filters, and
/// InvalidServiceName.</summary>
public sealed partial class Ec2SdkTests
{
    [Fact]
    public async Task DescribeVpcEndpointServices_FilterOrUnknownName_AnswersAsAws()
    {
        // Not paged (two output lists): MaxResults is accepted and the whole Region answers in one page.
        var all = await _ec2.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest { MaxResults = 5 }, Ct);
        Assert.Null(all.NextToken);
        Assert.Contains("com.amazonaws.us-east-1.sns", all.ServiceNames);
        Assert.Equal(all.ServiceNames.Count + 2, all.ServiceDetails.Count); // S3 and DynamoDB: Gateway and Interface

        var s3 = (await _ec2.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest
        {
            ServiceNames = ["com.amazonaws.us-east-1.s3"],
            Filters = [new Filter("service-type", ["Gateway"])],
        }, Ct)).ServiceDetails;
        var gateway = Assert.Single(s3);
        Assert.Equal("Gateway", Assert.Single(gateway.ServiceType).ServiceType.Value);
        Assert.Equal("amazon", gateway.Owner);
        Assert.Equal(["s3.us-east-1.vpce.amazonaws.com"], gateway.BaseEndpointDnsNames);
        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"], gateway.AvailabilityZones);
        Assert.Equal("use1-az1", gateway.AvailabilityZoneIds[0]);

        var sns = (await _ec2.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest
        {
            ServiceNames = ["com.amazonaws.us-east-1.sns"],
        }, Ct)).ServiceDetails.Single();
        Assert.Equal("sns.us-east-1.amazonaws.com", sns.PrivateDnsName);
        Assert.Equal("Interface", sns.ServiceType.Single().ServiceType.Value);

        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcEndpointServicesAsync(
            new DescribeVpcEndpointServicesRequest { ServiceNames = ["com.amazonaws.us-east-1.nosuch"] }, Ct));
        Assert.Equal("InvalidServiceName", e.ErrorCode);
    }
}
