using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VpcLab.Engine;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Hosting;

/// <summary>VpcLab's own action (not AWS's): <c>POST /_vpclab/traffic</c> runs a workload over simulated time on the
/// server's current world and delivers the flow logs into the server's S3 buckets and CloudWatch Logs groups, where
/// AWS clients read them. Body: <c>{"workloads": "&lt;YAML with a workloads: list&gt;", "duration": "10m",
/// "seed": 42, "nodata": false}</c>. Starts at the server's clock; bad input is a 400 with a message.</summary>
internal sealed class TrafficEndpoint(ServerState state, AwsServiceRouter services)
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        TrafficRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<TrafficRequest>(http.Request.Body, JsonOptions, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Bad($"The body is not the JSON this action takes ({e.Message}).");
        }
        if (request?.Workloads is not { Length: > 0 } yaml)
            return Bad("Give \"workloads\": a YAML document with a workloads: list (the scenario syntax).");
        var duration = TrafficDuration.Parse(request.Duration ?? "10m");
        if (duration is not { } span || span <= TimeSpan.Zero || span > MaxDuration)
            return Bad($"\"duration\" '{request.Duration}' is not a duration from 1s to 7d, like 30s, 10m or 1h.");
        try
        {
            var workload = WorkloadParser.Parse(yaml, "workloads");
            var network = state.ControlPlane.Network;
            var start = state.Clock.GetUtcNow();
            var simulator = new TrafficSimulator(CompiledNetwork.Compile(network),
                new TrafficOptions { Seed = request.Seed ?? 42, EmitNoData = request.NoData ?? false });
            var result = simulator.Run(workload, DateTimeOffset.FromUnixTimeSeconds(start.ToUnixTimeSeconds()), span);
            var delivered = await FlowLogOutput.DeliverAsync(network, result, new LocalDirectoryBucketStore(services.S3Root),
                () => services.Logs, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            return Results.Json(new
            {
                start = result.Start,
                end = result.End,
                connections = result.Connections,
                established = result.Established,
                failed = result.Failed,
                skipped = result.Skipped,
                records = result.RecordCount,
                flowLogs = delivered.Select(d => new { flowLogId = d.FlowLog.Id.Value, records = d.Records, locations = d.Locations }),
            });
        }
        catch (WorkloadException e)
        {
            return Bad(e.Message);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static IResult Bad(string message) =>
        Results.Json(new { error = "InvalidWorkload", message }, statusCode: StatusCodes.Status400BadRequest);

    private sealed record TrafficRequest(string? Workloads, string? Duration, ulong? Seed, bool? NoData);
}
