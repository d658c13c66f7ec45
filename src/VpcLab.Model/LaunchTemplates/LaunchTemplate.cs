using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An EC2 launch template (lt-…): a name unique in its account and Region, and numbered, immutable versions
/// of launch parameters, one of them the default (docs/semantics.md#launch-templates). Version numbers are never
/// reused: <see cref="LastVersionNumber"/> is the highest ever issued.</summary>
public sealed record LaunchTemplate(
    string Id, AccountId OwnerId, string Region, string Name, DateTimeOffset CreateTime, string CreatedBy,
    long DefaultVersionNumber, long LastVersionNumber, ImmutableArray<LaunchTemplateVersion> Versions)
{
    /// <summary>The highest version number that still exists (AWS's LatestVersionNumber).</summary>
    public long LatestVersionNumber => Versions.Max(v => v.VersionNumber);

    /// <summary>The version of that number, or null.</summary>
    public LaunchTemplateVersion? Version(long number)
    {
        foreach (var version in Versions)
        {
            if (version.VersionNumber == number)
                return version;
        }
        return null;
    }
}
