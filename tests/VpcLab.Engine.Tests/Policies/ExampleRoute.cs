namespace VpcLab.Engine.Tests.Policies;

/// <summary>How the request leaves the VPC: private-1 through the S3 gateway endpoint, private-1 to the S3 interface
/// endpoint, public-1 over the internet.</summary>
public enum ExampleRoute
{
    GatewayEndpoint,
    InterfaceEndpoint,
    Internet,
}
