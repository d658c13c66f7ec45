using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;

namespace VpcLab.Cli.Tests.Serve;

/// <summary>A real <c>vpclab serve</c> process on a free loopback port, driven over HTTP as AWS clients do.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    public Uri Url { get; }
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    private ServerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    private readonly System.Text.StringBuilder _output = new();

    /// <summary>What the process printed on stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts <c>vpclab serve</c> on <paramref name="dataDirectory"/> with <paramref name="extra"/> options.</summary>
    public static Task<ServerProcess> StartAsync(string dataDirectory, int? port = null, params string[] extra) =>
        StartAsync(dataDirectory, new Dictionary<string, string?>(), port, extra);

    /// <summary>As <see cref="StartAsync(string, int?, string[])"/>, with <paramref name="environment"/> set for the
    /// process (e.g. <c>VPCLAB_GROUP_COMMIT</c>).</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?> environment, int? port = null, params string[] extra)
    {
        int p = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vpclab.dll"));
        foreach (var a in new[] { "serve", "--port", p.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", dataDirectory, "--generous-quotas" }.Concat(extra))
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{p}/"));
        process.OutputDataReceived += (_, e) =>
        {
            lock (server._output)
                server._output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"vpclab serve exited with code {process.ExitCode}");
            try
            {
                using var health = await server.Http.GetAsync(new Uri(server.Url, "_vpclab/health")).ConfigureAwait(false);
                if (health.IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        server.Dispose();
        throw new TimeoutException("vpclab serve did not become healthy within 60 s");
    }

    /// <summary>One EC2 Query call; returns the HTTP status and the parsed XML.</summary>
    public async Task<(HttpStatusCode Status, XDocument Body)> CallAsync(params (string Key, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("Version", "2016-11-15") };
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(Url, content).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return (response.StatusCode, XDocument.Parse(text));
    }

    /// <summary>SIGKILL: no chance to flush or clean up, as in a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
        Http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
