namespace VpcLab.Cli;

/// <summary>Options that name a directory VpcLab writes into (<c>traffic --out</c>, <c>serve --data</c>): a path that
/// is, or runs through, a file is refused up front with what is wrong, instead of the runtime's "Could not find a
/// part of the path" from deep inside the run.</summary>
public static class DirectoryOptions
{
    /// <summary>The path, when it is a directory or can be created as one.</summary>
    public static string CheckWritable(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
            throw new UsageException($"{option} needs a directory path.");
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            throw new UsageException($"{option} '{path}' is a file; give a directory (it is created when missing).");
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
                throw new UsageException($"{option} '{path}': '{parent}' is a file, so no directory can be made under it.");
            if (Directory.Exists(parent))
                break;
        }
        return path;
    }
}
