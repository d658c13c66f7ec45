using System.Diagnostics;

namespace VpcLab.Cli.Tests.Packaging;

/// <summary>The package `dotnet pack` makes is a .NET tool that installs and runs the demo in a clean directory
/// (README.md, "Install"). It packs the build the suite already made (--no-build), so it costs a pack (zipping the
/// DuckDB natives of every platform), an install and one demo.</summary>
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _root = Directory.CreateTempSubdirectory("vpclab-tool-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task PackedTool_InstalledToAToolPath_RunsTheDemoInACleanDirectory()
    {
        var packages = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;
        var tools = Path.Combine(_root, "tools");
        var clean = Directory.CreateDirectory(Path.Combine(_root, "clean")).FullName;
        var project = Path.Combine(RepositoryRoot(), "src", "VpcLab.Cli", "VpcLab.Cli.csproj");

        await Run("dotnet", _root, "pack", project, "--no-build", "-c", Configuration, "-o", packages);
        Assert.Single(Directory.GetFiles(packages, "vpclab.*.nupkg"));
        await Run("dotnet", _root, "tool", "install", "--tool-path", tools, "--add-source", packages, "vpclab");
        var demo = await Run(Path.Combine(tools, "vpclab"), clean, "demo");

        Assert.Contains("every verdict is the one AWS gives", demo, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(clean)); // the demo leaves nothing behind
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("VpcLab.slnx not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> Run(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{text}");
        return text;
    }
}
