using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>ManagedPrefixList → the ManagedPrefixList shape, the PrefixList shape of DescribePrefixLists, and
/// PrefixListEntry.</summary>
internal static class PrefixListShape
{
    /// <summary>AWS-managed lists print owner "AWS", an ARN with account "aws", and no version or maximum.</summary>
    public static JsonObject Managed(ManagedPrefixList p, ShapeContext c, string? state = null) => new()
    {
        ["PrefixListId"] = p.Id.Value,
        ["AddressFamily"] = p.AddressFamily == IpFamily.V4 ? "IPv4" : "IPv6",
        ["State"] = state ?? PrefixListOperations.StateName(p),
        ["PrefixListArn"] = ShapeContext.Arn(p.Region, p.IsAwsManaged ? "aws" : p.OwnerId, "prefix-list", p.Id.Value),
        ["PrefixListName"] = p.Name,
        ["MaxEntries"] = p.IsAwsManaged ? null : p.MaxEntries,
        ["Version"] = p.IsAwsManaged ? null : p.Version,
        ["Tags"] = c.Tags(p.Id.Value) ?? new JsonArray(),
        ["OwnerId"] = p.OwnerId,
    };

    public static JsonObject Entry(PrefixListEntry e) => new()
    {
        ["Cidr"] = e.Cidr.ToString(),
        ["Description"] = e.Description,
    };

    /// <summary>The PrefixList shape (DescribePrefixLists): an AWS service's list with its CIDRs.</summary>
    public static JsonObject Service(ManagedPrefixList p) => new()
    {
        ["Cidrs"] = Json.Array(p.Entries, e => e.Cidr.ToString()),
        ["PrefixListId"] = p.Id.Value,
        ["PrefixListName"] = p.Name,
    };
}

/// <summary>TagDescription → the TagDescription shape of DescribeTags.</summary>
internal static class TagShape
{
    public static JsonObject Map(TagDescription t) => new()
    {
        ["Key"] = t.Key,
        ["ResourceId"] = t.ResourceId,
        ["ResourceType"] = t.ResourceType,
        ["Value"] = t.Value,
    };
}
