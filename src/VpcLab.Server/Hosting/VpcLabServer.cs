using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Hosting;

/// <summary>A running VpcLab server: Kestrel on loopback speaking EC2's Query protocol (and STS's
/// GetCallerIdentity), S3 and CloudWatch Logs to unchanged AWS clients, plus <c>/_vpclab/health</c>,
/// <c>/_vpclab/reset</c> (<see cref="ServerReset"/>), <c>/_vpclab/traffic</c> for test suites,
/// <c>/_vpclab/world</c> (<see cref="WorldEndpoint"/>) for <c>vpclab trace --endpoint-url</c>, and the web console
/// at <c>GET /</c> (<see cref="WebConsole.ConsoleEndpoints"/>; the landing page at <c>/_vpclab/about</c>).</summary>
public sealed class VpcLabServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private VpcLabServer(WebApplication app, ServerState state, Uri url)
    {
        _app = app;
        State = state;
        Url = url;
    }

    public ServerState State { get; }

    /// <summary>The S3 and CloudWatch Logs side of the server (their stores).</summary>
    public AwsServiceRouter AwsServices { get; private init; } = null!;

    /// <summary>Whether <see cref="ServerOptions.ScenarioFile"/> was loaded at this start (false: none was given, or
    /// the data directory's world already began with it).</summary>
    public bool ScenarioLoaded { get; private init; }

    /// <summary>Where clients point --endpoint-url (http://127.0.0.1:PORT).</summary>
    public Uri Url { get; }

    public static async Task<VpcLabServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var state = ServerState.Open(options.DataDirectory, options.Quotas, defaultVpcs: options.DefaultVpcs,
            defaultAccountOptIns: options.OptInRegions);
        bool scenarioLoaded;
        try
        {
            // Before Kestrel listens: no client can reach the world before the scenario is in it.
            scenarioLoaded = options.ScenarioFile is { } file && File.ReadAllText(file) is var text
                && (VpcLab.CloudFormation.TemplateScenario.IsTemplate(text) ? CloudFormation.CloudFormationScenario.Load(state, text, file) : state.LoadScenario(text, file));
        }
        catch
        {
            state.Dispose();
            throw;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = QueryEndpoint.MaxBodyBytes;
            // Kestrel answers an over-long request line or header block itself (414, 431, no body); these limits
            // are far above what any AWS client sends, so odd but plausible requests reach the endpoint and get
            // AWS's XML error envelope.
            k.Limits.MaxRequestLineSize = 64 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            k.AddServerHeader = false;
        });
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        var app = builder.Build();

        AwsServiceRouter services;
        try
        {
            services = Map(app, options, state);
        }
        catch
        {
            state.Dispose();
            throw;
        }

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            services.Dispose();
            state.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new VpcLabServer(app, state, new Uri(address)) { AwsServices = services, ScenarioLoaded = scenarioLoaded };
    }

    /// <summary>The request pipeline: the request log (when asked for), the gate a reset closes, S3 and CloudWatch
    /// Logs (and the landing page, and other services' errors) before EC2's Query endpoint, the lab's own paths.</summary>
    private static AwsServiceRouter Map(WebApplication app, ServerOptions options, ServerState state)
    {
        var query = new QueryEndpoint(state, new AccountDirectory(options), options);
        var services = new AwsServiceRouter(options, new AccountDirectory(options), state); // S3 and CloudWatch Logs on the same port
        app.Lifetime.ApplicationStopped.Register(services.Dispose);
        var gate = new RequestGate();
        var reset = new ServerReset(state, services, gate, options.DataDirectory);
        reset.FinishInterrupted();
        if (options.RequestLog is { } output)
        {
            var log = new RequestLog(output);
            app.Use(next => http => log.InvokeAsync(http, next));
        }
        app.Use(next => async http =>
        {
            if (http.Request.Path.Equals("/_vpclab/reset", StringComparison.Ordinal))
            {
                await next(http).ConfigureAwait(false); // the reset waits for the others; it must not wait for itself
                return;
            }
            using (await gate.EnterAsync(http.RequestAborted).ConfigureAwait(false))
                await next(http).ConfigureAwait(false);
        });
        app.Use(next => http => services.RouteAsync(http, next));
        app.MapGet("/_vpclab/health", () => Results.Json(new { status = "ok", durable = state.IsDurable, replayed = state.Replayed }));
        app.MapPost("/_vpclab/reset", async (HttpContext http) =>
        {
            await reset.RunAsync(http.RequestAborted).ConfigureAwait(false);
            return Results.Json(new { status = "reset" });
        });
        var world = new WorldEndpoint(state, new AccountDirectory(options), options);
        app.MapGet("/_vpclab/world", world.Handle);
        var traffic = new TrafficEndpoint(state, services);
        app.MapPost("/_vpclab/traffic", (Func<HttpContext, Task<IResult>>)traffic.HandleAsync);
        new WebConsole.ConsoleEndpoints(state, options, services).Map(app);
        app.MapPost("/", query.HandleAsync);
        app.MapGet("/", query.HandleAsync);
        // Every other method and path, files included ("{**path}", not MapFallback's default "{*path:nonfile}",
        // which would leave /index.html to a bare 404).
        app.MapFallback("{**path}", async http =>
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/xml;charset=UTF-8";
            await http.Response.WriteAsync(
                $"<Response><Errors><Error><Code>InvalidAction</Code><Message>VpcLab serves the EC2 Query API at POST /; {System.Security.SecurityElement.Escape(http.Request.Method + " " + http.Request.Path)} is not an action.</Message></Error></Errors><RequestID>{RequestIds.Next()}</RequestID></Response>").ConfigureAwait(false);
        });
        return services;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => ((IHost)_app).WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        State.Dispose();
    }
}
