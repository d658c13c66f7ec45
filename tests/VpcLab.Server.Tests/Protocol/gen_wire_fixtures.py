#!/usr/bin/env python3
"""Two fixture files made with botocore (what the AWS CLI and boto3 run):

* Fixtures/botocore-wire.json: representative EC2 requests serialized by botocore's own EC2 serializer: for
  each case the operation, the input parameters keyed by member name (what Ec2QueryParser must produce) and
  the form parameters botocore puts on the wire.
* Fixtures/botocore-responses.json: response bodies written the way AWS writes them (after the EC2 API
  reference's examples), each with botocore's EC2 parser's reading of it, keyed by member name (what
  Ec2XmlSerializer is given, and must turn back into the same XML tree).

Usage: python3 tests/VpcLab.Server.Tests/Protocol/gen_wire_fixtures.py   (stdlib + the image's botocore)
"""
import datetime
import json
import os

import botocore
import botocore.session
from botocore.parsers import create_parser
from botocore.serialize import create_serializer

POLICY = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                   "Resource": "arn:aws:s3:::bucket/*",
                   "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}],
})

TAGS = [{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "main"}, {"Key": "env", "Value": "lab"}]}]

CASES = [
    ("describe-vpcs-filters", "DescribeVpcs", {
        "Filters": [{"Name": "cidr", "Values": ["10.0.0.0/16", "10.1.0.0/16"]},
                    {"Name": "tag:Name", "Values": ["main"]}],
        "VpcIds": ["vpc-0a1b2c3d4e5f60001", "vpc-0a1b2c3d4e5f60002"],
        "DryRun": False}),
    ("describe-vpcs-pagination", "DescribeVpcs", {"MaxResults": 5, "NextToken": "token+/=="}),
    ("describe-vpcs-empty", "DescribeVpcs", {}),
    ("create-vpc-tags", "CreateVpc", {
        "CidrBlock": "10.0.0.0/16", "AmazonProvidedIpv6CidrBlock": True, "InstanceTenancy": "default",
        "TagSpecifications": TAGS}),
    ("delete-vpc", "DeleteVpc", {"VpcId": "vpc-1", "DryRun": True}),
    ("modify-vpc-attribute", "ModifyVpcAttribute", {"VpcId": "vpc-1", "EnableDnsSupport": {"Value": True}}),
    ("modify-vpc-attribute-hostnames", "ModifyVpcAttribute", {"VpcId": "vpc-1", "EnableDnsHostnames": {"Value": False}}),
    ("describe-vpc-attribute", "DescribeVpcAttribute", {"VpcId": "vpc-1", "Attribute": "enableDnsHostnames"}),
    ("associate-vpc-cidr", "AssociateVpcCidrBlock", {"VpcId": "vpc-1", "CidrBlock": "10.2.0.0/16"}),
    ("create-default-vpc", "CreateDefaultVpc", {}),
    ("create-subnet", "CreateSubnet", {
        "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a",
        "Ipv6CidrBlock": "2600:1f18:1::/64",
        "TagSpecifications": [{"ResourceType": "subnet", "Tags": [{"Key": "Name", "Value": "public-a"}]}]}),
    ("modify-subnet-attribute", "ModifySubnetAttribute", {"SubnetId": "subnet-1", "MapPublicIpOnLaunch": {"Value": True}}),
    ("describe-subnets", "DescribeSubnets", {"SubnetIds": ["subnet-1"], "Filters": [{"Name": "vpc-id", "Values": ["vpc-1"]}]}),
    ("create-route-table", "CreateRouteTable", {"VpcId": "vpc-1", "TagSpecifications": [
        {"ResourceType": "route-table", "Tags": [{"Key": "Name", "Value": "private"}]}]}),
    ("create-route-igw", "CreateRoute", {"RouteTableId": "rtb-1", "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1"}),
    ("create-route-prefix-list", "CreateRoute", {
        "RouteTableId": "rtb-1", "DestinationPrefixListId": "pl-63a5400a", "VpcEndpointId": "vpce-1"}),
    ("create-route-ipv6", "CreateRoute", {
        "RouteTableId": "rtb-1", "DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-1"}),
    ("associate-route-table", "AssociateRouteTable", {"RouteTableId": "rtb-1", "SubnetId": "subnet-1"}),
    ("replace-route-table-association", "ReplaceRouteTableAssociation", {"AssociationId": "rtbassoc-1", "RouteTableId": "rtb-2"}),
    ("attach-internet-gateway", "AttachInternetGateway", {"InternetGatewayId": "igw-1", "VpcId": "vpc-1"}),
    ("create-eigw", "CreateEgressOnlyInternetGateway", {"VpcId": "vpc-1", "ClientToken": "tok-1"}),
    ("create-nat-gateway", "CreateNatGateway", {
        "SubnetId": "subnet-1", "AllocationId": "eipalloc-1", "ConnectivityType": "public",
        "SecondaryPrivateIpAddresses": ["10.0.1.10", "10.0.1.11"]}),
    ("allocate-address", "AllocateAddress", {"Domain": "vpc"}),
    ("associate-address", "AssociateAddress", {
        "AllocationId": "eipalloc-1", "NetworkInterfaceId": "eni-1", "PrivateIpAddress": "10.0.1.5", "AllowReassociation": True}),
    ("create-security-group", "CreateSecurityGroup", {
        "GroupName": "web", "Description": "web servers & <friends>", "VpcId": "vpc-1",
        "TagSpecifications": [{"ResourceType": "security-group", "Tags": [{"Key": "Name", "Value": "web"}]}]}),
    ("authorize-ingress-full", "AuthorizeSecurityGroupIngress", {
        "GroupId": "sg-1",
        "IpPermissions": [
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
             "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "ssh"}, {"CidrIp": "192.168.0.0/16"}],
             "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
             "PrefixListIds": [{"PrefixListId": "pl-1", "Description": "s3"}],
             "UserIdGroupPairs": [{"GroupId": "sg-2", "UserId": "111111111111"}]},
            {"IpProtocol": "icmp", "FromPort": -1, "ToPort": -1, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
        ],
        "TagSpecifications": [{"ResourceType": "security-group-rule", "Tags": [{"Key": "k", "Value": "v"}]}]}),
    ("authorize-ingress-legacy", "AuthorizeSecurityGroupIngress", {
        "GroupName": "default", "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIp": "0.0.0.0/0"}),
    ("authorize-egress", "AuthorizeSecurityGroupEgress", {
        "GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}),
    ("revoke-ingress-rule-ids", "RevokeSecurityGroupIngress", {"GroupId": "sg-1", "SecurityGroupRuleIds": ["sgr-1", "sgr-2"]}),
    ("describe-security-group-rules", "DescribeSecurityGroupRules", {
        "Filters": [{"Name": "group-id", "Values": ["sg-1"]}], "MaxResults": 100}),
    ("modify-security-group-rules", "ModifySecurityGroupRules", {
        "GroupId": "sg-1",
        "SecurityGroupRules": [{"SecurityGroupRuleId": "sgr-1", "SecurityGroupRule": {
            "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIpv4": "10.0.0.0/8", "Description": "https"}},
            {"SecurityGroupRuleId": "sgr-2", "SecurityGroupRule": {
                "IpProtocol": "udp", "FromPort": 53, "ToPort": 53, "ReferencedGroupId": "sg-9"}}]}),
    ("update-sg-rule-descriptions", "UpdateSecurityGroupRuleDescriptionsIngress", {
        "GroupId": "sg-1", "SecurityGroupRuleDescriptions": [{"SecurityGroupRuleId": "sgr-1", "Description": "new"}]}),
    ("create-network-acl-entry", "CreateNetworkAclEntry", {
        "NetworkAclId": "acl-1", "RuleNumber": 100, "Protocol": "6", "RuleAction": "allow", "Egress": False,
        "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 1024, "To": 65535}}),
    ("create-network-acl-entry-icmp", "CreateNetworkAclEntry", {
        "NetworkAclId": "acl-1", "RuleNumber": 110, "Protocol": "1", "RuleAction": "deny", "Egress": True,
        "Ipv6CidrBlock": "::/0", "IcmpTypeCode": {"Type": 8, "Code": -1}}),
    ("replace-network-acl-association", "ReplaceNetworkAclAssociation", {"AssociationId": "aclassoc-1", "NetworkAclId": "acl-2"}),
    ("create-network-interface", "CreateNetworkInterface", {
        "SubnetId": "subnet-1", "Description": "eni", "Groups": ["sg-1", "sg-2"],
        "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.5", "Primary": True}, {"PrivateIpAddress": "10.0.1.6", "Primary": False}],
        "Ipv6AddressCount": 1}),
    ("modify-network-interface-attribute", "ModifyNetworkInterfaceAttribute", {
        "NetworkInterfaceId": "eni-1", "SourceDestCheck": {"Value": False}, "Groups": ["sg-3"],
        "Attachment": {"AttachmentId": "eni-attach-1", "DeleteOnTermination": True}}),
    ("assign-private-ips", "AssignPrivateIpAddresses", {
        "NetworkInterfaceId": "eni-1", "PrivateIpAddresses": ["10.0.1.7"], "SecondaryPrivateIpAddressCount": 2,
        "AllowReassignment": True}),
    ("assign-ipv6", "AssignIpv6Addresses", {"NetworkInterfaceId": "eni-1", "Ipv6Addresses": ["2600:1f18:1::5"]}),
    ("run-instances", "RunInstances", {
        "ImageId": "ami-1", "InstanceType": "t3.micro", "MinCount": 1, "MaxCount": 2,
        "Placement": {"AvailabilityZone": "us-east-1a"},
        "NetworkInterfaces": [{"DeviceIndex": 0, "SubnetId": "subnet-1", "Groups": ["sg-1"],
                               "AssociatePublicIpAddress": True,
                               "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.9", "Primary": True}],
                               "Ipv6Addresses": [{"Ipv6Address": "2600:1f18:1::9"}]}],
        "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "app-1"}]}],
        "UserData": "IyEvYmluL3NoCmVjaG8gaGk="}),
    ("run-instances-simple", "RunInstances", {
        "ImageId": "ami-1", "MinCount": 1, "MaxCount": 1, "SubnetId": "subnet-1", "SecurityGroupIds": ["sg-1", "sg-2"]}),
    ("describe-instances", "DescribeInstances", {
        "InstanceIds": ["i-1", "i-2"], "Filters": [{"Name": "instance-state-name", "Values": ["running"]}]}),
    ("terminate-instances", "TerminateInstances", {"InstanceIds": ["i-1"]}),
    ("create-tags-unicode", "CreateTags", {
        "Resources": ["vpc-1", "subnet-1"],
        "Tags": [{"Key": "Name", "Value": "caf\u00e9 \u65e5\u672c & <x> \"q\" 'a' = + %"}, {"Key": "empty", "Value": ""}]}),
    ("delete-tags", "DeleteTags", {"Resources": ["vpc-1"], "Tags": [{"Key": "Name"}]}),
    ("create-dhcp-options", "CreateDhcpOptions", {"DhcpConfigurations": [
        {"Key": "domain-name", "Values": ["example.internal"]},
        {"Key": "domain-name-servers", "Values": ["AmazonProvidedDNS", "10.0.0.2"]}]}),
    ("associate-dhcp-options", "AssociateDhcpOptions", {"DhcpOptionsId": "dopt-1", "VpcId": "vpc-1"}),
    ("create-vpc-endpoint-interface", "CreateVpcEndpoint", {
        "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.s3", "VpcEndpointType": "Interface",
        "SubnetIds": ["subnet-1", "subnet-2"], "SecurityGroupIds": ["sg-1"], "PrivateDnsEnabled": True,
        "DnsOptions": {"DnsRecordIpType": "ipv4"}, "PolicyDocument": POLICY}),
    ("create-vpc-endpoint-gateway", "CreateVpcEndpoint", {
        "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.s3", "RouteTableIds": ["rtb-1", "rtb-2"]}),
    ("modify-vpc-endpoint", "ModifyVpcEndpoint", {
        "VpcEndpointId": "vpce-1", "AddRouteTableIds": ["rtb-3"], "RemoveRouteTableIds": ["rtb-1"], "ResetPolicy": True}),
    ("delete-vpc-endpoints", "DeleteVpcEndpoints", {"VpcEndpointIds": ["vpce-1", "vpce-2"]}),
    ("describe-vpc-endpoint-services", "DescribeVpcEndpointServices", {"ServiceNames": ["com.amazonaws.us-east-1.s3"]}),
    ("create-managed-prefix-list", "CreateManagedPrefixList", {
        "PrefixListName": "corp", "AddressFamily": "IPv4", "MaxEntries": 10,
        "Entries": [{"Cidr": "10.0.0.0/8", "Description": "corp"}, {"Cidr": "172.16.0.0/12"}]}),
    ("modify-managed-prefix-list", "ModifyManagedPrefixList", {
        "PrefixListId": "pl-1", "CurrentVersion": 3, "AddEntries": [{"Cidr": "192.168.0.0/16"}],
        "RemoveEntries": [{"Cidr": "10.0.0.0/8"}]}),
    ("get-managed-prefix-list-entries", "GetManagedPrefixListEntries", {"PrefixListId": "pl-1", "TargetVersion": 2}),
    ("create-vpc-peering", "CreateVpcPeeringConnection", {
        "VpcId": "vpc-1", "PeerVpcId": "vpc-2", "PeerOwnerId": "222222222222", "PeerRegion": "eu-west-1"}),
    ("modify-vpc-peering-options", "ModifyVpcPeeringConnectionOptions", {
        "VpcPeeringConnectionId": "pcx-1",
        "AccepterPeeringConnectionOptions": {"AllowDnsResolutionFromRemoteVpc": True},
        "RequesterPeeringConnectionOptions": {"AllowDnsResolutionFromRemoteVpc": False}}),
    ("create-flow-logs", "CreateFlowLogs", {
        "ResourceIds": ["vpc-1"], "ResourceType": "VPC", "TrafficType": "ALL", "LogDestinationType": "s3",
        "LogDestination": "arn:aws:s3:::flow-logs/prefix", "MaxAggregationInterval": 60,
        "LogFormat": "${version} ${account-id} ${interface-id} ${srcaddr}",
        "DestinationOptions": {"FileFormat": "parquet", "HiveCompatiblePartitions": True, "PerHourPartition": False}}),
    ("delete-flow-logs", "DeleteFlowLogs", {"FlowLogIds": ["fl-1"]}),
    ("create-network-insights-path", "CreateNetworkInsightsPath", {
        "Source": "i-1", "Destination": "igw-1", "Protocol": "tcp", "DestinationPort": 443,
        "ClientToken": "tok", "FilterAtSource": {"DestinationAddress": "8.8.8.8",
                                                 "DestinationPortRange": {"FromPort": 443, "ToPort": 443}}}),
    ("start-network-insights-analysis", "StartNetworkInsightsAnalysis", {
        "NetworkInsightsPathId": "nip-1", "ClientToken": "tok", "FilterInArns": ["arn:aws:ec2:us-east-1:111111111111:vpc/vpc-1"],
        "AdditionalAccounts": ["222222222222"]}),
    ("describe-network-insights-analyses-time", "DescribeNetworkInsightsAnalyses", {
        "NetworkInsightsPathId": "nip-1",
        "AnalysisStartTime": datetime.datetime(2026, 11, 23, 1, 2, 3, tzinfo=datetime.timezone.utc),
        "AnalysisEndTime": datetime.datetime(2026, 11, 24, 0, 0, 0, 500000, tzinfo=datetime.timezone.utc)}),
    ("describe-regions", "DescribeRegions", {"RegionNames": ["us-east-1", "eu-west-1"], "AllRegions": True}),
    ("describe-availability-zones", "DescribeAvailabilityZones", {"ZoneNames": ["us-east-1a"], "AllAvailabilityZones": False}),
    ("describe-account-attributes", "DescribeAccountAttributes", {"AttributeNames": ["supported-platforms", "default-vpc"]}),
]


NS = "http://ec2.amazonaws.com/doc/2016-11-15/"

RESPONSES = [
    ("create-vpc", "CreateVpc", f"""<CreateVpcResponse xmlns="{NS}">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <vpc>
    <vpcId>vpc-1a2b3c4d</vpcId>
    <state>pending</state>
    <cidrBlock>10.0.0.0/16</cidrBlock>
    <cidrBlockAssociationSet>
      <item>
        <cidrBlock>10.0.0.0/16</cidrBlock>
        <associationId>vpc-cidr-assoc-1a2b3c4d</associationId>
        <cidrBlockState><state>associated</state></cidrBlockState>
      </item>
    </cidrBlockAssociationSet>
    <ipv6CidrBlockAssociationSet/>
    <dhcpOptionsId>dopt-1a2b3c4d2</dhcpOptionsId>
    <instanceTenancy>default</instanceTenancy>
    <isDefault>false</isDefault>
    <ownerId>123456789012</ownerId>
    <tagSet><item><key>Name</key><value>lab &amp; &lt;test&gt;</value></item></tagSet>
  </vpc>
</CreateVpcResponse>"""),
    ("describe-vpcs", "DescribeVpcs", f"""<DescribeVpcsResponse xmlns="{NS}">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <vpcSet>
    <item>
      <vpcId>vpc-1a2b3c4d</vpcId>
      <ownerId>123456789012</ownerId>
      <state>available</state>
      <cidrBlock>10.0.0.0/16</cidrBlock>
      <cidrBlockAssociationSet>
        <item><cidrBlock>10.0.0.0/16</cidrBlock><associationId>vpc-cidr-assoc-1</associationId><cidrBlockState><state>associated</state></cidrBlockState></item>
        <item><cidrBlock>10.1.0.0/16</cidrBlock><associationId>vpc-cidr-assoc-2</associationId><cidrBlockState><state>associated</state></cidrBlockState></item>
      </cidrBlockAssociationSet>
      <ipv6CidrBlockAssociationSet>
        <item>
          <ipv6CidrBlock>2600:1f18:1234:5600::/56</ipv6CidrBlock>
          <associationId>vpc-cidr-assoc-3</associationId>
          <ipv6CidrBlockState><state>associated</state></ipv6CidrBlockState>
          <networkBorderGroup>us-east-1</networkBorderGroup>
          <ipv6Pool>Amazon</ipv6Pool>
        </item>
      </ipv6CidrBlockAssociationSet>
      <dhcpOptionsId>dopt-1</dhcpOptionsId>
      <tagSet/>
      <instanceTenancy>default</instanceTenancy>
      <isDefault>true</isDefault>
    </item>
  </vpcSet>
  <nextToken>eyJ2IjoxfQ==</nextToken>
</DescribeVpcsResponse>"""),
    ("describe-security-groups", "DescribeSecurityGroups", f"""<DescribeSecurityGroupsResponse xmlns="{NS}">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <securityGroupInfo>
    <item>
      <ownerId>123456789012</ownerId>
      <groupId>sg-1a2b3c4d</groupId>
      <groupName>WebServers</groupName>
      <groupDescription>Web Servers</groupDescription>
      <vpcId>vpc-614cc409</vpcId>
      <ipPermissions>
        <item>
          <ipProtocol>tcp</ipProtocol>
          <fromPort>80</fromPort>
          <toPort>80</toPort>
          <groups/>
          <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>http</description></item></ipRanges>
          <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges>
          <prefixListIds/>
        </item>
        <item>
          <ipProtocol>-1</ipProtocol>
          <groups><item><userId>123456789012</userId><groupId>sg-af8661c0</groupId></item></groups>
          <ipRanges/>
          <prefixListIds><item><prefixListId>pl-63a5400a</prefixListId></item></prefixListIds>
        </item>
      </ipPermissions>
      <ipPermissionsEgress>
        <item>
          <ipProtocol>-1</ipProtocol>
          <groups/>
          <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
          <prefixListIds/>
        </item>
      </ipPermissionsEgress>
      <tagSet><item><key>Name</key><value>web</value></item></tagSet>
      <securityGroupArn>arn:aws:ec2:us-east-1:123456789012:security-group/sg-1a2b3c4d</securityGroupArn>
    </item>
  </securityGroupInfo>
</DescribeSecurityGroupsResponse>"""),
    ("describe-route-tables", "DescribeRouteTables", f"""<DescribeRouteTablesResponse xmlns="{NS}">
  <requestId>6f570b0b-9c18-4b07-bdec-73740dcf861aEXAMPLE</requestId>
  <routeTableSet>
    <item>
      <routeTableId>rtb-1122334455667788a</routeTableId>
      <vpcId>vpc-1122334455667788a</vpcId>
      <ownerId>123456789012</ownerId>
      <routeSet>
        <item>
          <destinationCidrBlock>10.0.0.0/22</destinationCidrBlock>
          <gatewayId>local</gatewayId>
          <state>active</state>
          <origin>CreateRouteTable</origin>
        </item>
        <item>
          <destinationCidrBlock>0.0.0.0/0</destinationCidrBlock>
          <natGatewayId>nat-0123456789abcdef0</natGatewayId>
          <state>active</state>
          <origin>CreateRoute</origin>
        </item>
        <item>
          <destinationPrefixListId>pl-63a5400a</destinationPrefixListId>
          <gatewayId>vpce-0123456789abcdef0</gatewayId>
          <state>active</state>
          <origin>CreateRoute</origin>
        </item>
        <item>
          <destinationIpv6CidrBlock>::/0</destinationIpv6CidrBlock>
          <egressOnlyInternetGatewayId>eigw-015e0e244e24dfe8a</egressOnlyInternetGatewayId>
          <state>blackhole</state>
          <origin>CreateRoute</origin>
        </item>
      </routeSet>
      <associationSet>
        <item>
          <routeTableAssociationId>rtbassoc-11223344556677889</routeTableAssociationId>
          <routeTableId>rtb-1122334455667788a</routeTableId>
          <main>true</main>
          <associationState><state>associated</state></associationState>
        </item>
        <item>
          <routeTableAssociationId>rtbassoc-0123456789abcdef1</routeTableAssociationId>
          <routeTableId>rtb-1122334455667788a</routeTableId>
          <subnetId>subnet-0123456789abcdef0</subnetId>
          <main>false</main>
          <associationState><state>associated</state></associationState>
        </item>
      </associationSet>
      <propagatingVgwSet/>
      <tagSet/>
    </item>
  </routeTableSet>
</DescribeRouteTablesResponse>"""),
    ("describe-subnets", "DescribeSubnets", f"""<DescribeSubnetsResponse xmlns="{NS}">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <subnetSet>
    <item>
      <subnetId>subnet-1a2b3c4d</subnetId>
      <subnetArn>arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1a2b3c4d</subnetArn>
      <state>available</state>
      <ownerId>123456789012</ownerId>
      <vpcId>vpc-1a2b3c4d</vpcId>
      <cidrBlock>10.0.1.0/24</cidrBlock>
      <ipv6CidrBlockAssociationSet/>
      <availableIpAddressCount>251</availableIpAddressCount>
      <availabilityZone>us-east-1a</availabilityZone>
      <availabilityZoneId>use1-az4</availabilityZoneId>
      <defaultForAz>false</defaultForAz>
      <mapPublicIpOnLaunch>true</mapPublicIpOnLaunch>
      <assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation>
      <tagSet><item><key>Name</key><value>public-a</value></item></tagSet>
    </item>
  </subnetSet>
</DescribeSubnetsResponse>"""),
    ("describe-flow-logs", "DescribeFlowLogs", f"""<DescribeFlowLogsResponse xmlns="{NS}">
  <requestId>3cb46f23-099e-4bf0-891c-EXAMPLE</requestId>
  <flowLogSet>
    <item>
      <creationTime>2026-11-23T01:02:03.045Z</creationTime>
      <deliverLogsStatus>SUCCESS</deliverLogsStatus>
      <flowLogId>fl-1a2b3c4d</flowLogId>
      <flowLogStatus>ACTIVE</flowLogStatus>
      <resourceId>vpc-1a2b3c4d</resourceId>
      <trafficType>ALL</trafficType>
      <logDestinationType>s3</logDestinationType>
      <logDestination>arn:aws:s3:::flow-logs</logDestination>
      <logFormat>${{version}} ${{account-id}} ${{interface-id}}</logFormat>
      <maxAggregationInterval>600</maxAggregationInterval>
      <destinationOptions>
        <fileFormat>parquet</fileFormat>
        <hiveCompatiblePartitions>true</hiveCompatiblePartitions>
        <perHourPartition>false</perHourPartition>
      </destinationOptions>
      <tagSet/>
    </item>
  </flowLogSet>
</DescribeFlowLogsResponse>"""),
    ("allocate-address", "AllocateAddress", f"""<AllocateAddressResponse xmlns="{NS}">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <publicIp>198.51.100.1</publicIp>
  <domain>vpc</domain>
  <allocationId>eipalloc-5723d13e</allocationId>
  <networkBorderGroup>us-east-1</networkBorderGroup>
</AllocateAddressResponse>"""),
    ("modify-managed-prefix-list", "ModifyManagedPrefixList", f"""<ModifyManagedPrefixListResponse xmlns="{NS}">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <prefixList>
    <prefixListId>pl-0123456abcabcabc1</prefixListId>
    <addressFamily>IPv4</addressFamily>
    <state>modify-in-progress</state>
    <prefixListArn>arn:aws:ec2:us-west-2:123456789012:prefix-list/pl-0123456abcabcabc1</prefixListArn>
    <prefixListName>vpc-cidrs</prefixListName>
    <maxEntries>10</maxEntries>
    <version>9007199254740993</version>
    <ownerId>123456789012</ownerId>
  </prefixList>
</ModifyManagedPrefixListResponse>"""),
    ("delete-vpc", "DeleteVpc", f"""<DeleteVpcResponse xmlns="{NS}">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <return>true</return>
</DeleteVpcResponse>"""),
    ("delete-security-group", "DeleteSecurityGroup", f"""<DeleteSecurityGroupResponse xmlns="{NS}">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <return>true</return>
  <groupId>sg-1a2b3c4d</groupId>
</DeleteSecurityGroupResponse>"""),
]


def to_json(value):
    if isinstance(value, datetime.datetime):
        # the form System.Text.Json writes a UTC DateTime in: fraction without trailing zeros
        text = value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f").rstrip("0").rstrip(".")
        return text + "Z"
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def main():
    session = botocore.session.get_session()
    model = session.get_service_model("ec2")
    serializer = create_serializer("ec2", include_validation=True)
    cases = []
    names = set()
    for name, operation, params in CASES:
        assert name not in names, name
        names.add(name)
        request = serializer.serialize_to_request(params, model.operation_model(operation))
        body = request["body"]
        wire = [[k, str(v)] for k, v in body.items()]
        cases.append({"name": name, "operation": operation, "expected": to_json(params), "wire": wire})
    write("botocore-wire.json", cases)

    parser = create_parser("ec2")
    responses = []
    for name, operation, xml in RESPONSES:
        shape = model.operation_model(operation).output_shape
        parsed = parser.parse({"body": xml.encode("utf-8"), "headers": {}, "status_code": 200}, shape)
        parsed.pop("ResponseMetadata")
        responses.append({"name": name, "operation": operation, "xml": xml, "result": to_json(parsed)})
    write("botocore-responses.json", responses)


def write(file_name, cases):
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures", file_name)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"generator": "gen_wire_fixtures.py", "botocore": botocore.__version__, "cases": cases},
                  f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(cases)} cases -> {out}")


if __name__ == "__main__":
    main()
