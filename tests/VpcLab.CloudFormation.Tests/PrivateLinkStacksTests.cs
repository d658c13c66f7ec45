using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>scenarios/cloudformation/privatelink-provider.yaml and privatelink-consumer.yaml, one stack per account
/// (a stack lives in one account: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacks.html), give the
/// endpoints scenarios/privatelink.yaml gives once the provider accepts app-endpoint (AcceptanceRequired: the consumer's
/// endpoints wait in pendingAcceptance,
/// https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html); an account the service does
/// not allow cannot make an endpoint to it, and its stack rolls back.</summary>
public sealed class PrivateLinkStacksTests
{
    private static readonly RequestContext Provider = RequestContext.For("555555555555");
    private static readonly RequestContext Consumer = RequestContext.For("666666666666");

    [Fact]
    public void PrivateLinkTemplates_ProviderThenConsumer_EndpointsAsTheScenario()
    {
        var stacks = new Stacks();
        var provider = stacks.Cfn.CreateStack(Provider, new CreateStackRequest("privatelink-provider", File.ReadAllText(PathOf("cloudformation/privatelink-provider.yaml"))));
        Assert.True(provider.StackStatus == "CREATE_COMPLETE", Failure(provider));
        var serviceName = Stacks.Output(provider, "ServiceName");
        var consumer = stacks.Cfn.CreateStack(Consumer, new CreateStackRequest("privatelink-consumer", File.ReadAllText(PathOf("cloudformation/privatelink-consumer.yaml")))
        {
            Parameters = new Dictionary<string, string> { ["ServiceName"] = serviceName },
        });
        Assert.True(consumer.StackStatus == "CREATE_COMPLETE", Failure(consumer));
        Assert.All(stacks.ControlPlane.Network.VpcEndpoints.Values, e => Assert.Equal(VpcEndpointState.PendingAcceptance, e.State));

        stacks.ControlPlane.EndpointConnections.AcceptVpcEndpointConnections(Provider, new VpcEndpointConnectionsRequest
        {
            ServiceId = Stacks.Output(provider, "ServiceId"),
            VpcEndpointIds = [Stacks.Output(consumer, "AppEndpointId")],
        });

        var scenario = ScenarioLoader.LoadFile(PathOf("privatelink.yaml")).Network;
        // The templates deploy to us-east-1; the scenario's cross-Region consumer (west-endpoint, us-west-2) has no template.
        static Dictionary<string, VpcEndpointState> States(Network n) =>
            n.VpcEndpoints.Values.Where(e => e.Region == "us-east-1").ToDictionary(e => n.NameOf(e.Id.Value), e => e.State);
        Assert.Equal(States(scenario).OrderBy(p => p.Key), States(stacks.ControlPlane.Network).OrderBy(p => p.Key));
    }

    [Fact]
    public void EndpointToTheService_AccountNotAllowed_StackRollsBack()
    {
        var stacks = new Stacks();
        var provider = stacks.Cfn.CreateStack(Provider, new CreateStackRequest("privatelink-provider", File.ReadAllText(PathOf("cloudformation/privatelink-provider.yaml"))));
        var outsider = stacks.Cfn.CreateStack(RequestContext.For("777777777777"), new CreateStackRequest("outsider", $$"""
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.70.0.0/16 } }
              Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.70.1.0/24, AvailabilityZone: us-east-1a } }
              Endpoint: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcEndpointType: Interface, VpcId: !Ref Vpc, ServiceName: {{Stacks.Output(provider, "ServiceName")}}, SubnetIds: [!Ref Subnet] } }
            """));
        Assert.Equal("ROLLBACK_COMPLETE", outsider.StackStatus);
        Assert.Equal("Endpoint", outsider.Events.Single(e => e.ResourceStatus == "CREATE_FAILED").LogicalResourceId);
        Assert.Empty(stacks.ControlPlane.Network.VpcEndpoints);
    }

    private static string Failure(Stack stack) =>
        string.Join("\n", stack.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}"));

    private static string PathOf(string scenario)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "scenarios", scenario);
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException(scenario);
    }
}
