using System.Runtime.CompilerServices;
using VpcLab.CloudFormation;
using VpcLab.ControlPlane;

namespace VpcLab.Server.CloudFormation;

/// <summary>The stacks that live beside each control plane: a server's reset and a log replay make a fresh control
/// plane, and with it fresh stacks, so the stacks always describe the world they were deployed into.</summary>
public static class CloudFormationServices
{
    private static readonly ConditionalWeakTable<Ec2ControlPlane, CloudFormationStacks> Stacks = [];

    public static CloudFormationStacks For(Ec2ControlPlane controlPlane) =>
        Stacks.GetValue(controlPlane, cp => new CloudFormationStacks(cp));
}
