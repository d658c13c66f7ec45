using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>DescribeImages over the public catalogue (<see cref="ImageCatalog"/>), and the one check RunInstances
/// makes of its ImageId (docs/semantics.md#ami-catalogue,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html).</summary>
public sealed class ImageOperations
{
    /// <summary>Owner aliases DescribeImages' Owners accepts besides account ids and <c>self</c>.</summary>
    private static readonly HashSet<string> OwnerAliases = new(StringComparer.Ordinal) { "amazon", "aws-marketplace", "aws-backup-vault" };

    private const string ResolvePrefix = "resolve:ssm:";

    private readonly ControlPlaneState _state;
    private readonly SsmParameterStore _parameters;

    internal ImageOperations(ControlPlaneState state, SsmParameterStore parameters)
    {
        _state = state;
        _parameters = parameters;
    }

    public DescribeImagesResult DescribeImages(RequestContext ctx, DescribeImagesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var catalogue = ImageCatalog.InRegion(tx.RegionName);
            IEnumerable<Image> images = catalogue.Values.OrderBy(i => i.Name, StringComparer.Ordinal);
            if (request.ImageIds is { Count: > 0 } ids)
                images = ids.Distinct(StringComparer.Ordinal).Select(id => Require(tx.RegionName, id)).ToList();
            if (request.Owners is { Count: > 0 } owners)
            {
                foreach (var owner in owners)
                    CheckUser(owner, allowAll: false);
                images = images.Where(i => owners.Any(o => OwnedBy(i, o, tx.Account)));
            }
            if (request.ExecutableUsers is { Count: > 0 } users)
            {
                foreach (var user in users)
                    CheckUser(user, allowAll: true);
                // Every catalogue image is public: "all" lists it; an account (self included) lists only images
                // explicitly shared with it, and none is.
                images = images.Where(_ => users.Contains("all"));
            }
            return new DescribeImagesResult([.. Schema().Apply(images, request.Filters, tx.N)]);
        });

    /// <summary>The image RunInstances launches: the id checked as AWS checks it (malformed, then unknown in the
    /// Region), or a <c>resolve:ssm:</c> reference resolved through the Region's public parameters.</summary>
    public Image ResolveForLaunch(string region, string imageId)
    {
        ArgumentNullException.ThrowIfNull(imageId);
        if (imageId.StartsWith(ResolvePrefix, StringComparison.Ordinal))
        {
            var value = _parameters.TryResolve(region, imageId[ResolvePrefix.Length..]) ?? throw ImageErrors.ParameterNotResolved(imageId);
            return Require(region, value);
        }
        return Require(region, imageId);
    }

    private static Image Require(string region, string id)
    {
        if (!IdGenerator.IsWellFormed(id, IdPrefixes.Image))
            throw ImageErrors.Malformed(id);
        return ImageCatalog.Find(region, id) ?? throw ImageErrors.NotFound(id);
    }

    private static bool OwnedBy(Image image, string owner, AccountId caller) => owner switch
    {
        "self" => image.OwnerId == caller.Value,
        _ when OwnerAliases.Contains(owner) => image.OwnerAlias == owner,
        _ => image.OwnerId == owner,
    };

    private static void CheckUser(string value, bool allowAll)
    {
        bool ok = value == "self" || (allowAll ? value == "all" : OwnerAliases.Contains(value))
            || (value.Length == 12 && value.All(char.IsAsciiDigit));
        if (!ok)
            throw ImageErrors.UserMalformed(value);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The filters AWS documents for DescribeImages that a catalogue image has values for.</summary>
    private static FilterSchema<Image> Schema() => new FilterSchema<Image>(i => i.Id)
        .Add("architecture", i => i.Architecture)
        .Add("block-device-mapping.delete-on-termination", _ => "true")
        .Add("block-device-mapping.device-name", i => i.RootDeviceName)
        .Add("block-device-mapping.snapshot-id", i => i.RootSnapshotId)
        .Add("block-device-mapping.volume-size", i => Int(i.RootVolumeSize))
        .Add("block-device-mapping.volume-type", i => i.RootVolumeType)
        .Add("block-device-mapping.encrypted", _ => "false")
        .Add("creation-date", i => Timestamp(i.CreationDate))
        .Add("description", i => i.Description)
        .Add("ena-support", _ => "true")
        .Add("hypervisor", _ => "xen")
        .Add("image-id", i => i.Id)
        .Add("image-type", _ => "machine")
        .Add("imds-support", i => i.ImdsSupport)
        .Add("is-public", _ => Bool(true))
        .Add("name", i => i.Name)
        .Add("owner-alias", i => i.OwnerAlias)
        .Add("owner-id", i => i.OwnerId)
        .Add("platform", i => i.Platform)
        .Add("platform-details", i => i.PlatformDetails)
        .Add("root-device-name", i => i.RootDeviceName)
        .Add("root-device-type", _ => "ebs")
        .Add("sriov-net-support", _ => "simple")
        .Add("state", _ => "available")
        .Add("usage-operation", i => i.UsageOperation)
        .Add("virtualization-type", _ => "hvm");

    /// <summary>AWS's creationDate form: ISO 8601 with milliseconds and Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
