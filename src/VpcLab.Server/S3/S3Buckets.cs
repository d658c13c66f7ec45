using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.S3;

/// <summary>The S3 API's buckets are the world's buckets (<see cref="Network.Buckets"/>, the ones traces read):
/// existence, owner, Region and policy come from the control plane, and every change goes through the server
/// state as a logged operation (<see cref="BucketLogOperations"/>), so it survives a restart. A folder of the object
/// store that the world does not know (a flow-log delivery wrote it) counts as a bucket of the default account in
/// the default Region, without a policy, as before buckets were part of the world.</summary>
public sealed class S3Buckets(ServerState state, S3BucketStore objects, AccountId defaultAccount, string defaultRegion)
{
    /// <summary>The bucket, from the world or else from a delivery's folder; null when neither has it.</summary>
    public S3Bucket? Find(string name)
    {
        if (state.ControlPlane.Network.Buckets.TryGetValue(name, out var bucket))
            return bucket;
        return objects.FolderCreated(name) is { } created
            ? new S3Bucket(name, defaultAccount, defaultRegion, null) { CreationDate = created }
            : null;
    }

    /// <summary>The account's buckets, by name.</summary>
    public IReadOnlyList<S3Bucket> List(string account)
    {
        var world = state.ControlPlane.Network.Buckets;
        return world.Values
            .Concat(objects.Folders().Where(f => !world.ContainsKey(f.Bucket))
                .Select(f => new S3Bucket(f.Bucket, defaultAccount, defaultRegion, null) { CreationDate = f.Created }))
            .Where(b => b.OwnerId.Value == account)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The bucket, if <paramref name="account"/> owns it: NoSuchBucket, else AccessDenied.</summary>
    public S3Bucket Require(string account, string name)
    {
        var found = Find(name) ?? throw S3Errors.NoSuchBucket(name);
        return found.OwnerId.Value == account ? found : throw S3Errors.AccessDenied(name);
    }

    public async Task<S3Bucket> CreateAsync(string account, string signingRegion, string region, string name)
    {
        if (!S3BucketName.IsValid(name))
            throw S3Errors.InvalidBucketName(name);
        if (Find(name) is { } existing)
            throw existing.OwnerId.Value == account ? S3Errors.BucketAlreadyOwnedByYou(name) : S3Errors.BucketAlreadyExists(name);
        await RunAsync(account, signingRegion, BucketLogOperations.CreateBucket, BucketLogOperations.Parameters(name, region: region), name).ConfigureAwait(false);
        return Require(account, name);
    }

    /// <summary>BucketNotEmpty while the object store holds an object of it; a delivery's folder is simply
    /// removed.</summary>
    public async Task DeleteAsync(string account, string signingRegion, string name)
    {
        Require(account, name);
        if (objects.HasObjects(name))
            throw S3Errors.BucketNotEmpty(name);
        if (state.ControlPlane.Network.Buckets.ContainsKey(name))
            await RunAsync(account, signingRegion, BucketLogOperations.DeleteBucket, BucketLogOperations.Parameters(name), name).ConfigureAwait(false);
        objects.DeleteFolder(name);
    }

    /// <summary>The policy text as it was put, or NoSuchBucketPolicy.</summary>
    public string GetPolicy(string account, string name)
    {
        Require(account, name);
        return state.ControlPlane.Network.Buckets.GetValueOrDefault(name)?.Policy ?? throw S3Errors.NoSuchBucketPolicy(name);
    }

    /// <summary>A delivery's folder becomes a bucket of the world first, so its policy has a bucket to live on.</summary>
    public async Task PutPolicyAsync(string account, string signingRegion, string name, string policy)
    {
        var bucket = Require(account, name);
        if (!state.ControlPlane.Network.Buckets.ContainsKey(name))
            await RunAsync(account, signingRegion, BucketLogOperations.CreateBucket, BucketLogOperations.Parameters(name, region: bucket.Region), name).ConfigureAwait(false);
        await RunAsync(account, signingRegion, BucketLogOperations.PutBucketPolicy, BucketLogOperations.Parameters(name, policy: policy), name).ConfigureAwait(false);
    }

    public async Task DeletePolicyAsync(string account, string signingRegion, string name)
    {
        Require(account, name);
        if (state.ControlPlane.Network.Buckets.ContainsKey(name))
            await RunAsync(account, signingRegion, BucketLogOperations.DeleteBucketPolicy, BucketLogOperations.Parameters(name), name).ConfigureAwait(false);
    }

    private async Task RunAsync(string account, string region, string operation, System.Text.Json.Nodes.JsonObject parameters, string bucket)
    {
        try
        {
            await state.MutateAsync(new RequestContext(new AccountId(account), region), operation, parameters).ConfigureAwait(false);
        }
        catch (Ec2Exception e)
        {
            throw S3Errors.FromControlPlane(e, bucket);
        }
    }
}
