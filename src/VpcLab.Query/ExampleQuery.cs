namespace VpcLab.Query;

/// <summary>A named query over <c>vpc_flow_logs</c> that runs unchanged in Athena and in <c>vpclab query --example</c>.</summary>
public sealed record ExampleQuery(string Name, string Description, string Sql);
