using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

public enum CidrBlockState
{
    Associating,
    Associated,
    Disassociating,
    Disassociated,
    Failing,
    Failed,
}
