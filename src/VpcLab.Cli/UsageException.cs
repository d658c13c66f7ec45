namespace VpcLab.Cli;

/// <summary>A mistake in what the user gave us; printed as one line without a stack trace, exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException() { }

    public UsageException(string message, Exception inner) : base(message, inner) { }
}
