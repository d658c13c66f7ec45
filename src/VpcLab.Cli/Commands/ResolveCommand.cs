using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.Engine.Dns;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab resolve</c>: ask a VPC's Amazon DNS resolver (or public DNS) for a host name in a scenario,
/// and say which rule answered. Exit code 0 when the name resolves, 1 when it does not (NXDOMAIN, no resolver),
/// 2 on bad input.</summary>
public static class ResolveCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var world = WorldOptions.WithScenarioOption();
        var vpc = new Option<string>("--vpc") { Description = "The VPC that asks (its id or Name tag), a subnet (id or Name tag: its VPC's resolver with the subnet's DNS64 setting), or 'internet' for public DNS", Required = true };
        var name = new Argument<string>("hostname") { Description = "The name to resolve, e.g. ip-10-0-1-5.ec2.internal or ec2-203-0-113-5.compute-1.amazonaws.com" };
        var json = ScenarioOptions.Json();
        var command = new Command("resolve", "Resolve a host name as an instance in a VPC (or the internet) would, and explain the answer")
        {
            vpc, name, json,
        };
        world.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = world.Load(parse);
            DnsAnswer answer;
            try
            {
                answer = DnsResolver.For(loaded.Network).Resolve(parse.GetValue(vpc)!, parse.GetValue(name)!);
            }
            catch (DnsQueryException e)
            {
                throw new UsageException(e.Message);
            }
            if (parse.GetValue(json))
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(answer));
            else
                console.Write(DnsView.Build(answer));
            return answer.Resolved ? ExitCodes.Ok : ExitCodes.Dropped;
        });
        return command;
    }
}
