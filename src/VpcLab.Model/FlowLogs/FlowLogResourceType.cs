namespace VpcLab.Model;

/// <summary>What a flow log is attached to (the API's ResourceType). Transit gateway kinds are out of scope.</summary>
public enum FlowLogResourceType
{
    Vpc,
    Subnet,
    NetworkInterface,
}
