namespace VpcLab.Server.Tests.Concurrency;

/// <summary>One completed call on a register (a tag key of one resource): a write of <see cref="Value"/> (null:
/// the tag deleted) or a read that returned <see cref="Value"/> (null: no such tag), between its invocation and its
/// response (monotonic timestamps).</summary>
internal sealed record RegisterOperation(bool IsWrite, string? Value, long Invoked, long Returned);
