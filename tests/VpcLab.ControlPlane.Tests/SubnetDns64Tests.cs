using VpcLab.ControlPlane.Errors;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The subnet attribute EnableDns64 (EC2 API Reference, ModifySubnetAttribute and DescribeSubnets,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySubnetAttribute.html; VPC User Guide, "DNS64 and
/// NAT64": "You can enable or disable DNS64 on a subnet using the modify-subnet-attribute"; docs/semantics.md#dns64).</summary>
public sealed class SubnetDns64Tests
{
    // AWS: EnableDns64 is off on a new subnet (CreateSubnet has no such parameter) and ModifySubnetAttribute turns it
    // on and off; DescribeSubnets filters on enable-dns64.
    [Theory]
    [InlineData(new[] { true }, true)]
    [InlineData(new[] { true, false }, false)]
    [InlineData(new bool[0], false)]
    public void ModifySubnetAttribute_EnableDns64_SetAndFiltered(bool[] changes, bool expected)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var subnet = lab.Subnet(vpc, ipv6: TestLab.Ipv6Subnet(vpc, 0));
        var other = lab.Subnet(vpc, "10.0.2.0/24");
        foreach (var value in changes)
            lab.Cp.ModifySubnetAttribute(TestLab.Ctx, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, EnableDns64 = value });
        Assert.Equal(expected, lab.N.Subnets[subnet.Id].EnableDns64);
        Assert.False(lab.N.Subnets[other.Id].EnableDns64);
        var filtered = lab.Cp.DescribeSubnets(TestLab.Ctx, new DescribeSubnetsRequest { Filters = [new Filter("enable-dns64", "true")] }).Subnets;
        Assert.Equal(expected ? [subnet.Id] : [], filtered.Select(s => s.Id));
    }

    // AWS: "You can only modify one attribute at a time"; nothing changes on a refused request.
    [Fact]
    public void ModifySubnetAttribute_Dns64WithAnotherAttribute_InvalidParameterCombination()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        lab.Fails(Ec2Errors.InvalidParameterCombinationCode, () => lab.Cp.ModifySubnetAttribute(TestLab.Ctx,
            new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, EnableDns64 = true, MapPublicIpOnLaunch = true }));
        Assert.False(lab.N.Subnets[subnet.Id].EnableDns64);
        Assert.False(lab.N.Subnets[subnet.Id].MapPublicIpOnLaunch);
    }

    // Scenario key `enable-dns64` (README scenario reference): the same as ModifySubnetAttribute after CreateSubnet.
    [Theory]
    [InlineData("enable-dns64: true", true)]
    [InlineData("enable-dns64: false", false)]
    [InlineData("", false)]
    public void Scenario_EnableDns64Key_SetsTheSubnetAttribute(string key, bool expected)
    {
        var yaml = $$"""
            vpcs:
              - name: v
                cidr: 10.0.0.0/16
                ipv6: true
                subnets:
                  - { name: s, az: us-east-1a, cidr: 10.0.1.0/24, ipv6-index: 0{{(key.Length > 0 ? ", " + key : "")}} }
            """;
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "dns64.yaml"), "dns64.yaml");
        Assert.Equal(expected, loaded.Network.Subnets.Values.Single().EnableDns64);
    }
}
