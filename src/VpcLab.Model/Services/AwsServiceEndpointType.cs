namespace VpcLab.Model;

/// <summary>The kinds of VPC endpoint an AWS service accepts (botocore <c>ServiceType</c> values).</summary>
public enum AwsServiceEndpointType
{
    Gateway,
    Interface,
}
