using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.FlowLogs.Traffic;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab validate FILE</c>: load a scenario through the EC2 operations (a CloudFormation template is
/// deployed as one stack, docs/cloudformation.md#cli) and check its workloads as <c>vpclab traffic</c> does; report
/// what it holds, or the first error with its file, line and resource.</summary>
public static class ValidateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = ScenarioOptions.FileArgument();
        var json = ScenarioOptions.Json();
        var command = new Command("validate", "Check a scenario: load it through the EC2 operations, as the API would") { file, json };
        command.SetAction(parse =>
        {
            var path = ScenarioFiles.Resolve(parse.GetValue(file)!);
            var loaded = ScenarioOptions.LoadFile(path, null);
            var n = loaded.Network;
            // Its workloads: as `vpclab traffic` reads and checks them, with the same messages.
            TrafficRun.Check(n, WorkloadParser.Read(loaded.Document, path));
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(new
                {
                    Valid = true, loaded.Document.Name, Vpcs = n.Vpcs.Count, Subnets = n.Subnets.Count, RouteTables = n.RouteTables.Count,
                    SecurityGroups = n.SecurityGroups.Count, NetworkAcls = n.NetworkAcls.Count, Instances = n.Instances.Count,
                    NetworkInterfaces = n.NetworkInterfaces.Count, VpcPeeringConnections = n.VpcPeeringConnections.Count,
                    VpcEndpoints = n.VpcEndpoints.Count, FlowLogs = n.FlowLogs.Count,
                }));
                return ExitCodes.Ok;
            }
            console.MarkupLine($"[green]✓[/] {Markup.Escape(loaded.Document.Name)}: {n.Vpcs.Count} VPC(s), {n.Subnets.Count} subnet(s), " +
                $"{n.RouteTables.Count} route table(s), {n.SecurityGroups.Count} security group(s), {n.NetworkAcls.Count} network ACL(s), " +
                $"{n.Instances.Count} instance(s), {n.NetworkInterfaces.Count} network interface(s)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
