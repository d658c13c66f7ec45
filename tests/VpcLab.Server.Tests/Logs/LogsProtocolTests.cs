using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.Logs;

/// <summary>The JSON 1.1 wire itself (HttpClient, as AWSSDK.CloudWatchLogs is not available): bad requests get AWS's
/// JSON error with a 400, never a 5xx; EC2 keeps working on the same port.</summary>
public sealed class LogsProtocolTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = _server.Url };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> Call(string target, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/logs/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject());
    }

    [Theory]
    [InlineData("Logs_20140328.NoSuchOperation", "{}", "UnknownOperationException")]
    [InlineData("Logs_20140328.CreateLogGroup", "{not json", "SerializationException")]
    [InlineData("Logs_20140328.CreateLogGroup", "[1]", "SerializationException")]
    [InlineData("Logs_20140328.CreateLogGroup", "{}", "InvalidParameterException")] // logGroupName missing
    [InlineData("Logs_20140328.CreateLogGroup", "{\"logGroupName\": 5}", "SerializationException")]
    [InlineData("Logs_20140328.GetLogEvents", "{\"logGroupName\": \"g\", \"logStreamName\": \"s\", \"limit\": 0}", "InvalidParameterException")]
    [InlineData("Logs_20140328.PutLogEvents", "{\"logGroupName\": \"g\", \"logStreamName\": \"s\", \"logEvents\": []}", "InvalidParameterException")]
    [InlineData("Logs_20140328.DescribeLogStreams", "{\"logGroupName\": \"g\", \"orderBy\": \"Size\"}", "InvalidParameterException")]
    [InlineData("Logs_20140328.GetLogEvents", "{\"logGroupName\": \"g\", \"logStreamName\": \"s\", \"nextToken\": \"zzz\"}", "InvalidParameterException")]
    public async Task BadRequest_400WithAwsJsonError(string target, string body, string expectedType)
    {
        await Call("Logs_20140328.CreateLogGroup", "{\"logGroupName\": \"g\"}");
        await Call("Logs_20140328.CreateLogStream", "{\"logGroupName\": \"g\", \"logStreamName\": \"s\"}");
        var (status, error) = await Call(target, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(expectedType, (string?)error["__type"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
    }

    // The Region comes from the SigV4 scope: a group made through eu-west-1 has an eu-west-1 ARN.
    [Fact]
    public async Task LogsApi_CredentialScope_ChoosesTheRegion()
    {
        await Call("Logs_20140328.CreateLogGroup", "{\"logGroupName\": \"regional\"}");
        var (_, body) = await Call("Logs_20140328.DescribeLogGroups", "{}");
        Assert.Equal("arn:aws:logs:eu-west-1:111111111111:log-group:regional", (string?)body["logGroups"]![0]!["logGroupArn"]);
    }

    [Fact]
    public async Task Router_Ec2QueryRequests_StillReachEc2()
    {
        using var response = await _http.PostAsync(new Uri("/", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeVpcs", ["Version"] = "2016-11-15" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("DescribeVpcsResponse", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
