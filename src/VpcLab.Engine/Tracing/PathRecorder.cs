using VpcLab.Engine.Walk;

namespace VpcLab.Engine;

/// <summary>What the data plane reports as it walks a path. The fast path uses <see cref="NullRecorder"/>
/// (a struct whose empty methods the JIT removes); traces use a recorder that builds hops.</summary>
internal interface IPathRecorder
{
    void Interface(int eni, HopAction action, in FlowKey packet);
    void SecurityGroup(int eni, bool egress, int group, int rule, int prefixList, in FlowKey packet);
    /// <summary>No rule of the interface's groups allows the packet, but it is an ICMP error, which the groups let
    /// through as part of the tracked connection it reports on (<see cref="FlowKey.IsIcmpError"/>).</summary>
    void SecurityGroupTracked(int eni, bool egress, in FlowKey packet);
    void Acl(int acl, int subnet, bool egress, int entry, bool allowed, in FlowKey packet);
    void Route(int table, int route, int subnet, in FlowKey packet);
    void Subnet(int subnet, in FlowKey packet);
    void Gateway(ComponentKind kind, int index, HopAction action, in FlowKey packet);
    void Internet(HopAction action, in FlowKey packet);
    void Service(VpcService kind, int vpc, in FlowKey packet);
    void Drop(DropReason reason);

    /// <summary>An interface endpoint's interface took the packet (Forwarded: the endpoint hop), or the endpoint
    /// handed it to its service (Delivered). <paramref name="sender"/> is the interface that sent it (−1 unknown).</summary>
    void InterfaceEndpoint(int eni, int endpoint, int sender, HopAction action, in FlowKey packet);

    /// <summary>The packet reaches an interface (or a NAT gateway's), before its NACL and security groups are
    /// checked. Only the flow-log view uses it.</summary>
    void Arrive(int eni, in FlowKey packet) { }
}

internal readonly struct NullRecorder : IPathRecorder
{
    public void Interface(int eni, HopAction action, in FlowKey packet) { }
    public void SecurityGroup(int eni, bool egress, int group, int rule, int prefixList, in FlowKey packet) { }
    public void SecurityGroupTracked(int eni, bool egress, in FlowKey packet) { }
    public void Acl(int acl, int subnet, bool egress, int entry, bool allowed, in FlowKey packet) { }
    public void Route(int table, int route, int subnet, in FlowKey packet) { }
    public void Subnet(int subnet, in FlowKey packet) { }
    public void Gateway(ComponentKind kind, int index, HopAction action, in FlowKey packet) { }
    public void Internet(HopAction action, in FlowKey packet) { }
    public void Service(VpcService kind, int vpc, in FlowKey packet) { }
    public void Drop(DropReason reason) { }
    public void InterfaceEndpoint(int eni, int endpoint, int sender, HopAction action, in FlowKey packet) { }
    public void Arrive(int eni, in FlowKey packet) { }
}
