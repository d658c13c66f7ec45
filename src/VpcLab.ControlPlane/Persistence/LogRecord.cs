namespace VpcLab.ControlPlane.Persistence;

/// <summary>A mutation to log: a <see cref="LoggedOperation"/> before the log gives it its sequence number.</summary>
public sealed record LogRecord(DateTimeOffset Time, string Account, string Region, string Operation, string Parameters);
