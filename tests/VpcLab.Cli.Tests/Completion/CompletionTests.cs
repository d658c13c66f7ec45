using System.Diagnostics;
using VpcLab.Cli.Commands;

namespace VpcLab.Cli.Tests.Completion;

/// <summary><c>vpclab completion bash|zsh|fish</c>: the scripts print, bash's loads, and bash completes a command
/// name by asking vpclab (a real bash process, since the test is about the shell).</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vpclab-completion-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("bash", "complete -o default -F _vpclab_complete vpclab")]
    [InlineData("zsh", "compdef _vpclab vpclab")]
    [InlineData("fish", "complete -c vpclab")]
    public void Completion_EachShell_PrintsItsScript(string shell, string expected)
    {
        var run = CliRun.Of("completion", shell);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BashScript_PassesBashSyntaxCheck()
    {
        var script = Path.Combine(_dir, "vpclab.bash");
        await File.WriteAllTextAsync(script, CompletionCommand.Scripts["bash"], TestContext.Current.CancellationToken);
        var (code, output) = await Bash("-n", script);
        Assert.True(code == 0, output);
    }

    [Theory]
    [InlineData("vpclab tra", "trace", "traffic")]
    [InlineData("vpclab flowlogs st", "streams")]
    public async Task BashScript_CompletesACommandName(string line, params string[] expected)
    {
        var script = Path.Combine(_dir, "vpclab.bash");
        await File.WriteAllTextAsync(script, CompletionCommand.Scripts["bash"], TestContext.Current.CancellationToken);
        // `vpclab` on PATH: this build's vpclab.dll.
        var shim = Path.Combine(_dir, "vpclab");
        await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "vpclab.dll")}' \"$@\"\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var words = line.Split(' ');
        var body = $"PATH='{_dir}':\"$PATH\"; source '{script}'; COMP_WORDS=({string.Join(' ', words)}); COMP_CWORD={words.Length - 1}; " +
            $"COMP_LINE='{line}'; COMP_POINT={line.Length}; _vpclab_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"";
        var (code, output) = await Bash("-c", body);
        Assert.True(code == 0, output);
        var completions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, completions);
    }

    private static async Task<(int Code, string Output)> Bash(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
