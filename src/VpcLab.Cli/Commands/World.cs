using VpcLab.ControlPlane.Snapshots;
using VpcLab.Model;

namespace VpcLab.Cli.Commands;

/// <summary>The world a command answers about: a loaded scenario's, or a running server's (<see cref="Served"/>, with
/// the caller's account and Region). <see cref="Now"/> is its simulated clock (an S3 request's aws:CurrentTime).</summary>
public sealed record World(Network Network, DateTimeOffset Now, WorldSnapshot? Served)
{
    /// <summary>What <c>show</c> lists: a scenario's every resource; of a server's world, the caller's account and
    /// Region (<see cref="NetworkScope"/>), as its describe calls would.</summary>
    public Network Shown => Served is { } s ? NetworkScope.Of(s.Network, s.Account, s.Region) : Network;
}
