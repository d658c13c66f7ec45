using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

internal sealed class CompiledAcl
{
    public required NetworkAcl Model { get; init; }
    public required AclEntry[][] Buckets { get; init; }
}
