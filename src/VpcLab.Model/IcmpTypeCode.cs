using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>An ICMP type and code; −1 means any.</summary>
public readonly record struct IcmpTypeCode(int Type, int Code)
{
    public static readonly IcmpTypeCode Any = new(-1, -1);

    public bool Matches(int type, int code) => (Type == -1 || Type == type) && (Code == -1 || Code == code);
}
