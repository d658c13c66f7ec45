namespace VpcLab.Query.Tests;

/// <summary>The vpc_flow_logs view: Athena's columns and types, partitions from the S3 key, several formats at once.</summary>
public sealed class FlowLogViewTests(FlowLogViewTests.Trees trees) : IClassFixture<FlowLogViewTests.Trees>
{
    /// <summary>An empty tree and the three sample files, opened once for the column theory.</summary>
    public sealed class Trees : IDisposable
    {
        private readonly FlowLogTree _empty = new();
        private readonly FlowLogTree _full = SampleLogs.WriteAll();

        public Trees() => Queries = [FlowLogQuery.Open(_empty.Root), FlowLogQuery.Open(_full.Root)];

        public IReadOnlyList<FlowLogQuery> Queries { get; }

        public void Dispose()
        {
            foreach (var q in Queries)
                q.Dispose();
            _empty.Dispose();
            _full.Dispose();
        }
    }

    // Athena's DDL for flow logs versions 2-5 (vpc-flow-logs-create-table-statement): int / bigint / string.
    [Theory]
    [InlineData("version", "INTEGER")]
    [InlineData("account_id", "VARCHAR")]
    [InlineData("interface_id", "VARCHAR")]
    [InlineData("srcaddr", "VARCHAR")]
    [InlineData("dstaddr", "VARCHAR")]
    [InlineData("srcport", "INTEGER")]
    [InlineData("dstport", "INTEGER")]
    [InlineData("protocol", "BIGINT")]
    [InlineData("packets", "BIGINT")]
    [InlineData("bytes", "BIGINT")]
    [InlineData("start", "BIGINT")]
    [InlineData("end", "BIGINT")]
    [InlineData("action", "VARCHAR")]
    [InlineData("log_status", "VARCHAR")]
    [InlineData("vpc_id", "VARCHAR")]
    [InlineData("subnet_id", "VARCHAR")]
    [InlineData("instance_id", "VARCHAR")]
    [InlineData("tcp_flags", "INTEGER")]
    [InlineData("type", "VARCHAR")]
    [InlineData("pkt_srcaddr", "VARCHAR")]
    [InlineData("pkt_dstaddr", "VARCHAR")]
    [InlineData("region", "VARCHAR")]
    [InlineData("az_id", "VARCHAR")]
    [InlineData("sublocation_type", "VARCHAR")]
    [InlineData("sublocation_id", "VARCHAR")]
    [InlineData("pkt_src_aws_service", "VARCHAR")]
    [InlineData("pkt_dst_aws_service", "VARCHAR")]
    [InlineData("flow_direction", "VARCHAR")]
    [InlineData("traffic_path", "INTEGER")]
    // Partitions: Athena's Hive-prefix table (all strings) and the plain-text table's `date`.
    [InlineData("aws-account-id", "VARCHAR")]
    [InlineData("aws-service", "VARCHAR")]
    [InlineData("aws-region", "VARCHAR")]
    [InlineData("year", "VARCHAR")]
    [InlineData("month", "VARCHAR")]
    [InlineData("day", "VARCHAR")]
    [InlineData("hour", "VARCHAR")]
    [InlineData("date", "DATE")]
    [InlineData("$path", "VARCHAR")]
    public void View_HasAthenaColumnWithType_WhetherOrNotFilesExist(string column, string type)
    {
        foreach (var query in trees.Queries)
        {
            var described = query.Execute("DESCRIBE vpc_flow_logs");
            var names = described.Column("column_name");
            int row = names.ToList().IndexOf(column);
            Assert.True(row >= 0, $"no column {column} in {string.Join(",", names)}");
            Assert.Equal(type, described.Rows[row][described.IndexOf("column_type")]);
        }
    }

    [Fact]
    public void View_FieldColumns_FollowAthenaOrderThenPartitions()
    {
        using var tree = SampleLogs.WriteAll();
        using var query = FlowLogQuery.Open(tree.Root);
        var names = query.Execute("SELECT * FROM vpc_flow_logs LIMIT 0").Columns.Select(c => c.Name).ToArray();
        Assert.Equal(FlowLogTable.Columns.Select(c => c.Name), names);
        Assert.Equal(["version", "account_id", "interface_id", "srcaddr", "dstaddr"], names[..5]);
        Assert.Equal("traffic_path", names[28]);
    }

    [Fact]
    public void EmptyTree_ViewHasNoRows_NotAnError()
    {
        using var tree = new FlowLogTree();
        using var query = FlowLogQuery.Open(tree.Root);
        Assert.Empty(query.Files);
        Assert.Equal(0L, query.Execute("SELECT COUNT(*) FROM vpc_flow_logs").Rows[0][0]);
        // Every example runs on nothing.
        foreach (var example in ExampleQueries.All)
            Assert.Empty(query.Execute(example.Sql).Rows);
    }

    [Fact]
    public void Discover_MissingDirectory_IsAnEmptyTree()
    {
        using var query = FlowLogQuery.Open(Path.Combine(Path.GetTempPath(), "vpclab-query-none-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(0L, query.Execute("SELECT COUNT(*) FROM vpc_flow_logs").Rows[0][0]);
    }

    [Fact]
    public void TwoTextFormatsAndParquet_AreOneTable_WithNullWhereAFormatLacksAField()
    {
        using var tree = SampleLogs.WriteAll();
        using var query = FlowLogQuery.Open(tree.Root);
        Assert.Equal(3, query.Files.Count);
        var counts = query.Execute("SELECT interface_id, COUNT(*), COUNT(vpc_id), COUNT(account_id), COUNT(traffic_path) FROM vpc_flow_logs GROUP BY 1 ORDER BY 1");
        Assert.Equal(
            [
                new object?[] { "eni-a", 3L, 0L, 3L, 0L },     // default format: no vpc-id, no traffic-path
                new object?[] { "eni-b", 1L, 0L, 1L, 0L },     // the NODATA record
                new object?[] { "eni-c", 4L, 4L, 0L, 3L },     // custom v5 format without account-id; ingress has no path
                new object?[] { "eni-d", 3L, 3L, 3L, 2L },     // Parquet
            ],
            counts.Rows.Select(r => r.ToArray()));
    }

    // AWS: a field that does not apply is written '-' (NODATA records keep only version, account, interface, start, end).
    [Fact]
    public void Dash_IsNull_InTextRecords()
    {
        using var tree = new FlowLogTree();
        SampleLogs.WriteDefaultText(tree);
        using var query = FlowLogQuery.Open(tree.Root);
        var nodata = query.Execute("SELECT srcaddr, dstaddr, srcport, packets, bytes, action, start, log_status FROM vpc_flow_logs WHERE log_status = 'NODATA'");
        Assert.Equal([null, null, null, null, null, null, 1795450800L, "NODATA"], nodata.Rows.Single());
    }

    [Fact]
    public void AccountId_WithLeadingZeros_KeepsThem()
    {
        using var tree = new FlowLogTree();
        SampleLogs.WriteParquet(tree);
        tree.WriteText("b", FlowLogTree.DefaultKey(SampleLogs.AccountB, "us-east-1", SampleLogs.DayA), "x.log.gz",
            ["version", "account-id"], ["2 012345678901"]);
        using var query = FlowLogQuery.Open(tree.Root);
        Assert.Equal(["012345678901"], query.Execute("SELECT DISTINCT account_id FROM vpc_flow_logs").Column("account_id"));
    }

    // Default layout AWSLogs/{account}/vpcflowlogs/{region}/{yyyy}/{MM}/{dd}/ and Hive layout aws-account-id=…/…/hour=…/.
    [Fact]
    public void PartitionColumns_SeveralFiles_ComeFromEachFilesKey()
    {
        using var tree = SampleLogs.WriteAll();
        using var query = FlowLogQuery.Open(tree.Root);
        var partitions = query.Execute(
            """
            SELECT DISTINCT interface_id, "aws-account-id", "aws-service", "aws-region", "year", "month", "day", "hour", CAST("date" AS VARCHAR) AS d
            FROM vpc_flow_logs WHERE interface_id <> 'eni-b' ORDER BY interface_id
            """);
        Assert.Equal(
            [
                new object?[] { "eni-a", SampleLogs.AccountA, "vpcflowlogs", "us-east-1", "2026", "11", "23", null, "2026-11-23" },
                new object?[] { "eni-c", SampleLogs.AccountA, "vpcflowlogs", "eu-west-1", "2026", "11", "22", "13", "2026-11-22" },
                new object?[] { "eni-d", SampleLogs.AccountB, "vpcflowlogs", "us-west-2", "2026", "11", "23", null, "2026-11-23" },
            ],
            partitions.Rows.Select(r => r.ToArray()));
    }

    // Athena's partition-projection table takes `region` from the key when records lack the version-4 field.
    [Fact]
    public void Region_IsTheRecordsField_ElseTheKeysRegion()
    {
        using var tree = SampleLogs.WriteAll();
        using var query = FlowLogQuery.Open(tree.Root);
        var regions = query.Execute("SELECT DISTINCT interface_id, region FROM vpc_flow_logs ORDER BY 1");
        Assert.Equal(["us-east-1", "us-east-1", "eu-west-1", "us-west-2"], regions.Column("region"));
    }

    [Fact]
    public void Path_OfARecord_NamesTheDeliveredFile()
    {
        using var tree = new FlowLogTree();
        var path = SampleLogs.WriteCustomText(tree);
        using var query = FlowLogQuery.Open(tree.Root);
        Assert.Equal([path], query.Execute("SELECT DISTINCT \"$path\" FROM vpc_flow_logs").Column("$path"));
        Assert.Equal(1L, query.Execute("SELECT COUNT(*) FROM flow_log_files").Rows[0][0]);
    }

    [Fact]
    public void Query_OnlyParquetFiles_ReadsTypedColumns()
    {
        using var tree = new FlowLogTree();
        SampleLogs.WriteParquet(tree);
        using var query = FlowLogQuery.Open(tree.Root);
        var row = query.Execute("SELECT packets, dstport, protocol, tcp_flags, pkt_dst_aws_service, type FROM vpc_flow_logs ORDER BY bytes DESC LIMIT 1").Rows.Single();
        Assert.Equal([30L, 443, 6L, 2, "DYNAMODB", null], row);
    }

    [Theory]
    [InlineData("SELEC * FROM vpc_flow_logs", "Parser Error")]
    [InlineData("SELECT nope FROM vpc_flow_logs", "nope")]
    [InlineData("SELECT * FROM no_such_table", "no_such_table")]
    [InlineData("   ", "empty")]
    public void BadSql_IsAQueryException_NamingDuckDbsComplaint(string sql, string expected)
    {
        using var tree = SampleLogs.WriteAll();
        using var query = FlowLogQuery.Open(tree.Root);
        var e = Assert.Throws<FlowLogQueryException>(() => query.Execute(sql));
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', e.Message); // one line, no stack trace
        // The connection is still usable after a refused statement.
        Assert.Equal(11L, query.Execute("SELECT COUNT(*) FROM vpc_flow_logs").Rows[0][0]);
    }

    [Fact]
    public void Query_CorruptFile_IsAQueryException()
    {
        using var tree = new FlowLogTree();
        var dir = Path.Combine(tree.Root, "b", FlowLogTree.DefaultKey(SampleLogs.AccountA, "us-east-1", SampleLogs.DayA));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "broken.log.parquet"), "not parquet");
        var e = Assert.Throws<FlowLogQueryException>(() => FlowLogQuery.Open(tree.Root));
        Assert.Contains("broken.log.parquet", e.Message, StringComparison.Ordinal);
    }
}
