using System.Collections.Frozen;
using System.Globalization;

namespace VpcLab.ControlPlane;

/// <summary>The lab's Systems Manager Parameter Store: AWS's public parameters that name the latest AMI of each line
/// of <see cref="ImageCatalog"/> (/aws/service/ami-amazon-linux-latest/…, /aws/service/canonical/ubuntu/…,
/// /aws/service/debian/release/…, /aws/service/ami-windows-latest/…), per Region. The one place every caller asks:
/// the SSM endpoint (GetParameter, GetParameters, GetParametersByPath), RunInstances' <c>resolve:ssm:</c> image ids,
/// and CloudFormation's <c>AWS::SSM::Parameter::Value&lt;…&gt;</c> parameters. AWS's validation and error codes are
/// here too (docs/semantics.md#ssm-public-parameters,
/// https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameters.html).</summary>
public sealed class SsmParameterStore
{
    public const string ParameterNotFoundCode = "ParameterNotFound";
    public const string ParameterVersionNotFoundCode = "ParameterVersionNotFound";
    public const string ValidationExceptionCode = "ValidationException";

    /// <summary>GetParameters' Names: 1 to 10 names (API reference, Names: "Array Members: Minimum number of 1 item.
    /// Maximum number of 10 items.").</summary>
    public const int MaxNames = 10;

    /// <summary>GetParametersByPath' MaxResults: 1 to 10.</summary>
    public const int MaxPathResults = 10;

    /// <summary>A parameter name (with its selector) is at most 2048 characters.</summary>
    public const int MaxNameLength = 2048;

    /// <summary>Every public parameter of the lab is at version 1 (a choice: AWS's are at whatever version their
    /// publisher reached).</summary>
    public const long PublicParameterVersion = 1;

    private readonly FrozenDictionary<string, FrozenDictionary<string, SsmParameter>> _byRegion;

    public SsmParameterStore(IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        _byRegion = regions.Distinct(StringComparer.Ordinal).ToFrozenDictionary(r => r, PublicParameters, StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, SsmParameter> PublicParameters(string region) =>
        ImageCatalog.Definitions
            .SelectMany(d => d.ParameterNames.Select(name =>
                new SsmParameter(name, ImageCatalog.IdOf(region, d.Name), PublicParameterVersion, d.CreationDate, region)))
            .ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>GetParameter: the parameter <paramref name="name"/> names (optionally <c>name:version</c>), or
    /// ParameterNotFound / ParameterVersionNotFound as AWS answers.</summary>
    public SsmParameter Get(string region, string? name)
    {
        CheckName(name, "name");
        return Find(region, name!, out var error) ?? throw error!;
    }

    /// <summary>GetParameters: the parameters found, in request order, and the names that are not
    /// (InvalidParameters), as AWS answers: an unknown name is not an error.</summary>
    public (IReadOnlyList<SsmParameter> Parameters, IReadOnlyList<string> InvalidParameters) GetMany(string region, IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
            throw Validation($"1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1");
        if (names.Count > MaxNames)
            throw Validation($"1 validation error detected: Value '[{string.Join(", ", names)}]' at 'names' failed to satisfy constraint: Member must have length less than or equal to {MaxNames}");
        foreach (var name in names)
            CheckName(name, "names");
        var found = new List<SsmParameter>();
        var invalid = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (Find(region, name, out _) is { } parameter)
                found.Add(parameter);
            else
                invalid.Add(name);
        }
        return (found, invalid);
    }

    /// <summary>GetParametersByPath: the parameters under <paramref name="path"/> (one level, or every level when
    /// <paramref name="recursive"/>), ordered by name. A path must start with '/'.</summary>
    public IReadOnlyList<SsmParameter> ByPath(string region, string? path, bool recursive)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length > MaxNameLength)
            throw Validation($"The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). ");
        var prefix = path.EndsWith('/') ? path : path + "/";
        return [.. ParametersOf(region).Values
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal) && (recursive || !p.Name.AsSpan(prefix.Length).Contains('/')))
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>The value of a parameter (name or name:version), or null when the Region has no such parameter:
    /// what RunInstances' <c>resolve:ssm:</c> and CloudFormation's SSM parameter types read.</summary>
    public string? TryResolve(string region, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length is > 0 and <= MaxNameLength ? Find(region, name, out _)?.Value : null;
    }

    private FrozenDictionary<string, SsmParameter> ParametersOf(string region) =>
        _byRegion.GetValueOrDefault(region) ?? FrozenDictionary<string, SsmParameter>.Empty;

    private SsmParameter? Find(string region, string reference, out SsmException? error)
    {
        var (name, selector) = Split(reference);
        error = null;
        if (!ParametersOf(region).TryGetValue(name, out var parameter))
        {
            error = new SsmException(ParameterNotFoundCode, "");
            return null;
        }
        if (selector is null)
            return parameter;
        if (long.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version == parameter.Version)
            return parameter;
        error = new SsmException(ParameterVersionNotFoundCode,
            $"Systems Manager could not find version {selector} of {name}. Verify the version and try again.");
        return null;
    }

    /// <summary>"name:selector" → (name, selector); a name has no ':' of its own.</summary>
    private static (string Name, string? Selector) Split(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon < 0 ? (reference, null) : (reference[..colon], reference[(colon + 1)..]);
    }

    private static void CheckName(string? name, string member)
    {
        if (string.IsNullOrEmpty(name))
            throw Validation($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
        if (name.Length > MaxNameLength)
            throw Validation($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must have length less than or equal to {MaxNameLength}");
    }

    private static SsmException Validation(string message) => new(ValidationExceptionCode, message);
}
