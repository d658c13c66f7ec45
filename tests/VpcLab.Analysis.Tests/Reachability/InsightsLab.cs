using System.Text.Json;
using VpcLab.Analysis.Reachability;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.Analysis.Tests.Reachability;

/// <summary>A control plane, the Reachability Analyzer over it, and shortcuts to build a VPC with instances and
/// internet gateways. Requests are written as the member-name JSON the server binds, so rows read like the API.</summary>
internal sealed class InsightsLab
{
    private static readonly JsonSerializerOptions s_bind = new() { PropertyNameCaseInsensitive = false };

    public InsightsLab(ControlPlaneOptions? options = null)
    {
        ControlPlane = new Ec2ControlPlane(options ?? new ControlPlaneOptions { Quotas = Ec2Quotas.Generous });
        Insights = new NetworkInsights(ControlPlane);
    }

    public Ec2ControlPlane ControlPlane { get; }

    public NetworkInsights Insights { get; }

    public RequestContext Context { get; set; } = RequestContext.Default;

    public static T Request<T>(string json) => JsonSerializer.Deserialize<T>(json, s_bind)!;

    public string Vpc() =>
        ControlPlane.CreateVpc(Context, new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }).Vpc.Id.Value;

    public string Subnet(string vpc) =>
        ControlPlane.CreateSubnet(Context, new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" }).Subnet.Id.Value;

    public string Launch(string subnet) =>
        ControlPlane.RunInstances(Context, new RunInstancesRequest { SubnetId = subnet, MinCount = 1, MaxCount = 1 }).Instances[0].Id.Value;

    public string Igw() =>
        ControlPlane.CreateInternetGateway(Context, new CreateInternetGatewayRequest()).InternetGateway.Id.Value;

    public void Attach(string igw, string vpc) =>
        ControlPlane.AttachInternetGateway(Context, new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc });

    public void Terminate(string instance) =>
        ControlPlane.TerminateInstances(Context, new TerminateInstancesRequest { InstanceIds = [instance] });

    public NetworkInsightsPath CreatePath(string json) =>
        Insights.CreatePath(Context, Request<CreateNetworkInsightsPathRequest>(json));

    public NetworkInsightsAnalysis Start(string pathId) =>
        Insights.StartAnalysis(Context, new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = pathId });

    public IReadOnlyList<NetworkInsightsPath> Paths(string json = "{}") =>
        Insights.DescribePaths(Context, Request<DescribeNetworkInsightsPathsRequest>(json));

    public IReadOnlyList<NetworkInsightsAnalysis> Analyses(string json = "{}") =>
        Insights.DescribeAnalyses(Context, Request<DescribeNetworkInsightsAnalysesRequest>(json));

    /// <summary>The AWS error code of a call that must fail.</summary>
    public static string CodeOf(Action call) => Assert.Throws<Ec2Exception>(call).Code.Code;
}
