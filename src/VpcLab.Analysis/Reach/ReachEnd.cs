using VpcLab.Model;

namespace VpcLab.Analysis.Reach;

/// <summary>One end of a network-wide question: the internet (<see cref="InternetEnd"/>), one network interface
/// (<see cref="InterfaceEnd"/>), or an AWS service's public addresses (<see cref="ServiceEnd"/>).</summary>
public abstract record ReachEnd
{
    /// <summary>How the end reads in an answer: the interface's id and Name tag, "the internet", "S3".</summary>
    public abstract string Describe(Network network);
}
