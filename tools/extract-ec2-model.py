#!/usr/bin/env python3
"""Extract the subset of botocore's EC2 service model that VpcLab's server implements.

Reads botocore's data/ec2/2016-11-15/service-2.json(.gz) (Apache-2.0), keeps the operations listed
below and every shape they reach transitively, drops every "documentation" key, and writes
src/VpcLab.Server/Protocol/Model/ec2-subset.json (operations and shapes sorted by name; members in model order).

It also writes ec2-operation-names.txt beside the output: the name of every EC2 operation in the model, one per
line, so the server can tell an action AWS has but VpcLab lacks (501 NotImplemented) from one that does not exist
(InvalidAction).

Usage: python3 tools/extract-ec2-model.py [path/to/service-2.json.gz] [output.json]
Only the Python standard library is used; botocore need not be importable.
"""
import glob
import gzip
import json
import os
import sys

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
    "ModifyInstanceAttribute", "DescribeInstanceAttribute",
    # Public AMI catalogue (src/VpcLab.ControlPlane/Images/)
    "DescribeImages",
    # Key pairs (src/VpcLab.ControlPlane/KeyPairs/)
    "CreateKeyPair", "ImportKeyPair", "DescribeKeyPairs", "DeleteKeyPair",
    # Instance types (src/VpcLab.ControlPlane/InstanceTypes/)
    "DescribeInstanceTypes", "DescribeInstanceTypeOfferings",
    # Instance status and CPU credits (src/VpcLab.ControlPlane/InstanceStatus/)
    "DescribeInstanceStatus", "DescribeInstanceCreditSpecifications",
    # Tags
    "CreateTags", "DeleteTags", "DescribeTags",
    # DHCP options
    "CreateDhcpOptions", "DeleteDhcpOptions", "DescribeDhcpOptions", "AssociateDhcpOptions",
    # Endpoints and prefix lists
    "CreateVpcEndpoint", "DeleteVpcEndpoints", "DescribeVpcEndpoints", "ModifyVpcEndpoint",
    "DescribeVpcEndpointServices", "DescribePrefixLists", "CreateManagedPrefixList",
    "DeleteManagedPrefixList", "DescribeManagedPrefixLists", "ModifyManagedPrefixList",
    "GetManagedPrefixListEntries",
    # Peering
    "CreateVpcPeeringConnection", "AcceptVpcPeeringConnection", "RejectVpcPeeringConnection",
    "DeleteVpcPeeringConnection", "DescribeVpcPeeringConnections",
    "ModifyVpcPeeringConnectionOptions",
    # Flow logs
    "CreateFlowLogs", "DeleteFlowLogs", "DescribeFlowLogs",
    # Reachability Analyzer
    "CreateNetworkInsightsPath", "DeleteNetworkInsightsPath", "DescribeNetworkInsightsPaths",
    "StartNetworkInsightsAnalysis", "DescribeNetworkInsightsAnalyses", "DeleteNetworkInsightsAnalysis",
]

DEFAULT_SOURCE_GLOB = "/root/.pyenv/versions/*/lib/python3*/site-packages/botocore/data/ec2/2016-11-15/service-2.json.gz"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "..", "src", "VpcLab.Server", "Protocol", "Model", "ec2-subset.json")


def strip_docs(node):
    if isinstance(node, dict):
        return {k: strip_docs(v) for k, v in node.items() if k != "documentation"}
    if isinstance(node, list):
        return [strip_docs(v) for v in node]
    return node


def referenced_shapes(shape):
    if "members" in shape:
        for member in shape["members"].values():
            yield member["shape"]
    for key in ("member", "key", "value"):
        if key in shape:
            yield shape[key]["shape"]


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else None
    if source is None:
        matches = sorted(glob.glob(DEFAULT_SOURCE_GLOB))
        if not matches:
            sys.exit("botocore's EC2 service-2.json.gz not found; pass its path")
        source = matches[-1]
    output = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUTPUT
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8") as f:
        model = json.load(f)

    missing = [op for op in OPERATIONS if op not in model["operations"]]
    if missing:
        sys.exit(f"operations not in the model: {missing}")
    if len(set(OPERATIONS)) != len(OPERATIONS):
        sys.exit("duplicate operation in OPERATIONS")

    operations = {}
    pending = []
    for name in OPERATIONS:
        op = strip_docs(model["operations"][name])
        operations[name] = op
        for io in ("input", "output"):
            if io in op:
                pending.append(op[io]["shape"])
    shapes = {}
    while pending:
        name = pending.pop()
        if name in shapes:
            continue
        shape = strip_docs(model["shapes"][name])
        if shape["type"] == "map":
            sys.exit(f"shape {name} is a map; the server's parser does not implement maps yet")
        shapes[name] = shape
        pending.extend(referenced_shapes(shape))

    subset = {
        "version": model.get("version", "2.0"),
        "metadata": model["metadata"],
        "operations": dict(sorted(operations.items())),
        "shapes": dict(sorted(shapes.items())),
    }
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        # Top-level names sorted so re-runs diff cleanly; members keep the model's order, which is the
        # order AWS writes response elements in.
        json.dump(subset, f, indent=None, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    names = os.path.join(os.path.dirname(output), "ec2-operation-names.txt")
    with open(names, "w", encoding="utf-8") as f:
        f.write("".join(name + "\n" for name in sorted(model["operations"])))
    print(f"{source}: {len(operations)} operations, {len(shapes)} shapes -> {output}; {len(model['operations'])} names -> {names}")


if __name__ == "__main__":
    main()
