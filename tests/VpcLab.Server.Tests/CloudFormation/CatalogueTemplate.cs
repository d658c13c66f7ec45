namespace VpcLab.Server.Tests.CloudFormation;

/// <summary>The template of <see cref="CloudFormationCatalogueCliTests"/>: every AWS::EC2 type VpcLab models, S3, IAM,
/// SSM and Logs types, and every intrinsic function in its Outputs; and, per type, the AWS CLI call that shows a
/// resource of it.</summary>
internal static class CatalogueTemplate
{
    public static readonly string[] Types =
    [
        "AWS::EC2::VPC", "AWS::EC2::VPCCidrBlock", "AWS::EC2::Subnet", "AWS::EC2::SubnetCidrBlock", "AWS::EC2::RouteTable",
        "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment",
        "AWS::EC2::EgressOnlyInternetGateway", "AWS::EC2::NatGateway", "AWS::EC2::EIP", "AWS::EC2::EIPAssociation",
        "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress", "AWS::EC2::NetworkAcl",
        "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation", "AWS::EC2::NetworkInterface",
        "AWS::EC2::NetworkInterfaceAttachment", "AWS::EC2::Instance", "AWS::EC2::VPCEndpoint", "AWS::EC2::PrefixList",
        "AWS::EC2::VPCPeeringConnection", "AWS::EC2::FlowLog", "AWS::EC2::DHCPOptions", "AWS::EC2::VPCDHCPOptionsAssociation",
        "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::IAM::Role", "AWS::IAM::InstanceProfile", "AWS::IAM::Policy",
        "AWS::IAM::ManagedPolicy", "AWS::SSM::Parameter", "AWS::Logs::LogGroup",
    ];

    /// <summary>The AWS CLI arguments that describe a resource of <paramref name="type"/>, and the text the answer must
    /// hold; null arguments for the stored types.</summary>
    public static (string[]? Args, string Names) Describe(string type, string physical)
    {
        var parts = physical.Split('|');
        return type["AWS::".Length..] switch
        {
            "EC2::VPC" => (["ec2", "describe-vpcs", "--vpc-ids", physical], physical),
            "EC2::VPCCidrBlock" => (["ec2", "describe-vpcs"], physical),
            "EC2::VPCDHCPOptionsAssociation" => (["ec2", "describe-vpcs", "--vpc-ids", parts[1]], parts[0]),
            "EC2::Subnet" => (["ec2", "describe-subnets", "--subnet-ids", physical], physical),
            "EC2::SubnetCidrBlock" => (["ec2", "describe-subnets"], physical),
            "EC2::RouteTable" => (["ec2", "describe-route-tables", "--route-table-ids", physical], physical),
            "EC2::Route" => (["ec2", "describe-route-tables", "--route-table-ids", parts[0]], parts[1]),
            "EC2::SubnetRouteTableAssociation" => (["ec2", "describe-route-tables"], physical),
            "EC2::InternetGateway" => (["ec2", "describe-internet-gateways", "--internet-gateway-ids", physical], physical),
            // AWS's physical id of an attachment is "IGW|vpc-…" (the gateway's id is not in it): the VPC among attachments
            "EC2::VPCGatewayAttachment" => (["ec2", "describe-internet-gateways"], "\"VpcId\":\"" + parts[1]),
            "EC2::EgressOnlyInternetGateway" => (["ec2", "describe-egress-only-internet-gateways", "--egress-only-internet-gateway-ids", physical], physical),
            "EC2::NatGateway" => (["ec2", "describe-nat-gateways", "--nat-gateway-ids", physical], physical),
            "EC2::EIP" => (["ec2", "describe-addresses", "--public-ips", physical], physical),
            "EC2::EIPAssociation" => (["ec2", "describe-addresses"], physical),
            "EC2::SecurityGroup" => (["ec2", "describe-security-groups", "--group-ids", physical], physical),
            "EC2::SecurityGroupIngress" or "EC2::SecurityGroupEgress" => (["ec2", "describe-security-group-rules", "--security-group-rule-ids", physical], physical),
            "EC2::NetworkAcl" => (["ec2", "describe-network-acls", "--network-acl-ids", physical], physical),
            "EC2::NetworkAclEntry" => (["ec2", "describe-network-acls", "--network-acl-ids", parts[0]], "\"RuleNumber\":" + parts[^1]),
            "EC2::SubnetNetworkAclAssociation" => (["ec2", "describe-network-acls"], physical),
            "EC2::NetworkInterface" => (["ec2", "describe-network-interfaces", "--network-interface-ids", physical], physical),
            "EC2::NetworkInterfaceAttachment" => (["ec2", "describe-network-interfaces"], physical),
            "EC2::Instance" => (["ec2", "describe-instances", "--instance-ids", physical], physical),
            "EC2::VPCEndpoint" => (["ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", physical], physical),
            "EC2::PrefixList" => (["ec2", "describe-managed-prefix-lists", "--prefix-list-ids", physical], physical),
            "EC2::VPCPeeringConnection" => (["ec2", "describe-vpc-peering-connections", "--vpc-peering-connection-ids", physical], physical),
            "EC2::FlowLog" => (["ec2", "describe-flow-logs", "--flow-log-ids", physical], physical),
            "EC2::DHCPOptions" => (["ec2", "describe-dhcp-options", "--dhcp-options-ids", physical], physical),
            "S3::Bucket" => (["s3api", "list-buckets"], physical),
            "S3::BucketPolicy" => (["s3api", "get-bucket-policy", "--bucket", physical], "s3:GetObject"),
            _ => (null, ""),
        };
    }

    public const string Body = """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: every resource type VpcLab models and every intrinsic function
        Parameters:
          Env: { Type: String, Default: prod, AllowedValues: [dev, prod] }
          Count: { Type: Number, Default: 3, MinValue: 1, MaxValue: 9 }
          Names: { Type: CommaDelimitedList, Default: 'a,b,c' }
          Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 }
        Mappings:
          Sizes:
            dev: { Type: t3.micro }
            prod: { Type: m5.large }
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IfAndOrNot: !And [!Not [!Condition IsProd], !Or [!Equals [!Ref Count, 3], !Equals [a, b]]]
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
              EnableDnsSupport: true
              EnableDnsHostnames: true
              Tags: [!If [IsProd, { Key: env, Value: prod }, !Ref AWS::NoValue], { Key: Name, Value: catalogue-vpc }]
          V6: { Type: AWS::EC2::VPCCidrBlock, Properties: { VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true } }
          Subnet:
            Type: AWS::EC2::Subnet
            DependsOn: V6
            Properties:
              VpcId: !Ref Vpc
              AvailabilityZone: !Select [0, !GetAZs '']
              CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
              Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 2, 64]]
              MapPublicIpOnLaunch: true
          Private:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [1, !GetAZs ''], CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]] }
          PrivateV6:
            Type: AWS::EC2::SubnetCidrBlock
            DependsOn: V6
            Properties: { SubnetId: !Ref Private, Ipv6CidrBlock: !Select [1, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 2, 64]] }
          Igw: { Type: AWS::EC2::InternetGateway }
          ProdOnly: { Type: AWS::EC2::InternetGateway, Condition: IsProd }
          Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
          Eigw: { Type: AWS::EC2::EgressOnlyInternetGateway, Properties: { VpcId: !Ref Vpc } }
          PublicRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
          PublicAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Subnet, RouteTableId: !Ref PublicRt } }
          Internet: { Type: AWS::EC2::Route, DependsOn: Attach, Properties: { RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
          NatEip: { Type: AWS::EC2::EIP, DependsOn: Attach, Properties: { Domain: vpc } }
          Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref Subnet, AllocationId: !GetAtt NatEip.AllocationId } }
          PrivateRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
          PrivateAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Private, RouteTableId: !Ref PrivateRt } }
          ToNat: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }
          V6Out: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateRt, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: !Ref Eigw } }
          Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: !Sub '${AWS::StackName} web', VpcId: !Ref Vpc } }
          SelfIn: { Type: AWS::EC2::SecurityGroupIngress, Properties: { GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref Sg } }
          PgOut: { Type: AWS::EC2::SecurityGroupEgress, Properties: { GroupId: !GetAtt Sg.GroupId, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.1.0/24 } }
          Acl: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }
          AclIn: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/16, PortRange: { From: 5432, To: 5432 } } }
          AclAssoc: { Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: { SubnetId: !Ref Private, NetworkAclId: !Ref Acl } }
          Role: { Type: AWS::IAM::Role, Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] } } }
          Profile: { Type: AWS::IAM::InstanceProfile, Properties: { Roles: [!Ref Role] } }
          Inline: { Type: AWS::IAM::Policy, Properties: { PolicyName: ssm, Roles: [!Ref Role], PolicyDocument: { Statement: [{ Effect: Allow, Action: 'ssm:*', Resource: '*' }] } } }
          Managed: { Type: AWS::IAM::ManagedPolicy, Properties: { PolicyDocument: { Statement: [{ Effect: Allow, Action: 's3:GetObject', Resource: '*' }] } } }
          Web:
            Type: AWS::EC2::Instance
            Metadata:
              AWS::CloudFormation::Init:
                config: { packages: { yum: { httpd: [] } }, services: { sysvinit: { httpd: { enabled: true } } } }
            Properties:
              ImageId: !Ref Ami
              InstanceType: !FindInMap [Sizes, !Ref Env, Type]
              SubnetId: !Ref Subnet
              SecurityGroupIds: [!Ref Sg]
              IamInstanceProfile: !Ref Profile
              UserData: !Base64 { 'Fn::Sub': "#!/bin/bash\necho ${AWS::StackName}\n" }
          Eni: { Type: AWS::EC2::NetworkInterface, Properties: { SubnetId: !Ref Subnet, GroupSet: [!Ref Sg], SourceDestCheck: false } }
          EniAttach: { Type: AWS::EC2::NetworkInterfaceAttachment, Properties: { InstanceId: !Ref Web, NetworkInterfaceId: !Ref Eni, DeviceIndex: 1 } }
          EniEip: { Type: AWS::EC2::EIP, DependsOn: Attach, Properties: { Domain: vpc } }
          EniEipAssoc: { Type: AWS::EC2::EIPAssociation, DependsOn: EniAttach, Properties: { AllocationId: !GetAtt EniEip.AllocationId, NetworkInterfaceId: !Ref Eni } }
          Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: !Sub '${AWS::StackName}-${AWS::AccountId}-data' } }
          BucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: '*', Action: 's3:GetObject', Resource: !Sub '${Bucket.Arn}/*', Condition: { StringEquals: { 'aws:SourceVpce': !Ref S3Endpoint } } }] }
          S3Endpoint: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3', RouteTableIds: [!Ref PrivateRt] } }
          SsmEndpoint: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, VpcEndpointType: Interface, ServiceName: !Sub 'com.amazonaws.${AWS::Region}.ssm', SubnetIds: [!Ref Private], SecurityGroupIds: [!Ref Sg], PrivateDnsEnabled: true } }
          Office: { Type: AWS::EC2::PrefixList, Properties: { PrefixListName: office, AddressFamily: IPv4, MaxEntries: 5, Entries: [{ Cidr: 203.0.113.0/24, Description: office }] } }
          Peer: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
          Pcx: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref Vpc, PeerVpcId: !Ref Peer } }
          ToPeer: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref PrivateRt, DestinationCidrBlock: !GetAtt Peer.CidrBlock, VpcPeeringConnectionId: !Ref Pcx } }
          LogGroup: { Type: AWS::Logs::LogGroup, Properties: { LogGroupName: !Sub '/vpc/${AWS::StackName}', RetentionInDays: 7 } }
          Flow: { Type: AWS::EC2::FlowLog, Properties: { ResourceId: !Ref Vpc, ResourceType: VPC, TrafficType: ALL, LogDestinationType: s3, LogDestination: !GetAtt Bucket.Arn } }
          Dhcp: { Type: AWS::EC2::DHCPOptions, Properties: { DomainName: lab.internal, DomainNameServers: [AmazonProvidedDNS] } }
          DhcpAssoc: { Type: AWS::EC2::VPCDHCPOptionsAssociation, Properties: { VpcId: !Ref Vpc, DhcpOptionsId: !Ref Dhcp } }
          Param: { Type: AWS::SSM::Parameter, Properties: { Name: /catalogue/subnet, Type: String, Value: !Ref Subnet } }
        Outputs:
          RefParameter: { Value: !Ref Env }
          Region: { Value: !Ref AWS::Region }
          Account: { Value: !Ref AWS::AccountId }
          StackName: { Value: !Ref AWS::StackName }
          StackId: { Value: !Ref AWS::StackId }
          PartitionAndUrlSuffix: { Value: !Sub '${AWS::Partition}.${AWS::URLSuffix}' }
          GetAtt: { Value: !GetAtt Vpc.CidrBlock }
          SubWithMap: { Value: !Sub ['${Name}-${Count}', { Name: !Select [1, !Ref Names] }] }
          Join: { Value: !Join [',', !Ref Names] }
          SplitThenSelect: { Value: !Select [1, !Split ['/', !GetAtt Vpc.CidrBlock]] }
          GetAZs: { Value: !Select [1, !GetAZs ''] }
          Cidr: { Value: !Join [' ', !Cidr [!GetAtt Vpc.CidrBlock, 3, 8]] }
          FindInMap: { Value: !FindInMap [Sizes, !Ref Env, Type] }
          IfAndOrNotEquals: { Value: !If [IfAndOrNot, 'yes', 'no'] }
          Base64: { Value: !Base64 hello }
          Length: { Value: { 'Fn::Length': !Ref Names } }
          ToJsonString: { Value: !ToJsonString { env: !Ref Env } }
          SsmAmi: { Value: !Ref Ami }
          VpcId:
            Value: !Ref Vpc
            Export: { Name: !Sub '${AWS::StackName}-vpc' }
        """;
}
