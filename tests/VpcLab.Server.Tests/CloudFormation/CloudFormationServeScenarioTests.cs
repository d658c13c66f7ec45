using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Server.CloudFormation;
using VpcLab.Server.Hosting;
using VpcLab.TestWorlds;

namespace VpcLab.Server.Tests.CloudFormation;

/// <summary><c>vpclab serve --scenario TEMPLATE</c>: a CloudFormation template is deployed as a stack named after the
/// file through the logged CreateStack (docs/cloudformation.md#serve), so a restart on the same data directory
/// replays it instead of deploying it twice, and a template that rolls back stops the start naming the failure.</summary>
public sealed class CloudFormationServeScenarioTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("vpclab-cfn-serve-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private Task<VpcLabServer> Start(string file) =>
        VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = _data, ScenarioFile = file }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Serve_TemplateAsScenario_DeployedAsAStackOnce()
    {
        var template = ShippedScenarios.PathOf("cloudformation/ping-flow-logs");
        string instanceId;
        await using (var server = await Start(template))
        {
            Assert.True(server.ScenarioLoaded);
            var stack = CloudFormationServices.For(server.State.ControlPlane).Get(RequestContext.Default, "ping-flow-logs");
            Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
            instanceId = stack.Resources.Single(r => r.LogicalResourceId == "Host").PhysicalResourceId;
            Assert.Equal("host", server.State.ControlPlane.Network.NameOf(instanceId));
        }
        await using var again = await Start(template);
        Assert.False(again.ScenarioLoaded);
        var network = again.State.ControlPlane.Network;
        Assert.Equal(instanceId, Assert.Single(network.Instances.Values).Id.Value);
        Assert.Single(CloudFormationServices.For(again.State.ControlPlane).All(RequestContext.Default));
    }

    [Fact]
    public async Task Serve_TemplateThatRollsBack_StartRefusedNamingTheResource()
    {
        var template = Path.Combine(_data, "bad.yaml");
        await File.WriteAllTextAsync(template, """
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
              Bad: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 192.168.0.0/24 } }
            """, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<ScenarioException>(() => Start(template));
        Assert.Contains("resource Bad (AWS::EC2::Subnet)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidSubnet.Range", refused.Message, StringComparison.Ordinal);
    }
}
