using System.Buffers.Binary;
using System.Text;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair, and the check RunInstances makes of
/// KeyName (docs/semantics.md#key-pairs). Key material is drawn from the control plane's id stream (seed and
/// counter), which a replay of the operation log reproduces, so the same log gives the same keys.</summary>
public sealed class KeyPairOperations
{
    public const string ResourceType = "key-pair";

    private readonly ControlPlaneState _state;

    internal KeyPairOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateKeyPairResult CreateKeyPair(RequestContext ctx, CreateKeyPairRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var name = CheckNewName(tx, request.KeyName);
            var type = request.KeyType ?? KeyMaterial.Rsa;
            if (type is not (KeyMaterial.Rsa or KeyMaterial.Ed25519Type))
                throw KeyPairErrors.InvalidKeyType(type);
            var format = request.KeyFormat ?? KeyMaterial.Pem;
            if (format is not (KeyMaterial.Pem or KeyMaterial.Ppk))
                throw KeyPairErrors.InvalidKeyFormat(format);
            var seed = new byte[32];
            for (int i = 0; i < 4; i++)
                BinaryPrimitives.WriteUInt64BigEndian(seed.AsSpan(i * 8), tx.NextRandom());
            var (publicKey, fingerprint, privateKey) = KeyMaterial.Create(type, format, name, seed);
            var keyPair = Add(tx, name, type, fingerprint, publicKey, request.TagSpecifications);
            return new CreateKeyPairResult(keyPair, privateKey);
        });

    public ImportKeyPairResult ImportKeyPair(RequestContext ctx, ImportKeyPairRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var name = CheckNewName(tx, request.KeyName);
            var material = request.PublicKeyMaterial ?? throw Ec2Errors.MissingParameter("PublicKeyMaterial");
            string text;
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(material));
            }
            catch (FormatException)
            {
                throw KeyPairErrors.Format();
            }
            var (type, publicKey, fingerprint) = KeyMaterial.Import(text) ?? throw KeyPairErrors.Format();
            return new ImportKeyPairResult(Add(tx, name, type, fingerprint, publicKey, request.TagSpecifications));
        });

    public DescribeKeyPairsResult DescribeKeyPairs(RequestContext ctx, DescribeKeyPairsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            // Each name and id asked is looked up (names are unique per account and Region); the filters key-pair-id and
            // key-name come from the index's row (IndexedKinds.KeyPair). AWS lists key pairs by name.
            List<KeyPair>? named = null;
            if (request.KeyNames is { Count: > 0 } names)
                named = [.. names.Distinct(StringComparer.Ordinal).Select(name => Named(tx, name) ?? throw KeyPairErrors.NotFound(name))];
            if (request.KeyPairIds is { Count: > 0 } ids)
            {
                var byId = ids.Distinct(StringComparer.Ordinal).Select(id => Mine(tx, tx.N.KeyPairs.GetValueOrDefault(id)) ?? throw KeyPairErrors.IdNotFound(id)).ToList();
                named = named is null ? byId : [.. named.Where(byId.Contains)];
            }
            var schema = new FilterSchema<KeyPair>(IndexedKinds.KeyPair)
                .Add("fingerprint", k => k.Fingerprint)
                .Add("key-type", k => k.KeyType);
            return new DescribeKeyPairsResult([.. schema.Select(tx, request.Filters, named).OrderBy(k => k.Name, StringComparer.Ordinal)],
                request.IncludePublicKey == true);
        });

    public DeleteKeyPairResult DeleteKeyPair(RequestContext ctx, DeleteKeyPairRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            if (request.KeyName is null && request.KeyPairId is null)
                throw Ec2Errors.MissingParameter("KeyName or KeyPairId");
            var keyPair = request.KeyPairId is { } id ? Mine(tx, tx.N.KeyPairs.GetValueOrDefault(id)) : Named(tx, request.KeyName!);
            if (keyPair is null)
                return new DeleteKeyPairResult(true, null); // AWS: deleting a key pair that is not there succeeds
            tx.RemoveKeyPair(keyPair.Id);
            tx.RemoveTags(keyPair.Id);
            return new DeleteKeyPairResult(true, keyPair.Id);
        });

    /// <summary>RunInstances' KeyName: a key pair of the caller in the Region, else InvalidKeyPair.NotFound.</summary>
    internal static void RequireForLaunch(Transaction tx, string? keyName)
    {
        if (keyName is not null && Named(tx, keyName) is null)
            throw KeyPairErrors.NotFound(keyName);
    }

    private static KeyPair? Mine(Transaction tx, KeyPair? keyPair) => keyPair is not null && tx.Owned(keyPair.OwnerId, keyPair.Region) ? keyPair : null;

    /// <summary>The caller's key pair of that name in the Region (names are unique there), or null.</summary>
    private static KeyPair? Named(Transaction tx, string name) =>
        tx.Where(IndexedKinds.KeyPair, "key-name", name).FirstOrDefault(k => tx.Owned(k.OwnerId, k.Region));

    private static string CheckNewName(Transaction tx, string? name)
    {
        if (name is null)
            throw Ec2Errors.MissingParameter("KeyName");
        if (name.Length is 0 or > KeyPairErrors.MaxNameLength || !Ascii.IsValid(name))
            throw KeyPairErrors.InvalidName(name);
        if (Named(tx, name) is not null)
            throw KeyPairErrors.Duplicate(name);
        return name;
    }

    private static KeyPair Add(Transaction tx, string name, string type, string fingerprint, string publicKey, IReadOnlyList<TagSpecification>? tags)
    {
        var keyPair = new KeyPair(tx.NewId(IdPrefixes.KeyPair), tx.Account, tx.RegionName, name, type, fingerprint, publicKey, tx.Now);
        tx.Put(keyPair);
        tx.ApplyTagSpecifications(tags, ResourceType, keyPair.Id);
        return keyPair;
    }
}
