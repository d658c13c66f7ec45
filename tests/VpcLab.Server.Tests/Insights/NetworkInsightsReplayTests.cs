using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using VpcLab.Server.Hosting;
using Ec2Protocol = Amazon.EC2.Protocol;

namespace VpcLab.Server.Tests.Insights;

/// <summary>Create/Start/Delete are mutations: the server logs them and replays the log at start, so paths and
/// analyses survive a restart with the same ids and answers, and new ids continue the sequence.</summary>
public sealed class NetworkInsightsReplayTests
{
    static NetworkInsightsReplayTests()
    {
        AWSConfigs.InitializeCollections = true; // TOOLCHAIN gotcha 5
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AmazonEC2Client Client(VpcLabServer server) =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonEC2Config
        {
            ServiceURL = server.Url.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

    private static async Task<string> Launch(AmazonEC2Client ec2, string subnet) =>
        (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet,
        }, Ct)).Reservation.Instances.Single().InstanceId;

    [Fact]
    public async Task PathsAndAnalyses_SurviveRestart_SameIdsAndAnswers()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vpclab-ra-" + Guid.NewGuid().ToString("N"));
        try
        {
            NetworkInsightsPath path, deleted;
            NetworkInsightsAnalysis before;
            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = dir }, Ct))
            {
                using var ec2 = Client(server);
                var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" }, Ct)).Vpc.VpcId;
                var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.1.1.0/24", AvailabilityZone = "us-east-1b" }, Ct)).Subnet.SubnetId;
                var a = await Launch(ec2, subnet);
                var b = await Launch(ec2, subnet);
                path = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
                {
                    Source = a, Destination = b, Protocol = Ec2Protocol.Tcp, DestinationPort = 22,
                }, Ct)).NetworkInsightsPath;
                deleted = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
                {
                    Source = b, Destination = a, Protocol = Ec2Protocol.Udp,
                }, Ct)).NetworkInsightsPath;
                await ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = deleted.NetworkInsightsPathId }, Ct);
                before = (await ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest
                {
                    NetworkInsightsPathId = path.NetworkInsightsPathId,
                }, Ct)).NetworkInsightsAnalysis;
                Assert.True(before.NetworkPathFound); // the default group allows its own members
            }

            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = dir }, Ct))
            {
                using var ec2 = Client(server);
                var paths = (await ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest(), Ct)).NetworkInsightsPaths;
                Assert.Equal(path.NetworkInsightsPathId, Assert.Single(paths).NetworkInsightsPathId);
                Assert.Equal(path.CreatedDate, paths[0].CreatedDate);
                var after = Assert.Single((await ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest(), Ct)).NetworkInsightsAnalyses);
                Assert.Equal(before.NetworkInsightsAnalysisId, after.NetworkInsightsAnalysisId);
                // The replay clock follows the logged times (OperationJournal.Replay, docs/semantics.md#replay).
                Assert.Equal(before.StartDate, after.StartDate);
                Assert.Equal(before.NetworkPathFound, after.NetworkPathFound);
                Assert.Equal(before.ForwardPathComponents.Select(c => c.Component.Id), after.ForwardPathComponents.Select(c => c.Component.Id));

                // The id sequence goes on from where the log left it: no id is handed out twice.
                var next = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
                {
                    Source = path.Source, Destination = path.Destination, Protocol = Ec2Protocol.Tcp,
                }, Ct)).NetworkInsightsPath.NetworkInsightsPathId;
                Assert.DoesNotContain(next, new[] { path.NetworkInsightsPathId, deleted.NetworkInsightsPathId, "nia-" + before.NetworkInsightsAnalysisId[4..] });
            }
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
        }
    }

    // A path to a VPC endpoint replays like any other: the endpoint is created (and logged) before the path.
    [Fact]
    public async Task PathToGatewayEndpoint_SurvivesRestart_SameAnswer()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vpclab-ra-" + Guid.NewGuid().ToString("N"));
        try
        {
            NetworkInsightsAnalysis before;
            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = dir }, Ct))
            {
                using var ec2 = Client(server);
                var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16" }, Ct)).Vpc.VpcId;
                var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.2.1.0/24", AvailabilityZone = "us-east-1a" }, Ct)).Subnet.SubnetId;
                var main = (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
                {
                    Filters = [new Filter("vpc-id", [vpc]), new Filter("association.main", ["true"])],
                }, Ct)).RouteTables.Single().RouteTableId;
                var endpoint = (await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
                {
                    VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.s3", VpcEndpointType = VpcEndpointType.Gateway, RouteTableIds = [main],
                }, Ct)).VpcEndpoint.VpcEndpointId;
                var a = await Launch(ec2, subnet);
                var path = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
                {
                    Source = a, Destination = endpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
                }, Ct)).NetworkInsightsPath;
                before = (await ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest
                {
                    NetworkInsightsPathId = path.NetworkInsightsPathId,
                }, Ct)).NetworkInsightsAnalysis;
                Assert.True(before.NetworkPathFound);
                Assert.Contains(endpoint, before.ForwardPathComponents.Select(c => c.Component.Id));
            }

            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = dir }, Ct))
            {
                using var ec2 = Client(server);
                var after = Assert.Single((await ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest(), Ct)).NetworkInsightsAnalyses);
                Assert.Equal(before.NetworkInsightsAnalysisId, after.NetworkInsightsAnalysisId);
                Assert.Equal(before.NetworkPathFound, after.NetworkPathFound);
                Assert.Equal(before.ForwardPathComponents.Select(c => c.Component.Id), after.ForwardPathComponents.Select(c => c.Component.Id));
            }
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
        }
    }
}
