#!/usr/bin/env python3
"""Extract the subset of botocore's EC2 service model that VpcLab's server implements.

Reads botocore's data/ec2/2016-11-15/service-2.json(.gz) (Apache-2.0), keeps the operations listed
below and every shape they reach transitively, drops every "documentation" key, and writes
src/VpcLab.Server/Protocol/Model/ec2-subset.json (operations and shapes sorted by name; members in model order).

It also writes ec2-operation-names.txt beside the output: the name of every EC2 operation in the model, one per
line, so the server can tell an action AWS has but VpcLab lacks (501 NotImplemented) from one that does not exist
(InvalidAction).

Usage: python3 tools/extract-ec2-model.py [path/to/service-2.json.gz] [output.json]
Only the Python standard library is used; botocore need not be importable. The shape walk is
botocore_subset.py's, shared with extract-elbv2-model.py.
"""
import glob
import os
import sys

import botocore_subset

OPERATIONS = [
    # Regions, zones, account
    "DescribeRegions", "DescribeAvailabilityZones", "DescribeAccountAttributes",
    # VPCs
    "CreateVpc", "DeleteVpc", "DescribeVpcs", "ModifyVpcAttribute", "DescribeVpcAttribute",
    "AssociateVpcCidrBlock", "DisassociateVpcCidrBlock", "CreateDefaultVpc", "CreateDefaultSubnet",
    # Subnets
    "CreateSubnet", "DeleteSubnet", "DescribeSubnets", "ModifySubnetAttribute",
    "AssociateSubnetCidrBlock", "DisassociateSubnetCidrBlock",
    # Route tables
    "CreateRouteTable", "DeleteRouteTable", "DescribeRouteTables", "CreateRoute", "ReplaceRoute",
    "DeleteRoute", "AssociateRouteTable", "DisassociateRouteTable", "ReplaceRouteTableAssociation",
    # Internet gateways
    "CreateInternetGateway", "DeleteInternetGateway", "DescribeInternetGateways",
    "AttachInternetGateway", "DetachInternetGateway",
    "CreateEgressOnlyInternetGateway", "DeleteEgressOnlyInternetGateway",
    "DescribeEgressOnlyInternetGateways",
    # NAT gateways, Elastic IPs
    "CreateNatGateway", "DeleteNatGateway", "DescribeNatGateways",
    "AllocateAddress", "ReleaseAddress", "AssociateAddress", "DisassociateAddress", "DescribeAddresses",
    # Security groups
    "CreateSecurityGroup", "DeleteSecurityGroup", "DescribeSecurityGroups",
    "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
    "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
    "DescribeStaleSecurityGroups",
    "DescribeSecurityGroupRules", "ModifySecurityGroupRules",
    "UpdateSecurityGroupRuleDescriptionsIngress", "UpdateSecurityGroupRuleDescriptionsEgress",
    # Network ACLs
    "CreateNetworkAcl", "DeleteNetworkAcl", "DescribeNetworkAcls", "CreateNetworkAclEntry",
    "ReplaceNetworkAclEntry", "DeleteNetworkAclEntry", "ReplaceNetworkAclAssociation",
    # Network interfaces
    "CreateNetworkInterface", "DeleteNetworkInterface", "DescribeNetworkInterfaces",
    "ModifyNetworkInterfaceAttribute", "AttachNetworkInterface", "DetachNetworkInterface",
    "AssignPrivateIpAddresses", "UnassignPrivateIpAddresses", "AssignIpv6Addresses",
    "UnassignIpv6Addresses",
    # Instances
    "RunInstances", "TerminateInstances", "StartInstances", "StopInstances", "DescribeInstances",
    "ModifyInstanceAttribute", "DescribeInstanceAttribute", "ModifyPrivateDnsNameOptions",
    # Public AMI catalogue (src/VpcLab.ControlPlane/Images/)
    "DescribeImages",
    # Key pairs (src/VpcLab.ControlPlane/KeyPairs/)
    "CreateKeyPair", "ImportKeyPair", "DescribeKeyPairs", "DeleteKeyPair",
    # Instance types (src/VpcLab.ControlPlane/InstanceTypes/)
    "DescribeInstanceTypes", "DescribeInstanceTypeOfferings",
    # Instance status and CPU credits (src/VpcLab.ControlPlane/InstanceStatus/)
    "DescribeInstanceStatus", "DescribeInstanceCreditSpecifications",
    # Read by Terraform's AWS provider (aws_eip, aws_vpc): issue 15
    "DescribeAddressesAttribute", "ModifyVpcTenancy",
    # Reverse DNS of Elastic IPs (aws_eip_domain_name; src/VpcLab.ControlPlane/ElasticIps/)
    "ModifyAddressAttribute", "ResetAddressAttribute",
    # EBS volumes as plain records (src/VpcLab.ControlPlane/Volumes/)
    "CreateVolume", "DescribeVolumes", "AttachVolume", "DetachVolume", "DeleteVolume",
    "ModifyVolume", "DescribeVolumesModifications",
    # Launch templates (src/VpcLab.ControlPlane/LaunchTemplates/)
    "CreateLaunchTemplate", "CreateLaunchTemplateVersion", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions",
    "ModifyLaunchTemplate", "DeleteLaunchTemplate", "DeleteLaunchTemplateVersions", "GetLaunchTemplateData",
    # Subnet CIDR reservations (src/VpcLab.ControlPlane/Subnets/)
    "CreateSubnetCidrReservation", "GetSubnetCidrReservations", "DeleteSubnetCidrReservation",
    # Tags
    "CreateTags", "DeleteTags", "DescribeTags",
    # DHCP options
    "CreateDhcpOptions", "DeleteDhcpOptions", "DescribeDhcpOptions", "AssociateDhcpOptions",
    # Endpoints and prefix lists
    "CreateVpcEndpoint", "DeleteVpcEndpoints", "DescribeVpcEndpoints", "ModifyVpcEndpoint",
    "DescribeVpcEndpointServices", "DescribePrefixLists", "CreateManagedPrefixList",
    "DeleteManagedPrefixList", "DescribeManagedPrefixLists", "ModifyManagedPrefixList",
    "GetManagedPrefixListEntries",
    # Endpoint services: the provider side of PrivateLink (src/VpcLab.ControlPlane/VpcEndpointServices/)
    "CreateVpcEndpointServiceConfiguration", "DescribeVpcEndpointServiceConfigurations",
    "ModifyVpcEndpointServiceConfiguration", "DeleteVpcEndpointServiceConfigurations",
    "ModifyVpcEndpointServicePermissions", "DescribeVpcEndpointServicePermissions",
    "AcceptVpcEndpointConnections", "RejectVpcEndpointConnections", "DescribeVpcEndpointConnections",
    "StartVpcEndpointServicePrivateDnsVerification",
    # Peering
    "CreateVpcPeeringConnection", "AcceptVpcPeeringConnection", "RejectVpcPeeringConnection",
    "DeleteVpcPeeringConnection", "DescribeVpcPeeringConnections",
    "ModifyVpcPeeringConnectionOptions",
    # Flow logs
    "CreateFlowLogs", "DeleteFlowLogs", "DescribeFlowLogs",
    # Reachability Analyzer
    "CreateNetworkInsightsPath", "DeleteNetworkInsightsPath", "DescribeNetworkInsightsPaths",
    "StartNetworkInsightsAnalysis", "DescribeNetworkInsightsAnalyses", "DeleteNetworkInsightsAnalysis",
    # Network Access Analyzer (src/VpcLab.Analysis/AccessScopes/)
    "CreateNetworkInsightsAccessScope", "DescribeNetworkInsightsAccessScopes", "GetNetworkInsightsAccessScopeContent",
    "DeleteNetworkInsightsAccessScope", "StartNetworkInsightsAccessScopeAnalysis",
    "DescribeNetworkInsightsAccessScopeAnalyses", "GetNetworkInsightsAccessScopeAnalysisFindings",
    "DeleteNetworkInsightsAccessScopeAnalysis",
]

DEFAULT_SOURCE_GLOB = "/root/.pyenv/versions/*/lib/python3*/site-packages/botocore/data/ec2/2016-11-15/service-2.json.gz"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "..", "src", "VpcLab.Server", "Protocol", "Model", "ec2-subset.json")


def keep_shape(name, shape):
    if shape["type"] == "map":
        sys.exit(f"shape {name} is a map; the server's parser does not implement maps yet")
    return shape


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else None
    if source is None:
        matches = sorted(glob.glob(DEFAULT_SOURCE_GLOB))
        if not matches:
            sys.exit("botocore's EC2 service-2.json.gz not found; pass its path")
        source = matches[-1]
    output = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUTPUT
    model = botocore_subset.load_model(source)

    botocore_subset.require_operations(model, OPERATIONS)
    if len(set(OPERATIONS)) != len(OPERATIONS):
        sys.exit("duplicate operation in OPERATIONS")

    operations, shapes = botocore_subset.walk(model, OPERATIONS, keep_shape=keep_shape)
    names = botocore_subset.write_subset(model, operations, shapes, output, "ec2-operation-names.txt")
    print(f"{source}: {len(operations)} operations, {len(shapes)} shapes -> {output}; {len(model['operations'])} names -> {names}")


if __name__ == "__main__":
    main()
