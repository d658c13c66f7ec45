using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.S3;

/// <summary>With a data directory, S3 buckets (the operation log) and objects (<c>{data}/s3</c>) and CloudWatch
/// Logs groups and events (<c>{data}/logs.db</c>) are still there after the server stops and starts again.</summary>
public sealed class S3AndLogsRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> Logs(VpcLabServer server, string operation, string body)
    {
        using var http = new HttpClient { BaseAddress = server.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", "Logs_20140328." + operation);
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task ObjectsAndLogEvents_ServerRestarted_ReadBackFromTheDataDirectory()
    {
        var data = Directory.CreateTempSubdirectory("vpclab-restart-").FullName;
        try
        {
            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = data }, Ct))
            {
                using var s3 = S3SdkTests.Client(server.Url);
                await s3.PutBucketAsync("durable", Ct);
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "durable", Key = "AWSLogs/a.log", ContentBody = "kept" }, Ct);
                await Logs(server, "CreateLogGroup", """{"logGroupName":"/vpc/flow"}""");
                await Logs(server, "CreateLogStream", """{"logGroupName":"/vpc/flow","logStreamName":"eni-1"}""");
                await Logs(server, "PutLogEvents", """{"logGroupName":"/vpc/flow","logStreamName":"eni-1","logEvents":[{"timestamp":5,"message":"first"},{"timestamp":6,"message":"second"}]}""");
            }

            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = data }, Ct))
            {
                using var s3 = S3SdkTests.Client(server.Url);
                Assert.Equal(["durable"], (await s3.ListBucketsAsync(Ct)).Buckets.Select(b => b.BucketName));
                using var get = await s3.GetObjectAsync("durable", "AWSLogs/a.log", Ct);
                using var reader = new StreamReader(get.ResponseStream);
                Assert.Equal("kept", await reader.ReadToEndAsync(Ct));
                var events = await Logs(server, "FilterLogEvents", """{"logGroupName":"/vpc/flow"}""");
                Assert.Equal(["first", "second"], events["events"]!.AsArray().Select(e => (string?)e!["message"]));
            }
            Assert.True(File.Exists(Path.Combine(data, "logs.db")));
            Assert.True(File.Exists(Path.Combine(data, "s3", "durable", "AWSLogs", "a.log")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
