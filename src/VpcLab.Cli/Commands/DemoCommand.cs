using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.Engine;
using VpcLab.Engine.S3;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Net;
using VpcLab.Query;
using VpcLab.Server.Hosting;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab demo</c>, the main job: load the seed scenario and run the flows that teach how a VPC decides
/// traffic, each shown as a tree with its verdict.</summary>
public static class DemoCommand
{
    /// <summary>One instructive flow of the seed scenario and what AWS does with it.</summary>
    public sealed record DemoFlow(string Title, string From, string To, IpProtocol Protocol, ushort Port, bool Ipv6, Verdict Expected)
    {
        /// <summary>The shipped scenario the flow runs in.</summary>
        public string Scenario { get; init; } = "seed";

        /// <summary>For a flow to <c>s3://bucket/key</c>: the S3 action the request makes (policies are weighed with
        /// the path; Expected is then whether the request is allowed).</summary>
        public string? S3Action { get; init; }
    }

    public static readonly IReadOnlyList<DemoFlow> Flows =
    [
        new("The internet reaches the web tier over HTTPS (public IP, IGW, web-sg)", "198.51.100.7", "web-1", IpProtocol.Tcp, 443, false, Verdict.Accepted),
        new("SSH from outside the admin network is refused by web-sg", "198.51.100.7", "web-1", IpProtocol.Tcp, 22, false, Verdict.Dropped),
        new("Web tier to app tier on 8080: app-sg allows its peers by security group reference", "web-1", "app-1", IpProtocol.Tcp, 8080, false, Verdict.Accepted),
        new("App tier to the database on 5432", "app-1", "db-1", IpProtocol.Tcp, 5432, false, Verdict.Accepted),
        new("App tier in AZ b to the database: the request arrives, db-acl drops the reply (NACLs are stateless)", "app-2", "db-1", IpProtocol.Tcp, 5432, false, Verdict.Dropped),
        new("The web tier may not reach the database: db-acl admits only the app subnets", "web-1", "db-1", IpProtocol.Tcp, 5432, false, Verdict.Dropped),
        new("The app tier reaches the internet through the NAT gateway (source rewritten twice)", "app-1", "198.51.100.80", IpProtocol.Tcp, 443, false, Verdict.Accepted),
        new("The database tier: db-acl allows HTTPS out, but db-rt has no route out of the VPC", "db-1", "198.51.100.80", IpProtocol.Tcp, 443, false, Verdict.Dropped),
        new("web-2 sits in a public subnet but has no public IP: the IGW cannot translate it", "web-2", "198.51.100.80", IpProtocol.Tcp, 443, false, Verdict.Dropped),
        new("IPv6 out through the egress-only internet gateway, and the reply back", "app-1", "2001:db8:ffff::80", IpProtocol.Tcp, 443, true, Verdict.Accepted),
        new("IPv6 in to batch-1: its VPC has only an egress-only internet gateway, which lets nothing in", "2001:db8:ffff::7", "batch-1", IpProtocol.Tcp, 8443, true, Verdict.Dropped),
        new("IPv6 in to the web tier through the internet gateway (IPv6 addresses are public)", "2001:db8:ffff::7", "web-1", IpProtocol.Tcp, 443, true, Verdict.Accepted),
        new("IPv6 in to the app tier still arrives through the VPC's internet gateway (route tables steer only what leaves a subnet); app-sg stops it", "2001:db8:ffff::7", "app-1", IpProtocol.Tcp, 8080, true, Verdict.Dropped),
        new("DNS to the Amazon resolver at the VPC base + 2: never filtered by security groups or NACLs", "app-1", "10.0.0.2", IpProtocol.Udp, 53, false, Verdict.Accepted),
        new("Across a peering and an account: b-sg admits app-a by security group reference", "app-a", "svc-b", IpProtocol.Tcp, 443, false, Verdict.Accepted) { Scenario = "peering" },
        new("Across Regions: svc-b reaches db-c over b-c (CIDR rules only between Regions)", "svc-b", "db-c", IpProtocol.Tcp, 5432, false, Verdict.Accepted) { Scenario = "peering" },
        new("Peering is not transitive: app-a cannot reach db-c through vpc-b, routes or not", "app-a", "db-c", IpProtocol.Tcp, 5432, false, Verdict.Dropped) { Scenario = "peering" },
        new("Peering is never edge to edge: app-a cannot use vpc-b's internet gateway", "app-a", "198.51.100.80", IpProtocol.Tcp, 443, false, Verdict.Dropped) { Scenario = "peering" },
        new("A private instance reaches S3 through the gateway endpoint (its prefix-list route); both policies allow", "worker-1", "s3://acme-reports/q3.csv", IpProtocol.Tcp, 443, false, Verdict.Accepted) { Scenario = "gateway-endpoint", S3Action = "s3:GetObject" },
        new("The leaky-bucket fix: the bastion reaches S3 over the internet, and the bucket policy denies what does not come through the endpoint", "bastion", "s3://acme-reports/q3.csv", IpProtocol.Tcp, 443, false, Verdict.Dropped) { Scenario = "gateway-endpoint", S3Action = "s3:GetObject" },
        new("The endpoint policy keeps data in: no copying to another account's open bucket through the endpoint", "worker-1", "s3://partner-dropbox/export.csv", IpProtocol.Tcp, 443, false, Verdict.Dropped) { Scenario = "gateway-endpoint", S3Action = "s3:PutObject" },
        new("A gateway endpoint serves its own Region only: S3 in us-west-2 is out of the private subnet's reach", "worker-1", "s3://acme-archive/2025.tar", IpProtocol.Tcp, 443, false, Verdict.Dropped) { Scenario = "gateway-endpoint", S3Action = "s3:GetObject" },
        new("SNS through an interface endpoint: private DNS answers the public name with the endpoint's interface in the same zone", "app-1", "sns.us-east-1.amazonaws.com", IpProtocol.Tcp, 443, false, Verdict.Accepted) { Scenario = "interface-endpoint" },
        new("From zone c, where the endpoint has no interface: the client crosses zones (one endpoint interface per AZ keeps traffic local)", "app-3", "sns.us-east-1.amazonaws.com", IpProtocol.Tcp, 443, false, Verdict.Accepted) { Scenario = "interface-endpoint" },
        new("SQS's endpoint has private DNS off: the public name gives a public address, and a private subnet has no route to it", "app-1", "sqs.us-east-1.amazonaws.com", IpProtocol.Tcp, 443, false, Verdict.Dropped) { Scenario = "interface-endpoint" },
        new("KMS's endpoint interface carries closed-sg: its security group refuses HTTPS from the client", "app-1", "kms.us-east-1.amazonaws.com", IpProtocol.Tcp, 443, false, Verdict.Dropped) { Scenario = "interface-endpoint" },
        new("Interface endpoints carry TCP only: even with a group that admits everything, UDP to STS's endpoint is refused", "app-1", "sts.us-east-1.amazonaws.com", IpProtocol.Udp, 443, false, Verdict.Dropped) { Scenario = "interface-endpoint" },
        new("PrivateLink: the consumer reaches the provider's app by its private DNS name, through the endpoint and the provider's NLB node in the same zone; the app sees the NLB's address", "client-1", "app.partner.example", IpProtocol.Tcp, 443, false, Verdict.Accepted) { Scenario = "privatelink" },
        new("The service has no node in us-east-1c, so the endpoint has no interface there: client-3 crosses zones to reach it", "client-3", "app.partner.example", IpProtocol.Tcp, 443, false, Verdict.Accepted) { Scenario = "privatelink" },
        new("The staging endpoint waits in pendingAcceptance: until the provider accepts it, it carries nothing", "staging-1", "10.61.11.4", IpProtocol.Tcp, 443, false, Verdict.Dropped) { Scenario = "privatelink" },
        new("An account the provider did not allow has no endpoint, and the provider's private addresses mean nothing in its VPC", "outsider-1", "10.50.1.4", IpProtocol.Tcp, 443, false, Verdict.Dropped) { Scenario = "privatelink" },
    ];

    /// <summary>The lessons <c>--topic</c> runs alone: which flows (flow-logs has none: it is the finale).</summary>
    public static readonly IReadOnlyDictionary<string, Func<DemoFlow, bool>> Topics = new Dictionary<string, Func<DemoFlow, bool>>(StringComparer.Ordinal)
    {
        ["flow-logs"] = _ => false,
        ["eigw"] = f => f.Ipv6 && f.Scenario == "seed" && f.Title.Contains("egress-only", StringComparison.Ordinal),
        ["gateway-endpoints"] = f => f.Scenario == "gateway-endpoint",
        ["interface-endpoints"] = f => f.Scenario == "interface-endpoint",
        ["peering"] = f => f.Scenario == "peering",
        ["privatelink"] = f => f.Scenario == "privatelink",
    };

    public static Command Create(IAnsiConsole console)
    {
        var topic = new Option<string?>("--topic") { Description = "Run one lesson: " + string.Join(", ", Topics.Keys) };
        topic.AcceptOnlyFromAmong([.. Topics.Keys]);
        var web = new Option<bool>("--web") { Description = "Serve the seed scenario's world in memory and print the web console's URL (Ctrl+C stops it)" };
        var port = new Option<int>("--port") { Description = "With --web: the port to listen on (0 picks a free one)", DefaultValueFactory = _ => ServerOptions.DefaultPort };
        var command = new Command("demo", "Load the seed, peering, VPC endpoint and PrivateLink scenarios, trace their instructive flows, then write and query flow logs (the main job)")
        {
            topic, web, port,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(web))
                return await DemoWeb.RunAsync(console, parse.GetValue(port), cancellation).ConfigureAwait(false);
            return Run(console, parse.GetValue(topic));
        });
        return command;
    }

    private static int Run(IAnsiConsole console, string? chosen)
    {
        var flows = chosen is null ? Flows : Flows.Where(Topics[chosen]).ToList();
        int surprises = 0, index = 0;
        foreach (var group in flows.GroupBy(f => f.Scenario))
        {
            var loaded = ScenarioOptions.Load(group.Key);
            var compiled = CompiledNetwork.Compile(loaded.Network);
            console.WriteLine();
            console.Write(new Rule($"[bold]{Markup.Escape(loaded.Document.Name)}[/]: {Markup.Escape(loaded.Document.Description ?? "")}"));
            foreach (var flow in group)
            {
                index++;
                console.WriteLine();
                var resolver = new EndpointResolver(loaded.Network); // one per flow: it keeps the DNS answers it gave
                if (flow.S3Action is { } action)
                {
                    var s3 = S3RequestTracer.Trace(compiled, resolver.Resolve(flow.From), S3Request.Parse(flow.To, action) with { RequestTime = loaded.ControlPlane.Options.Clock.GetUtcNow() });
                    console.Write(S3TraceView.Build(s3, $"{index}. {flow.Title}"));
                    if (s3.IsAllowed != (flow.Expected == Verdict.Accepted))
                        surprises++;
                    continue;
                }
                var source = resolver.Resolve(flow.From);
                // A DNS name is asked of the source VPC's Amazon DNS resolver, as `vpclab trace` does.
                var request = new TraceRequest(source, resolver.Resolve(flow.To, source), flow.Protocol, flow.Port,
                    FlowKey.DefaultEphemeralPort, flow.Ipv6 ? IpFamily.V6 : null);
                var trace = compiled.Trace(request, resolver.Resolutions);
                console.Write(TraceView.Build(trace, $"{index}. {flow.Title}"));
                if (trace.Verdict != flow.Expected)
                    surprises++;
            }
        }
        if (flows.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine(surprises == 0
                ? $"[green]{flows.Count} flows traced; every verdict is the one AWS gives.[/]"
                : $"[red]{surprises} of {flows.Count} verdicts differ from what AWS gives.[/]");
        }
        if (chosen is null or "flow-logs")
            FlowLogsFinale(console);
        return surprises == 0 ? ExitCodes.Ok : ExitCodes.Dropped;
    }

    /// <summary>The seed's workloads for 15 simulated minutes, delivered as AWS would, then SQL over the files.</summary>
    private static void FlowLogsFinale(IAnsiConsole console)
    {
        console.WriteLine();
        console.Write(new Rule("[bold]flow logs[/]: 15 simulated minutes of the seed's workloads, then SQL over what was delivered"));
        var file = ScenarioFiles.Resolve("seed");
        var loaded = ScenarioOptions.Load(file);
        var start = loaded.Network.FlowLogs.Values.Max(f => f.CreationTime).AddMinutes(1);
        // One folder per run: tests run demos side by side in one process.
        var directory = Path.Combine(Path.GetTempPath(), $"vpclab-demo-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var run = TrafficRun.RunAsync(new TrafficRunRequest(loaded.Network, WorkloadParser.Read(loaded.Document, file),
                TimeSpan.FromMinutes(15), start, new FlowLogOutput(directory)) { Source = file }).GetAwaiter().GetResult();
            console.Write(TrafficView.Build(loaded.Network, run.Traffic, run.Delivered, "(a temporary folder)", queryHint: false));
            using var query = FlowLogQuery.Open(FlowLogsDirectory.Resolve(directory));
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(ExampleQueries.ActionsByInterface.Description)}[/]");
            QueryCommand.Write(console, query.Execute(ExampleQueries.ActionsByInterface.Sql), "table");
            console.MarkupLine($"[bold]{Markup.Escape(ExampleQueries.BytesByTrafficPath.Description)}[/]");
            QueryCommand.Write(console, query.Execute(ExampleQueries.BytesByTrafficPath.Sql), "table");
            console.MarkupLine("[grey]Run it yourself: vpclab traffic -s seed --duration 1h --out vpclab-out; vpclab query --example top-talkers[/]");
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }
}
