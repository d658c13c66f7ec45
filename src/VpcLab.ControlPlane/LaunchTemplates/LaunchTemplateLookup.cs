using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>How every launch template action and RunInstances find a template (by id or by name, exactly one) and a
/// version (a number, $Latest or $Default): one rule, used everywhere (docs/semantics.md#launch-templates).</summary>
internal static class LaunchTemplateLookup
{
    public const string Latest = "$Latest";
    public const string Default = "$Default";

    /// <summary>The caller's templates in the Region.</summary>
    public static IEnumerable<LaunchTemplate> Mine(Transaction tx) => tx.Mine(IndexedKinds.LaunchTemplate);

    /// <summary>The caller's template of that name in the Region (names are unique there), or null.</summary>
    public static LaunchTemplate? Named(Transaction tx, string? name) => name is null ? null :
        tx.Where(IndexedKinds.LaunchTemplate, "launch-template-name", name).FirstOrDefault(t => tx.Owned(t.OwnerId, t.Region));

    /// <summary>The template named by id or by name: MissingParameter without either, InvalidParameterCombination with
    /// both, else the kind's Malformed/NotFound for an id and InvalidLaunchTemplateName.NotFoundException for a name.</summary>
    public static LaunchTemplate Require(Transaction tx, string? id, string? name)
    {
        if (id is null && name is null)
            throw LaunchTemplateErrors.IdOrName();
        if (id is not null && name is not null)
            throw LaunchTemplateErrors.IdAndName();
        if (id is not null)
            return tx.Require(LaunchTemplateKind.Kind, id);
        return Named(tx, name) ?? throw LaunchTemplateErrors.NameNotFound(name!);
    }

    /// <summary>DeleteLaunchTemplateVersions' lookup: the template, or null and AWS's per-version ResponseError code
    /// (launchTemplateIdMalformed, launchTemplateIdDoesNotExist, launchTemplateNameDoesNotExist).</summary>
    public static (LaunchTemplate? Template, string? FailureCode) Locate(Transaction tx, string? id, string? name)
    {
        if (id is null && name is null)
            throw LaunchTemplateErrors.IdOrName();
        if (id is not null && name is not null)
            throw LaunchTemplateErrors.IdAndName();
        if (id is not null)
        {
            if (!LaunchTemplateKind.Kind.IsWellFormed(id))
                return (null, LaunchTemplateErrors.IdMalformed);
            return tx.Find(LaunchTemplateKind.Kind, id) is { } byId ? (byId, null) : (null, LaunchTemplateErrors.IdDoesNotExist);
        }
        return Named(tx, name) is { } byName ? (byName, null) : (null, LaunchTemplateErrors.NameDoesNotExist);
    }

    /// <summary>The version a version string names ($Latest, $Default or a number), else null.</summary>
    public static LaunchTemplateVersion? Find(LaunchTemplate template, string version) => version switch
    {
        Latest => template.Version(template.LatestVersionNumber),
        Default => template.Version(template.DefaultVersionNumber),
        _ => ParseNumber(version) is { } number ? template.Version(number) : null,
    };

    /// <summary>The version a version string names, else InvalidLaunchTemplateId.VersionNotFound.</summary>
    public static LaunchTemplateVersion RequireVersion(LaunchTemplate template, string version) =>
        Find(template, version) ?? throw LaunchTemplateErrors.VersionNotFound(version, template.Id);

    /// <summary>A version number as AWS writes it (a positive integer), else null.</summary>
    public static long? ParseNumber(string? version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
