using System.Collections.Immutable;
using VpcLab.ControlPlane.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VpcLab.Analysis.Checks;

/// <summary>A policy file (docs/check.md): the world it is about (<see cref="Scenario"/>, optional, relative to the
/// file) and its assertions. Every mistake is refused with the file, the line and the key
/// (<see cref="ScenarioException"/>), so a typo never passes as a policy that holds.</summary>
public sealed record PolicyDocument(string File, string? Scenario, ImmutableArray<Assertion> Assertions)
{
    public static PolicyDocument Parse(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ScenarioException($"{file}:{e.Start.Line}: not valid YAML: {e.Message}", e);
        }
        if (stream.Documents.Count != 1)
            throw new ScenarioException($"{file}: a policy file holds exactly one YAML document with an 'assertions:' list");
        var root = new YamlMap(stream.Documents[0].RootNode, file, "the policy");
        var scenario = root.String("scenario");
        var assertions = root.List("assertions", "assertion", AssertionReader.Read);
        if (assertions is null)
            root.Require("assertions", "the policy");
        root.RejectUnknownKeys("the policy");
        if (assertions is { IsEmpty: true })
            throw root.Error("'assertions' is empty: a policy asserts at least one thing");
        var duplicate = assertions!.Value.GroupBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ScenarioException($"{file}:{duplicate.Last().Line}: two assertions are named '{duplicate.Key}' (names identify them in reports)");
        return new PolicyDocument(file, scenario, assertions.Value);
    }
}
