namespace VpcLab.ControlPlane.Errors;

/// <summary>Tag errors: IDs, limits, reserved keys and lengths.</summary>
public static partial class Ec2Errors
{
    // ---------------------------------------------------------------- tags
    public static Ec2Exception InvalidId(string id) => new(InvalidIdCode, $"The ID '{id}' is not valid");

    public static Ec2Exception TagLimitExceeded(int limit) =>
        new(TagLimitExceededCode, $"The maximum number of Tags for a resource has been reached. The limit is {S(limit)}.");

    public static Ec2Exception EmptyTagSpecification() =>
        new(InvalidParameterValueCode, "Tag specification must have at least one tag");

    public static Ec2Exception InvalidTagResourceType(string? type) =>
        new(InvalidParameterValueCode, $"'{type}' is not a valid taggable resource type for this operation.");

    public static Ec2Exception ReservedTagKey(string key) =>
        new(InvalidParameterValueCode, $"Value ( {key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use");

    public static Ec2Exception TagKeyTooLong(string key) =>
        new(InvalidParameterValueCode, $"Value ( {key} ) for parameter key is invalid. Length exceeds maximum of 128");

    public static Ec2Exception TagValueTooLong(string value) =>
        new(InvalidParameterValueCode, $"Value ( {value} ) for parameter value is invalid. Length exceeds maximum of 256");
}
