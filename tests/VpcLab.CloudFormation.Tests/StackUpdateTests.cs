using VpcLab.CloudFormation.Stacks;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>UpdateStack and change sets (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks.html):
/// unchanged resources kept, tag-only changes made in place, other changes replace, removed resources deleted, a failed
/// update rolled back to the old resources, and "No updates are to be performed." when nothing changes.</summary>
public sealed class StackUpdateTests
{
    private const string V1 = """
        Parameters:
          Cidr: { Type: String, Default: 10.0.0.0/16 }
          Team: { Type: String, Default: a }
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !Ref Cidr, Tags: [{ Key: team, Value: !Ref Team }] } }
          Igw: { Type: AWS::EC2::InternetGateway }
        """;

    private static CreateStackRequest Request(string body, params (string, string)[] parameters) =>
        new("s", body) { Parameters = parameters.ToDictionary(p => p.Item1, p => p.Item2) };

    [Fact]
    public void UpdateStack_NothingChanges_NoUpdatesToBePerformed()
    {
        var stacks = new Stacks();
        stacks.Create("s", V1);
        var error = Assert.Throws<CloudFormationException>(() => stacks.Cfn.UpdateStack(Stacks.Ctx, Request(V1)));
        Assert.Equal("No updates are to be performed.", error.Message);
    }

    [Fact]
    public void UpdateStack_TagOnly_ModifiedInPlace()
    {
        var stacks = new Stacks();
        var before = stacks.Create("s", V1);
        var after = stacks.Cfn.UpdateStack(Stacks.Ctx, Request(V1, ("Team", "b")));
        Assert.Equal("UPDATE_COMPLETE", after.StackStatus);
        Assert.Equal(stacks.Physical(before, "Vpc"), stacks.Physical(after, "Vpc"));
        Assert.Equal("b", stacks.ControlPlane.Network.Tags[stacks.Physical(after, "Vpc")].Items["team"]);
    }

    [Fact]
    public void UpdateStack_CidrChanges_ReplacesTheVpcAndDeletesTheOld()
    {
        var stacks = new Stacks();
        var before = stacks.Create("s", V1);
        var after = stacks.Cfn.UpdateStack(Stacks.Ctx, Request(V1, ("Cidr", "10.9.0.0/16")));
        Assert.Equal("UPDATE_COMPLETE", after.StackStatus);
        var oldVpc = new VpcId(stacks.Physical(before, "Vpc"));
        var newVpc = new VpcId(stacks.Physical(after, "Vpc"));
        Assert.NotEqual(oldVpc, newVpc);
        Assert.False(stacks.ControlPlane.Network.Vpcs.ContainsKey(oldVpc));
        Assert.Equal("10.9.0.0/16", stacks.ControlPlane.Network.Vpcs[newVpc].PrimaryCidr.ToString());
        Assert.Equal(stacks.Physical(before, "Igw"), stacks.Physical(after, "Igw"));
        Assert.Contains(after.Events, e => e.ResourceStatus == "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
    }

    [Fact]
    public void UpdateStack_ResourceRemoved_DeletedInCleanup()
    {
        var stacks = new Stacks();
        var before = stacks.Create("s", V1);
        var after = stacks.Cfn.UpdateStack(Stacks.Ctx, Request(V1.Replace("  Igw: { Type: AWS::EC2::InternetGateway }", "", StringComparison.Ordinal)));
        Assert.Equal("UPDATE_COMPLETE", after.StackStatus);
        Assert.DoesNotContain(after.Resources, r => r.LogicalResourceId == "Igw");
        Assert.False(stacks.ControlPlane.Network.InternetGateways.ContainsKey(new InternetGatewayId(stacks.Physical(before, "Igw"))));
    }

    [Fact]
    public void UpdateStack_Ec2Refuses_RollsBackToTheOldResources()
    {
        var stacks = new Stacks();
        var before = stacks.Create("s", V1);
        var after = stacks.Cfn.UpdateStack(Stacks.Ctx, Request(V1, ("Cidr", "10.0.0.0/8")));
        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", after.StackStatus);
        Assert.Contains(after.Events, e => e.LogicalResourceId == "Vpc" && e.ResourceStatus == "UPDATE_FAILED"
            && e.ResourceStatusReason!.Contains("InvalidVpc.Range", StringComparison.Ordinal));
        Assert.Equal(stacks.Physical(before, "Vpc"), stacks.Physical(after, "Vpc"));
        Assert.Equal("10.0.0.0/16", after.Parameters.Single(p => p.Key == "Cidr").Value);
        Assert.Single(stacks.ControlPlane.Network.Vpcs.Values, v => v.PrimaryCidr.ToString() == "10.0.0.0/16" && !v.IsDefault);
    }

    [Fact]
    public void ChangeSet_Update_ListsAddModifyRemove_ThenExecutes()
    {
        var stacks = new Stacks();
        stacks.Create("s", V1);
        var v2 = V1.Replace("  Igw: { Type: AWS::EC2::InternetGateway }", "  Eigw: { Type: AWS::EC2::EgressOnlyInternetGateway, Properties: { VpcId: !Ref Vpc } }", StringComparison.Ordinal);
        var changeSet = stacks.Cfn.ChangeSets.CreateChangeSet(Stacks.Ctx, Request(v2, ("Cidr", "10.1.0.0/16")), "cs1", "UPDATE");
        Assert.Equal("CREATE_COMPLETE", changeSet.Status);
        Assert.Equal(["Modify Vpc True", "Add Eigw ", "Remove Igw "], changeSet.Changes.Select(c => $"{c.Action} {c.LogicalResourceId} {c.Replacement}"));
        var stack = stacks.Cfn.ChangeSets.ExecuteChangeSet(Stacks.Ctx, "cs1", "s");
        Assert.Equal("UPDATE_COMPLETE", stack.StackStatus);
        Assert.Throws<CloudFormationException>(() => stacks.Cfn.ChangeSets.DescribeChangeSet(Stacks.Ctx, "cs1", "s"));
    }

    [Fact]
    public void ChangeSet_Create_StackInReviewThenCreated()
    {
        var stacks = new Stacks();
        var changeSet = stacks.Cfn.ChangeSets.CreateChangeSet(Stacks.Ctx, Request(V1), "first", "CREATE");
        Assert.Equal("REVIEW_IN_PROGRESS", stacks.Cfn.Get(Stacks.Ctx, "s").StackStatus);
        Assert.Equal(["Add Vpc", "Add Igw"], changeSet.Changes.Select(c => $"{c.Action} {c.LogicalResourceId}"));
        var stack = stacks.Cfn.ChangeSets.ExecuteChangeSet(Stacks.Ctx, changeSet.ChangeSetId, null);
        Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        Assert.Equal(changeSet.StackId, stack.StackId);
        var empty = stacks.Cfn.ChangeSets.CreateChangeSet(Stacks.Ctx, Request(V1), "again", "UPDATE");
        Assert.Equal("FAILED", empty.Status);
        Assert.Equal("The submitted information didn't contain changes. Submit different information to create a change set.", empty.StatusReason);
    }
}
