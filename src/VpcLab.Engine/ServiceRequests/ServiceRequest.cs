using VpcLab.Engine.Policies;

namespace VpcLab.Engine.ServiceRequests;

/// <summary>An API request to an AWS service other than S3, as <c>vpclab trace --to sqs://orders --action
/// sqs:SendMessage</c> asks it: the service (its short name, the URI scheme), the resource named after the scheme (a
/// name, or a whole ARN), the action, who asks (null: the root of the source interface's account) and when
/// (aws:CurrentTime). The resource ARN is built by <see cref="ServiceResources"/>.</summary>
public sealed record ServiceRequest(string Service, string Resource, string Action, RequestPrincipal? Principal = null)
{
    /// <summary>When the request is made: the lab's clock, passed by the caller (null: no time keys).</summary>
    public DateTimeOffset? RequestTime { get; init; }

    /// <summary>True for <c>SERVICE://…</c> where SERVICE is a catalogued service other than S3 (S3 has its own
    /// request tracer: s3://bucket/key).</summary>
    public static bool IsServiceUri(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        return scheme > 0 && ServiceResources.IsKnown(text[..scheme].ToLowerInvariant());
    }

    /// <summary>Parses <c>SERVICE://RESOURCE</c>; <paramref name="action"/> defaults to the service's usual call
    /// (sqs:SendMessage, sns:Publish, …) and must belong to the service.</summary>
    /// <exception cref="TraceRequestException">Not such a URI, or an action of another service.</exception>
    public static ServiceRequest Parse(string uri, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!IsServiceUri(uri))
            throw new TraceRequestException($"'{uri}' is not a service request (SERVICE://RESOURCE, SERVICE one of {string.Join(", ", ServiceResources.Services)}).");
        int scheme = uri.IndexOf("://", StringComparison.Ordinal);
        var service = uri[..scheme].ToLowerInvariant();
        var resource = uri[(scheme + 3)..];
        var a = string.IsNullOrWhiteSpace(action) ? ServiceResources.DefaultAction(service) : action.Trim();
        int colon = a.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == a.Length - 1)
            throw new TraceRequestException($"'{a}' is not an action (service:Action, e.g. sqs:SendMessage).");
        if (a.AsSpan(colon).ContainsAny('*', '?'))
            throw new TraceRequestException($"'{a}' is a pattern; a request asks one action.");
        if (!string.Equals(a[..colon], service, StringComparison.OrdinalIgnoreCase))
            throw new TraceRequestException($"'{a}' is not an action of {service} (a request to {service}://… asks {service}:…).");
        return new ServiceRequest(service, resource, a);
    }

    public override string ToString() => $"{Action} {Service}://{Resource}";
}
