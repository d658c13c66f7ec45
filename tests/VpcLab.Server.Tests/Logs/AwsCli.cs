using System.Diagnostics;
using System.Text.Json.Nodes;

namespace VpcLab.Server.Tests.Logs;

/// <summary>Runs the real AWS CLI v2 (<c>/usr/bin/aws</c>) against a local endpoint with fake credentials and no
/// profile or metadata lookups (TOOLCHAIN gotcha 6).</summary>
internal static class AwsCli
{
    public const string Path = "/usr/bin/aws";

    public static bool Available => File.Exists(Path);

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonObject Json => JsonNode.Parse(Stdout)!.AsObject();
    }

    public static Task<Result> RunAsync(Uri endpoint, params string[] args) => RunAsAsync(endpoint, "AKIDEXAMPLE", args);

    /// <summary>As <paramref name="accessKeyId"/>: the server takes a 12-digit access key id as the caller's account.</summary>
    public static Task<Result> RunAsAsync(Uri endpoint, string accessKeyId, params string[] args) => RunWithAsync(Path, endpoint, accessKeyId, args);

    /// <summary>Runs another AWS CLI (<paramref name="executable"/>: e.g. v1, whose service models are newer) the same way.</summary>
    public static async Task<Result> RunWithAsync(string executable, Uri endpoint, string accessKeyId, params string[] args)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json" }.Concat(args))
            start.ArgumentList.Add(arg);
        start.Environment.Remove("AWS_PROFILE");
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "secret";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs <c>aws ARGS</c>, asserts it succeeded and answers its JSON (empty when the command prints none).</summary>
    public static Task<JsonObject> OkAsync(Uri endpoint, params string[] args) => OkAsAsync(endpoint, "AKIDEXAMPLE", args);

    public static async Task<JsonObject> OkAsAsync(Uri endpoint, string accessKeyId, params string[] args)
    {
        var result = await RunAsAsync(endpoint, accessKeyId, args);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', args)} (key {accessKeyId}) exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout.TrimStart().StartsWith('{') ? result.Json : [];
    }

    /// <summary>Runs <c>aws ARGS</c>, asserts the service refused it (the AWS CLI v2 exits 254 on a service error) and
    /// answers the error text.</summary>
    public static async Task<string> FailsAsync(Uri endpoint, params string[] args)
    {
        var result = await RunAsync(endpoint, args);
        Assert.True(result.ExitCode == 254, $"aws {string.Join(' ', args)} exited {result.ExitCode}, not 254 (a service error): {result.Stdout}{result.Stderr}");
        return result.Stderr;
    }
}
