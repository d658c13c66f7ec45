using System.Text;
using VpcLab.FlowLogs.Delivery.S3;

namespace VpcLab.FlowLogs.Tests.Delivery;

public sealed class LocalDirectoryBucketStoreTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("vpclab-bucket-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task An_object_is_the_file_root_bucket_key()
    {
        var store = new LocalDirectoryBucketStore(_root);
        await store.PutObjectAsync("my-bucket", "a/b/c.log.gz", Encoding.UTF8.GetBytes("hello"), cancellationToken: Ct);
        var path = Path.Combine(_root, "my-bucket", "a", "b", "c.log.gz");
        Assert.Equal("hello", await File.ReadAllTextAsync(path, Ct));
        Assert.Equal(path, store.PathOf("my-bucket", "a/b/c.log.gz"));
        Assert.Equal("hello", Encoding.UTF8.GetString((await store.GetObjectAsync("my-bucket", "a/b/c.log.gz", cancellationToken: Ct))!));
    }

    [Fact]
    public async Task List_gives_keys_under_a_prefix_in_ordinal_order_and_no_temporary_files()
    {
        var store = new LocalDirectoryBucketStore(_root);
        foreach (var key in new[] { "x/2.gz", "x/10.gz", "y/1.gz", "x/a/1.gz" })
            await store.PutObjectAsync("b-1", key, new MemoryStream([1, 2, 3]), cancellationToken: Ct);
        Assert.Equal(["x/10.gz", "x/2.gz", "x/a/1.gz"], await store.ListAsync("b-1", "x/", cancellationToken: Ct));
        Assert.Equal(4, (await store.ListAsync("b-1", cancellationToken: Ct)).Count);
        Assert.Empty(await store.ListAsync("no-such-bucket", cancellationToken: Ct));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(_root, "b-1"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_missing_object_is_null()
    {
        Assert.Null(await new LocalDirectoryBucketStore(_root).GetObjectAsync("my-bucket", "nothing", cancellationToken: Ct));
    }

    [Theory]
    [InlineData("my-bucket", "../escape")]
    [InlineData("my-bucket", "a/../../escape")]
    [InlineData("my-bucket", "/absolute")]
    [InlineData("my-bucket", "a//b")]
    [InlineData("My_Bucket", "key")]
    [InlineData("..", "key")]
    public async Task Bad_bucket_names_and_keys_are_refused_with_a_message_naming_them(string bucket, string key)
    {
        var store = new LocalDirectoryBucketStore(_root);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.PutObjectAsync(bucket, key, new byte[1], cancellationToken: Ct));
        Assert.True(e.Message.Contains(key, StringComparison.Ordinal) || e.Message.Contains(bucket, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }
}
