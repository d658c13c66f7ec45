using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.TerraformReplays;

/// <summary>What a replay of the Terraform AWS provider's calls needs: the SDK client against a loopback server, the
/// provider's waiters (poll a Describe until the state the provider waits for, as its StateChangeConf does) and its
/// "gone" check (a Describe answering the resource's NotFound code or nothing). No timing: VpcLab's states are
/// reached on a bounded number of polls (docs/semantics.md#terraform-replays).</summary>
internal sealed class ProviderReplay
{
    /// <summary>How many polls a waiter makes before the replay fails: VpcLab reaches every state the provider
    /// waits for on the first, so a few are plenty.</summary>
    public const int MaxPolls = 5;

    public ProviderReplay(AmazonEC2Client client, CancellationToken ct, Uri? serverUrl = null)
    {
        Client = client;
        Ct = ct;
        ServerUrl = serverUrl;
    }

    public AmazonEC2Client Client { get; }

    /// <summary>The server's URL, for the S3 calls of a resource that needs a bucket (aws_s3_bucket).</summary>
    public Uri? ServerUrl { get; }

    public CancellationToken Ct { get; }

    /// <summary>A tag specification as the provider builds it from <c>tags</c> (getTagSpecificationsIn).</summary>
    public static List<TagSpecification> Tags(ResourceType type, string name) =>
        [new TagSpecification { ResourceType = type, Tags = [new Tag("Name", name)] }];

    /// <summary>The provider's waiter: polls <paramref name="state"/> until it answers <paramref name="target"/>.</summary>
    public async Task<string> WaitAsync(string what, Func<Task<string?>> state, string target)
    {
        string? last = null;
        for (int i = 0; i < MaxPolls; i++)
        {
            last = await state();
            if (last == target)
                return last;
        }
        Assert.Fail($"{what}: waited for '{target}', last state '{last}'");
        return last!;
    }

    /// <summary>The provider's delete waiter (RetryUntilNotFound / a Describe answering the NotFound code, or a
    /// deleted state, or an empty list).</summary>
    public async Task GoneAsync(string what, Func<Task<int>> count, string notFoundCode)
    {
        try
        {
            Assert.True(await count() == 0, $"{what} is still listed after delete");
        }
        catch (AmazonEC2Exception e)
        {
            Assert.True(e.ErrorCode == notFoundCode, $"{what}: expected {notFoundCode}, got {e.ErrorCode}: {e.Message}");
        }
    }

    /// <summary>A field the provider reads: present (not null, not empty).</summary>
    public static T Present<T>(T? value, string field)
        where T : class
    {
        Assert.True(value is not null, $"{field} is missing");
        if (value is string s)
            Assert.True(s.Length > 0, $"{field} is empty");
        return value!;
    }

    /// <summary>A field the provider reads as a pointer to a value type (aws.ToBool/ToInt32 of a present value).</summary>
    public static T Present<T>(T? value, string field)
        where T : struct
    {
        Assert.True(value.HasValue, $"{field} is missing");
        return value!.Value;
    }
}
