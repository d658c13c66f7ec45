#!/usr/bin/env bash
# One realistic VPC story driven with the AWS CLI against a running `vpclab serve`:
# build a two-AZ VPC with every kind of networking resource, describe it with filters and pagination, provoke
# AWS's errors, then tear it all down in dependency order. Every step's output is checked (--query and
# --output text, no jq); the first failure stops the script with a message naming the step.
#
#   tests/cli/aws-cli-story.sh http://127.0.0.1:4566              # CLI v2 (/usr/bin/aws) by default
#   AWS=aws tests/cli/aws-cli-story.sh http://127.0.0.1:4566      # CLI v1 (pyenv's aws on PATH)
#
# STORY_ACCESS_KEY (default 222222222222) picks the account: a 12-digit access key is the account id, so
# several runs can share one server without seeing each other's resources.
# STORY_SCOPE=client stops before the tear-down: the CLI v1 run (AwsCliV1StoryTests) keeps the steps where a
# client can differ (shorthand arguments, filters, pagination tokens, text output, error exit codes, S3), while
# the tear-down's plain deletes by id are the server's rules, which the full (v2) run checks.
set -euo pipefail

ENDPOINT=${1:?usage: aws-cli-story.sh ENDPOINT_URL (e.g. http://127.0.0.1:4566)}
AWS=${AWS:-/usr/bin/aws}

# Nothing from this machine's AWS set-up may leak in: fake credentials, no config files, no metadata
# service, no pager.
export AWS_ACCESS_KEY_ID=${STORY_ACCESS_KEY:-222222222222}
export AWS_SECRET_ACCESS_KEY=vpclab-story-not-a-secret
export AWS_DEFAULT_REGION=${STORY_REGION:-us-east-1}
export AWS_REGION=$AWS_DEFAULT_REGION
export AWS_EC2_METADATA_DISABLED=true
export AWS_PAGER=""
export AWS_CONFIG_FILE=/dev/null
export AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ENDPOINT_URL AWS_CA_BUNDLE || true

STORY_SCOPE=${STORY_SCOPE:-full}
case "$STORY_SCOPE" in full|client) ;; *) echo "aws-cli-story: STORY_SCOPE must be full or client" >&2; exit 2 ;; esac

STEP="start"
ERR=$(mktemp)
trap 'rm -f "$ERR"' EXIT

step() { STEP="$*"; echo "-- $STEP" >&2; }
fail() { echo "aws-cli-story: FAILED at step '$STEP': $*" >&2; exit 1; }

command -v "$AWS" >/dev/null 2>&1 || fail "no AWS CLI at '$AWS' (apt-get install awscli for v2)"
VERSION=$("$AWS" --version 2>&1) || fail "'$AWS --version' failed: $VERSION"
case "$VERSION" in
  aws-cli/2.*) ERROR_EXIT=254 ;; # v2: the service answered with an error
  aws-cli/1.*) ERROR_EXIT=255 ;; # v1: every failure
  *) fail "unknown AWS CLI version: $VERSION" ;;
esac
echo "aws-cli-story: $VERSION against $ENDPOINT" >&2

# ec2 ARGS...: one call; prints its text output, fails the step with stderr and exit code when it fails.
ec2() {
  local out rc=0
  out=$("$AWS" --endpoint-url "$ENDPOINT" --output text ec2 "$@" 2>"$ERR") || rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "aws ec2 $1 exited with $rc: $(tr '\n' ' ' <"$ERR")"
  fi
  printf '%s\n' "$out"
}

# expect ACTUAL EXPECTED: exact match after trimming trailing whitespace.
expect() {
  local actual=${1%"${1##*[![:space:]]}"} expected=$2
  [ "$actual" = "$expected" ] || fail "expected '$expected', got '$actual'"
}

# expect_match ACTUAL REGEX
expect_match() {
  [[ $1 =~ $2 ]] || fail "expected output matching /$2/, got '$1'"
}

# expect_error CODE ARGS...: the call must fail with AWS's error CODE and the CLI's service-error exit code.
expect_error() {
  local code=$1 rc=0
  shift
  "$AWS" --endpoint-url "$ENDPOINT" --output text ec2 "$@" >/dev/null 2>"$ERR" || rc=$?
  [ "$rc" -eq "$ERROR_EXIT" ] || fail "aws ec2 $1: expected exit code $ERROR_EXIT with error $code, got $rc: $(tr '\n' ' ' <"$ERR")"
  grep -q "($code)" "$ERR" || fail "aws ec2 $1: expected error ($code), got: $(tr '\n' ' ' <"$ERR")"
}

# words TEXT: the whitespace-separated words of text output, sorted, on one line. With pagination, text
# output applies --query to every page fetched, and an empty one prints "None": not a word.
words() { tr -s '[:space:]' '\n' <<<"$1" | sed '/^$/d; /^None$/d' | sort | tr '\n' ' ' | sed 's/ $//'; }
count() { tr -s '[:space:]' '\n' <<<"$1" | sed '/^$/d; /^None$/d' | wc -l | tr -d ' '; }

RUN=$RANDOM$RANDOM # keeps tag values unique if the story runs twice on one server

# ---------------------------------------------------------------------------------------------- build
step "create-vpc with tags"
VPC=$(ec2 create-vpc --cidr-block 10.42.0.0/16 \
  --tag-specifications "ResourceType=vpc,Tags=[{Key=Name,Value=story-$RUN},{Key=team,Value=net}]" \
  --query Vpc.VpcId)
expect_match "$VPC" '^vpc-[0-9a-f]{17}$'
expect "$(ec2 describe-vpcs --vpc-ids "$VPC" --query 'Vpcs[0].[CidrBlock,State]')" $'10.42.0.0/16\tavailable'

step "describe-availability-zones"
read -r AZ1 AZ2 _ <<<"$(ec2 describe-availability-zones --query 'AvailabilityZones[].ZoneName' | tr '\t' ' ')"
expect_match "$AZ1 $AZ2" "^${AWS_DEFAULT_REGION}[a-z] ${AWS_DEFAULT_REGION}[a-z]$"

step "create-subnet in $AZ1 and $AZ2"
PUBLIC=$(ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.42.1.0/24 --availability-zone "$AZ1" \
  --tag-specifications "ResourceType=subnet,Tags=[{Key=Name,Value=public-$RUN},{Key=tier,Value=public}]" \
  --query Subnet.SubnetId)
PRIVATE=$(ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.42.2.0/24 --availability-zone "$AZ2" \
  --tag-specifications "ResourceType=subnet,Tags=[{Key=Name,Value=private-$RUN},{Key=tier,Value=private}]" \
  --query Subnet.SubnetId)
expect_match "$PUBLIC $PRIVATE" '^subnet-[0-9a-f]{17} subnet-[0-9a-f]{17}$'
expect "$(ec2 describe-subnets --subnet-ids "$PRIVATE" --query 'Subnets[0].[AvailabilityZone,AvailableIpAddressCount]')" \
  "$AZ2"$'\t251'

step "create-internet-gateway and attach-internet-gateway"
IGW=$(ec2 create-internet-gateway --query InternetGateway.InternetGatewayId)
expect_match "$IGW" '^igw-[0-9a-f]{17}$'
ec2 attach-internet-gateway --internet-gateway-id "$IGW" --vpc-id "$VPC" >/dev/null
expect "$(ec2 describe-internet-gateways --internet-gateway-ids "$IGW" --query 'InternetGateways[0].Attachments[0].[VpcId,State]')" \
  "$VPC"$'\tavailable'

step "create-route-table, create-route to the internet gateway, associate-route-table"
RTB=$(ec2 create-route-table --vpc-id "$VPC" --query RouteTable.RouteTableId)
expect_match "$RTB" '^rtb-[0-9a-f]{17}$'
expect "$(ec2 create-route --route-table-id "$RTB" --destination-cidr-block 0.0.0.0/0 --gateway-id "$IGW" --query Return)" True
RTB_ASSOC=$(ec2 associate-route-table --route-table-id "$RTB" --subnet-id "$PUBLIC" --query AssociationId)
expect_match "$RTB_ASSOC" '^rtbassoc-[0-9a-f]{17}$'
expect "$(ec2 describe-route-tables --route-table-ids "$RTB" \
  --query 'RouteTables[0].Routes[?DestinationCidrBlock==`0.0.0.0/0`].[GatewayId,State]')" "$IGW"$'\tactive'

step "create-vpc-endpoint (S3 gateway on the route table), describe-route-tables shows pl- -> vpce-"
S3_SERVICE="com.amazonaws.$AWS_DEFAULT_REGION.s3"
VPCE=$(ec2 create-vpc-endpoint --vpc-id "$VPC" --service-name "$S3_SERVICE" --vpc-endpoint-type Gateway \
  --route-table-ids "$RTB" --tag-specifications "ResourceType=vpc-endpoint,Tags=[{Key=Name,Value=s3-$RUN}]" \
  --query VpcEndpoint.VpcEndpointId)
expect_match "$VPCE" '^vpce-[0-9a-f]{17}$'
expect_match "$(ec2 describe-route-tables --route-table-ids "$RTB" \
  --query 'RouteTables[0].Routes[?DestinationPrefixListId].[DestinationPrefixListId,GatewayId,State]')" "^pl-[0-9a-f]+"$'\t'"$VPCE"$'\tactive$'
expect "$(ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=$VPC" Name=vpc-endpoint-type,Values=Gateway \
  --query 'VpcEndpoints[].[VpcEndpointId,State,ServiceName]')" "$VPCE"$'\tavailable\t'"$S3_SERVICE"
expect_error InvalidPolicyDocument create-vpc-endpoint --vpc-id "$VPC" --service-name "$S3_SERVICE" \
  --route-table-ids "$RTB" --policy-document '{"Statement": ['

step "create-security-group and authorize-security-group-ingress"
SG=$(ec2 create-security-group --vpc-id "$VPC" --group-name "web-$RUN" --description "story web tier" --query GroupId)
expect_match "$SG" '^sg-[0-9a-f]{17}$'
expect "$(ec2 authorize-security-group-ingress --group-id "$SG" \
  --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0,Description=https}]' \
                   'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=10.42.0.0/16}]' \
  --query Return)" True
expect "$(ec2 describe-security-groups --group-ids "$SG" --query 'sort(SecurityGroups[0].IpPermissions[].FromPort)')" $'22\t443'

step "create-network-acl, create-network-acl-entry, replace-network-acl-association"
ACL=$(ec2 create-network-acl --vpc-id "$VPC" --query NetworkAcl.NetworkAclId)
expect_match "$ACL" '^acl-[0-9a-f]{17}$'
ec2 create-network-acl-entry --network-acl-id "$ACL" --rule-number 100 --protocol tcp --port-range From=443,To=443 \
  --cidr-block 0.0.0.0/0 --rule-action allow --ingress >/dev/null
ec2 create-network-acl-entry --network-acl-id "$ACL" --rule-number 100 --protocol -1 \
  --cidr-block 0.0.0.0/0 --rule-action allow --egress >/dev/null
OLD_ACL_ASSOC=$(ec2 describe-network-acls --filters "Name=association.subnet-id,Values=$PUBLIC" \
  --query "NetworkAcls[0].Associations[?SubnetId=='$PUBLIC'].NetworkAclAssociationId")
expect_match "$OLD_ACL_ASSOC" '^aclassoc-[0-9a-f]{17}$'
ACL_ASSOC=$(ec2 replace-network-acl-association --association-id "$OLD_ACL_ASSOC" --network-acl-id "$ACL" --query NewAssociationId)
expect_match "$ACL_ASSOC" '^aclassoc-[0-9a-f]{17}$'
expect "$(ec2 describe-network-acls --network-acl-ids "$ACL" \
  --query 'NetworkAcls[0].[Associations[0].SubnetId, length(Entries[?RuleNumber==`100`])]')" "$PUBLIC"$'\t2'

step "allocate-address and create-nat-gateway"
EIP=$(ec2 allocate-address --domain vpc --query AllocationId)
expect_match "$EIP" '^eipalloc-[0-9a-f]{17}$'
NAT=$(ec2 create-nat-gateway --subnet-id "$PUBLIC" --allocation-id "$EIP" --query NatGateway.NatGatewayId)
expect_match "$NAT" '^nat-[0-9a-f]{17}$'
expect "$(ec2 describe-nat-gateways --nat-gateway-ids "$NAT" --query 'NatGateways[0].[VpcId,SubnetId]')" "$VPC"$'\t'"$PUBLIC"

step "create-egress-only-internet-gateway"
EIGW=$(ec2 create-egress-only-internet-gateway --vpc-id "$VPC" --query EgressOnlyInternetGateway.EgressOnlyInternetGatewayId)
expect_match "$EIGW" '^eigw-[0-9a-f]{17}$'

step "create-network-interface"
ENI=$(ec2 create-network-interface --subnet-id "$PRIVATE" --groups "$SG" --private-ip-address 10.42.2.10 \
  --description "story eni" --query NetworkInterface.NetworkInterfaceId)
expect_match "$ENI" '^eni-[0-9a-f]{17}$'
expect "$(ec2 describe-network-interfaces --network-interface-ids "$ENI" --query 'NetworkInterfaces[0].[PrivateIpAddress,Status]')" \
  $'10.42.2.10\tavailable'

# Flow logs: a VPC's to S3 (custom format, Parquet, 60 s), a subnet's to CloudWatch Logs (REJECT), an
# interface's to S3 (goes with the interface).
FL_BUCKET="arn:aws:s3:::story-logs-$RUN"
FL_ROLE="arn:aws:iam::123456789012:role/flow-logs"
# The bucket first: CreateFlowLogs refuses one that does not exist (LogDestinationNotFoundException).
step "s3api create-bucket, create-flow-logs to S3 (VPC), CloudWatch Logs (subnet) and S3 (interface)"
"$AWS" --endpoint-url "$ENDPOINT" s3api create-bucket --bucket "story-logs-$RUN" >/dev/null 2>"$ERR" || fail "create-bucket: $(cat "$ERR")"
FL_VPC=$(ec2 create-flow-logs --resource-type VPC --resource-ids "$VPC" --traffic-type ALL \
  --log-destination-type s3 --log-destination "$FL_BUCKET/vpc/" \
  --log-format '${version} ${vpc-id} ${srcaddr} ${dstaddr} ${action} ${flow-direction}' --max-aggregation-interval 60 \
  --destination-options FileFormat=parquet,HiveCompatiblePartitions=true,PerHourPartition=false \
  --tag-specifications "ResourceType=vpc-flow-log,Tags=[{Key=Name,Value=story-$RUN}]" \
  --query 'FlowLogIds[0]')
expect_match "$FL_VPC" '^fl-[0-9a-f]{17}$'
FL_SUBNET=$(ec2 create-flow-logs --resource-type Subnet --resource-ids "$PRIVATE" --traffic-type REJECT \
  --log-group-name "story-$RUN" --deliver-logs-permission-arn "$FL_ROLE" --query 'FlowLogIds[0]')
expect_match "$FL_SUBNET" '^fl-[0-9a-f]{17}$'
FL_ENI=$(ec2 create-flow-logs --resource-type NetworkInterface --resource-ids "$ENI" --traffic-type ACCEPT \
  --log-destination-type s3 --log-destination "$FL_BUCKET" --query 'FlowLogIds[0]')
expect_match "$FL_ENI" '^fl-[0-9a-f]{17}$'

step "describe-flow-logs --filter resource-id, traffic-type, tag:Name"
expect "$(ec2 describe-flow-logs --filter "Name=resource-id,Values=$VPC" \
  --query 'FlowLogs[0].[FlowLogId,LogDestinationType,MaxAggregationInterval,DestinationOptions.FileFormat,FlowLogStatus]')" \
  "$FL_VPC"$'\ts3\t60\tparquet\tACTIVE'
expect "$(ec2 describe-flow-logs --filter Name=traffic-type,Values=REJECT "Name=resource-id,Values=$PRIVATE" \
  --query 'FlowLogs[].[FlowLogId,LogGroupName,LogDestinationType]')" "$FL_SUBNET"$'\tstory-'"$RUN"$'\tcloud-watch-logs'
expect "$(ec2 describe-flow-logs --filter "Name=tag:Name,Values=story-$RUN" --query 'FlowLogs[].FlowLogId')" "$FL_VPC"
expect "$(words "$(ec2 describe-flow-logs --flow-log-ids "$FL_VPC" "$FL_ENI" --query 'FlowLogs[].FlowLogId')")" "$(words "$FL_VPC $FL_ENI")"

step "create-flow-logs for the same subnet, traffic type and group: FlowLogAlreadyExists in Unsuccessful"
expect "$(ec2 create-flow-logs --resource-type Subnet --resource-ids "$PRIVATE" --traffic-type REJECT \
  --log-group-name "story-$RUN" --deliver-logs-permission-arn "$FL_ROLE" --query 'Unsuccessful[0].[ResourceId,Error.Code]')" \
  "$PRIVATE"$'\tFlowLogAlreadyExists'

step "create-flow-logs with a bad interval, an unknown field, no destination: InvalidParameter"
expect_error InvalidParameter create-flow-logs --resource-type VPC --resource-ids "$VPC" --traffic-type ALL \
  --log-destination-type s3 --log-destination "$FL_BUCKET/bad/" --max-aggregation-interval 120
expect_error InvalidParameter create-flow-logs --resource-type VPC --resource-ids "$VPC" --traffic-type ALL \
  --log-destination-type s3 --log-destination "$FL_BUCKET/bad/" --log-format '${version} ${no-such-field}'
expect_error InvalidParameter create-flow-logs --resource-type VPC --resource-ids "$VPC" --traffic-type ALL \
  --deliver-logs-permission-arn "$FL_ROLE"

step "delete-flow-logs (the subnet's, and an unknown id: InvalidFlowLogId.NotFound in Unsuccessful)"
expect "$(ec2 delete-flow-logs --flow-log-ids "$FL_SUBNET" fl-0123456789abcdef0 --query 'Unsuccessful[].[ResourceId,Error.Code]')" \
  $'fl-0123456789abcdef0\tInvalidFlowLogId.NotFound'
expect "$(ec2 describe-flow-logs --flow-log-ids "$FL_SUBNET" --query 'length(FlowLogs)')" 0

step "run-instances (6 instances in the private subnet)"
INSTANCES=$(ec2 run-instances --image-id ami-0fc50b841d13a3d05 --instance-type t3.micro --count 6 \
  --subnet-id "$PRIVATE" --security-group-ids "$SG" \
  --tag-specifications "ResourceType=instance,Tags=[{Key=Name,Value=app-$RUN}]" \
  --query 'Instances[].InstanceId')
expect "$(count "$INSTANCES")" 6

# Traffic (VpcLab's own action) between two of them, then the VPC's flow log read back as S3 objects.
step "POST /_vpclab/traffic, s3api list-objects-v2 and get-object of the flow log"
read -r FROM_I TO_I _ <<<"$INSTANCES"
TRAFFIC=$(curl -sS -X POST "$ENDPOINT/_vpclab/traffic" -H 'content-type: application/json' \
  -d "{\"workloads\": \"workloads:\\n  - { name: ssh, from: $FROM_I, to: $TO_I, protocol: tcp, port: 22, connections: 3 }\\n\", \"duration\": \"5m\"}")
expect_match "$TRAFFIC" '"established":3'
KEYS=$("$AWS" --endpoint-url "$ENDPOINT" --output text s3api list-objects-v2 --bucket "story-logs-$RUN" \
  --prefix vpc/AWSLogs/aws-account-id=$AWS_ACCESS_KEY_ID/aws-service=vpcflowlogs/ --query 'Contents[].Key' 2>"$ERR") || fail "list-objects-v2: $(cat "$ERR")"
expect_match "$KEYS" "_vpcflowlogs_${AWS_DEFAULT_REGION}_${FL_VPC}_[0-9]{8}T[0-9]{4}Z_[0-9a-f]{8}\\.log\\.parquet"
FIRST_KEY=$(tr -s '[:space:]' '\n' <<<"$KEYS" | sed '/^$/d' | head -n 1)
PARQUET="$ERR.parquet"
"$AWS" --endpoint-url "$ENDPOINT" s3api get-object --bucket "story-logs-$RUN" --key "$FIRST_KEY" "$PARQUET" >/dev/null 2>"$ERR" \
  || fail "get-object: $(cat "$ERR")"
[ "$(head -c 4 "$PARQUET")" = PAR1 ] || fail "the flow log object is not a Parquet file"
rm -f "$PARQUET"

# ---------------------------------------------------------------------------------------------- describe
step "describe-subnets --filters Name=vpc-id"
expect "$(words "$(ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC" --query 'Subnets[].SubnetId')")" \
  "$(words "$PUBLIC $PRIVATE")"

step "describe-vpcs and describe-subnets by tag"
expect "$(ec2 describe-vpcs --filters "Name=tag:Name,Values=story-$RUN" --query 'Vpcs[].VpcId')" "$VPC"
expect "$(ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC" Name=tag:tier,Values=private --query 'Subnets[].SubnetId')" "$PRIVATE"
expect "$(ec2 describe-vpcs --filters Name=tag-key,Values=team "Name=tag:Name,Values=story-$RUN" "Name=cidr,Values=10.42.0.0/16" --query 'length(Vpcs)')" 1

step "describe-instances --filters Name=subnet-id"
expect "$(words "$(ec2 describe-instances --filters "Name=subnet-id,Values=$PRIVATE" --query 'Reservations[].Instances[].InstanceId')")" \
  "$(words "$INSTANCES")"

# 6 instance interfaces, the standalone one and the NAT gateway's: 8 interfaces, more than a page of 5.
step "describe-network-interfaces --page-size 5 (the CLI follows NextToken)"
ALL_ENIS=$(ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$VPC" --page-size 5 --query 'NetworkInterfaces[].NetworkInterfaceId')
expect "$(count "$ALL_ENIS")" 8

step "describe-network-interfaces --max-items 3, then --starting-token"
# In text mode the CLI applies --query to each page it fetched: the token is on the last line.
TOKEN=$(ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$VPC" --page-size 5 --max-items 3 --query NextToken | tail -n 1)
[ -n "$TOKEN" ] && [ "$TOKEN" != None ] || fail "expected a NextToken after 3 of 8 interfaces, got '$TOKEN'"
FIRST=$(ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$VPC" --page-size 5 --max-items 3 --query 'NetworkInterfaces[].NetworkInterfaceId')
REST=$(ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$VPC" --page-size 5 --starting-token "$TOKEN" --query 'NetworkInterfaces[].NetworkInterfaceId')
expect "$(count "$FIRST") $(count "$REST")" "3 5"
expect "$(words "$FIRST $REST")" "$(words "$ALL_ENIS")"

# ---------------------------------------------------------------------------------------------- errors
step "create-vpc with a /29: InvalidVpc.Range"
expect_error InvalidVpc.Range create-vpc --cidr-block 10.99.0.0/29

step "create-subnet overlapping another: InvalidSubnet.Conflict"
expect_error InvalidSubnet.Conflict create-subnet --vpc-id "$VPC" --cidr-block 10.42.1.128/25 --availability-zone "$AZ1"

step "create-route for an existing destination: RouteAlreadyExists"
expect_error RouteAlreadyExists create-route --route-table-id "$RTB" --destination-cidr-block 0.0.0.0/0 --gateway-id "$IGW"

step "delete-vpc while it has dependencies: DependencyViolation"
expect_error DependencyViolation delete-vpc --vpc-id "$VPC"

step "describe-vpcs of an unknown id: InvalidVpcID.NotFound"
expect_error InvalidVpcID.NotFound describe-vpcs --vpc-ids vpc-0123456789abcdef0

if [ "$STORY_SCOPE" = client ]; then
  echo "aws-cli-story: OK, without the tear-down (STORY_SCOPE=client; $VERSION)" >&2
  exit 0
fi

# ---------------------------------------------------------------------------------------------- tear down
step "terminate-instances"
# shellcheck disable=SC2086 # the ids are words
ec2 terminate-instances --instance-ids $INSTANCES --query 'TerminatingInstances[].InstanceId' >/dev/null
# Terminated instances stay visible for a while on AWS, but without interfaces.
expect "$(ec2 describe-instances --filters "Name=subnet-id,Values=$PRIVATE" Name=instance-state-name,Values=pending,running,stopping,stopped \
  --query 'length(Reservations[].Instances[])')" 0

step "delete-nat-gateway, then release-address once it is deleted"
expect "$(ec2 delete-nat-gateway --nat-gateway-id "$NAT" --query NatGatewayId)" "$NAT"
for _ in $(seq 1 30); do
  NAT_STATE=$(ec2 describe-nat-gateways --nat-gateway-ids "$NAT" --query 'NatGateways[0].State')
  [ "$NAT_STATE" = deleted ] && break
  sleep 1
done
expect "$NAT_STATE" deleted
ec2 release-address --allocation-id "$EIP" >/dev/null

step "delete-network-interface"
ec2 delete-network-interface --network-interface-id "$ENI" >/dev/null
expect "$(ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$VPC" --query 'length(NetworkInterfaces)')" 0
# AWS deletes an interface's flow logs with it.
expect "$(ec2 describe-flow-logs --flow-log-ids "$FL_ENI" --query 'length(FlowLogs)')" 0

step "delete-egress-only-internet-gateway"
expect "$(ec2 delete-egress-only-internet-gateway --egress-only-internet-gateway-id "$EIGW" --query ReturnCode)" True

step "replace-network-acl-association back to the default ACL, delete-network-acl"
DEFAULT_ACL=$(ec2 describe-network-acls --filters "Name=vpc-id,Values=$VPC" Name=default,Values=true --query 'NetworkAcls[0].NetworkAclId')
ec2 replace-network-acl-association --association-id "$ACL_ASSOC" --network-acl-id "$DEFAULT_ACL" >/dev/null
ec2 delete-network-acl --network-acl-id "$ACL" >/dev/null

step "delete-security-group"
ec2 delete-security-group --group-id "$SG" >/dev/null

step "delete-vpc-endpoints (the gateway endpoint, and an unknown id: InvalidVpcEndpointId.NotFound in Unsuccessful)"
expect "$(ec2 delete-vpc-endpoints --vpc-endpoint-ids "$VPCE" vpce-0123456789abcdef0 --query 'Unsuccessful[].[ResourceId,Error.Code]')" \
  $'vpce-0123456789abcdef0\tInvalidVpcEndpointId.NotFound'
expect "$(ec2 describe-route-tables --route-table-ids "$RTB" --query 'length(RouteTables[0].Routes[?DestinationPrefixListId])')" 0

step "disassociate-route-table, delete-route, delete-route-table"
ec2 disassociate-route-table --association-id "$RTB_ASSOC" >/dev/null
ec2 delete-route --route-table-id "$RTB" --destination-cidr-block 0.0.0.0/0 >/dev/null
ec2 delete-route-table --route-table-id "$RTB" >/dev/null

step "detach-internet-gateway, delete-internet-gateway"
ec2 detach-internet-gateway --internet-gateway-id "$IGW" --vpc-id "$VPC" >/dev/null
ec2 delete-internet-gateway --internet-gateway-id "$IGW" >/dev/null

step "delete-subnet (both)"
ec2 delete-subnet --subnet-id "$PUBLIC" >/dev/null
ec2 delete-subnet --subnet-id "$PRIVATE" >/dev/null

step "delete-vpc"
ec2 delete-vpc --vpc-id "$VPC" >/dev/null
expect_error InvalidVpcID.NotFound describe-vpcs --vpc-ids "$VPC"
expect "$(ec2 describe-vpcs --filters "Name=tag:Name,Values=story-$RUN" --query 'length(Vpcs)')" 0
# ... and a VPC's flow logs with the VPC.
expect "$(ec2 describe-flow-logs --filter "Name=resource-id,Values=$VPC" --query 'length(FlowLogs)')" 0

echo "aws-cli-story: OK ($VERSION)" >&2
