using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>One Describe* filter as on the wire (Filter.N.Name, Filter.N.Value.M).</summary>
public sealed record Filter
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? Values { get; init; }

    public Filter()
    {
    }

    public Filter(string name, params string[] values)
    {
        Name = name;
        Values = values;
    }
}

/// <summary>How booleans print in filters and on the wire.</summary>
internal static class Wire
{
    public static string Bool(bool b) => b ? "true" : "false";

    public static string Int(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
