using System.Security.Cryptography;
using System.Text;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>GUID-shaped ids (stack ids, event ids, change set ids) drawn from a seed text, so a replayed operation log
/// rebuilds the same stacks.</summary>
internal static class DeterministicIds
{
    public static Guid Guid(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40); // version 4 shape, as AWS's ids
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
