using VpcLab.CloudFormation.Stacks;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>One template per resource type, deployed and checked in the control plane's world, then deleted leaving
/// the world as it was (the type's page in the CloudFormation resource reference names its properties:
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_EC2.html).</summary>
public sealed class ResourceTypeTests
{
    private const string Base = """
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: true } }
          Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a } }
          Table: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
          Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: x, VpcId: !Ref Vpc } }

        """;

    private static readonly Dictionary<string, (string Resources, Func<Network, Stack, Func<string, string>, bool> Check)> Cases = new()
    {
        ["AWS::EC2::NetworkAcl+Entry+SubnetNetworkAclAssociation"] = ("""
              Acl: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }
              In: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: { From: 443, To: 443 } } }
              Out: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: -1, RuleAction: allow, Egress: true, CidrBlock: 0.0.0.0/0 } }
              Assoc: { Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: { SubnetId: !Ref Subnet, NetworkAclId: !Ref Acl } }
            """, (n, _, id) => n.NetworkAcls[new NetworkAclId(id("Acl"))].Associations.Any(a => a.SubnetId.Value == id("Subnet"))
                && n.NetworkAcls[new NetworkAclId(id("Acl"))].Entries.Count(e => e.RuleNumber == 100) == 2),
        ["AWS::EC2::Instance"] = ("""
              Profile: { Type: AWS::IAM::InstanceProfile, Properties: { Roles: [r] } }
              Web: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-0fc50b841d13a3d05, InstanceType: t3.micro, SubnetId: !Ref Subnet, SecurityGroupIds: [!Ref Sg], IamInstanceProfile: !Ref Profile, PrivateIpAddress: 10.0.1.10, UserData: !Base64 "#!/bin/bash" } }
            """, (n, s, id) => n.Instances[new InstanceId(id("Web"))].SubnetId.Value == id("Subnet")
                && s.Outputs.Length == 0),
        ["AWS::EC2::VPCEndpoint (gateway and interface)"] = ("""
              S3: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3', RouteTableIds: [!Ref Table], PolicyDocument: { Statement: [{ Effect: Allow, Principal: '*', Action: 's3:*', Resource: '*' }] } } }
              Ssm: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, VpcEndpointType: Interface, ServiceName: com.amazonaws.us-east-1.ssm, SubnetIds: [!Ref Subnet], SecurityGroupIds: [!Ref Sg], PrivateDnsEnabled: true } }
            """, (n, _, id) => n.VpcEndpoints[new VpcEndpointId(id("S3"))].IsGateway && !n.VpcEndpoints[new VpcEndpointId(id("Ssm"))].IsGateway),
        ["AWS::EC2::VPCPeeringConnection"] = ("""
              Peer: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
              Pcx: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref Vpc, PeerVpcId: !Ref Peer } }
              ToPeer: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Pcx } }
            """, (n, _, id) => n.VpcPeeringConnections[new VpcPeeringConnectionId(id("Pcx"))].State == VpcPeeringConnectionState.Active),
        ["AWS::EC2::FlowLog + AWS::S3::Bucket"] = ("""
              Logs: { Type: AWS::S3::Bucket }
              Flow: { Type: AWS::EC2::FlowLog, Properties: { ResourceId: !Ref Vpc, ResourceType: VPC, TrafficType: ALL, LogDestinationType: s3, LogDestination: !GetAtt Logs.Arn } }
            """, (n, _, id) => n.FlowLogs.ContainsKey(new FlowLogId(id("Flow"))) && n.Buckets.ContainsKey(id("Logs"))),
        ["AWS::S3::BucketPolicy"] = ("""
              Data: { Type: AWS::S3::Bucket, Properties: { BucketName: lab-data-bucket } }
              Policy: { Type: AWS::S3::BucketPolicy, Properties: { Bucket: !Ref Data, PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: [!GetAtt Data.Arn, !Sub '${Data.Arn}/*'], Condition: { StringNotEquals: { 'aws:SourceVpc': !Ref Vpc } } }] } } }
            """, (n, _, _) => n.Buckets["lab-data-bucket"].Policy is not null),
        ["AWS::EC2::EIP + NatGateway + EgressOnlyInternetGateway"] = ("""
              Igw: { Type: AWS::EC2::InternetGateway }
              Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
              Eip: { Type: AWS::EC2::EIP, DependsOn: Attach, Properties: { Domain: vpc } }
              Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref Subnet, AllocationId: !GetAtt Eip.AllocationId } }
              ToNat: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }
            """, (n, _, id) => n.NatGateways.ContainsKey(new NatGatewayId(id("Nat")))),
        ["AWS::EC2::NetworkInterface + Attachment + EIPAssociation"] = ("""
              Web: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Subnet } }
              Eni: { Type: AWS::EC2::NetworkInterface, Properties: { SubnetId: !Ref Subnet, GroupSet: [!Ref Sg], SourceDestCheck: false } }
              Attach: { Type: AWS::EC2::NetworkInterfaceAttachment, Properties: { InstanceId: !Ref Web, NetworkInterfaceId: !Ref Eni, DeviceIndex: 1 } }
              Igw: { Type: AWS::EC2::InternetGateway }
              IgwAttach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
              Eip: { Type: AWS::EC2::EIP, DependsOn: IgwAttach }
              Assoc: { Type: AWS::EC2::EIPAssociation, Properties: { AllocationId: !GetAtt Eip.AllocationId, NetworkInterfaceId: !Ref Eni }, DependsOn: Attach }
            """, (n, _, id) => n.NetworkInterfaces[new NetworkInterfaceId(id("Eni"))].Attachment is not null && !n.NetworkInterfaces[new NetworkInterfaceId(id("Eni"))].SourceDestCheck),
        ["AWS::EC2::PrefixList + DHCPOptions + VPCDHCPOptionsAssociation"] = ("""
              Pl: { Type: AWS::EC2::PrefixList, Properties: { PrefixListName: office, AddressFamily: IPv4, MaxEntries: 5, Entries: [{ Cidr: 203.0.113.0/24 }] } }
              Dhcp: { Type: AWS::EC2::DHCPOptions, Properties: { DomainName: lab.internal, DomainNameServers: [AmazonProvidedDNS] } }
              DhcpAssoc: { Type: AWS::EC2::VPCDHCPOptionsAssociation, Properties: { VpcId: !Ref Vpc, DhcpOptionsId: !Ref Dhcp } }
            """, (n, _, id) => n.PrefixLists.ContainsKey(new PrefixListId(id("Pl")))),
        ["AWS::EC2::SubnetCidrBlock"] = ("""
              V6: { Type: AWS::EC2::VPCCidrBlock, Properties: { VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true } }
              SubnetV6: { Type: AWS::EC2::SubnetCidrBlock, Properties: { SubnetId: !Ref Subnet, Ipv6CidrBlock: !Select [1, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 2, 64]] }, DependsOn: V6 }
            """, (n, _, id) => n.Subnets[new SubnetId(id("Subnet"))].Ipv6Cidr is not null),
        // IPv6-only subnets and hostname options (aws-resource-ec2-subnet.html Ipv6Native, PrivateDnsNameOptionsOnLaunch;
        // aws-properties-ec2-instance-privatednsnameoptions.html): the subnet has no IPv4 range, its launch options are
        // set member by member, and the instance's own PrivateDnsNameOptions override the subnet's.
        ["AWS::EC2::Subnet Ipv6Native + PrivateDnsNameOptionsOnLaunch, AWS::EC2::Instance PrivateDnsNameOptions"] = ("""
              V6: { Type: AWS::EC2::VPCCidrBlock, Properties: { VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true } }
              Native: { Type: AWS::EC2::Subnet, DependsOn: V6, Properties: { VpcId: !Ref Vpc, AvailabilityZone: us-east-1a, Ipv6Native: true, Ipv6CidrBlock: !Select [1, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 2, 64]], PrivateDnsNameOptionsOnLaunch: { EnableResourceNameDnsAAAARecord: true } } }
              Dual: { Type: AWS::EC2::Subnet, DependsOn: V6, Properties: { VpcId: !Ref Vpc, AvailabilityZone: us-east-1a, CidrBlock: 10.0.2.0/24, Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 2, 64]], PrivateDnsNameOptionsOnLaunch: { HostnameType: resource-name, EnableResourceNameDnsARecord: true } } }
              OnNative: { Type: AWS::EC2::Instance, Properties: { InstanceType: t3.micro, SubnetId: !Ref Native } }
              OnDual: { Type: AWS::EC2::Instance, Properties: { InstanceType: t3.micro, SubnetId: !Ref Dual, PrivateDnsNameOptions: { HostnameType: ip-name, EnableResourceNameDnsARecord: false } } }
            Outputs:
              Native: { Value: !GetAtt Native.Ipv6Native }
              NativeName: { Value: !GetAtt OnNative.PrivateDnsName }
            """, (n, s, id) => n.Subnets[new SubnetId(id("Native"))] is { Ipv6Native: true, CidrBlock: null } native
                && native.PrivateDnsNameOptionsOnLaunch == new PrivateDnsNameOptions(HostnameType.ResourceName, false, true)
                && n.Subnets[new SubnetId(id("Dual"))].PrivateDnsNameOptionsOnLaunch == new PrivateDnsNameOptions(HostnameType.ResourceName, true, false)
                && n.Instances[new InstanceId(id("OnNative"))].PrivateDnsNameOptions == new PrivateDnsNameOptions(HostnameType.ResourceName, false, true)
                && n.Instances[new InstanceId(id("OnDual"))].PrivateDnsNameOptions == new PrivateDnsNameOptions(HostnameType.IpName, false, false)
                && Stacks.Output(s, "Native") == "true"
                && Stacks.Output(s, "NativeName") == $"{id("OnNative")}.ec2.internal"),
        // PrivateLink in one stack (aws-resource-elasticloadbalancingv2-loadbalancer.html: Ref is the ARN, GetAtt DNSName and
        // LoadBalancerFullName; aws-resource-ec2-vpcendpointservice.html: Ref is the service id): a Network Load Balancer
        // forwarding to a target group with a target, offered as an endpoint service that allows the account, and an
        // interface endpoint to com.amazonaws.vpce.REGION.vpce-svc-…, accepted at once (AcceptanceRequired false).
        ["AWS::ElasticLoadBalancingV2::LoadBalancer + TargetGroup + Listener, AWS::EC2::VPCEndpointService + Permissions, interface endpoint to it"] = ("""
              Nlb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Name: app-nlb, Type: network, Scheme: internal, Subnets: [!Ref Subnet] } }
              App: { Type: AWS::EC2::Instance, Properties: { InstanceType: t3.micro, SubnetId: !Ref Subnet } }
              Tg: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Name: app-tg, Protocol: TCP, Port: 8080, VpcId: !Ref Vpc, TargetType: instance, Targets: [{ Id: !Ref App }] } }
              Listener: { Type: AWS::ElasticLoadBalancingV2::Listener, Properties: { LoadBalancerArn: !Ref Nlb, Protocol: TCP, Port: 443, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] } }
              Service: { Type: AWS::EC2::VPCEndpointService, Properties: { NetworkLoadBalancerArns: [!Ref Nlb], AcceptanceRequired: false } }
              Allowed: { Type: AWS::EC2::VPCEndpointServicePermissions, Properties: { ServiceId: !Ref Service, AllowedPrincipals: [!Sub 'arn:aws:iam::${AWS::AccountId}:root'] } }
              Endpoint: { Type: AWS::EC2::VPCEndpoint, DependsOn: [Allowed, Listener], Properties: { VpcEndpointType: Interface, VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.vpce.${AWS::Region}.${Service}', SubnetIds: [!Ref Subnet], SecurityGroupIds: [!Ref Sg] } }
            Outputs:
              Dns: { Value: !GetAtt Nlb.DNSName }
              FullName: { Value: !GetAtt Nlb.LoadBalancerFullName }
              TgFullName: { Value: !GetAtt Tg.TargetGroupFullName }
            """, (n, s, id) => n.LoadBalancers[new LoadBalancerArn(id("Nlb"))] is { Name: "app-nlb" } nlb
                && Stacks.Output(s, "Dns") == nlb.DnsName
                && Stacks.Output(s, "FullName") == $"net/app-nlb/{nlb.ShortId}"
                && Stacks.Output(s, "TgFullName").StartsWith("targetgroup/app-tg/", StringComparison.Ordinal)
                && n.TargetGroups[new TargetGroupArn(id("Tg"))].Targets.Length == 1
                && n.Listeners.ContainsKey(new ListenerArn(id("Listener")))
                && n.VpcEndpointServiceConfigurations[new VpcEndpointServiceId(id("Service"))] is { AcceptanceRequired: false, AllowedPrincipals.Length: 1 }
                && id("Service").StartsWith("vpce-svc-", StringComparison.Ordinal)
                && n.VpcEndpoints[new VpcEndpointId(id("Endpoint"))].State == VpcEndpointState.Available),
        ["AWS::EC2::SecurityGroupIngress + SecurityGroupEgress (self reference without a cycle)"] = ("""
              SelfIn: { Type: AWS::EC2::SecurityGroupIngress, Properties: { GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref Sg } }
              SelfOut: { Type: AWS::EC2::SecurityGroupEgress, Properties: { GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, DestinationSecurityGroupId: !GetAtt Sg.GroupId } }
            """, (n, _, id) => n.SecurityGroups[new SecurityGroupId(id("Sg"))].Ingress.Any(r => r.Id.Value == id("SelfIn"))
                && n.SecurityGroups[new SecurityGroupId(id("Sg"))].Egress.Any(r => r.Id.Value == id("SelfOut"))),
        ["AWS::IAM::Role + Policy + ManagedPolicy + InstanceProfile, AWS::Logs::LogGroup, AWS::SSM::Parameter (stored)"] = ("""
              Role: { Type: AWS::IAM::Role, Properties: { RoleName: lab-role, AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] } } }
              Inline: { Type: AWS::IAM::Policy, Properties: { PolicyName: lab-inline, Roles: [!Ref Role], PolicyDocument: { Statement: [{ Effect: Allow, Action: ssm:*, Resource: '*' }] } } }
              Managed: { Type: AWS::IAM::ManagedPolicy, Properties: { ManagedPolicyName: lab-managed, PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: '*' }] } } }
              Profile: { Type: AWS::IAM::InstanceProfile, Properties: { Roles: [!Ref Role] } }
              Logs: { Type: AWS::Logs::LogGroup, Properties: { LogGroupName: /lab/flow, RetentionInDays: 7 } }
              Param: { Type: AWS::SSM::Parameter, Properties: { Name: /lab/subnet, Type: String, Value: !Ref Subnet } }
            Outputs:
              RoleArn: { Value: !GetAtt Role.Arn }
              RoleId: { Value: !GetAtt Role.RoleId }
              Managed: { Value: !Ref Managed }
              LogGroup: { Value: !Ref Logs }
              LogGroupArn: { Value: !GetAtt Logs.Arn }
              ParamValue: { Value: !GetAtt Param.Value }
            """, (_, s, id) => Stacks.Output(s, "RoleArn") == "arn:aws:iam::111111111111:role/lab-role"
                && System.Text.RegularExpressions.Regex.IsMatch(Stacks.Output(s, "RoleId"), "^ARO[0-9A-F]{17}$")
                && Stacks.Output(s, "Managed") == "arn:aws:iam::111111111111:policy/lab-managed"
                && Stacks.Output(s, "LogGroup") == "/lab/flow"
                && Stacks.Output(s, "LogGroupArn").StartsWith("arn:aws:logs:us-east-1:111111111111:log-group:/lab/flow", StringComparison.Ordinal)
                && Stacks.Output(s, "ParamValue") == id("Subnet")),
    };

    public static TheoryData<string> Types => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Types))]
    public void ResourceType_Deployed_IsInTheWorld_AndDeletedCleanly(string type)
    {
        var (resources, check) = Cases[type];
        var stacks = new Stacks();
        var before = stacks.ControlPlane.Network;
        var stack = stacks.Create("t", Base + resources);
        Assert.True(stack.StackStatus == "CREATE_COMPLETE", string.Join("\n", stack.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}")));
        Assert.True(check(stacks.ControlPlane.Network, stack, logical => stacks.Physical(stack, logical)), type);
        var deleted = stacks.Cfn.DeleteStack(Stacks.Ctx, "t");
        Assert.True(deleted.StackStatus == "DELETE_COMPLETE", string.Join("\n", deleted.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}")));
        var after = stacks.ControlPlane.Network;
        Assert.Equal(before.Vpcs.Count, after.Vpcs.Count);
        Assert.Equal(before.Subnets.Count, after.Subnets.Count);
        Assert.Equal(before.SecurityGroups.Count, after.SecurityGroups.Count);
        Assert.Equal(before.Buckets.Count, after.Buckets.Count);
    }
}
