using System.Text;
using System.Text.RegularExpressions;

namespace VpcLab.Cli.Tests.Docs;

/// <summary>The fenced <c>vpclab</c> commands of README.md and of every docs/*.md run as documented: in order within a
/// page (traffic before the queries of its output), in-process, each exiting 0, or 1 where the command's answer is a
/// verdict (trace, resolve, check); never 2 (a command the docs got wrong). Where a page shows a command's output
/// (<c>$ vpclab …</c>), every id it shows appears in the real output, and so does every number its comment quotes
/// (5,003 connections). The directory <c>vpclab-out</c> (given, or <c>query</c>'s default <c>--logs</c>) is a temporary
/// one. <c>serve</c> starts an in-memory server (with the <c>--scenario</c> it names) on a free port, and later
/// commands' <c>--endpoint-url http://127.0.0.1:4566</c> go to it. A fence whose line before is
/// <see cref="SkipMarker"/> (a synopsis with placeholders) is not run; its options are checked against the command's --help.</summary>
public sealed partial class ReadmeCommandTests : IDisposable
{
    /// <summary>Written on the line before a fence whose commands are not meant to run (docs/architecture.md#doc-tests).</summary>
    public const string SkipMarker = "<!-- doc-test: skip";

    private const string DocumentedEndpoint = "http://127.0.0.1:4566";

    private readonly string _out = Directory.CreateTempSubdirectory("vpclab-readme-").FullName;
    private VpcLab.Server.Hosting.VpcLabServer? _server;

    public void Dispose()
    {
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_out, recursive: true);
    }

    [GeneratedRegex(@"\b[a-z]+-[0-9a-f]{17}\b")]
    private static partial Regex Id();

    /// <summary>A number the README quotes in a command's comment (5,003 connections), thousands separated.</summary>
    [GeneratedRegex(@"\b\d{1,3}(?:,\d{3})+\b")]
    private static partial Regex Number();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("README.md not found");
    }

    private static string Page(string relative) => File.ReadAllText(Path.Combine(Root(), relative));

    private static IEnumerable<string> DocsPageNames() =>
        Directory.GetFiles(Path.Combine(Root(), "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);

    public static TheoryData<string> DocsPages() => [.. DocsPageNames()];

    /// <summary>The fenced blocks of a page: their info string, first line number, lines, and skip reason if marked.</summary>
    private static List<(string Fence, int Line, List<string> Lines, string? SkipReason)> Blocks(string markdown)
    {
        var blocks = new List<(string, int, List<string>, string?)>();
        string? fence = null, skip = null, previous = null;
        int start = 0, number = 0;
        var block = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            number++;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (fence is null)
                {
                    fence = line.Trim()[3..];
                    start = number;
                    skip = previous?.Trim() is { } marker && marker.StartsWith(SkipMarker, StringComparison.Ordinal)
                        ? marker[SkipMarker.Length..].Trim().TrimEnd('>').TrimEnd('-').Trim(' ', ':', '(', ')')
                        : null;
                    block = [];
                }
                else
                {
                    blocks.Add((fence, start, block, skip));
                    fence = null;
                }
            }
            else if (fence is not null)
            {
                block.Add(line);
            }
            previous = line;
        }
        return blocks;
    }

    /// <summary>Each fenced command (bash or plain fences, not marked to skip) with the output the page shows under it, if any.</summary>
    private static List<(string Command, string? Shown)> Commands(string markdown)
    {
        var found = new List<(string, string?)>();
        foreach (var (fence, _, block, skip) in Blocks(markdown))
        {
            if (skip is null && fence is "" or "bash")
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
        var commands = Commands(Page("README.md"));
        Assert.True(commands.Count >= 15, $"{commands.Count} commands found");
        RunAll("README.md", commands);
    }

    [Theory]
    [MemberData(nameof(DocsPages))]
    public void DocsPage_FencedVpclabCommands_ExitAsDocumentedAndShowTheirIds(string page) => RunAll(page, Commands(Page(page)));

    /// <summary>A synopsis is not run, but what it names must exist: every option it shows is one the command's
    /// <c>--help</c> lists, so a renamed option cannot hide behind the skip marker.</summary>
    [Fact]
    public void DocsPage_BlockMarkedSkip_NamesOnlyOptionsTheCommandHas()
    {
        var checkedOptions = 0;
        foreach (var page in DocsPageNames().Prepend("README.md"))
            foreach (var block in Blocks(Page(page)).Where(b => b.SkipReason is not null))
                foreach (var line in block.Lines.Where(l => l.TrimStart().StartsWith("vpclab ", StringComparison.Ordinal)))
                {
                    var words = Words(line.Trim());
                    var help = CliRun.Of(words[1], "--help");
                    Assert.Equal(0, help.ExitCode);
                    foreach (var option in words.SelectMany(w => OptionName().Matches(w)).Select(m => m.Value))
                    {
                        Assert.True(help.Out.Contains(option, StringComparison.Ordinal), $"{page}:{block.Line}: `vpclab {words[1]}` has no option {option}");
                        checkedOptions++;
                    }
                }
        Assert.True(checkedOptions > 0, "no option checked: the skipped synopses name none, or none is marked");
    }

    [GeneratedRegex("--[a-z][a-z0-9-]*")]
    private static partial Regex OptionName();

    private void RunAll(string page, List<(string Command, string? Shown)> commands)
    {
        foreach (var (documented, shown) in commands)
        {
            var words = Words(documented).Skip(1).Where(w => w != "&").ToList();
            // query reads vpclab-out when no --logs is given: the test's directory stands for it.
            if (words[0] == "query" && !words.Contains("--logs"))
                words.AddRange(["--logs", "vpclab-out"]);
            if (words[0] == "serve")
            {
                Serve(words);
                continue;
            }
            var args = words.Select(a => a == "vpclab-out" ? _out : a == DocumentedEndpoint && _server is not null ? _server.Url.ToString() : a).ToArray();
            var run = CliRun.Of(args);
            var command = $"{page}: {documented}";
            bool verdict = args[0] is "trace" or "resolve" or "check";
            Assert.True(run.ExitCode == 0 || (verdict && run.ExitCode == ExitCodes.Dropped), $"{command}\nexit {run.ExitCode}\n{run.Err}");
            var comment = command.Contains(" # ", StringComparison.Ordinal) ? command[command.IndexOf(" # ", StringComparison.Ordinal)..] : "";
            foreach (var number in Number().Matches(comment).Select(m => m.Value))
                Assert.True(run.Out.Contains(number, StringComparison.Ordinal), $"{command}: the page quotes {number}; the output does not have it");
            foreach (var id in shown is null ? [] : Id().Matches(shown).Select(m => m.Value).Distinct())
                Assert.True(run.Out.Contains(id, StringComparison.Ordinal), $"{command}: the page shows {id}; the output does not have it");
        }
    }

    /// <summary>A documented <c>vpclab serve</c>: an in-memory server on a free port with the scenario it names.</summary>
    private void Serve(List<string> words)
    {
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var scenario = words.IndexOf("--scenario") is var at and >= 0 ? ScenarioFiles.Resolve(words[at + 1]) : null;
        _server = VpcLab.Server.Hosting.VpcLabServer.StartAsync(new VpcLab.Server.Hosting.ServerOptions
        {
            Port = 0,
            DataDirectory = null,
            ScenarioFile = scenario,
            DefaultVpcs = !words.Contains("--no-default-vpc"),
        }).GetAwaiter().GetResult();
    }
}
