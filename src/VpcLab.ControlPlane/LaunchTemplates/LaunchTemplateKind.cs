using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The launch template row of <see cref="ResourceKinds"/>: lt- ids, InvalidLaunchTemplateId.Malformed and
/// .NotFound, the owner rule, tag type "launch-template" (CreateTags, DescribeTags and DeleteTags accept its ids).</summary>
public static class LaunchTemplateKind
{
    public const string ResourceType = "launch-template";

    public static readonly ResourceKind<string, LaunchTemplate> Kind = new(
        "launch template", IdPrefixes.LaunchTemplate, "LaunchTemplateId", ResourceType,
        LaunchTemplateErrors.IdMalformedError, LaunchTemplateErrors.IdNotFound,
        id => id, (n, id) => n.LaunchTemplates.GetValueOrDefault(id), (t, c) => t.OwnerId == c.Account && t.Region == c.Region);
}
