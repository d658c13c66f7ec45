using System.Text.Json.Nodes;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>KeyPair → DescribeKeyPairs' KeyPairInfo (PublicKey only when IncludePublicKey), and the outputs of
/// CreateKeyPair and ImportKeyPair (docs/semantics.md#key-pairs).</summary>
internal static class KeyPairShape
{
    public static JsonObject Info(KeyPair k, bool includePublicKey, ShapeContext c) => new()
    {
        ["KeyPairId"] = k.Id,
        ["KeyType"] = k.KeyType,
        ["Tags"] = c.Tags(k.Id),
        ["PublicKey"] = includePublicKey ? k.PublicKey : null,
        ["CreateTime"] = k.CreateTime,
        ["KeyName"] = k.Name,
        ["KeyFingerprint"] = k.Fingerprint,
    };

    public static JsonObject Created(KeyPair k, string keyMaterial, ShapeContext c) => new()
    {
        ["KeyPairId"] = k.Id,
        ["Tags"] = c.Tags(k.Id),
        ["KeyName"] = k.Name,
        ["KeyFingerprint"] = k.Fingerprint,
        ["KeyMaterial"] = keyMaterial,
    };

    public static JsonObject Imported(KeyPair k, ShapeContext c) => new()
    {
        ["KeyFingerprint"] = k.Fingerprint,
        ["KeyName"] = k.Name,
        ["KeyPairId"] = k.Id,
        ["Tags"] = c.Tags(k.Id),
    };
}
