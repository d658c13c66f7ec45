namespace VpcLab.ControlPlane.Persistence;

/// <summary>The one writer of a data directory: <see cref="FileName"/> held open exclusively (on Unix .NET takes an
/// advisory <c>flock</c>, released by the kernel when the process ends, however it ends) for as long as a journal
/// writes the log there, so a second server (or <c>vpclab apply</c>) on the same directory is refused instead of
/// appending to the same log. Readers of the log (<see cref="OperationLog.Read"/>) do not take it.</summary>
internal sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "vpclab.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="directory"/> (created if missing), or throws
    /// <see cref="DataDirectoryInUseException"/> when another writer holds it.</summary>
    public static DataDirectoryLock Take(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DataDirectoryInUseException(
                $"the data directory {Path.GetFullPath(directory)} is in use by another VpcLab server (it holds {FileName}); stop it or give another --data", e);
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>Another process writes the data directory (<see cref="DataDirectoryLock"/>).</summary>
public sealed class DataDirectoryInUseException : IOException
{
    public DataDirectoryInUseException(string message, Exception inner) : base(message, inner) { }

    public DataDirectoryInUseException(string message) : base(message) { }

    public DataDirectoryInUseException() { }
}
