using System.Diagnostics;
using Microsoft.Data.Sqlite;
using VpcLab.FlowLogs.CloudWatchLogs;

namespace VpcLab.Benchmarks;

/// <summary><c>--cwl-cpu [EVENTS]</c>: does a CloudWatch Logs put cost more as the store grows (a month of flow logs
/// puts ~16 M events)? Puts batches of 1,000 flow-log-sized events to 10 streams of one on-disk store, as flow log
/// delivery does, and prints the process CPU per 100,000 events for each tenth of the run; beside it, the CPU of the
/// query each put made before (MAX(id) of the stream, which read all of the stream's index entries) on the same file.</summary>
public static class CloudWatchLogsPutCpuReport
{
    public static void Run(int events)
    {
        var dir = Directory.CreateTempSubdirectory("vpclab-cwl-bench-").FullName;
        try
        {
            var path = Path.Combine(dir, "cloudwatch-logs.db");
            using var store = CloudWatchLogsStore.Open(path);
            var scope = new LogScope("111111111111", "us-east-1");
            var streams = Enumerable.Range(0, 10).Select(i => $"eni-{i:x17}-all").ToArray();
            foreach (var s in streams)
                store.EnsureLogGroupAndStream(scope, "flow-logs", s);
            using var before = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            before.Open();
            using var query = before.CreateCommand();
            query.CommandText = "SELECT MAX(id) FROM log_events WHERE stream_id = (SELECT id FROM log_streams WHERE name = $n)";
            var name = query.Parameters.Add("$n", SqliteType.Text);
            var process = Process.GetCurrentProcess();
            int tenth = Math.Max(10_000, events / 10), put = 0;
            long ts = 1_432_917_027_000;
            double putCpu = 0, queryCpu = 0;
            while (put < events)
            {
                foreach (var s in streams)
                {
                    var batch = Enumerable.Range(0, 1000).Select(i => new InputLogEvent(ts + i,
                        $"2 111111111111 {s[..21]} 10.0.{i % 250}.{i % 200} 172.31.16.{i % 100} 443 {40000 + i} 6 {i % 90 + 1} {i * 40 + 40} 1432917027 1432917087 ACCEPT OK")).ToList();
                    process.Refresh();
                    var cpu = process.TotalProcessorTime;
                    store.PutLogEvents(scope, "flow-logs", s, batch);
                    process.Refresh();
                    putCpu += (process.TotalProcessorTime - cpu).TotalSeconds;
                    name.Value = s;
                    cpu = process.TotalProcessorTime;
                    query.ExecuteScalar();
                    process.Refresh();
                    queryCpu += (process.TotalProcessorTime - cpu).TotalSeconds;
                    put += batch.Count;
                }
                ts += 60_000;
                if (put % tenth < streams.Length * 1000)
                {
                    Console.WriteLine($"{put,11:N0} events stored: put {putCpu / tenth * 100_000:F2} s CPU per 100,000 events; " +
                        $"the put's MAX(id) query before {queryCpu / tenth * 100_000:F2} s per 100,000");
                    putCpu = queryCpu = 0;
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
