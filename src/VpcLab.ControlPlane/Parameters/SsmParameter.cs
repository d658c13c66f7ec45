namespace VpcLab.ControlPlane;

/// <summary>One Systems Manager parameter as GetParameter prints it. The lab holds only AWS's public parameters,
/// all of type String and data type text, readable from every account of their Region.</summary>
public sealed record SsmParameter(string Name, string Value, long Version, DateTimeOffset LastModifiedDate, string Region)
{
    public const string StringType = "String";
    public const string TextDataType = "text";

    /// <summary>Public parameters have no account in their ARN: arn:aws:ssm:REGION::parameter/aws/service/….</summary>
    public string Arn => $"arn:aws:ssm:{Region}::parameter{(Name.StartsWith('/') ? "" : "/")}{Name}";
}
