using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Server.Ec2;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>A dispatcher over a fresh control plane, driven with member-name JSON as the parser produces it.</summary>
internal sealed class Ec2Harness
{
    public Ec2Harness(ControlPlaneOptions? options = null)
    {
        ControlPlane = new Ec2ControlPlane(options ?? new ControlPlaneOptions { Quotas = Ec2Quotas.Generous });
        Dispatcher = new Ec2ActionDispatcher(ControlPlane);
    }

    public Ec2ControlPlane ControlPlane { get; }

    public Ec2ActionDispatcher Dispatcher { get; }

    public RequestContext Context { get; set; } = RequestContext.Default;

    /// <summary>Executes, then writes the answer with the real serializer, so every member name and value kind
    /// a mapper produces is checked against the output shape.</summary>
    public JsonObject? Run(string operation, string parametersJson = "{}")
    {
        var result = Dispatcher.Execute(operation, Context, JsonNode.Parse(parametersJson)!.AsObject());
        var op = Ec2ServiceModel.Instance.FindOperation(operation)!;
        Assert.NotEmpty(Ec2XmlSerializer.Default.SerializeResponse(op, result, "test"));
        return result;
    }

    public JsonObject Ok(string operation, string parametersJson = "{}") =>
        Run(operation, parametersJson) ?? throw new InvalidOperationException($"{operation} answered nothing");

    public string Vpc(string cidr = "10.0.0.0/16", bool ipv6 = false) =>
        Ok("CreateVpc", $$"""{"CidrBlock":"{{cidr}}","AmazonProvidedIpv6CidrBlock":{{(ipv6 ? "true" : "false")}}}""")["Vpc"]!["VpcId"]!.GetValue<string>();

    public string Subnet(string vpcId, string cidr = "10.0.1.0/24", string zone = "us-east-1a") =>
        Ok("CreateSubnet", $$"""{"VpcId":"{{vpcId}}","CidrBlock":"{{cidr}}","AvailabilityZone":"{{zone}}"}""")["Subnet"]!["SubnetId"]!.GetValue<string>();

    public static string Str(JsonNode? node) => node!.GetValue<string>();
}
