using System.CommandLine;
using Spectre.Console;
using VpcLab.Analysis.Audit;
using VpcLab.Analysis.Reach;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab reach rules</c> (shadowed group rules and NACL entries, missing and cross-Region group references,
/// blackhole routes) and <c>vpclab reach endpoints</c> (S3 and DynamoDB reached over the internet although a gateway
/// endpoint would serve): docs/semantics.md#rule-audit.</summary>
public static class ReachAuditCommands
{
    public static Command Rules(IAnsiConsole console)
    {
        var scenario = ReachCommand.Scenario();
        var json = ScenarioOptions.Json();
        var command = new Command("rules", "Rules and routes that do nothing or point nowhere: shadowed group rules and NACL entries, stale or cross-Region group references, blackhole routes") { scenario, json };
        command.SetAction(parse =>
        {
            var network = ScenarioOptions.Load(parse.GetValue(scenario)!).Network;
            var findings = RuleAudit.Compute(network);
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(findings.Select(f => new { Kind = f.Kind.ToString(), Resource = f.ResourceId, f.Rule, f.Detail })));
                return ExitCodes.Ok;
            }
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("rules and routes that do nothing") }
                .AddColumn("finding").AddColumn("resource").AddColumn("rule").AddColumn("why");
            foreach (var f in findings)
                table.AddRow(Markup.Escape(f.Kind.ToString()), Markup.Escape(Named(network, f.ResourceId)), Markup.Escape(f.Rule), Markup.Escape(f.Detail));
            if (findings.IsEmpty)
                console.MarkupLine("[green]Every rule can match and every route has a target.[/]");
            else
                console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Endpoints(IAnsiConsole console)
    {
        var scenario = ReachCommand.Scenario();
        var json = ScenarioOptions.Json();
        var command = new Command("endpoints", "Interfaces that reach S3 or DynamoDB over the internet although their VPC has a gateway endpoint for it") { scenario, json };
        command.SetAction(parse =>
        {
            var network = ScenarioOptions.Load(parse.GetValue(scenario)!).Network;
            var found = EndpointBypass.Compute(new FlowSpace(network, [], []));
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(found.Select(b => new
                {
                    Interface = b.Interface.Value, Name = network.NameOf(b.Interface.Value), b.Service, Endpoints = b.Endpoints.Select(e => e.Value).ToArray(),
                    b.Reach.Via, Example = b.Reach.Example.ToString(),
                })));
                return ExitCodes.Ok;
            }
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("over the internet although a gateway endpoint would serve") }
                .AddColumn("interface").AddColumn("service").AddColumn("via").AddColumn("gateway endpoint(s) of its VPC").AddColumn("example");
            foreach (var b in found)
                table.AddRow(Markup.Escape(new InterfaceEnd(b.Interface).Describe(network)), b.Service, Markup.Escape(string.Join(" → ", b.Reach.Via)),
                    Markup.Escape(string.Join(", ", b.Endpoints)), Markup.Escape(b.Reach.Example.ToString()));
            if (found.IsEmpty)
                console.MarkupLine("[green]No interface reaches S3 or DynamoDB over the internet where a gateway endpoint would serve.[/]");
            else
                console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Named(Model.Network network, string id) => network.NameOf(id) is var name && name != id ? $"{id} ({name})" : id;
}
