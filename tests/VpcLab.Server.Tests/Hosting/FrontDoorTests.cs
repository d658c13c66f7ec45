using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>What arrives at the port that is not an EC2, S3 or CloudWatch Logs call: a browser's <c>GET /</c> gets the
/// web console, <c>/_vpclab/about</c> a page saying what the server is (docs/semantics.md#landing-page); a call for another AWS service gets an error in
/// that service's own protocol naming the service (docs/semantics.md#unserved-services), which the AWS CLI v2 prints
/// as a readable message.</summary>
public sealed class FrontDoorTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, Ct);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    // The web console is served at / (docs/semantics.md#console); the landing page moved to /_vpclab/about, linked from it.
    [Fact]
    public async Task GetRoot_FromABrowser_TheWebConsoleLinkingTheAboutPage()
    {
        using var http = new HttpClient();
        var html = await http.GetStringAsync(_server.Url, Ct);
        Assert.Contains("<title>VpcLab console</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/_vpclab/about\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAbout_FromABrowser_HtmlNamingVpcLabVersionEndpointAndHealth()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Url, "/_vpclab/about"));
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await http.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>VpcLab {LandingPage.Version}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<code>{_server.Url.ToString().TrimEnd('/')}</code>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/_vpclab/health\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MissingAction", html, StringComparison.Ordinal);
    }

    // EC2's own GET form still works, and a GET of / with a query but no Action is still EC2's MissingAction.
    [Theory]
    [InlineData("/?Action=DescribeVpcs&Version=2016-11-15", HttpStatusCode.OK, "DescribeVpcsResponse")]
    [InlineData("/?Version=2016-11-15", HttpStatusCode.BadRequest, "<Code>MissingAction</Code>")]
    public async Task GetRoot_WithAQuery_IsStillEc2(string path, HttpStatusCode status, string expected)
    {
        using var http = new HttpClient { BaseAddress = _server.Url };
        using var response = await http.GetAsync(path, Ct);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    // AWS CLI v2 against the server: each prints "An error occurred (CODE) when calling the OP operation: MESSAGE"
    // with the message naming the service VpcLab does not serve. Protocols per botocore's models: DynamoDB is JSON
    // 1.0 (X-Amz-Target), Route 53 REST-XML, SQS Query (in CLI 2.9), Lambda REST-JSON.
    [Theory]
    [InlineData("dynamodb list-tables", "UnknownOperationException", "ListTables", "dynamodb")]
    [InlineData("route53 list-hosted-zones", "InvalidAction", "ListHostedZones", "route53")]
    [InlineData("sqs list-queues", "InvalidAction", "ListQueues", "sqs")]
    [InlineData("lambda list-functions", "UnknownOperationException", "ListFunctions", "lambda")]
    public async Task OtherService_ThroughAwsCliV2_ReadableErrorNamingTheService(string command, string code, string operation, string service)
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var result = await AwsCli.RunAsync(_server.Url, command.Split(' '));
        Assert.Equal(254, result.ExitCode); // AWS CLI v2: the service answered with an error
        Assert.Contains($"An error occurred ({code}) when calling the {operation} operation: VpcLab does not serve the AWS service '{service}'",
            result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("<", result.Stderr, StringComparison.Ordinal); // no raw XML
    }

    [Fact]
    public async Task JsonProtocolCall_ForAnotherService_JsonUnknownOperationException()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Url) { Content = new StringContent("{}") };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.ListTables");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261204/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("UnknownOperationException", (string?)body["__type"]);
        Assert.StartsWith("VpcLab does not serve the AWS service 'dynamodb' (operation ListTables)", (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryProtocolCall_ForAnotherService_XmlErrorResponse()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Url)
        {
            Content = new FormUrlEncodedContent([new("Action", "ListTopics"), new("Version", "2010-03-31")]),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261204/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;
        Assert.Equal("ErrorResponse", root.Name.LocalName);
        Assert.Equal("InvalidAction", root.Element("Error")!.Element("Code")!.Value);
        Assert.StartsWith("VpcLab does not serve the AWS service 'sns' (operation ListTopics)", root.Element("Error")!.Element("Message")!.Value, StringComparison.Ordinal);
        Assert.NotNull(root.Element("RequestId"));
    }
}
