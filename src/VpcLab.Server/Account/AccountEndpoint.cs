using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Server.Hosting;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Account;

/// <summary>The AWS Account Management API's Region opt-ins on the lab's port (service <c>account</c>, REST-JSON:
/// <c>POST /enableRegion</c>, <c>/disableRegion</c>, <c>/getRegionOptStatus</c>, <c>/listRegions</c>, a JSON object in
/// and out). The API is global: every call runs on the caller's account in us-east-1, whatever Region it was signed for
/// (so it works while that Region is disabled). EnableRegion and DisableRegion go through
/// <see cref="ServerState.MutateAsync"/>, so they are logged and replayed (<see cref="LoggedOperations"/>). Refusals
/// are REST-JSON errors: the code in <c>x-amzn-ErrorType</c> and <c>__type</c>, the message in <c>message</c>.</summary>
public sealed class AccountEndpoint(ServerState state)
{
    /// <summary>The SigV4 service name the AWS CLI and SDKs sign Account Management requests with.</summary>
    public const string SigningName = "account";

    /// <summary>Logged operation names (<see cref="NonEc2Operations"/>), prefixed so they never meet an EC2 action's.</summary>
    public const string EnableRegionOperation = "account:EnableRegion";
    public const string DisableRegionOperation = "account:DisableRegion";

    private const int MaxBodyBytes = 64 * 1024;

    public static IEnumerable<KeyValuePair<string, LoggedOperationHandler>> LoggedOperations =>
    [
        new(EnableRegionOperation, (cp, ctx, p) => Empty(cp.RegionOptIns.EnableRegion(ctx.Account, OptInRequest(p)))),
        new(DisableRegionOperation, (cp, ctx, p) => Empty(cp.RegionOptIns.DisableRegion(ctx.Account, OptInRequest(p)))),
    ];

    public async Task HandleAsync(HttpContext http, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = http.Response;
        response.Headers["x-amzn-RequestId"] = RequestIds.Next();
        var operation = http.Request.Path.Value?.Trim('/') switch
        {
            "enableRegion" => "EnableRegion",
            "disableRegion" => "DisableRegion",
            "getRegionOptStatus" => "GetRegionOptStatus",
            "listRegions" => "ListRegions",
            _ => null,
        };
        CallDescription.Describe(http, service: SigningName, action: operation ?? http.Request.Path.Value);
        JsonObject? output;
        try
        {
            if (operation is null || !HttpMethods.IsPost(http.Request.Method))
                throw new AccountApiException(404, "UnknownOperationException", $"The Account Management API has no operation at {http.Request.Method} {http.Request.Path}.");
            var input = await ReadInputAsync(http.Request).ConfigureAwait(false);
            // The API's home Region: a call signed for a disabled opt-in Region still reaches the account.
            var context = new RequestContext(account, ControlPlaneOptions.DefaultRegion);
            var optIns = state.ControlPlane.RegionOptIns;
            output = operation switch
            {
                "EnableRegion" => await state.MutateAsync(context, EnableRegionOperation, Validated(input)).ConfigureAwait(false),
                "DisableRegion" => await state.MutateAsync(context, DisableRegionOperation, Validated(input)).ConfigureAwait(false),
                "GetRegionOptStatus" => Status(optIns.GetRegionOptStatus(account, OptInRequest(input))),
                _ => List(optIns.ListRegions(account, ListRequest(input))),
            };
            response.StatusCode = StatusCodes.Status200OK;
        }
        catch (Exception e) when (ErrorOf(e) is { } error)
        {
            response.StatusCode = error.Status;
            response.Headers["x-amzn-ErrorType"] = error.Code;
            output = new JsonObject { ["__type"] = error.Code, ["message"] = error.Message };
        }
        if (output is null)
        {
            response.ContentLength = 0; // AWS: "an HTTP 200 response with an empty HTTP body"
            return;
        }
        var body = Encoding.UTF8.GetBytes(output.ToJsonString());
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    /// <summary>The parameters to log, once bound: a request that cannot bind is refused before anything is logged.</summary>
    private static JsonObject Validated(JsonObject input)
    {
        OptInRequest(input);
        return input;
    }

    private static (int Status, string Code, string Message)? ErrorOf(Exception e) => e switch
    {
        Ec2Exception ec2 => (ec2.Code.HttpStatus, ec2.Code.Code, ec2.Message),
        AccountApiException api => (api.Status, api.Code, api.Message),
        BadHttpRequestException => (400, "SerializationException", "The request body could not be read: " + e.Message),
        _ => null,
    };

    private static JsonObject? Empty(EmptyResult _) => null;

    private static JsonObject Status(RegionOptStatusEntry entry) => new()
    {
        ["RegionName"] = entry.RegionName,
        ["RegionOptStatus"] = entry.RegionOptStatus,
    };

    private static JsonObject List(ListRegionsResult result)
    {
        var output = new JsonObject { ["Regions"] = new JsonArray([.. result.Regions.Select(r => (JsonNode)Status(r))]) };
        if (result.NextToken is { } next)
            output["NextToken"] = next;
        return output;
    }

    private static RegionOptInRequest OptInRequest(JsonObject input) => new()
    {
        AccountId = Text(input, "AccountId"),
        RegionName = Text(input, "RegionName"),
    };

    private static ListRegionsRequest ListRequest(JsonObject input) => new()
    {
        AccountId = Text(input, "AccountId"),
        NextToken = Text(input, "NextToken"),
        MaxResults = input["MaxResults"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<int>(out var n) => n,
            var other => throw Serialization("MaxResults", other),
        },
        RegionOptStatusContains = input["RegionOptStatusContains"] switch
        {
            null => null,
            JsonArray a => [.. a.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Serialization("RegionOptStatusContains", item))],
            var other => throw Serialization("RegionOptStatusContains", other),
        },
    };

    private static string? Text(JsonObject input, string member) => input[member] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => throw Serialization(member, other),
    };

    private static AccountApiException Serialization(string member, JsonNode? value) =>
        new(400, "SerializationException", $"The value {value?.ToJsonString() ?? "null"} of {member} has the wrong type.");

    private static async Task<JsonObject> ReadInputAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
            throw new AccountApiException(413, "SerializationException", $"The request body exceeds {MaxBodyBytes} bytes.");
        using var memory = new MemoryStream();
        await request.Body.CopyToAsync(memory).ConfigureAwait(false);
        if (memory.Length == 0)
            return [];
        try
        {
            return JsonNode.Parse(memory.ToArray()) as JsonObject
                ?? throw new AccountApiException(400, "SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AccountApiException(400, "SerializationException", "The request body is not valid JSON: " + e.Message);
        }
    }
}
