using System.Text;
using System.Text.RegularExpressions;

namespace VpcLab.Model.Tests.Repository;

/// <summary>Comments and docs cite only what exists: every page of docs/… or spec/… (optionally with an anchor) named
/// in a comment of a <c>.cs</c> file under src/, tests/ or bench/, and every citation and relative link in docs/*.md,
/// names an existing file, and an anchor that file has: an <c>&lt;a id="…"&gt;</c>, a <c>{#…}</c>, or the slug GitHub
/// gives a heading; and every repository path docs/*.md write as code exists. spec/ is the shared facts folder beside
/// the clone (<c>../shared/spec</c>).</summary>
public sealed partial class DocLinkTests
{
    private static readonly string Root = FindRoot();
    private readonly Dictionary<string, HashSet<string>> _anchors = new(StringComparer.Ordinal);

    [Fact]
    public void CodeComments_CiteDocsOrSpec_FileAndAnchorExist()
    {
        var broken = new List<string>();
        foreach (var file in new[] { "src", "tests", "bench" }.SelectMany(SourceFiles))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                int comment = lines[i].IndexOf("//", StringComparison.Ordinal);
                if (comment >= 0)
                    Check(Citations(lines[i][comment..]), Root, $"{Relative(file)}:{i + 1}", broken);
            }
        }
        Assert.True(broken.Count == 0, "Comments cite what does not exist:\n" + string.Join('\n', broken));
    }

    /// <summary>README.md and docs/*.md: the pages a user reads.</summary>
    private static IEnumerable<string> Pages() =>
        Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal).Prepend(Path.Combine(Root, "README.md"));

    [Fact]
    public void Docs_CitationsAndLinks_FileAndAnchorExist()
    {
        var broken = new List<string>();
        foreach (var file in Pages())
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                var where = $"{Relative(file)}:{i + 1}";
                Check(Citations(lines[i]), Root, where, broken);
                Check(Links(lines[i], file), Path.GetDirectoryName(file)!, where, broken);
                foreach (Match m in RepositoryPath().Matches(lines[i]))
                {
                    // `tests/VpcLab.Cli.Tests/TrafficEdgesTests` names a test class by its file.
                    var path = Path.Combine(Root, m.Groups["path"].Value.TrimEnd('/'));
                    if (!File.Exists(path) && !Directory.Exists(path) && !File.Exists(path + ".cs"))
                        broken.Add($"{where}: {m.Groups["path"].Value} does not exist");
                }
            }
        }
        Assert.True(broken.Count == 0, "README.md and docs/*.md cite what does not exist:\n" + string.Join('\n', broken));
    }

    /// <summary>The pages link only inside the repository (relative links, checked above), except to AWS's own
    /// documentation (https://docs.aws.amazon.com/…), cited as the source of a rule. A URL inside code (a span or a
    /// fenced block: an endpoint such as http://127.0.0.1:4566, an XML namespace) is an example, not a link.
    /// docs/architecture.md#doc-tests.</summary>
    [Fact]
    public void Docs_WebLinks_OnlyAwsDocumentation()
    {
        var outside = new List<string>();
        foreach (var file in Pages())
        {
            bool fenced = false, inSpan = false;
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                    fenced = !fenced;
                if (fenced || lines[i].Trim().Length == 0)
                {
                    inSpan = false; // a code span never crosses a paragraph
                    continue;
                }
                var prose = new StringBuilder();
                foreach (var c in lines[i])
                {
                    if (c == '`')
                        inSpan = !inSpan;
                    else if (!inSpan)
                        prose.Append(c);
                }
                prose.Append(' ');
                foreach (Match m in WebUrl().Matches(prose.ToString()))
                {
                    if (!m.Value.StartsWith("https://docs.aws.amazon.com/", StringComparison.Ordinal))
                        outside.Add($"{Relative(file)}:{i + 1}: {m.Value}");
                }
            }
        }
        Assert.True(outside.Count == 0, "README.md and docs/*.md link outside the repository:\n" + string.Join('\n', outside));
    }

    [Theory]
    [InlineData("## The traffic action", "the-traffic-action")]
    [InlineData("### `vpclab traffic` (the CLI)", "vpclab-traffic-the-cli")]
    [InlineData("## <a id=\"flow-log-data\"></a>Flow logs", "flow-logs")]
    [InlineData("### Control plane › Flow logs", "control-plane--flow-logs")]
    [InlineData("## [Reachability](reachability.md) Analyzer", "reachability-analyzer")]
    public void Slug_Heading_IsGitHubsAnchor(string heading, string slug) => Assert.Equal(slug, Slug(heading));

    /// <summary>docs/… and spec/… citations (also written ../shared/spec/…) as (path from the root, anchor).</summary>
    private static IEnumerable<(string Path, string? Anchor)> Citations(string text)
    {
        foreach (Match m in Citation().Matches(text))
        {
            var path = m.Groups["dir"].Value == "spec" ? Path.Combine(SpecRoot(), m.Groups["file"].Value) : Path.Combine("docs", m.Groups["file"].Value);
            yield return (path, m.Groups["anchor"].Success ? m.Groups["anchor"].Value : null);
        }
    }

    /// <summary>Markdown links to files beside the page or to its own anchors; web and mail links are not checked.</summary>
    private static IEnumerable<(string Path, string? Anchor)> Links(string line, string page)
    {
        foreach (Match m in Link().Matches(line))
        {
            var target = m.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                continue;
            int hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            yield return (path.Length == 0 ? page : path, hash < 0 ? null : target[(hash + 1)..]);
        }
    }

    private void Check(IEnumerable<(string Path, string? Anchor)> references, string from, string where, List<string> broken)
    {
        foreach (var (path, anchor) in references)
        {
            var full = Shared(Path.GetFullPath(Path.Combine(from, path)));
            if (!File.Exists(full) && !Directory.Exists(full))
                broken.Add($"{where}: {path} does not exist");
            else if (anchor is not null && !AnchorsOf(full).Contains(anchor))
                broken.Add($"{where}: {Relative(full)} has no anchor #{anchor}");
        }
    }

    private HashSet<string> AnchorsOf(string file)
    {
        if (_anchors.TryGetValue(file, out var known))
            return known;
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        bool fenced = false;
        foreach (var line in File.ReadLines(file))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                fenced = !fenced;
            foreach (Match m in ExplicitAnchor().Matches(line))
                anchors.Add(m.Groups["id"].Value);
            if (fenced || !Heading().IsMatch(line))
                continue;
            // GitHub numbers repeated headings: slug, slug-1, slug-2 …
            var slug = Slug(line);
            int n = seen.TryGetValue(slug, out var count) ? count : 0;
            seen[slug] = n + 1;
            anchors.Add(n == 0 ? slug : $"{slug}-{n}");
        }
        _anchors[file] = anchors;
        return anchors;
    }

    /// <summary>GitHub's heading anchor: the heading's text without markup, lower case, letters, digits, '-' and '_'
    /// kept, each space a '-'.</summary>
    private static string Slug(string heading)
    {
        var text = HtmlTag().Replace(Heading().Replace(heading, ""), "");
        text = MarkdownLink().Replace(text, "$1");
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
                slug.Append(c);
            else if (c == ' ')
                slug.Append('-');
        }
        return slug.ToString();
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        var path = Path.Combine(Root, folder);
        if (!Directory.Exists(path))
            return [];
        return Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"VpcLab.slnx not found above {AppContext.BaseDirectory}");
    }

    private static string SpecRoot() => Path.Combine(SharedRoot.Value, "spec");

    /// <summary>A path into <c>../shared</c> (beside the clone) as found: a worktree further down finds it higher up.</summary>
    private static string Shared(string path)
    {
        var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared")) + Path.DirectorySeparatorChar;
        return path.StartsWith(beside, StringComparison.Ordinal)
            ? Path.Combine(SharedRoot.Value, path[beside.Length..])
            : path;
    }

    /// <summary>The shared folder (DESIGN.md, STYLE.md, spec/) beside the clone, as CI lays it out, or higher up.</summary>
    private static readonly Lazy<string> SharedRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "spec")))
                return shared;
        }
        throw new InvalidOperationException($"shared/spec not found beside {Root} or above it");
    });

    [GeneratedRegex(@"(?<![\w/.-])(?:\.\./shared/)?(?<dir>docs|spec)/(?<file>[\w./-]+?\.md)(?:#(?<anchor>[\w-]+))?")]
    private static partial Regex Citation();

    /// <summary>A path in the repository written as code (`src/…`, `tests/…`, `bench/…`, `scenarios/…`), without wildcards.</summary>
    [GeneratedRegex(@"`(?<path>(?:src|tests|bench|scenarios)/[\w./-]+)`")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"https?://[^\s)>\]""'`]+")]
    private static partial Regex WebUrl();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<a\s+(?:id|name)=""(?<id>[^""]+)""|\{#(?<id>[\w-]+)\}")]
    private static partial Regex ExplicitAnchor();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();
}
