namespace VpcLab.Query.Tests;

/// <summary><c>--logs DIR</c> accepts vpclab traffic's <c>--out DIR</c> (S3 objects under DIR/s3/) or the S3 root itself.</summary>
public sealed class FlowLogsDirectoryTests
{
    [Fact]
    public void Resolve_OutputDirectoryWithS3Folder_ReadsTheS3Folder()
    {
        using var tree = new FlowLogTree();
        var s3 = Path.Combine(tree.Root, "s3");
        Directory.CreateDirectory(s3);
        Assert.Equal(s3, FlowLogsDirectory.Resolve(tree.Root));
    }

    [Fact]
    public void Resolve_DirectoryWithoutS3Folder_IsReadAsIs()
    {
        using var tree = SampleLogs.WriteAll();
        Assert.Equal(tree.Root, FlowLogsDirectory.Resolve(tree.Root));
        using var query = FlowLogQuery.Open(FlowLogsDirectory.Resolve(tree.Root));
        Assert.Equal(3, query.Files.Count);
    }
}
