using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane;

/// <summary>EC2's tag rules, once, for every resource that takes tags (EC2 resources and the Reachability Analyzer's
/// paths and analyses): a key of 1–128 characters not starting with <c>aws:</c>, a value of at most 256, at most
/// <see cref="MaxTagsPerResource"/> tags, and TagSpecifications that name only the resource types an action accepts.</summary>
public static class TagRules
{
    /// <summary>AWS's limit of tags on one resource (the default of <see cref="ControlPlaneOptions"/>' quota).</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>The key and value of a valid tag, or EC2's error for the first rule it breaks.</summary>
    public static KeyValuePair<string, string> Validate(Tag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var key = tag.Key ?? throw Ec2Errors.MissingParameter("Tag.Key");
        var value = tag.Value ?? "";
        if (key.Length == 0 || key.Length > 128)
            throw ResourceIdErrors.TagKeyTooLong(key);
        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            throw ResourceIdErrors.ReservedTagKey(key);
        if (value.Length > 256)
            throw ResourceIdErrors.TagValueTooLong(value);
        return KeyValuePair.Create(key, value);
    }

    /// <summary>The valid tags a Create* call's TagSpecifications give the resource of type
    /// <paramref name="resourceType"/>. Every specification must name one of <paramref name="allowedTypes"/> and carry
    /// at least one tag.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FromSpecifications(
        IReadOnlyList<TagSpecification>? specs, string resourceType, IReadOnlyCollection<string> allowedTypes)
    {
        ArgumentNullException.ThrowIfNull(allowedTypes);
        if (specs is null)
            return [];
        var result = new List<KeyValuePair<string, string>>();
        foreach (var spec in specs)
        {
            if (spec.ResourceType is null || !allowedTypes.Contains(spec.ResourceType))
                throw ResourceIdErrors.InvalidTagResourceType(spec.ResourceType);
            if (spec.Tags is null || spec.Tags.Count == 0)
                throw ResourceIdErrors.EmptyTagSpecification();
            if (spec.ResourceType != resourceType)
                continue;
            foreach (var tag in spec.Tags)
                result.Add(Validate(tag));
        }
        return result;
    }

    /// <summary>TagLimitExceeded when a resource would hold more than <paramref name="limit"/> tags.</summary>
    public static void CheckCount(int count, int limit = MaxTagsPerResource)
    {
        if (count > limit)
            throw ResourceIdErrors.TagLimitExceeded(limit);
    }
}
