using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Time;
using VpcLab.Engine;
using VpcLab.FlowLogs.Formatting;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Model;
using VpcLab.TestWorlds;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>A shipped scenario loaded with its clock at <see cref="Start"/>, its workloads, and helpers to run some
/// of them and read the records of one flow log as AWS would print them.</summary>
internal sealed class TrafficLab
{
    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1432917000);

    public TrafficLab(string scenario)
        : this(File.ReadAllText(ShippedScenarios.PathOf(scenario)), ShippedScenarios.PathOf(scenario))
    {
    }

    private TrafficLab(string yaml, string file)
    {
        Scenario = ScenarioLoader.Load(ScenarioParser.Parse(yaml, file), file, new ControlPlaneOptions { Clock = new SimulatedClock(Start) });
        Workload = WorkloadParser.Parse(yaml, file);
    }

    /// <summary>A scenario written in the test itself, with its workloads.</summary>
    public static TrafficLab FromYaml(string yaml) => new(yaml, "test.yaml");

    public LoadedScenario Scenario { get; }
    public Workload Workload { get; }
    public Network Network => Scenario.Network;

    public FlowLog FlowLog(string name) => Network.FlowLogs[new FlowLogId(Scenario.IdOf(name))];

    /// <summary>Adds a flow log through the control plane (as a user would), before the traffic runs.</summary>
    public FlowLog AddFlowLog(string resourceId, string resourceType, string format, string bucket = "extra-logs", int maxAggregationInterval = 60)
    {
        var (owner, region) = Network.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(resourceId), out var eni)
            ? (eni.OwnerId, eni.Region) : (Network.Vpcs.Values.First().OwnerId, Network.Vpcs.Values.First().Region);
        var ctx = new RequestContext(owner, region);
        if (!Network.Buckets.ContainsKey(bucket))
            Scenario.ControlPlane.PutBucket(ctx, bucket, null); // CreateFlowLogs needs an existing bucket
        var result = Scenario.ControlPlane.CreateFlowLogs(ctx,
            new CreateFlowLogsRequest
            {
                ResourceIds = [resourceId],
                ResourceType = resourceType,
                TrafficType = "ALL",
                LogDestinationType = "s3",
                LogDestination = $"arn:aws:s3:::{bucket}",
                LogFormat = format,
                MaxAggregationInterval = maxAggregationInterval,
            });
        Assert.Empty(result.Unsuccessful);
        return Network.FlowLogs[Assert.Single(result.FlowLogIds)];
    }

    /// <summary>Every workload of the scenario.</summary>
    public TrafficResult RunAll(TimeSpan duration) => new TrafficSimulator(CompiledNetwork.Compile(Network)).Run(Workload, Start, duration);

    public TrafficResult Run(TimeSpan duration, params string[] patterns)
    {
        var chosen = Workload with { Patterns = [.. Workload.Patterns.Where(p => patterns.Contains(p.Name))] };
        Assert.Equal(patterns.Length, chosen.Patterns.Length);
        return new TrafficSimulator(CompiledNetwork.Compile(Network)).Run(chosen, Start, duration);
    }

    /// <summary>Runs workloads given as YAML (the scenario's own are ignored).</summary>
    public TrafficResult RunYaml(TimeSpan duration, string workloads) =>
        new TrafficSimulator(CompiledNetwork.Compile(Network)).Run(WorkloadParser.Parse(workloads, "test.yaml"), Start, duration);

    public string[] Lines(TrafficResult result, FlowLog log, string? interfaceId = null)
    {
        var formatter = new FlowRecordFormatter(log.Format);
        return [.. result.Records[log.Id].Where(r => interfaceId is null || r.Interface.InterfaceId == interfaceId).Select(r => formatter.FormatLine(r))];
    }

    public NetworkInterface InterfaceOf(string instanceName) =>
        Network.NetworkInterfaces[Network.Instances[new InstanceId(Scenario.IdOf(instanceName))].PrimaryNetworkInterface];

    public NetworkInterface NatInterface(string natName) =>
        Network.NetworkInterfaces[Network.NatGateways[new NatGatewayId(Scenario.IdOf(natName))].NetworkInterfaceId];
}
