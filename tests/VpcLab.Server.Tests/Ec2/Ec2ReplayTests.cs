using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The host makes mutations durable by logging (action, parameters) and replaying them through Execute
/// into a fresh dispatcher over a control plane with the same id seed: the replay must answer exactly what the
/// first run answered, ClientToken repeats included (the token cache is rebuilt by the replay itself).</summary>
public sealed class Ec2ReplayTests
{
    private static readonly (string Operation, string Json)[] Script =
    [
        ("CreateVpc", """{"CidrBlock":"10.0.0.0/16","AmazonProvidedIpv6CidrBlock":true}"""),
        ("CreateSubnet", """{"VpcId":"$vpc","CidrBlock":"10.0.1.0/24","AvailabilityZone":"us-east-1b"}"""),
        ("CreateRouteTable", """{"VpcId":"$vpc","ClientToken":"rt-1"}"""),
        ("CreateRouteTable", """{"VpcId":"$vpc","ClientToken":"rt-1"}"""),
        ("AllocateAddress", "{}"),
        ("CreateNatGateway", """{"SubnetId":"$subnet","ConnectivityType":"private","ClientToken":"nat-1"}"""),
        ("RunInstances", """{"ImageId":"ami-0fc50b841d13a3d05","MinCount":2,"MaxCount":2,"SubnetId":"$subnet","ClientToken":"run-1"}"""),
        ("RunInstances", """{"ImageId":"ami-0fc50b841d13a3d05","MinCount":2,"MaxCount":2,"SubnetId":"$subnet","ClientToken":"run-1"}"""),
        ("CreateTags", """{"Resources":["$vpc"],"Tags":[{"Key":"Name","Value":"replayed"}]}"""),
        ("CreateKeyPair", """{"KeyName":"replayed","KeyType":"ed25519"}"""), // key material too (docs/semantics.md#key-pairs)
    ];

    private static List<string> Run()
    {
        var h = new Ec2Harness(new ControlPlaneOptions { IdSeed = 7, Quotas = Ec2Quotas.Generous });
        var answers = new List<string>();
        string vpc = "", subnet = "";
        foreach (var (operation, json) in Script)
        {
            var result = h.Run(operation, json.Replace("$vpc", vpc, StringComparison.Ordinal).Replace("$subnet", subnet, StringComparison.Ordinal));
            vpc = result?["Vpc"]?["VpcId"]?.GetValue<string>() ?? vpc;
            subnet = result?["Subnet"]?["SubnetId"]?.GetValue<string>() ?? subnet;
            answers.Add(result?.ToJsonString() ?? "null");
        }
        answers.Add(h.Ok("DescribeInstances").ToJsonString());
        answers.Add(h.Ok("DescribeRouteTables").ToJsonString());
        return answers;
    }

    [Fact]
    public void Replay_SameSeedSameLog_AnswersIdentically()
    {
        var first = Run();
        var replay = Run();
        Assert.Equal(first, replay);
        Assert.Equal(first[2], first[3]); // the ClientToken repeat answered the first response
        Assert.Equal(first[6], first[7]);
        Assert.Equal(2, JsonNode.Parse(first[^2])!["Reservations"]![0]!["Instances"]!.AsArray().Count);
    }
}
