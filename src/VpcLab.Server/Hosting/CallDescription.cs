using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.Hosting;

/// <summary>What one call was, for the request log (<see cref="RequestLog"/>): the AWS service and action, and the
/// account and Region it ran as. The endpoints fill it in as they learn it (the EC2 action is only known once the
/// form is read); it is absent, and <see cref="Describe"/> does nothing, when the server logs no requests.</summary>
public sealed class CallDescription
{
    public const string Unknown = "-";

    public string Service { get; set; } = Unknown;
    public string Action { get; set; } = Unknown;
    public string Account { get; set; } = Unknown;
    public string Region { get; set; } = Unknown;

    /// <summary>Records what is known about the call on <paramref name="http"/>; null arguments leave a field as it
    /// was.</summary>
    public static void Describe(HttpContext http, string? service = null, string? action = null, string? account = null, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<CallDescription>() is not { } call)
            return;
        call.Service = NonEmpty(service) ?? call.Service;
        call.Action = NonEmpty(action) ?? call.Action;
        call.Account = NonEmpty(account) ?? call.Account;
        call.Region = NonEmpty(region) ?? call.Region;
    }

    // A log line is split on spaces: a client's text must not add fields or lines.
    private static string? NonEmpty(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : value.Length > 128 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? Sanitize(value)
        : value;

    private static string Sanitize(string value)
    {
        var cut = value.Length > 128 ? value[..128] : value;
        return new string(cut.Select(c => char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c).ToArray());
    }
}
