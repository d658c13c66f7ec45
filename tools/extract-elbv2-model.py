#!/usr/bin/env python3
"""Extract the subset of botocore's Elastic Load Balancing v2 service model that VpcLab's server implements.

Reads botocore's data/elbv2/2015-12-01/service-2.json(.gz) (Apache-2.0), keeps the operations listed below and
every shape they reach, drops every "documentation" key, and writes
src/VpcLab.Server/Protocol/Model/elbv2-subset.json (the same shape as ec2-subset.json, see extract-ec2-model.py),
plus elbv2-operation-names.txt (every ELBv2 operation, so an action AWS has but VpcLab lacks is 501).

Usage: python3 tools/extract-elbv2-model.py path/to/elbv2/service-2.json[.gz] [output.json]
"""
import gzip
import json
import os
import sys

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
    if len(sys.argv) < 2:
        sys.exit("pass the path of botocore's elbv2 service-2.json")
    source = sys.argv[1]
    output = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUTPUT
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8") as f:
        model = json.load(f)
    missing = [op for op in OPERATIONS if op not in model["operations"]]
    if missing:
        sys.exit(f"operations not in the model: {missing}")
    operations = {}
    pending = []
    for name in OPERATIONS:
        op = strip_docs(model["operations"][name])
        op.pop("errors", None)
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
        if shape.get("exception"):
            continue
        # Maps appear only in Application Load Balancer authentication actions (Cognito/OIDC extra parameters);
        # the server's parser has no maps, so those members are left out of the subset.
        if "members" in shape:
            shape["members"] = {k: v for k, v in shape["members"].items()
                                if model["shapes"][v["shape"]]["type"] != "map"}
        shapes[name] = shape
        pending.extend(referenced_shapes(shape))
    subset = {
        "version": model.get("version", "2.0"),
        "metadata": model["metadata"],
        "operations": dict(sorted(operations.items())),
        "shapes": dict(sorted(shapes.items())),
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(subset, f, indent=None, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    names = os.path.join(os.path.dirname(output), "elbv2-operation-names.txt")
    with open(names, "w", encoding="utf-8") as f:
        f.write("".join(name + "\n" for name in sorted(model["operations"])))
    print(f"{source}: {len(operations)} operations, {len(shapes)} shapes -> {output}")


if __name__ == "__main__":
    main()
