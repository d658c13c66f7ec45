using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reachability;

/// <summary>The request parameters of a path or an analysis besides its ends: IPv4 addresses, filters, port
/// ranges, ARNs, account ids and tags, checked as docs/semantics.md#errors lists.</summary>
internal static class PathParameters
{
    /// <summary>RA analyses IPv4 only (spec/reachability.md §1.1).</summary>
    public static IpAddress? Ipv4(string? value, string parameter)
    {
        if (value is null)
            return null;
        if (!IpAddress.TryParse(value, out var address))
            throw Ec2Errors.InvalidIpAddress(value, parameter);
        if (!address.IsV4)
            throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. Reachability Analyzer supports IPv4 addresses only.");
        return address;
    }

    public static PathFilter? Filter(PathRequestFilter? filter, string parameter)
    {
        if (filter is null)
            return null;
        var result = new PathFilter(
            Ipv4(filter.SourceAddress, parameter + ".sourceAddress"), Ports(filter.SourcePortRange, parameter + ".sourcePortRange"),
            Ipv4(filter.DestinationAddress, parameter + ".destinationAddress"), Ports(filter.DestinationPortRange, parameter + ".destinationPortRange"));
        return result is { SourceAddress: null, SourcePortRange: null, DestinationAddress: null, DestinationPortRange: null } ? null : result;
    }

    /// <summary>A filter port range: FromPort and ToPort in 0–65535, From ≤ To; a missing bound is the other one.</summary>
    public static PortRange? Ports(RequestFilterPortRange? range, string parameter)
    {
        if (range is null || (range.FromPort is null && range.ToPort is null))
            return null;
        int from = range.FromPort ?? range.ToPort!.Value;
        int to = range.ToPort ?? from;
        if (from is < 0 or > 65535 || to is < 0 or > 65535)
            throw Ec2Errors.InvalidParameterValue($"Value ({from}-{to}) for parameter {parameter} is invalid. Ports must be between 0 and 65535.");
        if (from > to)
            throw Ec2Errors.InvalidParameterValue($"Value ({from}-{to}) for parameter {parameter} is invalid. FromPort must not be greater than ToPort.");
        return new PortRange((ushort)from, (ushort)to);
    }

    public static ImmutableArray<string> Arns(IReadOnlyList<string>? arns, string parameter)
    {
        foreach (var arn in arns ?? [])
        {
            if (!arn.StartsWith("arn:", StringComparison.Ordinal) || arn.Split(':').Length < 6)
                throw Ec2Errors.InvalidParameterValue($"Value ({arn}) for parameter {parameter} is invalid. It is not an ARN.");
        }
        return (arns ?? []).ToImmutableArray();
    }

    /// <summary>AdditionalAccounts: each a 12-digit account id.</summary>
    public static ImmutableArray<string> Accounts(IReadOnlyList<string>? accounts)
    {
        foreach (var account in accounts ?? [])
        {
            if (account.Length != 12 || !account.All(char.IsAsciiDigit))
                throw Ec2Errors.InvalidParameterValue($"Value ({account}) for parameter additionalAccount is invalid. It must be a 12-digit account ID.");
        }
        return (accounts ?? []).ToImmutableArray();
    }

    /// <summary>TagSpecifications as the control plane checks them (only <paramref name="resourceType"/>; each
    /// with a tag; keys 1–128 characters, not aws:; values up to 256).</summary>
    public static Tags TagsFor(IReadOnlyList<TagSpecification>? specs, string resourceType)
    {
        var tags = Tags.Empty;
        foreach (var (key, value) in TagRules.FromSpecifications(specs, resourceType, [resourceType]))
            tags = tags.With(key, value);
        TagRules.CheckCount(tags.Count);
        return tags;
    }
}
