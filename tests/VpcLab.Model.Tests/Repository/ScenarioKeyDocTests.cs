using System.Text.RegularExpressions;

namespace VpcLab.Model.Tests.Repository;

/// <summary>docs/scenarios.md lists every key the scenario reader accepts, so a new user never has to read the
/// reader to find one (workload keys are documented with the traffic simulation, in docs/semantics.md).</summary>
public sealed partial class ScenarioKeyDocTests
{
    [Fact]
    public void ScenarioReference_EveryKeyTheReaderAccepts_IsDocumented()
    {
        var root = FindRoot();
        var reader = File.ReadAllText(Path.Combine(root, "src/VpcLab.ControlPlane/Scenarios/ScenarioParser.cs"));
        var keys = KeyRead().Matches(reader).Select(m => m.Groups["key"].Value)
            .Concat(PeerKey().Matches(reader).Select(m => m.Groups["key"].Value))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.True(keys.Count > 60, $"the reader's keys were not found ({keys.Count})");
        var reference = File.ReadAllText(Path.Combine(root, "docs/scenarios.md"));
        var missing = keys.Where(k => !reference.Contains($"`{k}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"docs/scenarios.md does not list: {string.Join(", ", missing)}");
    }

    /// <summary>A key read through the scenario reader's map: <c>m.String("name")</c>, <c>root.List("vpcs", …)</c>.</summary>
    [GeneratedRegex("\\.(?:String|RequiredString|Int|Bool|Strings|List|Node|Require)\\(\"(?<key>[a-z0-9-]+)\"")]
    private static partial Regex KeyRead();

    /// <summary>The peer of a security group rule, passed as an argument: <c>ReadSecurityGroupRule(r, "source")</c>.</summary>
    [GeneratedRegex("ReadSecurityGroupRule\\(r, \"(?<key>[a-z0-9-]+)\"\\)")]
    private static partial Regex PeerKey();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"VpcLab.slnx not found above {AppContext.BaseDirectory}");
    }
}
