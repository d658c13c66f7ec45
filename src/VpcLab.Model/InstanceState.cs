using System.Collections.Immutable;

namespace VpcLab.Model;

public enum InstanceState
{
    Pending,
    Running,
    ShuttingDown,
    Terminated,
    Stopping,
    Stopped,
}
