using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>A tiny Kestrel on a random loopback port that does what the real server's edge will do with the
/// protocol core: parse the form (or, for GET, the query string) with <see cref="Ec2QueryParser"/>, hand the request to a test-supplied
/// answer, and write it with <see cref="Ec2XmlSerializer"/> (or the error envelope).</summary>
internal sealed class ProtocolTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtocolTestServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>The last request parsed (what the client sent, as member-name JSON).</summary>
    public Ec2Request? LastRequest { get; private set; }

    /// <summary>The answer to the next request: a result for the serializer, or throw
    /// <see cref="Ec2ProtocolException"/> for an error envelope.</summary>
    public Func<Ec2Request, JsonObject?> Answer { get; set; } = _ => null;

    public static async Task<ProtocolTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ProtocolTestServer(app);
        app.MapPost("/", server.HandleAsync);
        app.MapGet("/", server.HandleAsync);
        await app.StartAsync();
        server.Url = app.Urls.Single();
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> form =
            context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : context.Request.Query;
        context.Response.ContentType = Ec2XmlSerializer.ContentType;
        try
        {
            var request = Ec2QueryParser.Default.Parse(form);
            LastRequest = request;
            var result = Answer(request);
            Ec2XmlSerializer.Default.WriteResponse(context.Response.BodyWriter, request.Operation, result, requestId);
        }
        catch (Ec2ProtocolException e)
        {
            context.Response.StatusCode = e.HttpStatus;
            Ec2XmlSerializer.WriteError(context.Response.BodyWriter, e.Code, e.Message, requestId);
        }

        await context.Response.BodyWriter.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
