using System.CommandLine;
using Spectre.Console;
using VpcLab.Analysis.Checks;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab check POLICY.yaml [--scenario WORLD] [--junit FILE]</c>: network policies as tests
/// (docs/check.md). Exit 0 when every assertion holds, 1 when one is broken (each with a counterexample trace), 2 on a
/// bad policy file (its line and key) or world.</summary>
public static class CheckCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var policyFile = new Argument<string>("policy") { Description = "The policy file (YAML): the assertions to check" };
        var scenario = new Option<string?>("--scenario", "-s") { Description = "The world: a scenario file, an imported folder, or a shipped scenario's name (default: the policy's 'scenario:')" };
        var junit = new Option<string?>("--junit") { Description = "Also write the results as JUnit XML to this file, for CI" };
        var json = ScenarioOptions.Json();
        var command = new Command("check", "Check network policies (assertions over every flow) against a world; exit 1 when one is broken")
        {
            policyFile, scenario, junit, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(policyFile)!;
            if (!File.Exists(path))
                throw new UsageException($"policy file '{path}' not found");
            var policy = PolicyDocument.Parse(File.ReadAllText(path), path);
            var world = parse.GetValue(scenario) ?? Relative(path, policy.Scenario)
                ?? throw new UsageException($"give --scenario, or 'scenario:' in {path}: the world the policy is about");
            var network = ScenarioOptions.Load(world).Network;
            var results = PolicyChecker.Check(network, policy);
            if (parse.GetValue(junit) is { } junitPath)
                JunitReport.Build(policy, results).Save(junitPath);
            if (parse.GetValue(json))
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(results.Select(r => new
                {
                    r.Assertion.Name, r.Holds, r.Message, Counterexample = r.Counterexample,
                })));
            else
                Print(console, world, results);
            return results.All(r => r.Holds) ? ExitCodes.Ok : ExitCodes.Dropped;
        });
        return command;
    }

    /// <summary>The policy's <c>scenario:</c>, relative to the policy file when it names a file or folder there, else
    /// as given (a shipped scenario's name).</summary>
    private static string? Relative(string policyPath, string? scenario)
    {
        if (scenario is null)
            return null;
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(policyPath))!, scenario);
        return File.Exists(beside) || Directory.Exists(beside) ? beside : scenario;
    }

    private static void Print(IAnsiConsole console, string world, IReadOnlyList<AssertionResult> results)
    {
        foreach (var result in results)
        {
            if (result.Holds)
            {
                console.MarkupLine($"[green]✓[/] {Markup.Escape(result.Assertion.Name)}");
                continue;
            }
            console.MarkupLine($"[red]✗[/] {Markup.Escape(result.Assertion.Name)}: {Markup.Escape(result.Message)}");
            if (result.Counterexample is { } trace)
            {
                console.Write(TraceView.Build(trace));
                console.MarkupLine($"  [grey]{Markup.Escape(TraceLine(world, trace.Flow))}[/]");
            }
        }
        int broken = results.Count(r => !r.Holds);
        console.MarkupLine(broken == 0
            ? $"[green]{results.Count} assertion(s) hold.[/]"
            : $"[red]{broken} of {results.Count} assertion(s) broken.[/]");
    }

    private static string TraceLine(string world, Engine.FlowKey flow)
    {
        var options = flow.Protocol.IsIcmp
            ? $"-p {flow.Protocol.Name} --icmp-type {flow.IcmpType} --icmp-code {flow.IcmpCode}"
            : $"-p {flow.Protocol.Name} --port {flow.DestinationPort} --source-port {flow.SourcePort}";
        return $"vpclab trace -s {world} --from {flow.Source} --to {flow.Destination} {options}";
    }
}
