namespace VpcLab.Model;

/// <summary>AWS's table of flow log fields (versions 2–5 from the VPC User Guide; 7 and 8 as Elastic's parser gives
/// them; resource-id 9 and encryption-status 10 unconfirmed, see docs/semantics.md).</summary>
public static class FlowLogFields
{
    public static readonly IReadOnlyList<FlowLogField> All =
    [
        new(FlowLogFieldId.Version, "version", 2, FlowLogFieldType.Int32),
        new(FlowLogFieldId.AccountId, "account-id", 2, FlowLogFieldType.String),
        new(FlowLogFieldId.InterfaceId, "interface-id", 2, FlowLogFieldType.String),
        new(FlowLogFieldId.SrcAddr, "srcaddr", 2, FlowLogFieldType.String),
        new(FlowLogFieldId.DstAddr, "dstaddr", 2, FlowLogFieldType.String),
        new(FlowLogFieldId.SrcPort, "srcport", 2, FlowLogFieldType.Int32),
        new(FlowLogFieldId.DstPort, "dstport", 2, FlowLogFieldType.Int32),
        new(FlowLogFieldId.Protocol, "protocol", 2, FlowLogFieldType.Int32),
        new(FlowLogFieldId.Packets, "packets", 2, FlowLogFieldType.Int64),
        new(FlowLogFieldId.Bytes, "bytes", 2, FlowLogFieldType.Int64),
        new(FlowLogFieldId.Start, "start", 2, FlowLogFieldType.Int64),
        new(FlowLogFieldId.End, "end", 2, FlowLogFieldType.Int64),
        new(FlowLogFieldId.Action, "action", 2, FlowLogFieldType.String),
        new(FlowLogFieldId.LogStatus, "log-status", 2, FlowLogFieldType.String),
        new(FlowLogFieldId.VpcId, "vpc-id", 3, FlowLogFieldType.String),
        new(FlowLogFieldId.SubnetId, "subnet-id", 3, FlowLogFieldType.String),
        new(FlowLogFieldId.InstanceId, "instance-id", 3, FlowLogFieldType.String),
        new(FlowLogFieldId.TcpFlags, "tcp-flags", 3, FlowLogFieldType.Int32),
        new(FlowLogFieldId.Type, "type", 3, FlowLogFieldType.String),
        new(FlowLogFieldId.PktSrcAddr, "pkt-srcaddr", 3, FlowLogFieldType.String),
        new(FlowLogFieldId.PktDstAddr, "pkt-dstaddr", 3, FlowLogFieldType.String),
        new(FlowLogFieldId.Region, "region", 4, FlowLogFieldType.String),
        new(FlowLogFieldId.AzId, "az-id", 4, FlowLogFieldType.String),
        new(FlowLogFieldId.SublocationType, "sublocation-type", 4, FlowLogFieldType.String),
        new(FlowLogFieldId.SublocationId, "sublocation-id", 4, FlowLogFieldType.String),
        new(FlowLogFieldId.PktSrcAwsService, "pkt-src-aws-service", 5, FlowLogFieldType.String),
        new(FlowLogFieldId.PktDstAwsService, "pkt-dst-aws-service", 5, FlowLogFieldType.String),
        new(FlowLogFieldId.FlowDirection, "flow-direction", 5, FlowLogFieldType.String),
        new(FlowLogFieldId.TrafficPath, "traffic-path", 5, FlowLogFieldType.Int32),
        new(FlowLogFieldId.EcsClusterArn, "ecs-cluster-arn", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsClusterName, "ecs-cluster-name", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsContainerInstanceArn, "ecs-container-instance-arn", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsContainerInstanceId, "ecs-container-instance-id", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsContainerId, "ecs-container-id", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsSecondContainerId, "ecs-second-container-id", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsServiceName, "ecs-service-name", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsTaskDefinitionArn, "ecs-task-definition-arn", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsTaskArn, "ecs-task-arn", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.EcsTaskId, "ecs-task-id", 7, FlowLogFieldType.String),
        new(FlowLogFieldId.RejectReason, "reject-reason", 8, FlowLogFieldType.String),
        new(FlowLogFieldId.ResourceId, "resource-id", 9, FlowLogFieldType.String),
        new(FlowLogFieldId.EncryptionStatus, "encryption-status", 10, FlowLogFieldType.String),
    ];

    private static readonly Dictionary<string, FlowLogField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static FlowLogField Get(FlowLogFieldId id) => All[(int)id];

    public static FlowLogField? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Transit gateway (version 6) fields: valid only for transit gateway flow logs, which are out of scope.</summary>
    public static readonly IReadOnlySet<string> TransitGatewayOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "resource-type", "tgw-id", "tgw-attachment-id", "tgw-src-vpc-account-id", "tgw-dst-vpc-account-id",
        "tgw-src-vpc-id", "tgw-dst-vpc-id", "tgw-src-subnet-id", "tgw-dst-subnet-id", "tgw-src-eni", "tgw-dst-eni",
        "tgw-src-az-id", "tgw-dst-az-id", "tgw-pair-attachment-id", "packets-lost-no-route",
        "packets-lost-blackhole", "packets-lost-mtu-exceeded", "packets-lost-ttl-expired",
    };
}
