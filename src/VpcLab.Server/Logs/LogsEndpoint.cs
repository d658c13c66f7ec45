using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VpcLab.FlowLogs.CloudWatchLogs;

namespace VpcLab.Server.Logs;

/// <summary>CloudWatch Logs' JSON 1.1 protocol: <c>POST /</c>, <c>X-Amz-Target: Logs_20140328.&lt;Op&gt;</c>, a JSON
/// body in and out. Every failure is AWS's JSON error (<c>{"__type": …, "message": …}</c>) with a 400, never a 5xx
/// page. The operations run on the <see cref="CloudWatchLogsStore"/> the flow-log delivery writes to.</summary>
public sealed class LogsEndpoint(CloudWatchLogsStore store)
{
    public const string TargetPrefix = "Logs_20140328.";
    public const string ContentType = "application/x-amz-json-1.1";
    private const int MaxBodyBytes = 2 << 20; // PutLogEvents' 1 MiB of events plus JSON overhead

    public async Task HandleAsync(HttpContext http, string account, string region)
    {
        var requestId = Guid.NewGuid().ToString();
        var response = http.Response;
        response.Headers["x-amzn-RequestId"] = requestId;
        byte[] body;
        try
        {
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
            var input = await ReadInputAsync(http.Request).ConfigureAwait(false);
            var output = LogsOperations.Run(store, new LogScope(account, region), operation, input);
            body = Encoding.UTF8.GetBytes(output.ToJsonString());
            response.StatusCode = StatusCodes.Status200OK;
        }
        catch (Exception e) when (e is CloudWatchLogsException or LogsProtocolException or BadHttpRequestException)
        {
            var (code, message) = e switch
            {
                CloudWatchLogsException logs => (logs.Code, logs.Message),
                LogsProtocolException protocol => (protocol.Code, protocol.Message),
                _ => ("SerializationException", "The request body could not be read: " + e.Message),
            };
            response.StatusCode = StatusCodes.Status400BadRequest;
            body = Encoding.UTF8.GetBytes(new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString());
        }
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private static async Task<JsonObject> ReadInputAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
            throw new LogsProtocolException(CloudWatchLogsErrors.InvalidParameter, $"The request body exceeds {MaxBodyBytes} bytes.");
        using var memory = new MemoryStream();
        await request.Body.CopyToAsync(memory).ConfigureAwait(false);
        if (memory.Length == 0)
            return [];
        try
        {
            return JsonNode.Parse(memory.ToArray()) as JsonObject
                ?? throw new LogsProtocolException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new LogsProtocolException("SerializationException", "The request body is not valid JSON: " + e.Message);
        }
    }
}
