using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>The direction a filter is applied in, as Reachability Analyzer words it.</summary>
public enum TrafficDirection : byte
{
    Egress,
    Ingress,
}
