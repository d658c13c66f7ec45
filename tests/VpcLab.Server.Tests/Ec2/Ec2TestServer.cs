using System.Text.RegularExpressions;
using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Server.Ec2;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>A minimal Kestrel on a random loopback port around <see cref="Ec2ActionDispatcher"/>, doing what the
/// real host does at its edge: parse, take the Region from the SigV4 credential scope and the account from the
/// access key, execute, serialize (or write AWS's error envelope with the error's HTTP status).</summary>
internal sealed partial class Ec2TestServer : IAsyncDisposable
{
    public const string DefaultAccessKey = "AKIDEXAMPLE";

    private readonly WebApplication _app;

    private Ec2TestServer(WebApplication app, Ec2ActionDispatcher dispatcher)
    {
        _app = app;
        Dispatcher = dispatcher;
    }

    public string Url { get; private set; } = "";

    public Ec2ActionDispatcher Dispatcher { get; }

    /// <summary>Access key → account; unknown keys are the default account.</summary>
    public Dictionary<string, string> Accounts { get; } = new(StringComparer.Ordinal)
    {
        [DefaultAccessKey] = ControlPlaneOptions.DefaultAccount.Value,
        ["AKIDSECOND"] = "222222222222",
    };

    public static async Task<Ec2TestServer> StartAsync(ControlPlaneOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new Ec2TestServer(app, new Ec2ActionDispatcher(new Ec2ControlPlane(options ?? new ControlPlaneOptions())));
        app.MapPost("/", server.HandleAsync);
        app.MapGet("/", server.HandleAsync);
        await app.StartAsync();
        server.Url = app.Urls.Single();
        return server;
    }

    public AmazonEC2Client Client(string accessKey = DefaultAccessKey, string region = "us-east-1") =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonEC2Config
        {
            ServiceURL = Url,
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    [GeneratedRegex(@"Credential=([^/,\s]+)/\d{8}/([^/,\s]+)/")]
    private static partial Regex CredentialScope();

    private async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> form =
            context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : context.Request.Query;
        context.Response.ContentType = Ec2XmlSerializer.ContentType;
        var scope = CredentialScope().Match(context.Request.Headers.Authorization.ToString());
        var account = scope.Success && Accounts.TryGetValue(scope.Groups[1].Value, out var a) ? a : ControlPlaneOptions.DefaultAccount.Value;
        var region = scope.Success ? scope.Groups[2].Value : ControlPlaneOptions.DefaultRegion;
        try
        {
            var request = Ec2QueryParser.Default.Parse(form);
            var result = Dispatcher.Execute(request.Operation.Name, RequestContext.For(account, region), request.Parameters);
            Ec2XmlSerializer.Default.WriteResponse(context.Response.BodyWriter, request.Operation, result, requestId);
        }
        catch (Ec2ProtocolException e)
        {
            context.Response.StatusCode = e.HttpStatus;
            Ec2XmlSerializer.WriteError(context.Response.BodyWriter, e.Code, e.Message, requestId);
        }
        catch (Ec2Exception e)
        {
            context.Response.StatusCode = e.HttpStatus;
            Ec2XmlSerializer.WriteError(context.Response.BodyWriter, e.Code.Code, e.Message, requestId);
        }

        await context.Response.BodyWriter.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
