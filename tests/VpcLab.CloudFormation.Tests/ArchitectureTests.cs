using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>Whole architectures as templates: three VPCs peered in a triangle with routes both ways (peering is never
/// transitive, so each pair needs its own connection:
/// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html).</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void ThreePeeredVpcs_EveryPairActiveWithRoutes()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("mesh", """
            Mappings:
              Cidrs: { A: { Block: 10.1.0.0/16 }, B: { Block: 10.2.0.0/16 }, C: { Block: 10.3.0.0/16 } }
            Resources:
              VpcA: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !FindInMap [Cidrs, A, Block] } }
              VpcB: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !FindInMap [Cidrs, B, Block] } }
              VpcC: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !FindInMap [Cidrs, C, Block] } }
              RtA: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref VpcA } }
              RtB: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref VpcB } }
              RtC: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref VpcC } }
              AB: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref VpcA, PeerVpcId: !Ref VpcB } }
              BC: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref VpcB, PeerVpcId: !Ref VpcC } }
              AC: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref VpcA, PeerVpcId: !Ref VpcC } }
              AtoB: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtA, DestinationCidrBlock: !GetAtt VpcB.CidrBlock, VpcPeeringConnectionId: !Ref AB } }
              BtoA: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtB, DestinationCidrBlock: !GetAtt VpcA.CidrBlock, VpcPeeringConnectionId: !Ref AB } }
              BtoC: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtB, DestinationCidrBlock: !GetAtt VpcC.CidrBlock, VpcPeeringConnectionId: !Ref BC } }
              CtoB: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtC, DestinationCidrBlock: !GetAtt VpcB.CidrBlock, VpcPeeringConnectionId: !Ref BC } }
              AtoC: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtA, DestinationCidrBlock: !GetAtt VpcC.CidrBlock, VpcPeeringConnectionId: !Ref AC } }
              CtoA: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtC, DestinationCidrBlock: !GetAtt VpcA.CidrBlock, VpcPeeringConnectionId: !Ref AC } }
            """);
        Assert.True(stack.StackStatus == "CREATE_COMPLETE", string.Join("\n", stack.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}")));
        var network = stacks.ControlPlane.Network;
        foreach (var pcx in new[] { "AB", "BC", "AC" })
            Assert.Equal(VpcPeeringConnectionState.Active, network.VpcPeeringConnections[new VpcPeeringConnectionId(stacks.Physical(stack, pcx))].State);
        Assert.Equal(2, network.RouteTables[new RouteTableId(stacks.Physical(stack, "RtA"))].Routes.Count(r => r.Destination.ToString() is "10.2.0.0/16" or "10.3.0.0/16"));
    }

    [Fact]
    public void PeeringOverlappingCidrs_Ec2Refuses_StackRollsBack()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("overlap", """
            Resources:
              VpcA: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
              VpcB: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
              AB: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref VpcA, PeerVpcId: !Ref VpcB } }
            """);
        Assert.Equal("ROLLBACK_COMPLETE", stack.StackStatus);
        Assert.Equal("AB", stack.Events.Single(e => e.ResourceStatus == "CREATE_FAILED").LogicalResourceId);
        Assert.DoesNotContain(stacks.ControlPlane.Network.Vpcs.Values, v => v.PrimaryCidr.ToString() == "10.1.0.0/16");
    }
}
