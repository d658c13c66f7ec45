using System.Net;
using System.Text.Json;
using VpcLab.ControlPlane.Snapshots;

namespace VpcLab.Cli.Remote;

/// <summary>Fetches a running server's world (<c>GET /_vpclab/world</c>, a <see cref="WorldSnapshot"/>) for
/// <c>trace|show|resolve --endpoint-url</c>. Every failure is bad input in plain words (exit code 2): an endpoint
/// that does not answer, one that is not VpcLab, an account or Region the server does not know.</summary>
public static class ServerWorld
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static WorldSnapshot Fetch(string endpointUrl, AwsCallerSettings caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new UsageException($"--endpoint-url: '{endpointUrl}' is not an http:// or https:// URL (e.g. http://127.0.0.1:4566).");
        var query = new List<string>();
        if (caller.AccessKeyId is { } key)
            query.Add($"accessKeyId={Uri.EscapeDataString(key)}");
        if (caller.Region is { } region)
            query.Add($"region={Uri.EscapeDataString(region)}");
        var url = new Uri(endpoint, "/_vpclab/world" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        using var http = new HttpClient { Timeout = Timeout };
        HttpResponseMessage response;
        string body;
        try
        {
            response = http.GetAsync(url).GetAwaiter().GetResult();
            body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            throw new UsageException($"--endpoint-url: nothing answers at {endpointUrl} ({e.Message}). Is `vpclab serve` running there?");
        }
        catch (TaskCanceledException)
        {
            throw new UsageException($"--endpoint-url: {endpointUrl} did not answer within {Timeout.TotalSeconds:0} s.");
        }
        using (response)
            return Read(endpointUrl, response.StatusCode, body);
    }

    private static WorldSnapshot Read(string endpointUrl, HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK)
        {
            if (LabError(body) is { } message)
                throw new UsageException($"{endpointUrl}: {message}");
            throw new UsageException($"{endpointUrl} is not a VpcLab server (GET /_vpclab/world answered HTTP {(int)status}).");
        }
        try
        {
            return WorldSnapshotJson.Deserialize(body);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{endpointUrl} is not a VpcLab server: GET /_vpclab/world answered {e.Message}.");
        }
    }

    /// <summary>The message of the server's own JSON error (<c>{"error": CODE, "message": …}</c>), else null.</summary>
    private static string? LabError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var code) && json.RootElement.TryGetProperty("message", out var message)
                ? $"{code.GetString()}: {message.GetString()}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
