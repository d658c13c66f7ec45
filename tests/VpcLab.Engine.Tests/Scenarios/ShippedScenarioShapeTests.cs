using VpcLab.ControlPlane.Scenarios;
using VpcLab.Net;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests.Scenarios;

/// <summary>Every trace of every shipped scenario has a well-formed shape (<see cref="TraceShape"/>): each interface
/// to each interface and to the internet, and the internet to each public address, over TCP, UDP and ICMP.</summary>
public sealed class ShippedScenarioShapeTests
{
    public static TheoryData<string> Scenarios => [.. ShippedScenarios.All()];

    private static readonly IpAddress[] Internet =
        [IpAddress.Parse("198.51.100.9"), IpAddress.Parse("52.217.1.1"), IpAddress.Parse("2001:db8::9"), IpAddress.Parse("169.254.169.254")];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Trace_EveryFlowOfAShippedScenario_IsWellFormed(string scenario)
    {
        var network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf(scenario)).Network;
        var compiled = CompiledNetwork.Compile(network);
        var addresses = new List<IpAddress>(Internet);
        foreach (var eni in network.NetworkInterfaces.Values)
        {
            addresses.AddRange(eni.PrivateIpAddresses.Select(p => p.Address));
            addresses.AddRange(eni.PrivateIpAddresses.Where(p => p.AutoAssignedPublicIp is not null).Select(p => p.AutoAssignedPublicIp!.Value));
            addresses.AddRange(eni.Ipv6Addresses);
        }
        addresses.AddRange(network.ElasticIps.Values.Select(e => e.PublicIp));
        int traces = 0;
        foreach (var destination in addresses.Distinct())
        {
            foreach (var protocol in new[] { IpProtocol.Tcp, IpProtocol.Udp, new IpProtocol(1) })
            {
                for (int source = -1; source < compiled.InterfaceCount; source++)
                {
                    var from = SourceAddress(compiled, source, destination);
                    if (from is not { } address)
                        continue;
                    var trace = compiled.Trace(new FlowKey(address, destination, protocol, 49152, 443), source).AssertWellFormed();
                    Assert.Equal(compiled.Decide(trace.Flow, source), new Decision(trace.Verdict, trace.Reason, trace.DroppedOn ?? PathDirection.Forward));
                    traces++;
                }
            }
        }
        Assert.True(traces > 0);
    }

    private static IpAddress? SourceAddress(CompiledNetwork compiled, int source, IpAddress destination)
    {
        if (source < 0)
            return destination.IsV4 ? IpAddress.Parse("203.0.113.7") : IpAddress.Parse("2001:db8::7");
        var eni = compiled.InterfaceAt(source);
        if (destination.IsV4)
            return eni.PrivateIpAddresses.IsDefaultOrEmpty ? null : eni.PrimaryPrivateIp;
        return eni.Ipv6Addresses.IsDefaultOrEmpty ? null : eni.Ipv6Addresses[0];
    }
}
