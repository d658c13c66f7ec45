#!/usr/bin/env python3
"""Extract the subset of botocore's Elastic Load Balancing v2 service model that VpcLab's server implements.

Reads botocore's data/elbv2/2015-12-01/service-2.json(.gz) (Apache-2.0), keeps the operations listed below and
every shape they reach, drops every "documentation" key, and writes
src/VpcLab.Server/Protocol/Model/elbv2-subset.json (the same shape as ec2-subset.json, see extract-ec2-model.py),
plus elbv2-operation-names.txt (every ELBv2 operation, so an action AWS has but VpcLab lacks is 501).

Usage: python3 tools/extract-elbv2-model.py path/to/elbv2/service-2.json[.gz] [output.json]
"""
import os
import sys

import botocore_subset

OPERATIONS = [
    "CreateLoadBalancer", "DescribeLoadBalancers", "DeleteLoadBalancer",
    "DescribeLoadBalancerAttributes", "ModifyLoadBalancerAttributes",
    "CreateTargetGroup", "DescribeTargetGroups", "DeleteTargetGroup",
    "DescribeTargetGroupAttributes", "ModifyTargetGroupAttributes",
    "RegisterTargets", "DeregisterTargets", "DescribeTargetHealth",
    "CreateListener", "DescribeListeners", "DeleteListener",
]

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "..", "src", "VpcLab.Server", "Protocol", "Model", "elbv2-subset.json")


def keep_operation(op):
    op.pop("errors", None)
    return op


def keep_shape_of(model):
    def keep_shape(name, shape):
        if shape.get("exception"):
            return None
        # Maps appear only in Application Load Balancer authentication actions (Cognito/OIDC extra parameters);
        # the server's parser has no maps, so those members are left out of the subset.
        if "members" in shape:
            shape["members"] = {k: v for k, v in shape["members"].items()
                                if model["shapes"][v["shape"]]["type"] != "map"}
        return shape
    return keep_shape


def main():
    if len(sys.argv) < 2:
        sys.exit("pass the path of botocore's elbv2 service-2.json")
    source = sys.argv[1]
    output = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUTPUT
    model = botocore_subset.load_model(source)
    botocore_subset.require_operations(model, OPERATIONS)
    operations, shapes = botocore_subset.walk(model, OPERATIONS, keep_operation, keep_shape_of(model))
    botocore_subset.write_subset(model, operations, shapes, output, "elbv2-operation-names.txt")
    print(f"{source}: {len(operations)} operations, {len(shapes)} shapes -> {output}")


if __name__ == "__main__":
    main()
