namespace VpcLab.Engine;

/// <summary>What one interface saw of one packet of a flow: the packet as it crossed the interface, in which
/// direction, and whether the interface's security groups and subnet NACL let it through. Flow logs are made of
/// these. A packet yields one observation per interface it crosses (sender out, NAT gateway in and out, middlebox in
/// and out, receiver in); a rejected packet is seen only up to the interface that rejected it.</summary>
public readonly record struct InterfaceObservation(int InterfaceIndex, PathDirection Path, TrafficDirection Direction,
    FlowKey Packet, bool Accepted, TrafficPath EgressPath);
