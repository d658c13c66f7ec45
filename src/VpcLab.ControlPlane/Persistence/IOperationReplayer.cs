using VpcLab.ControlPlane.Time;

namespace VpcLab.ControlPlane.Persistence;

/// <summary>What re-applies logged operations at start: the host, which alone knows how an operation's name and
/// parameters map to a call (the server's EC2 dispatcher, S3, ...). <see cref="OperationJournal.Replay"/> drives it.</summary>
public interface IOperationReplayer
{
    /// <summary>Starts a fresh world whose simulated clock reads <paramref name="firstRecordTime"/> (the first
    /// logged operation's time, so every timestamp comes back as it was logged) and returns that clock.</summary>
    SimulatedClock BeginReplay(DateTimeOffset firstRecordTime);

    /// <summary>Applies one logged operation to the fresh world, with the clock already at its logged time.</summary>
    void Apply(LoggedOperation operation);
}
