namespace VpcLab.TestWorlds;

/// <summary>The scenarios shipped in the repository's scenarios/ folder, found from the test binary.</summary>
public static class ShippedScenarios
{
    public static string PathOf(string name) => Find(name, AppContext.BaseDirectory) ?? Find(name, SourceDirectory())
        ?? throw new FileNotFoundException($"scenarios/{name}.yaml not found above {AppContext.BaseDirectory}");

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string? Find(string name, string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", name + ".yaml");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return candidate;
        }
        return null;
    }

    public static IEnumerable<string> All()
    {
        var folder = Path.GetDirectoryName(PathOf("seed"))!;
        return Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);
    }
}
