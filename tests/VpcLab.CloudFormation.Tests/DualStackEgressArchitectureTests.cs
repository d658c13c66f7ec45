using VpcLab.CloudFormation.Stacks;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.CloudFormation.Tests;

/// <summary>Public and private subnets in two AZs, IPv4 out through a NAT gateway with an Elastic IP and IPv6 out
/// through an egress-only internet gateway, deployed from a template and traced through the engine. A NAT gateway
/// lets private instances reach the internet while the internet cannot start connections to them
/// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html); an egress-only internet gateway does the
/// same for IPv6 (https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html); the subnets'
/// /64s come from !Cidr over the VPC's Amazon-provided /56
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnet.html).</summary>
public sealed class DualStackEgressArchitectureTests
{
    private const string Template = """
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.20.0.0/16 } }
          VpcIpv6: { Type: AWS::EC2::VPCCidrBlock, Properties: { VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true } }
          Igw: { Type: AWS::EC2::InternetGateway }
          IgwAttachment: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
          Eigw: { Type: AWS::EC2::EgressOnlyInternetGateway, Properties: { VpcId: !Ref Vpc } }
          PublicA:
            Type: AWS::EC2::Subnet
            DependsOn: VpcIpv6
            Properties:
              VpcId: !Ref Vpc
              AvailabilityZone: !Select [0, !GetAZs '']
              CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
              Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]
          PublicB:
            Type: AWS::EC2::Subnet
            DependsOn: VpcIpv6
            Properties:
              VpcId: !Ref Vpc
              AvailabilityZone: !Select [1, !GetAZs '']
              CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
              Ipv6CidrBlock: !Select [1, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]
          PrivateA:
            Type: AWS::EC2::Subnet
            DependsOn: VpcIpv6
            Properties:
              VpcId: !Ref Vpc
              AvailabilityZone: !Select [0, !GetAZs '']
              CidrBlock: !Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
              Ipv6CidrBlock: !Select [2, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]
          PrivateB:
            Type: AWS::EC2::Subnet
            DependsOn: VpcIpv6
            Properties:
              VpcId: !Ref Vpc
              AvailabilityZone: !Select [1, !GetAZs '']
              CidrBlock: !Select [3, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
              Ipv6CidrBlock: !Select [3, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]
          NatEip: { Type: AWS::EC2::EIP, DependsOn: IgwAttachment, Properties: { Domain: vpc } }
          Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref PublicA, AllocationId: !GetAtt NatEip.AllocationId } }
          PublicRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
          PublicDefault: { Type: AWS::EC2::Route, DependsOn: IgwAttachment, Properties: { RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
          PublicDefaultIpv6: { Type: AWS::EC2::Route, DependsOn: IgwAttachment, Properties: { RouteTableId: !Ref PublicRt, DestinationIpv6CidrBlock: '::/0', GatewayId: !Ref Igw } }
          PublicAAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicA, RouteTableId: !Ref PublicRt } }
          PublicBAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicB, RouteTableId: !Ref PublicRt } }
          PrivateRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
          PrivateDefault: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }
          PrivateDefaultIpv6: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateRt, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: !Ref Eigw } }
          PrivateAAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PrivateA, RouteTableId: !Ref PrivateRt } }
          PrivateBAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PrivateB, RouteTableId: !Ref PrivateRt } }
          AppSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: app
              VpcId: !Ref Vpc
              SecurityGroupIngress:
                - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIpv6: '::/0' }
              SecurityGroupEgress:
                - { IpProtocol: '-1', CidrIp: 0.0.0.0/0 }
                - { IpProtocol: '-1', CidrIpv6: '::/0' }
          App: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref PrivateB, SecurityGroupIds: [!Ref AppSg], Ipv6AddressCount: 1 } }
        Outputs:
          PrivateBIpv6: { Value: !Select [3, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]] }
        """;

    private static readonly Lazy<(Stacks Stacks, VpcLab.CloudFormation.Stacks.Stack Stack)> Deployed = new(() =>
    {
        var stacks = new Stacks();
        return (stacks, stacks.Create("dual", Template));
    });

    [Fact]
    public void Template_Deploys_PrivateRoutesGoToNatAndEigw()
    {
        var (stacks, stack) = Deployed.Value;
        Assert.True(stack.StackStatus == "CREATE_COMPLETE", string.Join("\n", stack.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}")));
        var network = stacks.ControlPlane.Network;
        var routes = network.RouteTables[new RouteTableId(stacks.Physical(stack, "PrivateRt"))].Routes;
        Assert.Contains(routes, r => r.Destination.ToString() == "0.0.0.0/0" && r.Target == new RouteTarget(RouteTargetKind.NatGateway, stacks.Physical(stack, "Nat")));
        Assert.Contains(routes, r => r.Destination.ToString() == "::/0" && r.Target == new RouteTarget(RouteTargetKind.EgressOnlyInternetGateway, stacks.Physical(stack, "Eigw")));
        var publicRoutes = network.RouteTables[new RouteTableId(stacks.Physical(stack, "PublicRt"))].Routes;
        Assert.Equal(2, publicRoutes.Count(r => r.Target == new RouteTarget(RouteTargetKind.InternetGateway, stacks.Physical(stack, "Igw"))));
        var subnet = network.Subnets[new SubnetId(stacks.Physical(stack, "PrivateB"))];
        Assert.Equal("us-east-1b", subnet.AvailabilityZone.Name);
        Assert.Equal(Stacks.Output(stack, "PrivateBIpv6"), subnet.Ipv6Cidr?.ToString());
        var nat = network.NatGateways[new NatGatewayId(stacks.Physical(stack, "Nat"))];
        Assert.Equal(new SubnetId(stacks.Physical(stack, "PublicA")), nat.SubnetId);
    }

    public static TheoryData<string, string, Verdict> Flows => new()
    {
        // rule, flow, verdict
        { "NAT gateway: private instance out over IPv4", "out-v4", Verdict.Accepted },
        { "Egress-only IGW: private instance out over IPv6", "out-v6", Verdict.Accepted },
        { "Egress-only IGW: the internet cannot start an IPv6 connection in", "in-v6", Verdict.Dropped },
        { "NAT gateway: the internet cannot start a connection through the NAT's Elastic IP", "in-v4", Verdict.Dropped },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void PrivateInstance_Flow_VerdictAsAwsDocuments(string rule, string flow, Verdict verdict)
    {
        var (stacks, stack) = Deployed.Value;
        var network = stacks.ControlPlane.Network;
        var compiled = CompiledNetwork.Compile(network);
        var app = TraceEndpoint.Instance(new InstanceId(stacks.Physical(stack, "App")));
        var natIp = IpAddress.Parse(stacks.Physical(stack, "NatEip")); // Ref of an AWS::EC2::EIP is its public address
        var eni = network.NetworkInterfaces[network.Instances[new InstanceId(stacks.Physical(stack, "App"))].PrimaryNetworkInterface];
        var request = flow switch
        {
            "out-v4" => TraceRequest.Tcp(app, TraceEndpoint.ForAddress(IpAddress.Parse("198.51.100.10")), 443),
            "out-v6" => TraceRequest.Tcp(app, TraceEndpoint.ForAddress(IpAddress.Parse("2001:db8:cafe::10")), 443),
            "in-v6" => TraceRequest.Tcp(TraceEndpoint.ForAddress(IpAddress.Parse("2001:db8:cafe::10")), TraceEndpoint.ForAddress(eni.Ipv6Addresses[0]), 22),
            _ => TraceRequest.Tcp(TraceEndpoint.ForAddress(IpAddress.Parse("198.51.100.10")), TraceEndpoint.ForAddress(natIp), 22),
        };
        var trace = compiled.Trace(request);
        Assert.True(trace.Verdict == verdict, $"{rule}: {trace.Verdict} {trace.Reason} at {trace.DroppedAt}");
        if (flow == "out-v4")
            Assert.Contains(trace.Forward, h => h.Component.Id == stacks.Physical(stack, "Nat"));
        if (flow == "out-v6")
            Assert.Contains(trace.Forward, h => h.Component.Id == stacks.Physical(stack, "Eigw"));
        if (flow == "in-v6")
            Assert.Equal(stacks.Physical(stack, "Eigw"), trace.DroppedAt?.Id);
    }
}
