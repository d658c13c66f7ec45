using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Hosting;

/// <summary>VpcLab's own action (not AWS's): <c>POST /_vpclab/traffic</c> runs a workload over simulated time on the
/// server's current world (<see cref="TrafficRun"/>, as <c>vpclab traffic</c> does) and delivers the flow logs into the
/// server's S3 buckets and CloudWatch Logs groups, where AWS clients read them. Body: <c>{"workloads": "&lt;YAML with
/// a workloads: list&gt;", "duration": "10m", "seed": 42, "nodata": false}</c>. Starts at the server's clock; answers
/// <see cref="TrafficSummary"/>; bad input is a 400 with a message.</summary>
internal sealed class TrafficEndpoint(ServerState state, AwsServiceRouter services)
{
    private const string DefaultDuration = "10m";

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
        try
        {
            var duration = TrafficDuration.ParseRun(request.Duration ?? DefaultDuration, "\"duration\"");
            var output = new FlowLogOutput(new LocalDirectoryBucketStore(services.S3Root), () => services.Logs);
            var run = await TrafficRun.RunAsync(
                new TrafficRunRequest(state.ControlPlane.Network, WorkloadParser.Parse(yaml, "workloads"), duration, state.Clock.GetUtcNow(), output)
                {
                    Options = new TrafficOptions { Seed = request.Seed ?? 42, EmitNoData = request.NoData ?? false },
                    Source = "\"workloads\"",
                },
                cancellationToken: http.RequestAborted).ConfigureAwait(false);
            return Results.Text(run.Summary.ToJson(), "application/json");
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
