using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.Engine;
using VpcLab.Import;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab import DIR</c>: read the describe output of one or more accounts and Regions
/// (DIR/ACCOUNT/REGION/describe-*.json), compile the world, and report what it holds and what was skipped. The same
/// DIR then works wherever a scenario does (<c>--scenario DIR</c>). Exit 2 names the bad file and JSON path.</summary>
public static class ImportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var directory = new Argument<string>("dir") { Description = "A folder of AWS CLI describe output: ACCOUNT/REGION/describe-vpcs.json, …" };
        var json = ScenarioOptions.Json();
        var command = new Command("import", "Build a world from the JSON the AWS CLI prints for the EC2 describe calls") { directory, json };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var world = WorldImporter.Import(dir);
            _ = CompiledNetwork.Compile(world.ControlPlane().Network); // the engine takes it, or this fails now, not at the first trace
            var n = world.Network;
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal)
            {
                ["vpcs"] = n.Vpcs.Count, ["subnets"] = n.Subnets.Count, ["route-tables"] = n.RouteTables.Count,
                ["internet-gateways"] = n.InternetGateways.Count, ["egress-only-internet-gateways"] = n.EgressOnlyInternetGateways.Count,
                ["nat-gateways"] = n.NatGateways.Count, ["addresses"] = n.ElasticIps.Count, ["security-groups"] = n.SecurityGroups.Count,
                ["network-acls"] = n.NetworkAcls.Count, ["network-interfaces"] = n.NetworkInterfaces.Count, ["instances"] = n.Instances.Count,
                ["vpc-endpoints"] = n.VpcEndpoints.Count, ["vpc-peering-connections"] = n.VpcPeeringConnections.Count,
                ["managed-prefix-lists"] = n.PrefixLists.Count, ["flow-logs"] = n.FlowLogs.Count,
            };
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(new { world.Folders, Resources = counts, world.Skipped }));
                return ExitCodes.Ok;
            }
            console.MarkupLine($"[green]✓[/] imported {Markup.Escape(string.Join(", ", world.Folders))}");
            var table = new Table { Border = TableBorder.Rounded }.AddColumn("kind").AddColumn(new TableColumn("count").RightAligned());
            foreach (var (kind, count) in counts.Where(c => c.Value > 0))
                table.AddRow(kind, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            console.Write(table);
            if (world.Skipped.Length > 0)
            {
                var skipped = new Table { Border = TableBorder.Rounded, Title = new TableTitle("skipped (not modelled)") }
                    .AddColumn("account/Region").AddColumn("kind").AddColumn("id").AddColumn("why");
                foreach (var s in world.Skipped)
                    skipped.AddRow(Markup.Escape($"{s.Account}/{s.Region}"), Markup.Escape(s.Kind), Markup.Escape(s.Id), Markup.Escape(s.Reason));
                console.Write(skipped);
            }
            console.MarkupLine($"[grey]Use it like a scenario: vpclab trace --scenario {Markup.Escape(dir)} --from … --to …[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
