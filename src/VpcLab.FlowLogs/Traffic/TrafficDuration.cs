using System.Globalization;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Simulated time as users write it (<c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c> or a number of seconds),
/// and the longest run. One parser for a workload's <c>start</c>, <c>end</c> and <c>duration</c> and for the length
/// of a run, whichever edge (<c>vpclab traffic</c>, <c>POST /_vpclab/traffic</c>) asks.</summary>
public static class TrafficDuration
{
    /// <summary>Choice, docs/semantics.md#the-traffic-action: a run lasts at most 31 days (a month of flow logs); a run
    /// streams, so its memory does not grow with the duration.</summary>
    public static readonly TimeSpan MaxRun = TimeSpan.FromDays(31);

    /// <summary>The length of a run, from 1 s to <see cref="MaxRun"/>; <paramref name="what"/> names the option or
    /// field in the error (<c>--duration</c>, <c>"duration"</c>).</summary>
    /// <exception cref="WorkloadException">Not a duration, zero, or longer than <see cref="MaxRun"/>.</exception>
    public static TimeSpan ParseRun(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Parse(text) is not { } span || span <= TimeSpan.Zero)
            throw new WorkloadException($"{what} '{text}' is not a duration like 30s, 10m or 1h.");
        if (span > MaxRun)
            throw new WorkloadException($"{what} '{text}' is too long: a run is limited to {MaxRun.TotalDays:0} days.");
        return span;
    }

    /// <summary>30s, 5m, 1h, 1h30m, 2d or a number of seconds; null when the text is none of these.</summary>
    public static TimeSpan? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
            return plain >= 0 ? TimeSpan.FromSeconds(plain) : null;
        var total = TimeSpan.Zero;
        int i = 0;
        bool any = false;
        while (i < text.Length)
        {
            int j = i;
            while (j < text.Length && (char.IsAsciiDigit(text[j]) || text[j] == '.'))
                j++;
            if (j == i || !double.TryParse(text.AsSpan(i, j - i), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                return null;
            int k = j;
            while (k < text.Length && char.IsAsciiLetter(text[k]))
                k++;
            total += text[j..k] switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" or "min" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero)
                return null;
            any = true;
            i = k;
        }
        return any ? total : null;
    }
}
