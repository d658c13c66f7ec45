#!/usr/bin/env python3
"""The end-to-end API workload, driven with boto3 against any EC2-compatible endpoint (vpclab serve, moto).

Create N VPCs (tagged), each with 2 subnets in two AZs, a route table and a security group with one ingress
rule (6 requests per VPC); then filtered describes per VPC: subnets, route tables and security groups by
vpc-id, VPCs by tag (4 requests per VPC). Prints one JSON line with the timings.

    workload.py --endpoint http://127.0.0.1:4566 --label vpclab [--vpcs 200] [--threads 1]

With --threads T the VPCs are split among T threads, each with its own boto3 client, to see how much of the
sequential time is the Python client itself.
"""
import argparse
import json
import threading
import time

import boto3
from botocore.config import Config


def client(endpoint, account):
    return boto3.session.Session().client(
        "ec2", endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id=account, aws_secret_access_key="bench-not-a-secret",
        config=Config(retries={"max_attempts": 0}, max_pool_connections=4))


def create(ec2, i):
    vpc = ec2.create_vpc(CidrBlock=f"10.{i % 250}.0.0/16", TagSpecifications=[
        {"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": f"bench-{i}"}, {"Key": "bench", "Value": "api"}]}])["Vpc"]["VpcId"]
    ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.{i % 250}.1.0/24", AvailabilityZone="us-east-1a")
    ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.{i % 250}.2.0/24", AvailabilityZone="us-east-1b")
    ec2.create_route_table(VpcId=vpc)
    sg = ec2.create_security_group(VpcId=vpc, GroupName=f"web-{i}", Description="bench")["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    return vpc


def describe(ec2, i, vpc):
    by_vpc = [{"Name": "vpc-id", "Values": [vpc]}]
    assert len(ec2.describe_subnets(Filters=by_vpc)["Subnets"]) == 2
    assert len(ec2.describe_route_tables(Filters=by_vpc)["RouteTables"]) == 2  # main + created
    assert len(ec2.describe_security_groups(Filters=by_vpc)["SecurityGroups"]) == 2  # default + created
    assert [v["VpcId"] for v in ec2.describe_vpcs(Filters=[{"Name": "tag:Name", "Values": [f"bench-{i}"]}])["Vpcs"]] == [vpc]


def run_phase(threads, work):
    errors = []

    def worker(t):
        try:
            work(t)
        except Exception as e:  # noqa: BLE001 - reported, fails the run
            errors.append(repr(e))

    pool = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    start = time.perf_counter()
    for p in pool:
        p.start()
    for p in pool:
        p.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise SystemExit(f"workload failed: {errors[0]}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--vpcs", type=int, default=200)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--account", default="111111111111")
    args = parser.parse_args()

    clients = [client(args.endpoint, args.account) for _ in range(args.threads)]
    clients[0].describe_availability_zones()  # warm-up: boto3 loads its models, the server JITs
    mine = [list(range(t, args.vpcs, args.threads)) for t in range(args.threads)]
    vpcs = {}

    def creates(t):
        for i in mine[t]:
            vpcs[i] = create(clients[t], i)

    def describes(t):
        for i in mine[t]:
            describe(clients[t], i, vpcs[i])

    create_s = run_phase(args.threads, creates)
    describe_s = run_phase(args.threads, describes)
    creates_n, describes_n = 6 * args.vpcs, 4 * args.vpcs
    print(json.dumps({
        "label": args.label, "client": f"boto3 x{args.threads}", "vpcs": args.vpcs,
        "create_requests": creates_n, "create_s": round(create_s, 3), "create_rps": round(creates_n / create_s, 1),
        "describe_requests": describes_n, "describe_s": round(describe_s, 3), "describe_rps": round(describes_n / describe_s, 1),
        "total_s": round(create_s + describe_s, 3), "total_rps": round((creates_n + describes_n) / (create_s + describe_s), 1),
    }))


if __name__ == "__main__":
    main()
