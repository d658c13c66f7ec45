using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

internal struct CompiledNat
{
    public int Interface;
    public int Subnet;
    public int Vpc;
    public bool Public;
    public IpAddress PrivateIp;
}
