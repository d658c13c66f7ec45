using System.Reflection;
using System.Text.Json;

namespace VpcLab.ControlPlane.Tests;

/// <summary>Request records must mirror the botocore EC2 model's input shapes (member names and nesting), so the
/// server's generic Query parser can bind form parameters to them. Data/ec2-input-shapes.json is extracted from
/// botocore's service-2.json for the actions implemented here.</summary>
public sealed class RequestShapeTests
{
    private static readonly JsonElement Model = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "ec2-input-shapes.json"))).RootElement;

    public static TheoryData<string> Operations =>
        [.. Model.GetProperty("operations").EnumerateObject().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Request_EveryProperty_IsAModelMemberOfTheRightKind(string operation)
    {
        var type = typeof(Ec2ControlPlane).Assembly.GetType($"VpcLab.ControlPlane.{operation}Request")
            ?? throw new InvalidOperationException($"no {operation}Request");
        var method = typeof(Ec2ControlPlane).GetMethod(operation, [typeof(RequestContext), type]);
        Assert.NotNull(method);
        var problems = new List<string>();
        Check(type, Model.GetProperty("operations").GetProperty(operation).GetString()!, operation, problems);
        Assert.Empty(problems);
    }

    private static void Check(Type type, string shape, string path, List<string> problems)
    {
        var members = Model.GetProperty("shapes").GetProperty(shape);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var where = $"{path}.{property.Name}";
            if (!members.TryGetProperty(property.Name, out var member))
            {
                problems.Add($"{where}: not a member of {shape}");
                continue;
            }
            var kind = member.GetProperty("type").GetString();
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            switch (kind)
            {
                case "string" when t != typeof(string):
                case "integer" when t != typeof(int):
                case "long" when t != typeof(long):
                case "boolean" when t != typeof(bool):
                    problems.Add($"{where}: {t.Name} for a {kind}");
                    break;
                case "structure":
                    Check(t, member.GetProperty("shape").GetString()!, where, problems);
                    break;
                case "list":
                    if (!t.IsGenericType || t.GetGenericTypeDefinition() != typeof(IReadOnlyList<>))
                    {
                        problems.Add($"{where}: {t.Name} for a list");
                        break;
                    }
                    var item = t.GetGenericArguments()[0];
                    if (member.GetProperty("member").GetString() == "structure")
                        Check(item, member.GetProperty("shape").GetString()!, where + "[]", problems);
                    else if (item != typeof(string))
                        problems.Add($"{where}: list of {item.Name} for a list of strings");
                    break;
            }
        }
    }
}
