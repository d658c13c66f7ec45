using System.Text.Json.Nodes;
using VpcLab.ControlPlane.Errors;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Whatever member-name JSON reaches Execute, only AWS errors come out (Ec2Exception or
/// Ec2ProtocolException, which the host answers with 4xx), never another exception (a 500).</summary>
public sealed class Ec2RobustnessTests
{
    private static readonly JsonNode?[] OddValues =
    [
        JsonValue.Create("x"), JsonValue.Create(""), JsonValue.Create(-1), JsonValue.Create(int.MaxValue), JsonValue.Create(true),
        new JsonArray(), new JsonArray(JsonValue.Create("x")), new JsonObject(), new JsonArray(new JsonObject()), null,
    ];

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var op in new Ec2Harness().Dispatcher.SupportedOperations.Order(StringComparer.Ordinal))
            data.Add(op);
        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Execute_OddValueInEveryMember_OnlyAwsErrors(string operation)
    {
        var h = new Ec2Harness();
        var vpc = h.Vpc();
        h.Subnet(vpc);
        var input = Ec2ServiceModel.Instance.InputShape(operation);
        Check(h, operation, new JsonObject());
        foreach (var member in input?.Members ?? [])
        {
            foreach (var value in OddValues)
                Check(h, operation, new JsonObject { [member.Name] = value?.DeepClone() });
            // One level down: a structure (or a list of one structure) with one odd member.
            var inner = member.Shape.Type == Ec2ShapeType.List ? member.Shape.ListMember!.Shape : member.Shape;
            if (inner.Type != Ec2ShapeType.Structure)
                continue;
            foreach (var field in inner.Members)
            {
                foreach (var value in OddValues)
                {
                    var item = new JsonObject { [field.Name] = value?.DeepClone() };
                    Check(h, operation, new JsonObject { [member.Name] = member.Shape.Type == Ec2ShapeType.List ? new JsonArray(item) : item });
                }
            }
        }
    }

    private static void Check(Ec2Harness h, string operation, JsonObject parameters)
    {
        try
        {
            h.Dispatcher.Execute(operation, h.Context, parameters);
        }
        catch (Ec2Exception e)
        {
            Assert.InRange(e.HttpStatus, 400, 499);
        }
        catch (Ec2ProtocolException e)
        {
            Assert.InRange(e.HttpStatus, 400, 499);
        }
        catch (Exception e)
        {
            Assert.Fail($"{operation} {parameters.ToJsonString()}: {e.GetType().Name}: {e.Message}");
        }
    }
}
