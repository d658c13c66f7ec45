using System.Text;
using System.Text.RegularExpressions;

namespace VpcLab.Cli.Tests.Docs;

/// <summary>The README's fenced <c>vpclab</c> commands run as documented: in order (traffic before the queries of its
/// output), in-process, each exiting 0, or 1 where the command's answer is a verdict (trace, resolve); never 2 (a
/// command the docs got wrong). Where the README shows a command's output (<c>$ vpclab …</c>), every id it shows
/// appears in the real output, and so does every number its comment quotes (5,003 connections). <c>serve</c> is left out (it runs until stopped).</summary>
public sealed partial class ReadmeCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("vpclab-readme-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_out, recursive: true);
    }

    [GeneratedRegex(@"\b[a-z]+-[0-9a-f]{17}\b")]
    private static partial Regex Id();

    /// <summary>A number the README quotes in a command's comment (5,003 connections), thousands separated.</summary>
    [GeneratedRegex(@"\b\d{1,3}(?:,\d{3})+\b")]
    private static partial Regex Number();

    private static string Readme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return File.ReadAllText(path);
        }
        throw new InvalidOperationException("README.md not found");
    }

    /// <summary>Each fenced command (bash or plain fences) with the output the README shows under it, if any.</summary>
    private static List<(string Command, string? Shown)> Commands(string markdown)
    {
        var found = new List<(string, string?)>();
        string? fence = null;
        var block = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (fence is null)
                {
                    fence = line.Trim()[3..];
                    block.Clear();
                    continue;
                }
                if (fence is "" or "bash")
                {
                    for (int i = 0; i < block.Count; i++)
                    {
                        var text = block[i].Trim();
                        if (text.StartsWith("$ vpclab ", StringComparison.Ordinal))
                            found.Add((text[2..], string.Join('\n', block.Skip(i + 1))));
                        else if (text.StartsWith("vpclab ", StringComparison.Ordinal))
                            found.Add((text, null));
                    }
                }
                fence = null;
                continue;
            }
            if (fence is not null)
                block.Add(line);
        }
        return found;
    }

    /// <summary>Splits as a shell would for these commands: spaces, double quotes, a trailing # comment.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < command.Length; i++)
        {
            char c = command[i];
            if (c == '\\' && quoted && i + 1 < command.Length && command[i + 1] == '"')
            {
                word.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == '#' && !quoted && (i == 0 || command[i - 1] == ' '))
            {
                break;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0 || any)
                    words.Add(word.ToString());
                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }
        if (word.Length > 0 || any)
            words.Add(word.ToString());
        return words;
    }

    [Fact]
    public void Readme_FencedVpclabCommands_ExitAsDocumentedAndShowTheirIds()
    {
        var commands = Commands(Readme());
        Assert.True(commands.Count >= 15, $"{commands.Count} commands found");
        foreach (var (command, shown) in commands)
        {
            var args = Words(command).Skip(1).Select(a => a == "vpclab-out" ? _out : a).ToArray();
            if (args[0] == "serve")
                continue;
            var run = CliRun.Of(args);
            bool verdict = args[0] is "trace" or "resolve";
            Assert.True(run.ExitCode == 0 || (verdict && run.ExitCode == ExitCodes.Dropped), $"{command}\nexit {run.ExitCode}\n{run.Err}");
            var comment = command.Contains(" # ", StringComparison.Ordinal) ? command[command.IndexOf(" # ", StringComparison.Ordinal)..] : "";
            foreach (var number in Number().Matches(comment).Select(m => m.Value))
                Assert.True(run.Out.Contains(number, StringComparison.Ordinal), $"{command}: the README quotes {number}; the output does not have it");
            foreach (var id in shown is null ? [] : Id().Matches(shown).Select(m => m.Value).Distinct())
                Assert.True(run.Out.Contains(id, StringComparison.Ordinal), $"{command}: the README shows {id}; the output does not have it");
        }
    }
}
