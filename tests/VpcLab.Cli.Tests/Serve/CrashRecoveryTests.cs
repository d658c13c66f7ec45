using System.Net;
using System.Xml.Linq;

namespace VpcLab.Cli.Tests.Serve;

/// <summary>Durability: every mutation the server acknowledged survives a SIGKILL and a restart, and ids stay
/// unique afterwards.</summary>
public class CrashRecoveryTests
{
    private static readonly XNamespace Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    // The default group commit, and commits that overlap (VPCLAB_GROUP_COMMIT=overlap: several syncs in flight when
    // the process dies, answers only once every earlier batch is on disk).
    [Theory]
    [InlineData("")]
    [InlineData("overlap")]
    public async Task KilledMidStream_Restarted_EveryAcknowledgedMutationIsThere(string groupCommit)
    {
        var data = Path.Combine(Path.GetTempPath(), $"vpclab-crash-{Guid.NewGuid():N}");
        var acknowledged = new List<(string VpcId, string Name)>();
        using (var server = await ServerProcess.StartAsync(data, new Dictionary<string, string?> { ["VPCLAB_GROUP_COMMIT"] = groupCommit }))
        {
            // Writers keep going while the server is killed under them: several at once, so commits overlap.
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (int i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var (status, body) = await server.CallAsync(("Action", "CreateVpc"), ("CidrBlock", $"10.{(w * 60 + i) % 250}.0.0/16"),
                            ("TagSpecification.1.ResourceType", "vpc"), ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", $"vpc-{w}-{i}"));
                        if (status == HttpStatusCode.OK)
                        {
                            lock (acknowledged)
                                acknowledged.Add((body.Descendants(Ec2 + "vpcId").First().Value, $"vpc-{w}-{i}"));
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            }, TestContext.Current.CancellationToken)).ToList();
            while (true)
            {
                lock (acknowledged)
                {
                    if (acknowledged.Count >= 40)
                        break;
                }
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        using var restarted = await ServerProcess.StartAsync(data);
        var (_, described) = await restarted.CallAsync(("Action", "DescribeVpcs"), ("MaxResults", "1000"));
        var present = described.Descendants(Ec2 + "vpcId").Select(e => e.Value).ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(a.VpcId, present));

        // Ids stay unique across the restart: a new VPC gets an id nobody had.
        var (status, created) = await restarted.CallAsync(("Action", "CreateVpc"), ("CidrBlock", "10.251.0.0/16"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(created.Descendants(Ec2 + "vpcId").First().Value, present);
        Directory.Delete(data, recursive: true);
    }
}
