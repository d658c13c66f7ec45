using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed class AddressPropertyTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // Invariant: auto-assigned private IPv4s are unique, inside the subnet and never one of the 5 reserved,
    // whatever mix of interfaces, secondaries and instances asked for them.
    [Fact]
    public void AllocatedPrivateIps_AnyMix_UniqueInsideNeverReserved()
    {
        var gen = Gen.Int[0, 3].Array[1, 12];
        gen.Sample(steps =>
        {
            var lab = new TestLab(quotas: Ec2Quotas.Generous);
            var subnet = lab.Subnet(lab.Vpc(), "10.0.1.0/27");
            foreach (var step in steps)
            {
                try
                {
                    _ = step switch
                    {
                        0 => (object)lab.Eni(subnet),
                        1 => lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, SecondaryPrivateIpAddressCount = 2 }),
                        2 => lab.Instance(subnet),
                        _ => lab.Nat(subnet, isPublic: false),
                    };
                }
                catch (Ec2Exception e) when (e.Code.Code == "InsufficientFreeAddressesInSubnet")
                {
                }
            }
            var addresses = lab.N.NetworkInterfaces.Values.SelectMany(e => e.PrivateIpAddresses).Select(p => p.Address).ToList();
            Assert.Equal(addresses.Count, addresses.Distinct().Count());
            Assert.All(addresses, a => Assert.True(subnet.CidrBlock!.Value.Contains(a) && !Subnet.IsReserved(subnet.CidrBlock.Value, a)));
            Assert.Equal(32 - 5 - addresses.Count, Ec2ControlPlane.AvailableIpAddressCount(lab.Cp.World, subnet));
        }, iter: 40);
    }

    // Invariant: public IPv4s (Elastic and auto-assigned) are unique and inside the Region's pool.
    [Fact]
    public void PublicIps_AnySeed_UniqueInRegionPool()
    {
        Gen.ULong.Sample(seed =>
        {
            var lab = new TestLab(seed, Ec2Quotas.Generous);
            var subnet = lab.Subnet(lab.Vpc());
            for (int i = 0; i < 10; i++)
            {
                lab.Eip();
                lab.Instance(subnet, publicIp: true);
            }
            var publicIps = lab.N.ElasticIps.Values.Select(e => e.PublicIp)
                .Concat(lab.N.NetworkInterfaces.Values.SelectMany(e => e.PrivateIpAddresses).Select(p => p.AutoAssignedPublicIp).OfType<IpAddress>()).ToList();
            Assert.Equal(20, publicIps.Distinct().Count());
            Assert.All(publicIps, ip => Assert.True(Cidr.Parse("3.80.0.0/12").Contains(ip)));
        }, iter: 20);
    }
}
