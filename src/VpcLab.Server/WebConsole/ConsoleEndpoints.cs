using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Server.Hosting;
using VpcLab.Server.Persistence;
using VpcLab.Server.Rendering;

namespace VpcLab.Server.WebConsole;

/// <summary>The web console's JSON under <see cref="ApiPath"/> and its files: <c>topology</c> (one account and
/// Region, <see cref="ConsoleTopology"/>, with an ETag so the page can poll cheaply and redraw only on a change),
/// <c>trace</c> (the engine's <see cref="Trace"/> exactly as <c>vpclab trace --json</c> prints it) and <c>flowlogs</c>
/// (<see cref="ConsoleFlowLogs"/>). Reads only: each
/// answer is computed from the current snapshot, compiled once per snapshot.</summary>
public sealed class ConsoleEndpoints
{
    public const string ApiPath = ConsoleAssets.BasePath + "/api";

    private readonly ServerState _state;
    private readonly ServerOptions _options;
    private readonly AwsServiceRouter _services;
    private readonly ConsoleSavedPaths _savedPaths = new();
    private Tuple<Network, CompiledNetwork>? _compiled; // one reference, replaced whole: safe to read without a lock

    public ConsoleEndpoints(ServerState state, ServerOptions options, AwsServiceRouter services)
    {
        _state = state;
        _options = options;
        _services = services;
    }

    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ApiPath + "/topology", Topology);
        app.MapGet(ApiPath + "/trace", TraceFlow);
        app.MapGet(ApiPath + "/flowlogs", FlowLogs);
        app.MapGet(ApiPath + "/paths", SavedPaths);
        app.MapGet(ApiPath + "/paths/{id}", SavedPathTrace);
        app.MapGet("/_vpclab/about", LandingPage.WriteAsync);
        app.MapGet(ConsoleAssets.BasePath, (HttpContext http) => Page(http, "index.html"));
        app.MapGet(ConsoleAssets.BasePath + "/{**file}", (HttpContext http, string file) => Page(http, file));
    }

    private static async Task Page(HttpContext http, string file)
    {
        if (file.Length == 0)
            file = "index.html";
        if (!await ConsoleAssets.TryWriteAsync(http, file).ConfigureAwait(false))
            http.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task Topology(HttpContext http)
    {
        var world = _state.ControlPlane.World;
        var (account, region) = Scope(world.Network, http.Request.Query);
        var body = Encoding.UTF8.GetBytes(ConsoleTopology.Build(world, _state.ControlPlane, account, region).ToJsonString());
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..20]}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The account and Region asked for; when none is given, the server's default account if it has a VPC
    /// (else the first that has one) and its default Region if the account has a VPC there (else its first).</summary>
    private (AccountId, string) Scope(Network network, IQueryCollection query)
    {
        var owners = network.Vpcs.Values.Select(v => (v.OwnerId, v.Region)).ToHashSet();
        var account = query["account"].ToString() is { Length: > 0 } a ? new AccountId(a)
            : owners.Any(o => o.OwnerId == _options.DefaultAccount) || owners.Count == 0 ? _options.DefaultAccount
            : owners.Select(o => o.OwnerId).OrderBy(o => o.Value, StringComparer.Ordinal).First();
        var regions = owners.Where(o => o.OwnerId == account).Select(o => o.Region).OrderBy(r => r, StringComparer.Ordinal).ToList();
        var region = query["region"].ToString() is { Length: > 0 } r ? r
            : regions.Contains(_options.DefaultRegion) || regions.Count == 0 ? _options.DefaultRegion : regions[0];
        return (account, region);
    }

    /// <summary>Without <c>?example=</c> the example queries; with one, its answer over the delivered flow logs (none yet:
    /// no rows), narrowed by the filters (<see cref="ConsoleFlowLogFilter"/>); 400 for a bad filter, 404 for an unknown
    /// name, 409 when DuckDB cannot read what was delivered.</summary>
    private async Task FlowLogs(HttpContext http)
    {
        var name = http.Request.Query["example"].ToString();
        JsonObject body;
        if (name.Length == 0)
            body = ConsoleFlowLogs.Examples();
        else
        {
            try
            {
                body = ConsoleFlowLogs.Run(_services.S3Root, name, ConsoleFlowLogFilter.Parse(http.Request.Query))
                    ?? new JsonObject { ["error"] = $"No example query is named '{name}'." };
                if (body.ContainsKey("error"))
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            catch (FormatException e)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                body = new JsonObject { ["error"] = e.Message };
            }
            catch (Query.FlowLogQueryException e)
            {
                http.Response.StatusCode = StatusCodes.Status409Conflict;
                body = new JsonObject { ["error"] = e.Message };
            }
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
    }

    private async Task SavedPaths(HttpContext http)
    {
        var (account, region) = Scope(_state.ControlPlane.Network, http.Request.Query);
        await WriteJsonAsync(http, ConsoleSavedPaths.List(_state.Dispatcher.Insights.Store, account, region).ToJsonString()).ConfigureAwait(false);
    }

    /// <summary>One saved path analysed now, as a trace; 404 for a path this account and Region do not have, 409 when
    /// the analysis fails (a component it names is gone), as DescribeNetworkInsightsAnalyses would say.</summary>
    private async Task SavedPathTrace(HttpContext http, string id)
    {
        var network = _state.ControlPlane.Network;
        var (account, region) = Scope(network, http.Request.Query);
        string json;
        if (_state.Dispatcher.Insights.Store.FindSubject(new ControlPlane.RequestContext(account, region), id) is not { } path)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            json = new JsonObject { ["error"] = $"The network insights path '{id}' does not exist in {account} {region}." }.ToJsonString();
        }
        else
        {
            var (trace, failure) = _savedPaths.Analyze(path, network);
            if (trace is null)
                http.Response.StatusCode = StatusCodes.Status409Conflict;
            json = trace is null ? new JsonObject { ["error"] = failure }.ToJsonString() : LabJson.Serialize(trace);
        }
        await WriteJsonAsync(http, json).ConfigureAwait(false);
    }

    private static Task WriteJsonAsync(HttpContext http, string json)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(json, http.RequestAborted);
    }

    private async Task TraceFlow(HttpContext http)
    {
        var network = _state.ControlPlane.Network;
        var compiled = _compiled is { } c && ReferenceEquals(c.Item1, network) ? c.Item2 : CompiledNetwork.Compile(network);
        _compiled = Tuple.Create(network, compiled);
        var resolver = new EndpointResolver(network);
        string json;
        try
        {
            json = LabJson.Serialize(compiled.Trace(ConsoleTraceQuery.Parse(http.Request.Query, resolver), resolver.Resolutions));
        }
        catch (TraceRequestException e)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            json = new JsonObject { ["error"] = e.Message }.ToJsonString();
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(json, http.RequestAborted).ConfigureAwait(false);
    }
}
