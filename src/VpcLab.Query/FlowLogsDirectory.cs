namespace VpcLab.Query;

/// <summary>Where delivered flow logs are read from: <c>vpclab traffic --out DIR</c> writes S3 objects under
/// <c>DIR/s3/{bucket}/…</c>, so a directory with an <c>s3</c> folder is read from there, any other as is.</summary>
public static class FlowLogsDirectory
{
    /// <summary>The default of <c>--logs</c> (and of <c>vpclab traffic --out</c>), relative to the working directory.</summary>
    public const string Default = "vpclab-out";

    /// <summary>The folder that stands for S3 inside an output directory.</summary>
    public const string S3Folder = "s3";

    public static string Resolve(string directory)
    {
        var s3 = Path.Combine(directory, S3Folder);
        return Directory.Exists(s3) ? s3 : directory;
    }
}
