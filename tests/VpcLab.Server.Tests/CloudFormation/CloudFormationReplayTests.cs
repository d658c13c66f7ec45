using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane;
using VpcLab.Server.CloudFormation;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Tests.CloudFormation;

/// <summary>Stacks are durable through the server's operation log: a server reopened on the same data directory
/// replays CreateStack, a rolled-back CreateStack and DeleteStack, and rebuilds the same stacks, ids and world.</summary>
public sealed class CloudFormationReplayTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("vpclab-cfn-replay-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static readonly RequestContext Ctx = RequestContext.Default;

    private const string Good = """
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
          Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 } }
        Outputs:
          Vpc: { Value: !Ref Vpc, Export: { Name: shared-vpc } }
        """;

    [Fact]
    public async Task Stacks_ServerReopened_ReplayedFromTheLog()
    {
        string vpcId, stackId;
        int events;
        using (var state = ServerState.Open(_data))
        {
            await state.MutateAsync(Ctx, CloudFormationLogOperations.CreateStack, CloudFormationLogOperations.Parameters(new CreateStackRequest("good", Good)));
            await state.MutateAsync(Ctx, CloudFormationLogOperations.CreateStack, CloudFormationLogOperations.Parameters(
                new CreateStackRequest("bad", "Resources:\n  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/8 } }\n")));
            await state.MutateAsync(Ctx, CloudFormationLogOperations.CreateStack, CloudFormationLogOperations.Parameters(new CreateStackRequest("gone", Good.Replace("shared-vpc", "other", StringComparison.Ordinal))));
            await state.MutateAsync(Ctx, CloudFormationLogOperations.DeleteStack, new() { ["StackName"] = "gone" });
            var stacks = CloudFormationServices.For(state.ControlPlane);
            var good = stacks.Get(Ctx, "good");
            (vpcId, stackId, events) = (good.Outputs[0].OutputValue, good.StackId, good.Events.Length);
            Assert.Equal("ROLLBACK_COMPLETE", stacks.Get(Ctx, "bad").StackStatus);
        }
        using var reopened = ServerState.Open(_data);
        var replayed = CloudFormationServices.For(reopened.ControlPlane);
        var again = replayed.Get(Ctx, "good");
        Assert.Equal(stackId, again.StackId);
        Assert.Equal(vpcId, again.Outputs[0].OutputValue);
        Assert.Equal(events, again.Events.Length);
        Assert.True(reopened.ControlPlane.Network.Vpcs.ContainsKey(new Model.VpcId(vpcId)));
        Assert.Equal("ROLLBACK_COMPLETE", replayed.Get(Ctx, "bad").StackStatus);
        Assert.Null(replayed.Find(Ctx, "gone"));
        Assert.Single(replayed.Exports(Ctx));
    }
}
