using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.Hosting;

/// <summary><c>vpclab serve --log-requests</c>: one line per call, written when its answer is complete —
/// <c>2026-12-04T17:02:03.456Z 111111111111 us-east-1 ec2 CreateVpc 200 4ms</c> (start time UTC, account, Region,
/// service, action, HTTP status, duration in whole milliseconds; <c>-</c> where a field does not apply).
/// docs/semantics.md#request-log.</summary>
public sealed class RequestLog(TextWriter output, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        var call = new CallDescription();
        http.Features.Set(call);
        var started = _time.GetUtcNow();
        var clock = _time.GetTimestamp();
        var failed = true;
        try
        {
            await next(http).ConfigureAwait(false);
            failed = false;
        }
        finally
        {
            // A request that threw past every endpoint before answering is answered 500 by Kestrel.
            var status = failed && !http.Response.HasStarted ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
            Write(Line(started, call, status, _time.GetElapsedTime(clock)));
        }
    }

    /// <summary>The line for one call (no newline).</summary>
    public static string Line(DateTimeOffset started, CallDescription call, int status, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(call);
        return string.Create(CultureInfo.InvariantCulture,
            $"{started.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {call.Account} {call.Region} {call.Service} {call.Action} {status} {(long)duration.TotalMilliseconds}ms");
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
