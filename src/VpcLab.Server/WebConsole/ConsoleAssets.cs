using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.WebConsole;

/// <summary>The web console's built front end (web/dist, embedded in this assembly by the build, see
/// VpcLab.Server.csproj): <c>index.html</c> at <c>GET /</c> and the assets under <see cref="BasePath"/>. Nothing is
/// fetched from another host: every file the page loads is one of these. Without a front-end build (the
/// <c>VpcLabSkipWebBuild</c> property) there are none, and <c>GET /</c> keeps the <see cref="Hosting.LandingPage"/>.</summary>
public static class ConsoleAssets
{
    /// <summary>Where the page's files are served (Vite's <c>base</c> in web/vite.config.ts).</summary>
    public const string BasePath = "/_vpclab/console";

    private const string ResourcePrefix = "VpcLab.Server.WebConsole.web/";

    private static readonly Assembly Assembly = typeof(ConsoleAssets).Assembly;

    private static readonly HashSet<string> Names = [.. Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..])];

    public static bool Available => Names.Contains("index.html");

    /// <summary>Writes <paramref name="file"/> (a path under the build output, "index.html" for the page); false when
    /// there is no such file.</summary>
    public static async Task<bool> TryWriteAsync(HttpContext http, string file)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(file);
        if (!Names.Contains(file))
            return false;
        await using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + file)!;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = ContentType(file);
        http.Response.ContentLength = stream.Length;
        // Hashed asset names never change content; the page itself must be fetched again after a rebuild.
        http.Response.Headers.CacheControl = file.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
