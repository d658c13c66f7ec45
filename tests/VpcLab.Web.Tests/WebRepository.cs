namespace VpcLab.Web.Tests;

/// <summary>Where the front end's sources and the tests' artifacts are: found from the test binary upward (the
/// folder with VpcLab.slnx), as the tests run from a clone.</summary>
internal static class WebRepository
{
    public static string Root { get; } = FindRoot();

    public static string WebDirectory => Path.Combine(Root, "web");

    /// <summary>Screenshots and other artifacts (TestResults/ is ignored by git).</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(Root, "TestResults", "web-console");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No VpcLab.slnx above {AppContext.BaseDirectory}.");
    }
}
