using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VpcLab.Analysis.Reach;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab reach internet --scenario S</c>: network-wide questions over header sets (docs/semantics.md#reach).
/// internet: what the internet reaches, on which protocols and ports, IPv4 and IPv6, each answer with an example flow to
/// trace; outbound, between, endpoints, rules and diff: the other questions (their own files).</summary>
public static class ReachCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = Scenario();
        var json = ScenarioOptions.Json();
        var internet = new Command("internet", "What the internet can open connections to: interfaces, addresses, TCP and UDP ports, ICMP types (IPv4 and IPv6)") { scenario, json };
        internet.SetAction(parse =>
        {
            var path = parse.GetValue(scenario)!;
            var loaded = ScenarioOptions.Load(path);
            var exposures = InternetReach.Compute(loaded.Network);
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(exposures.Select(x => new
                {
                    Interface = x.Interface.Value, Name = loaded.Network.NameOf(x.Interface.Value), Address = x.Address.ToString(),
                    Protocol = x.Protocol.Name, Ports = x.Ports.Select(r => Text(x.Protocol, r)).ToArray(), Example = x.Example.ToString(),
                })));
                return ExitCodes.Ok;
            }
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("what the internet reaches") }
                .AddColumn("interface").AddColumn("address").AddColumn("protocol").AddColumn("ports").AddColumn("example (vpclab trace …)");
            foreach (var x in exposures)
            {
                var eni = loaded.Network.NameOf(x.Interface.Value);
                table.AddRow(Markup.Escape(eni == x.Interface.Value ? eni : $"{x.Interface} ({eni})"), Markup.Escape(x.Address.ToString()),
                    x.Protocol.Name, Markup.Escape(string.Join(", ", x.Ports.Select(r => Text(x.Protocol, r)))),
                    Markup.Escape($"--from {x.Example.Source} --to {x.Address} -p {x.Protocol.Name} " + (x.Protocol.IsIcmp
                        ? $"--icmp-type {x.Example.IcmpType} --icmp-code {x.Example.IcmpCode}" : $"--port {x.Example.DestinationPort}")));
            }
            if (exposures.IsEmpty)
                console.MarkupLine("[green]The internet reaches nothing: no TCP or UDP connection and no ICMP message from outside every VPC is delivered.[/]");
            else
                console.Write(table);
            return ExitCodes.Ok;
        });
        return new Command("reach", "Network-wide questions, answered exactly over header sets")
        {
            internet, ReachBetweenCommand.Outbound(console), ReachBetweenCommand.Between(console), ReachAuditCommands.Endpoints(console),
            ReachAuditCommands.Rules(console), ReachDiffCommand.Create(console),
        };
    }

    /// <summary>The world a question is about (every question but diff, which takes two).</summary>
    public static Option<string> Scenario() =>
        new("--scenario", "-s") { Description = "A scenario file, an imported folder, or a shipped scenario's name", Required = true };

    private static string Text(Net.IpProtocol protocol, Net.PortRange r) =>
        protocol.IsIcmp ? TrafficClass.Describe(protocol, r) : r.From == r.To ? r.From.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{r.From}-{r.To}");
}
