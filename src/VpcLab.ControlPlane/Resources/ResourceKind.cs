using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>What differs between EC2 resource kinds, as data (<see cref="ResourceKinds"/> lists them): the id
/// prefix and shape, the default request parameter naming one, the TagSpecification/DescribeTags resource type,
/// the Malformed and NotFound errors, what blocks deleting one and what deleting one takes with it. Lookups,
/// tagging and existence checks are written once over this (docs/semantics.md#ids).</summary>
public abstract class ResourceKind
{
    /// <summary>Hex digits of a new id (prefix-0 and 16 more, <see cref="IdGenerator"/>).</summary>
    public const int IdHexDigits = 17;

    /// <summary>Hex digits of the legacy id form, still accepted as well-formed.</summary>
    public const int LegacyIdHexDigits = 8;

    private protected ResourceKind(string name, string idPrefix, string idParameter, string tagResourceType,
        Func<string, Ec2Exception> malformed, Func<string, Ec2Exception> notFound)
    {
        Name = name;
        IdPrefix = idPrefix;
        IdParameter = idParameter;
        TagResourceType = tagResourceType;
        Malformed = malformed;
        NotFound = notFound;
    }

    /// <summary>AWS's name of the kind, as the console and errors print it.</summary>
    public string Name { get; }

    /// <summary>The id prefix (<see cref="IdPrefixes"/>): vpc, subnet, rtb, …</summary>
    public string IdPrefix { get; }

    /// <summary>The request parameter that names one, for MissingParameter (VpcId, GroupId, AllocationId, …).</summary>
    public string IdParameter { get; }

    /// <summary>The resource type of TagSpecifications and DescribeTags (vpc, security-group, vpc-flow-log, …).</summary>
    public string TagResourceType { get; }

    /// <summary>The error for an id that is not prefix-XXXXXXXX or prefix-XXXXXXXXXXXXXXXXX.</summary>
    public Func<string, Ec2Exception> Malformed { get; }

    /// <summary>The error for a well-formed id that names nothing the caller may see.</summary>
    public Func<string, Ec2Exception> NotFound { get; }

    /// <summary>What deleting one also removes or changes, in AWS's words (the delete operation does it).</summary>
    public ImmutableArray<string> DeletionCascades { get; init; } = [];

    /// <summary>True for prefix-XXXXXXXX (8 hex, legacy) or prefix-XXXXXXXXXXXXXXXXX (17 hex).</summary>
    public bool IsWellFormed(string? id) => IdGenerator.IsWellFormed(id, IdPrefix);

    /// <summary>True when <paramref name="id"/> names a resource of this kind that <paramref name="caller"/> may tag
    /// (CreateTags, DeleteTags and DescribeTags ask this).</summary>
    public abstract bool IsTaggableBy(IndexedWorld world, string id, ResourceCaller caller);

    public override string ToString() => Name;
}
