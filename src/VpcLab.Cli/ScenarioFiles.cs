namespace VpcLab.Cli;

/// <summary>Finds scenario files: a path as given, else a shipped scenario by name (seed, nacl-sg-teaching).</summary>
public static class ScenarioFiles
{
    public static string Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath) || Directory.Exists(nameOrPath))
            return nameOrPath; // a directory is an imported account (vpclab import)
        foreach (var dir in SearchDirectories())
        {
            foreach (var candidate in new[] { nameOrPath, nameOrPath + ".yaml" })
            {
                var path = Path.Combine(dir, candidate);
                if (File.Exists(path))
                    return path;
            }
        }
        throw new UsageException($"scenario '{nameOrPath}' not found (give a path, or one of: {string.Join(", ", Shipped())})");
    }

    public static IEnumerable<string> Shipped() =>
        SearchDirectories().Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.yaml"))
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Distinct().Order(StringComparer.Ordinal);

    private static IEnumerable<string> SearchDirectories()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "scenarios");
        yield return Path.Combine(Directory.GetCurrentDirectory(), "scenarios");
    }
}
