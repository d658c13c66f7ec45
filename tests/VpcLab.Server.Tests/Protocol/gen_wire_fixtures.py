#!/usr/bin/env python3
"""Serialize representative EC2 requests with botocore's own EC2 serializer (the one the AWS CLI and boto3
use) into Fixtures/botocore-wire.json: for each case the operation, the input parameters keyed by member
name (what Ec2QueryParser must produce) and the form parameters botocore puts on the wire.

Usage: python3 tests/VpcLab.Server.Tests/Protocol/gen_wire_fixtures.py   (stdlib + the image's botocore)
"""
import datetime
import json
import os

import botocore
import botocore.session
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
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures", "botocore-wire.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"generator": "gen_wire_fixtures.py", "botocore": botocore.__version__, "cases": cases},
                  f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(cases)} cases -> {out}")


if __name__ == "__main__":
    main()
