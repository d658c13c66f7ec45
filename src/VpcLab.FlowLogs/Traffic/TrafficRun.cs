using VpcLab.Engine;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>The traffic run behind both edges (<c>vpclab traffic</c> and <c>POST /_vpclab/traffic</c>): checks the
/// request, compiles the network, plays the workload (<see cref="TrafficSimulator"/>), delivers every flow log
/// (<see cref="FlowLogOutput"/>) and summarises (<see cref="TrafficSummary"/>). The edges only read their input and
/// print the result.</summary>
public static class TrafficRun
{
    /// <summary>How many connections the run will make (for progress bars).</summary>
    public static long CountConnections(TrafficRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TrafficSimulator.CountConnections(request.Workload, request.Duration);
    }

    /// <summary>Checks workloads against a network as a run does before playing them (every endpoint resolves and can
    /// send its traffic): the one check behind <c>vpclab validate</c> and <c>vpclab traffic</c>.</summary>
    /// <exception cref="WorkloadException">A workload names an endpoint that does not exist or cannot send its traffic.</exception>
    public static void Check(Model.Network network, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(workload);
        new TrafficSimulator(CompiledNetwork.Compile(network)).Check(workload);
    }

    /// <summary>Runs and delivers, streaming: each aggregation window goes to delivery when it closes, so memory does
    /// not grow with the duration (<see cref="TrafficPipeline"/>); <paramref name="progress"/> hears the simulated time
    /// delivered, records and bytes written.</summary>
    /// <exception cref="WorkloadException">No workloads, a duration outside 1 s to <see cref="TrafficDuration.MaxRun"/>,
    /// or a workload that names an endpoint that does not exist or cannot send its traffic.</exception>
    /// <exception cref="OutputInUseException">The output folder holds a run and <see cref="FlowLogOutput.ExistingRun"/>
    /// refuses to write into it.</exception>
    public static async Task<TrafficRunResult> RunAsync(TrafficRunRequest request, IProgress<TrafficProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Workload.Patterns.IsEmpty)
            throw new WorkloadException($"{request.Source} has no workloads: section; nothing to run.");
        if (request.Duration <= TimeSpan.Zero || request.Duration > TrafficDuration.MaxRun)
            throw new WorkloadException($"A run lasts from 1 s to {TrafficDuration.MaxRun.TotalDays:0} days, not {request.Duration}.");
        // Flow log records count whole seconds, so a run starts on one.
        var start = DateTimeOffset.FromUnixTimeSeconds(request.Start.ToUnixTimeSeconds());
        var simulator = new TrafficSimulator(CompiledNetwork.Compile(request.Network), request.Options);
        // Workload mistakes first, so a refused run leaves a previous one as it was (even with Replace).
        simulator.Check(request.Workload);
        request.Output.Prepare(request.Network, start);
        var (totals, delivered) = await TrafficPipeline.RunAsync(simulator, request, start, progress, cancellationToken).ConfigureAwait(false);
        return new TrafficRunResult(totals, delivered, TrafficSummary.Of(request.Network, totals, delivered, request.Output.Directory));
    }
}
