using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace VpcLab.Server.Tests.Account;

/// <summary>The Account Management API over HTTP as the AWS CLI sends it (REST-JSON, <c>POST /enableRegion</c>, signed
/// for the <c>account</c> service): for tests that must enable an opt-in Region before they call into it.</summary>
internal static class AccountApi
{
    public sealed record Answer(HttpStatusCode Status, string? ErrorType, JsonObject Body);

    /// <summary>POSTs <paramref name="body"/> to <c>/{operation}</c> as <paramref name="accessKey"/>, signed in
    /// <paramref name="region"/> (the API is global: any Region reaches it).</summary>
    public static async Task<Answer> CallAsync(Uri server, string operation, string body, string accessKey = "AKIDEXAMPLE", string region = "us-east-1")
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + operation) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/20261205/{region}/account/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.Single() : null;
        return new Answer(response.StatusCode, errorType, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>AWS EnableRegion: the caller's account may then call into <paramref name="region"/>.</summary>
    public static async Task EnableRegionAsync(Uri server, string region, string accessKey = "AKIDEXAMPLE")
    {
        var answer = await CallAsync(server, "enableRegion", $$"""{"RegionName":"{{region}}"}""", accessKey);
        Assert.True(answer.Status == HttpStatusCode.OK, $"enableRegion {region}: {answer.Status} {answer.Body.ToJsonString()}");
    }
}
