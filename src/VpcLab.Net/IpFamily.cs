namespace VpcLab.Net;

/// <summary>The two address families. AWS keeps them apart everywhere: routes, NACL entries and security
/// group rules of one family never match a packet of the other.</summary>
public enum IpFamily : byte
{
    V4 = 4,
    V6 = 6,
}
