using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>Three VPCs peered in a line, A – B – C, deployed from a template and loaded from the same world written as a
/// scenario: every trace gives the same verdict in both. Peering is never transitive — A routes C's block to the A–B
/// connection, but B does not forward it (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html);
/// the template types are https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcpeeringconnection.html
/// and https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-route.html.</summary>
public sealed class PeeredVpcsArchitectureTests
{
    private const string Template = """
        Resources:
          VpcA: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
          VpcB: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.2.0.0/16 } }
          VpcC: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.3.0.0/16 } }
          SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VpcA, AvailabilityZone: us-east-1a, CidrBlock: 10.1.1.0/24 } }
          SubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VpcB, AvailabilityZone: us-east-1a, CidrBlock: 10.2.1.0/24 } }
          SubnetC: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VpcC, AvailabilityZone: us-east-1b, CidrBlock: 10.3.1.0/24 } }
          AB: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref VpcA, PeerVpcId: !Ref VpcB } }
          BC: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref VpcB, PeerVpcId: !Ref VpcC } }
          RtA: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref VpcA } }
          RtB: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref VpcB } }
          RtC: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref VpcC } }
          RtAAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref SubnetA, RouteTableId: !Ref RtA } }
          RtBAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref SubnetB, RouteTableId: !Ref RtB } }
          RtCAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref SubnetC, RouteTableId: !Ref RtC } }
          AtoB: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtA, DestinationCidrBlock: 10.2.0.0/16, VpcPeeringConnectionId: !Ref AB } }
          AtoC: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtA, DestinationCidrBlock: 10.3.0.0/16, VpcPeeringConnectionId: !Ref AB } }
          BtoA: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtB, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref AB } }
          BtoC: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtB, DestinationCidrBlock: 10.3.0.0/16, VpcPeeringConnectionId: !Ref BC } }
          CtoB: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtC, DestinationCidrBlock: 10.2.0.0/16, VpcPeeringConnectionId: !Ref BC } }
          CtoA: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref RtC, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref BC } }
          SgA: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: a, VpcId: !Ref VpcA, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }] } }
          SgB: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: b, VpcId: !Ref VpcB, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }] } }
          SgC: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: c, VpcId: !Ref VpcC, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.2.0.0/16 }, { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }] } }
          HostA: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref SubnetA, SecurityGroupIds: [!Ref SgA] } }
          HostB: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref SubnetB, SecurityGroupIds: [!Ref SgB] } }
          HostC: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref SubnetC, SecurityGroupIds: [!Ref SgC] } }
        """;

    private const string Scenario = """
        name: peered-line
        region: us-east-1
        accounts:
          - { name: lab, id: "111111111111" }
        vpcs:
          - name: vpc-a
            account: lab
            cidr: 10.1.0.0/16
            subnets:
              - { name: subnet-a, az: us-east-1a, cidr: 10.1.1.0/24 }
            route-tables:
              - name: rt-a
                subnets: [subnet-a]
                routes:
                  - { destination: 10.2.0.0/16, target: a-b }
                  - { destination: 10.3.0.0/16, target: a-b }
            security-groups:
              - name: group-a
                ingress:
                  - { protocol: tcp, ports: 22, source: 10.0.0.0/8 }
            instances:
              - { name: host-a, subnet: subnet-a, security-groups: [group-a] }
          - name: vpc-b
            account: lab
            cidr: 10.2.0.0/16
            subnets:
              - { name: subnet-b, az: us-east-1a, cidr: 10.2.1.0/24 }
            route-tables:
              - name: rt-b
                subnets: [subnet-b]
                routes:
                  - { destination: 10.1.0.0/16, target: a-b }
                  - { destination: 10.3.0.0/16, target: b-c }
            security-groups:
              - name: group-b
                ingress:
                  - { protocol: tcp, ports: 22, source: 10.0.0.0/8 }
            instances:
              - { name: host-b, subnet: subnet-b, security-groups: [group-b] }
          - name: vpc-c
            account: lab
            cidr: 10.3.0.0/16
            subnets:
              - { name: subnet-c, az: us-east-1b, cidr: 10.3.1.0/24 }
            route-tables:
              - name: rt-c
                subnets: [subnet-c]
                routes:
                  - { destination: 10.2.0.0/16, target: b-c }
                  - { destination: 10.1.0.0/16, target: b-c }
            security-groups:
              - name: group-c
                ingress:
                  - { protocol: tcp, ports: 5432, source: 10.2.0.0/16 }
                  - { protocol: tcp, ports: 22, source: 10.0.0.0/8 }
            instances:
              - { name: host-c, subnet: subnet-c, security-groups: [group-c] }
        peerings:
          - { name: a-b, requester: vpc-a, accepter: vpc-b }
          - { name: b-c, requester: vpc-b, accepter: vpc-c }
        """;

    private static readonly Lazy<(Network Network, Func<string, InstanceId> Id)[]> Worlds = new(() =>
    {
        var stacks = new Stacks();
        var stack = stacks.Create("peered", Template);
        Assert.True(stack.StackStatus == "CREATE_COMPLETE", string.Join("\n", stack.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}")));
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse(Scenario, "peered-line.yaml"), "peered-line.yaml");
        return
        [
            (stacks.ControlPlane.Network, host => new InstanceId(stacks.Physical(stack, "Host" + host.ToUpperInvariant()))),
            (loaded.Network, host => new InstanceId(loaded.IdOf("host-" + host))),
        ];
    });

    public static TheoryData<string, string, string, int, Verdict> Flows => new()
    {
        // rule, from, to, port, verdict in both worlds
        { "a peering carries traffic between its two VPCs", "a", "b", 22, Verdict.Accepted },
        { "each peering is its own: B reaches C over b-c", "b", "c", 5432, Verdict.Accepted },
        { "not transitive: A's route to C over a-b is not forwarded by B", "a", "c", 22, Verdict.Dropped },
        { "not transitive the other way either", "c", "a", 22, Verdict.Dropped },
        { "the peer's security group still decides: C admits 5432 only from B", "a", "c", 5432, Verdict.Dropped },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void Trace_TemplateAndScenario_SameVerdictAsAwsDocuments(string rule, string from, string to, int port, Verdict verdict)
    {
        foreach (var (network, id) in Worlds.Value)
        {
            var trace = CompiledNetwork.Compile(network).Trace(TraceRequest.Tcp(TraceEndpoint.Instance(id(from)), TraceEndpoint.Instance(id(to)), (ushort)port));
            Assert.True(trace.Verdict == verdict, $"{rule}: {trace.Verdict} {trace.Reason} at {trace.DroppedAt}");
        }
    }
}
