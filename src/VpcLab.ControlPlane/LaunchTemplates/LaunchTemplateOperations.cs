using System.Globalization;
using System.Text.RegularExpressions;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>CreateLaunchTemplate, CreateLaunchTemplateVersion, ModifyLaunchTemplate, DeleteLaunchTemplate,
/// DeleteLaunchTemplateVersions (docs/semantics.md#launch-templates). The describes are
/// <see cref="LaunchTemplateQueries"/>; RunInstances reads templates through <see cref="LaunchTemplateLaunch"/>.</summary>
public sealed partial class LaunchTemplateOperations
{
    private readonly ControlPlaneState _state;

    internal LaunchTemplateOperations(ControlPlaneState state)
    {
        _state = state;
        Queries = new LaunchTemplateQueries(state);
    }

    /// <summary>DescribeLaunchTemplates, DescribeLaunchTemplateVersions, GetLaunchTemplateData.</summary>
    public LaunchTemplateQueries Queries { get; }

    public LaunchTemplateVersionResult CreateLaunchTemplate(RequestContext ctx, CreateLaunchTemplateRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var name = request.LaunchTemplateName ?? throw Ec2Errors.MissingParameter("LaunchTemplateName");
            if (name.Length is < LaunchTemplateErrors.MinNameLength or > LaunchTemplateErrors.MaxNameLength || !NamePattern().IsMatch(name))
                throw LaunchTemplateErrors.NameMalformed();
            if (LaunchTemplateLookup.Named(tx, name) is not null)
                throw LaunchTemplateErrors.NameInUse(name);
            CheckDescription(request.VersionDescription);
            var data = LaunchTemplateDataMapper.FromRequest(request.LaunchTemplateData ?? throw Ec2Errors.MissingParameter("LaunchTemplateData"));
            var createdBy = CreatedBy(tx);
            var version = new LaunchTemplateVersion(1, request.VersionDescription, tx.Now, createdBy, data);
            var template = new LaunchTemplate(tx.NewId(IdPrefixes.LaunchTemplate), tx.Account, tx.RegionName, name, tx.Now, createdBy, 1, 1, [version]);
            tx.Put(template);
            tx.ApplyTagSpecifications(request.TagSpecifications, LaunchTemplateKind.ResourceType, template.Id);
            return new LaunchTemplateVersionResult(template, version);
        });

    public LaunchTemplateVersionResult CreateLaunchTemplateVersion(RequestContext ctx, CreateLaunchTemplateVersionRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var template = LaunchTemplateLookup.Require(tx, request.LaunchTemplateId, request.LaunchTemplateName);
            CheckDescription(request.VersionDescription);
            var data = LaunchTemplateDataMapper.FromRequest(request.LaunchTemplateData);
            if (request.SourceVersion is { } source)
                data = LaunchTemplateDataMapper.Inherit(LaunchTemplateLookup.RequireVersion(template, source).Data, data);
            var number = template.LastVersionNumber + 1;
            var version = new LaunchTemplateVersion(number, request.VersionDescription, tx.Now, CreatedBy(tx), data);
            var updated = template with { LastVersionNumber = number, Versions = template.Versions.Add(version) };
            tx.Put(updated);
            return new LaunchTemplateVersionResult(updated, version);
        });

    /// <summary>ModifyLaunchTemplate's SetDefaultVersion: a version of the template ($Latest, $Default or a number).</summary>
    public LaunchTemplate ModifyLaunchTemplate(RequestContext ctx, ModifyLaunchTemplateRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var template = LaunchTemplateLookup.Require(tx, request.LaunchTemplateId, request.LaunchTemplateName);
            if (request.DefaultVersion is not { } wanted)
                return template;
            var updated = template with { DefaultVersionNumber = LaunchTemplateLookup.RequireVersion(template, wanted).VersionNumber };
            tx.Put(updated);
            return updated;
        });

    /// <summary>Deletes the template and all its versions; instances launched from it are not affected.</summary>
    public LaunchTemplate DeleteLaunchTemplate(RequestContext ctx, DeleteLaunchTemplateRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var template = LaunchTemplateLookup.Require(tx, request.LaunchTemplateId, request.LaunchTemplateName);
            tx.RemoveLaunchTemplate(template.Id);
            tx.RemoveTags(template.Id);
            return template;
        });

    /// <summary>Each version is deleted or listed as unsuccessful with AWS's per-version code; the default version
    /// cannot be deleted ("you must first assign a different version as the default").</summary>
    public DeleteLaunchTemplateVersionsResult DeleteLaunchTemplateVersions(RequestContext ctx, DeleteLaunchTemplateVersionsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var versions = request.Versions is { Count: > 0 } v ? v : throw Ec2Errors.MissingParameter("LaunchTemplateVersion");
            if (versions.Count > LaunchTemplateErrors.MaxVersionsPerDelete)
                throw Ec2Errors.InvalidParameterValue($"You can delete up to {LaunchTemplateErrors.MaxVersionsPerDelete} launch template versions in a single request.");
            var (template, code) = LaunchTemplateLookup.Locate(tx, request.LaunchTemplateId, request.LaunchTemplateName);
            if (template is null)
                return new DeleteLaunchTemplateVersionsResult([], [.. versions.Select(x => new LaunchTemplateVersionFailure(
                    request.LaunchTemplateId, request.LaunchTemplateName, LaunchTemplateLookup.ParseNumber(x), code!,
                    "The specified launch template does not exist."))]);
            return DeleteVersions(tx, template, versions);
        });

    private static DeleteLaunchTemplateVersionsResult DeleteVersions(Transaction tx, LaunchTemplate template, IReadOnlyList<string> versions)
    {
        var deleted = new List<(string, string, long)>();
        var failed = new List<LaunchTemplateVersionFailure>();
        var remaining = template.Versions;
        foreach (var text in versions)
        {
            var number = LaunchTemplateLookup.ParseNumber(text);
            var version = number is { } n ? remaining.FirstOrDefault(x => x.VersionNumber == n) : null;
            if (version is null)
                failed.Add(new(template.Id, template.Name, number, LaunchTemplateErrors.VersionDoesNotExist,
                    $"The specified launch template version {text} does not exist."));
            else if (version.VersionNumber == template.DefaultVersionNumber)
                failed.Add(new(template.Id, template.Name, number, LaunchTemplateErrors.UnexpectedError,
                    "Cannot delete the default version of a launch template; assign a different version as the default first."));
            else
            {
                remaining = remaining.Remove(version);
                deleted.Add((template.Id, template.Name, version.VersionNumber));
            }
        }
        var updated = template with { Versions = remaining };
        tx.Put(updated);
        return new DeleteLaunchTemplateVersionsResult(deleted, failed);
    }

    private static void CheckDescription(string? description)
    {
        if (description is { Length: > LaunchTemplateErrors.MaxDescriptionLength })
            throw LaunchTemplateErrors.DescriptionTooLong();
    }

    /// <summary>AWS's CreatedBy: the caller's ARN (the lab's callers are account roots).</summary>
    private static string CreatedBy(Transaction tx) => string.Create(CultureInfo.InvariantCulture, $"arn:aws:iam::{tx.Account}:root");

    /// <summary>LaunchTemplateName's pattern (API_CreateLaunchTemplate.html): [a-zA-Z0-9\(\)\.\-/_]+.</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9\(\)\.\-/_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
