using System.Collections.Immutable;

namespace VpcLab.Model.Policies;

/// <summary>An IAM resource-policy document (a VPC endpoint policy or an S3 bucket policy), parsed and checked
/// as AWS checks it. <see cref="Kind"/> travels with the document: evaluation reads an account-id principal
/// differently for each kind (docs/semantics.md#policies).</summary>
public sealed record PolicyDocument(PolicyKind Kind, string? Version, string? Id, ImmutableArray<PolicyStatement> Statements)
{
    /// <summary>The policy AWS attaches to an endpoint created without one (and restores on
    /// ModifyVpcEndpoint ResetPolicy=true): full access for everyone (spec/gateways-endpoints-peering.md).</summary>
    public const string DefaultEndpointPolicyJson =
        """{"Statement":[{"Action":"*","Effect":"Allow","Principal":"*","Resource":"*"}]}""";

    /// <summary>Endpoint policies are at most 20,480 characters (EC2 quota); S3 bucket policies 20 KB.</summary>
    public const int MaxLength = 20_480;

    public const string Version2012 = "2012-10-17";
    public const string Version2008 = "2008-10-17";

    /// <summary><see cref="DefaultEndpointPolicyJson"/>, parsed.</summary>
    public static readonly PolicyDocument DefaultEndpointPolicy = Parse(DefaultEndpointPolicyJson, PolicyKind.VpcEndpoint);

    /// <summary>Parses and validates; throws <see cref="PolicyValidationException"/> naming the problem.</summary>
    public static PolicyDocument Parse(string json, PolicyKind kind) => PolicyDocumentParser.Parse(json, kind);

    /// <summary>Parses and validates; on failure returns false and the exception that <see cref="Parse"/> would
    /// have thrown (its message and AWS error code).</summary>
    public static bool TryParse(string? json, PolicyKind kind, out PolicyDocument? document, out PolicyValidationException? error)
    {
        try
        {
            document = PolicyDocumentParser.Parse(json, kind);
            error = null;
            return true;
        }
        catch (PolicyValidationException e)
        {
            document = null;
            error = e;
            return false;
        }
    }

    public bool Equals(PolicyDocument? other) =>
        other is not null && Kind == other.Kind && Version == other.Version && Id == other.Id
        && Statements.SequenceEqual(other.Statements);

    public override int GetHashCode() => HashCode.Combine(Kind, Version, Id, Statements.Length);
}
