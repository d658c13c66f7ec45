namespace VpcLab.Engine.Tests.Policies;

/// <summary>Where an example policy is put.</summary>
public enum PolicyPlace
{
    GatewayEndpoint,
    InterfaceEndpoint,
    Bucket,
}
