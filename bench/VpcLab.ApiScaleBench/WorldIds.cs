using System.Globalization;

/// <summary>The ids of the middle VPC of a built world (i = N/2) and of its subnet, default group and first interface,
/// with its CIDR and Name tag: what the filtered describes ask for.</summary>
internal sealed record WorldIds(string Vpc, string Subnet, string Group, string Eni, string Cidr, string Name)
{
    /// <summary>10.a.b.0/24 for the i-th VPC (up to 65,536 distinct blocks).</summary>
    public static string CidrOf(int i) => string.Create(CultureInfo.InvariantCulture, $"10.{i / 256 % 256}.{i % 256}.0/24");
}
