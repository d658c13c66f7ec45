namespace VpcLab.Import.Tests;

/// <summary>A temporary copy of a fixture folder, deleted on dispose.</summary>
internal sealed class TempCopy(string path) : IDisposable
{
    public string Path { get; } = path;

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
