using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.Hosting;

/// <summary>AWS's JSON 1.1 protocol as CloudWatch Logs and Systems Manager speak it on the lab's port: <c>POST /</c>,
/// <c>X-Amz-Target: &lt;prefix&gt;&lt;Op&gt;</c>, a JSON object in and out. Every refusal is AWS's JSON error
/// (<c>{"__type": …, "message": …}</c>) with a 400, never a 5xx page. Each service gives its target prefix, its
/// body limit and the code it answers a body over that limit with.</summary>
public sealed class AwsJsonProtocol(string targetPrefix, int maxBodyBytes, string tooLargeCode)
{
    public const string ContentType = "application/x-amz-json-1.1";
    public const string SerializationException = "SerializationException";

    /// <summary>Runs one request: <paramref name="run"/> gets the operation named by the target header and the
    /// parsed body. A failure is answered as AWS's JSON error when it is an <see cref="AwsJsonProtocolException"/>,
    /// an unreadable body, or a service exception <paramref name="serviceError"/> maps to a code and message; any
    /// other exception propagates.</summary>
    public async Task HandleAsync(HttpContext http, Func<string, JsonObject, JsonObject> run,
        Func<Exception, (string Code, string Message)?> serviceError)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(serviceError);
        var response = http.Response;
        response.Headers["x-amzn-RequestId"] = RequestIds.Next();
        byte[] body;
        try
        {
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            var operation = target.StartsWith(targetPrefix, StringComparison.Ordinal) ? target[targetPrefix.Length..] : target;
            var input = await ReadInputAsync(http.Request).ConfigureAwait(false);
            body = Encoding.UTF8.GetBytes(run(operation, input).ToJsonString());
            response.StatusCode = StatusCodes.Status200OK;
        }
        catch (Exception e) when (ErrorOf(e, serviceError) is { } error)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            body = Encoding.UTF8.GetBytes(new JsonObject { ["__type"] = error.Code, ["message"] = error.Message }.ToJsonString());
        }
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private static (string Code, string Message)? ErrorOf(Exception e, Func<Exception, (string Code, string Message)?> serviceError) =>
        e switch
        {
            AwsJsonProtocolException protocol => (protocol.Code, protocol.Message),
            BadHttpRequestException => (SerializationException, "The request body could not be read: " + e.Message),
            _ => serviceError(e),
        };

    private async Task<JsonObject> ReadInputAsync(HttpRequest request)
    {
        if (request.ContentLength > maxBodyBytes)
            throw new AwsJsonProtocolException(tooLargeCode, $"The request body exceeds {maxBodyBytes} bytes.");
        using var memory = new MemoryStream();
        await request.Body.CopyToAsync(memory).ConfigureAwait(false);
        if (memory.Length == 0)
            return [];
        try
        {
            return JsonNode.Parse(memory.ToArray()) as JsonObject
                ?? throw new AwsJsonProtocolException(SerializationException, "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsJsonProtocolException(SerializationException, "The request body is not valid JSON: " + e.Message);
        }
    }
}
