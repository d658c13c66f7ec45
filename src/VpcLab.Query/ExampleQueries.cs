namespace VpcLab.Query;

/// <summary>The example queries of docs/athena.md. Each is plain SQL that Athena (Trino) and DuckDB both accept; ties are
/// broken in ORDER BY so answers are deterministic. NODATA/SKIPDATA records carry no addresses and no bytes, so
/// aggregates skip them by looking at log_status.</summary>
public static class ExampleQueries
{
    public static readonly ExampleQuery TopTalkers = new(
        "top-talkers",
        "The 10 source/destination pairs that moved the most bytes (each record is one ENI's view, so a flow seen on two monitored ENIs counts twice).",
        """
        SELECT srcaddr, dstaddr,
               CAST(SUM(packets) AS BIGINT) AS packets,
               CAST(SUM(bytes) AS BIGINT) AS bytes,
               COUNT(*) AS records
        FROM vpc_flow_logs
        WHERE log_status = 'OK'
        GROUP BY srcaddr, dstaddr
        ORDER BY bytes DESC, srcaddr, dstaddr
        LIMIT 10
        """);

    public static readonly ExampleQuery RejectedByPort = new(
        "rejected-by-port",
        "Rejected records per destination port and protocol (security group or network ACL denials).",
        """
        SELECT dstport, protocol,
               COUNT(*) AS records,
               CAST(SUM(packets) AS BIGINT) AS packets,
               COUNT(DISTINCT srcaddr) AS sources
        FROM vpc_flow_logs
        WHERE action = 'REJECT' AND log_status = 'OK'
        GROUP BY dstport, protocol
        ORDER BY records DESC, dstport, protocol
        """);

    public static readonly ExampleQuery GatewayEndpointTraffic = new(
        "gateway-endpoint-traffic",
        "Egress traffic through gateway endpoints (traffic-path 7) or to S3/DynamoDB addresses, per interface, VPC, service and path.",
        """
        SELECT interface_id, vpc_id,
               COALESCE(pkt_dst_aws_service, '-') AS service,
               traffic_path,
               CAST(SUM(packets) AS BIGINT) AS packets,
               CAST(SUM(bytes) AS BIGINT) AS bytes,
               COUNT(*) AS records
        FROM vpc_flow_logs
        WHERE flow_direction = 'egress'
          AND (traffic_path = 7 OR pkt_dst_aws_service IN ('S3', 'DYNAMODB'))
        GROUP BY interface_id, vpc_id, pkt_dst_aws_service, traffic_path
        ORDER BY bytes DESC, interface_id, service, traffic_path
        """);

    public static readonly ExampleQuery BytesByTrafficPath = new(
        "bytes-by-traffic-path",
        "Egress bytes per traffic-path code (1 same VPC … 8 internet gateway), with the code's meaning.",
        """
        SELECT traffic_path,
               CASE traffic_path
                 WHEN 1 THEN 'same VPC'
                 WHEN 2 THEN 'internet gateway or gateway endpoint'
                 WHEN 3 THEN 'virtual private gateway'
                 WHEN 4 THEN 'intra-region peering'
                 WHEN 5 THEN 'inter-region peering'
                 WHEN 6 THEN 'local gateway'
                 WHEN 7 THEN 'gateway endpoint'
                 WHEN 8 THEN 'internet gateway'
                 ELSE 'unknown'
               END AS path,
               CAST(SUM(packets) AS BIGINT) AS packets,
               CAST(SUM(bytes) AS BIGINT) AS bytes,
               COUNT(*) AS records
        FROM vpc_flow_logs
        WHERE flow_direction = 'egress' AND log_status = 'OK'
        GROUP BY traffic_path
        ORDER BY traffic_path NULLS LAST
        """);

    public static readonly ExampleQuery ActionsByInterface = new(
        "actions-by-interface",
        "Accepted and rejected records and bytes per network interface.",
        """
        SELECT interface_id,
               COUNT(*) FILTER (WHERE action = 'ACCEPT') AS accepted,
               COUNT(*) FILTER (WHERE action = 'REJECT') AS rejected,
               CAST(COALESCE(SUM(bytes), 0) AS BIGINT) AS bytes
        FROM vpc_flow_logs
        WHERE log_status = 'OK'
        GROUP BY interface_id
        ORDER BY interface_id
        """);

    public static readonly ExampleQuery RecordsByDay = new(
        "records-by-day",
        "Records per day, Region and account, from the S3 key's partitions.",
        """
        SELECT "date", "aws-region" AS region, "aws-account-id" AS account_id,
               COUNT(*) AS records,
               CAST(SUM(bytes) AS BIGINT) AS bytes
        FROM vpc_flow_logs
        GROUP BY "date", "aws-region", "aws-account-id"
        ORDER BY "date", region, account_id
        """);

    public static readonly ExampleQuery ActionsOverTime = new(
        "actions-over-time",
        "Accepted and rejected records per minute (the minute of each record's start, in Unix seconds; formats without start are left out).",
        """
        SELECT "start" - "start" % 60 AS minute_start,
               COUNT(*) FILTER (WHERE action = 'ACCEPT') AS accepted,
               COUNT(*) FILTER (WHERE action = 'REJECT') AS rejected,
               CAST(COALESCE(SUM(bytes), 0) AS BIGINT) AS bytes
        FROM vpc_flow_logs
        WHERE log_status = 'OK' AND "start" IS NOT NULL
        GROUP BY "start" - "start" % 60
        ORDER BY minute_start
        """);

    public static readonly ExampleQuery Records = new(
        "records",
        "The first 500 records in time order, with the fields people filter on.",
        """
        SELECT "start", "end", interface_id, srcaddr, srcport, dstaddr, dstport, protocol,
               packets, bytes, action, log_status, flow_direction, traffic_path
        FROM vpc_flow_logs
        ORDER BY "start", interface_id, srcaddr, srcport, dstaddr, dstport, action, "end"
        LIMIT 500
        """);

    public static readonly IReadOnlyList<ExampleQuery> All =
        [TopTalkers, RejectedByPort, GatewayEndpointTraffic, BytesByTrafficPath, ActionsByInterface, RecordsByDay, ActionsOverTime, Records];

    public static ExampleQuery? Find(string name) =>
        All.FirstOrDefault(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase));
}
