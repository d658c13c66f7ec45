namespace VpcLab.Query.Tests;

/// <summary>docs/athena.md shows each example's SQL exactly as <c>vpclab query --example</c> runs it.</summary>
public sealed class AthenaDocTests
{
    [Fact]
    public void AthenaDoc_EveryExampleQuery_IsShownVerbatim()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "athena.md")).ReplaceLineEndings("\n");
        foreach (var example in ExampleQueries.All)
        {
            Assert.Contains($"### `{example.Name}`", doc, StringComparison.Ordinal);
            Assert.Contains("```sql\n" + example.Sql.ReplaceLineEndings("\n") + "\n```", doc, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return dir.FullName;
        }
        // Built with --artifacts-path outside the checkout: the sources are where this file was compiled from.
        return Path.GetFullPath(Path.Combine(SourceDirectory(), "..", ".."));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
