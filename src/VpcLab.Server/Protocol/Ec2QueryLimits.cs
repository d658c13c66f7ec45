using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace VpcLab.Server.Protocol;

/// <summary>Bounds on what one request may contain; every breach is a 400, never an exception of another
/// type. Defaults: docs/semantics.md#limits.</summary>
public sealed record Ec2QueryLimits
{
    /// <summary>Largest list index (so most items) one list parameter may have.</summary>
    public int MaxListItems { get; init; } = 1000;

    /// <summary>Longest parameter value, in UTF-16 code units (policy documents and user data fit).</summary>
    public int MaxValueLength { get; init; } = 64 * 1024;

    /// <summary>Longest parameter name.</summary>
    public int MaxKeyLength { get; init; } = 512;

    /// <summary>Most parameters (key/value pairs) one request may carry.</summary>
    public int MaxParameters { get; init; } = 10_000;

    /// <summary>Most list items over all lists of one request, counting the places a high index leaves
    /// open (so <c>Filter.N.Value.1000</c> for many N cannot make the parser allocate millions of slots).
    /// Input lists nest at most two deep in the model, so a request within <see cref="MaxParameters"/>
    /// and without gaps never needs more than twice as many.</summary>
    public int MaxListItemsPerRequest { get; init; } = 20_000;
}
