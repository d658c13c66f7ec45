namespace VpcLab.ControlPlane.Scenarios;

/// <summary>A scenario that cannot be loaded. The message names the file, the line and the resource, and, when
/// an EC2 operation refused it, AWS's error code.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string message, Exception? inner = null) : base(message, inner) { }

    public ScenarioException() { }

    public ScenarioException(string message) : base(message) { }
}
