using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>DescribeLaunchTemplates, DescribeLaunchTemplateVersions and GetLaunchTemplateData
/// (docs/semantics.md#launch-templates).</summary>
public sealed class LaunchTemplateQueries
{
    private readonly ControlPlaneState _state;

    internal LaunchTemplateQueries(ControlPlaneState state)
    {
        _state = state;
    }

    public DescribeLaunchTemplatesResult DescribeLaunchTemplates(RequestContext ctx, DescribeLaunchTemplatesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            // The ids and names asked are looked up (a name must be among the ids' templates when both are given); the
            // filter launch-template-name comes from the index's row (IndexedKinds.LaunchTemplate).
            List<LaunchTemplate>? named = null;
            if (request.LaunchTemplateIds is { Count: > 0 } ids)
                named = [.. ids.Distinct(StringComparer.Ordinal).Select(id => tx.Require(LaunchTemplateKind.Kind, id))];
            if (request.LaunchTemplateNames is { Count: > 0 } names)
            {
                var byName = names.Select(name => (Name: name, Template: named is null ? LaunchTemplateLookup.Named(tx, name) : named.Find(t => t.Name == name))).ToList();
                foreach (var (name, _) in byName.Where(x => x.Template is null))
                    throw LaunchTemplateErrors.NameNotFound(name);
                named = [.. byName.Select(x => x.Template!).Distinct()];
            }
            var schema = new FilterSchema<LaunchTemplate>(IndexedKinds.LaunchTemplate)
                .Add("create-time", t => Time(t.CreateTime));
            return new DescribeLaunchTemplatesResult([.. schema.Select(tx, request.Filters, named)]);
        });

    /// <summary>Versions of one template (by id or name), or — with no template — the $Latest or $Default version
    /// of every template of the caller, as AWS allows.</summary>
    public DescribeLaunchTemplateVersionsResult DescribeLaunchTemplateVersions(RequestContext ctx, DescribeLaunchTemplateVersionsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var versions = request.Versions ?? [];
            IEnumerable<LaunchTemplateVersionResult> selected;
            if (request.LaunchTemplateId is null && request.LaunchTemplateName is null)
            {
                if (versions.Count == 0 || versions.Any(v => v is not (LaunchTemplateLookup.Latest or LaunchTemplateLookup.Default)))
                    throw LaunchTemplateErrors.IdOrName();
                selected = LaunchTemplateLookup.Mine(tx).SelectMany(t => versions.Select(v => new LaunchTemplateVersionResult(t, LaunchTemplateLookup.RequireVersion(t, v))));
            }
            else
            {
                var template = LaunchTemplateLookup.Require(tx, request.LaunchTemplateId, request.LaunchTemplateName);
                selected = versions.Count > 0
                    ? versions.Select(v => new LaunchTemplateVersionResult(template, LaunchTemplateLookup.RequireVersion(template, v)))
                    : template.Versions.Select(v => new LaunchTemplateVersionResult(template, v));
            }
            var min = Bound(request.MinVersion, "MinVersion");
            var max = Bound(request.MaxVersion, "MaxVersion");
            selected = selected.Where(x => (min is null || x.Version.VersionNumber >= min) && (max is null || x.Version.VersionNumber <= max))
                .DistinctBy(x => (x.Template.Id, x.Version.VersionNumber));
            return new DescribeLaunchTemplateVersionsResult([.. VersionFilters().Apply(selected, request.Filters, tx.N)
                .OrderBy(x => x.Template.Id, StringComparer.Ordinal).ThenBy(x => x.Version.VersionNumber)]);
        });

    /// <summary>GetLaunchTemplateData: the launch parameters of a running instance, as a template would hold them.</summary>
    public LaunchTemplateData GetLaunchTemplateData(RequestContext ctx, GetLaunchTemplateDataRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var instance = tx.Require(ResourceKinds.Instance, request.InstanceId ?? throw Ec2Errors.MissingParameter("InstanceId"));
            var interfaces = instance.NetworkInterfaces.Select((id, index) => (eni: tx.N.NetworkInterfaces[id], index)).Select(x => new LaunchTemplateNetworkInterface
            {
                DeviceIndex = x.eni.Attachment?.DeviceIndex ?? x.index,
                SubnetId = x.eni.SubnetId.Value,
                Description = x.eni.Description,
                Groups = [.. x.eni.Groups.Select(g => g.Value)],
                PrivateIpAddress = x.eni.PrimaryPrivateIp.ToString(),
                DeleteOnTermination = x.eni.Attachment?.DeleteOnTermination,
            });
            return new LaunchTemplateData
            {
                ImageId = instance.ImageId,
                InstanceType = instance.InstanceType,
                KeyName = instance.KeyName,
                UserData = instance.UserData,
                NetworkInterfaces = [.. interfaces],
                Placement = tx.N.Subnets.TryGetValue(instance.SubnetId, out var subnet) ? new LaunchTemplatePlacement { AvailabilityZone = subnet.AvailabilityZone.Name } : null,
                DisableApiTermination = instance.DisableApiTermination,
                DisableApiStop = instance.DisableApiStop,
                PrivateDnsNameOptions = new LaunchTemplatePrivateDnsNameOptions
                {
                    HostnameType = HostnameOptions.Name(instance.PrivateDnsNameOptions.HostnameType),
                    EnableResourceNameDnsARecord = instance.PrivateDnsNameOptions.EnableResourceNameDnsARecord,
                    EnableResourceNameDnsAAAARecord = instance.PrivateDnsNameOptions.EnableResourceNameDnsAAAARecord,
                },
            };
        });

    private static long? Bound(string? value, string parameter) =>
        value is null ? null
        : LaunchTemplateLookup.ParseNumber(value) ?? throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. A version number is expected.");

    /// <summary>DescribeLaunchTemplateVersions' filters that the kept parameters answer (API_DescribeLaunchTemplateVersions.html).</summary>
    private static FilterSchema<LaunchTemplateVersionResult> VersionFilters() => new FilterSchema<LaunchTemplateVersionResult>(_ => null)
        .Add("create-time", x => Time(x.Version.CreateTime))
        .Add("image-id", x => x.Version.Data.ImageId)
        .Add("instance-type", x => x.Version.Data.InstanceType)
        .Add("is-default-version", x => x.Version.VersionNumber == x.Template.DefaultVersionNumber ? "true" : "false")
        .Add("iam-instance-profile", x => x.Version.Data.IamInstanceProfile?.Arn ?? x.Version.Data.IamInstanceProfile?.Name)
        .Add("http-endpoint", x => x.Version.Data.MetadataOptions?.HttpEndpoint)
        .Add("http-tokens", x => x.Version.Data.MetadataOptions?.HttpTokens)
        .Add("http-protocol-ipv6", x => x.Version.Data.MetadataOptions?.HttpProtocolIpv6)
        .Add("http-put-response-hop-limit", x => x.Version.Data.MetadataOptions?.HttpPutResponseHopLimit?.ToString(CultureInfo.InvariantCulture))
        .Add("metadata-options.instance-metadata-tags", x => x.Version.Data.MetadataOptions?.InstanceMetadataTags);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
