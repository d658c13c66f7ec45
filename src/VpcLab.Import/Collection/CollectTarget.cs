using Amazon;
using Amazon.EC2;
using Amazon.Runtime;

namespace VpcLab.Import.Collection;

/// <summary>Where <c>vpclab collect</c> asks: AWS's EC2 endpoint of a Region (or any endpoint URL, such as a
/// <c>vpclab serve</c>), with the caller's credentials (the AWS SDK's usual chain unless given).</summary>
public sealed record CollectTarget(string Region, Uri? EndpointUrl = null, AWSCredentials? Credentials = null)
{
    /// <summary>The Region when none is given: AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1.</summary>
    public static string DefaultRegion() =>
        Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } r ? r
        : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 } d ? d
        : "us-east-1";

    public AmazonEC2Client Client()
    {
        var config = new AmazonEC2Config { MaxErrorRetry = 2 };
        if (EndpointUrl is not null)
        {
            config.ServiceURL = EndpointUrl.ToString();
            config.AuthenticationRegion = Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }
        return Credentials is null ? new AmazonEC2Client(config) : new AmazonEC2Client(Credentials, config);
    }
}
