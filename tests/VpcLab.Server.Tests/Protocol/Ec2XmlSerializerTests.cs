using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using VpcLab.Server.Protocol;
using static VpcLab.Server.Tests.Protocol.Json;

namespace VpcLab.Server.Tests.Protocol;

public class Ec2XmlSerializerTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private const string Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static readonly Ec2XmlSerializer Serializer = Ec2XmlSerializer.Default;

    private static string Serialize(string action, JsonObject? result, string requestId = "req-1") =>
        Encoding.UTF8.GetString(Serializer.SerializeResponse(Ec2ServiceModel.Instance.FindOperation(action)!, result, requestId));

    [Fact]
    // Elements follow the model's member order, the order AWS writes them in.
    public void Serialize_CreateVpc_WritesLocationNamesSetsAndItems()
    {
        var xml = Serialize("CreateVpc", Obj("""
            {"Vpc":{"VpcId":"vpc-1","State":"available","CidrBlock":"10.0.0.0/16","IsDefault":false,
                    "Tags":[{"Key":"Name","Value":"main"}],"DhcpOptionsId":null}}
            """));
        Assert.Equal(Declaration +
            $"<CreateVpcResponse xmlns=\"{Ns}\"><requestId>req-1</requestId><vpc>" +
            "<isDefault>false</isDefault><tagSet><item><key>Name</key><value>main</value></item></tagSet>" +
            "<vpcId>vpc-1</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock></vpc></CreateVpcResponse>", xml);
    }

    [Fact]
    public void Serialize_OperationWithoutOutput_WritesReturnTrue() =>
        Assert.Equal(Declaration + $"<DeleteVpcResponse xmlns=\"{Ns}\"><requestId>r</requestId><return>true</return></DeleteVpcResponse>",
            Serialize("DeleteVpc", null, "r"));

    [Fact]
    public void EmptyList_IsEmptyElement_NullIsOmitted() =>
        Assert.Equal(Declaration + $"<DescribeVpcsResponse xmlns=\"{Ns}\"><requestId>r</requestId><vpcSet/></DescribeVpcsResponse>",
            Serialize("DescribeVpcs", Obj("""{"Vpcs":[],"NextToken":null}"""), "r"));

    [Fact]
    public void Serialize_Scalars_WritesBooleansIntegersLongsTimestamps()
    {
        var result = new JsonObject
        {
            ["FlowLogs"] = new JsonArray(new JsonObject
            {
                ["CreationTime"] = new DateTime(2026, 11, 23, 1, 2, 3, 45, DateTimeKind.Utc),
                ["MaxAggregationInterval"] = 60,
                ["FlowLogId"] = "fl-1",
            }),
        };
        var xml = Serialize("DescribeFlowLogs", result);
        Assert.Contains("<flowLogSet><item><creationTime>2026-11-23T01:02:03.045Z</creationTime>", xml);
        Assert.Contains("<maxAggregationInterval>60</maxAggregationInterval>", xml);

        var pl = Serialize("ModifyManagedPrefixList", Obj("""{"PrefixList":{"Version":9007199254740993,"MaxEntries":10}}"""));
        Assert.Contains("<prefixList><maxEntries>10</maxEntries><version>9007199254740993</version></prefixList>", pl);

        // timestamps given as text (e.g. from JSON) and as DateTimeOffset are normalised to UTC milliseconds
        var fromText = Serialize("DescribeFlowLogs", Obj("""{"FlowLogs":[{"CreationTime":"2026-11-23T03:02:03+02:00"}]}"""));
        Assert.Contains("<creationTime>2026-11-23T01:02:03.000Z</creationTime>", fromText);
        var fromOffset = Serialize("DescribeFlowLogs", new JsonObject
        {
            ["FlowLogs"] = new JsonArray(new JsonObject { ["CreationTime"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) }),
        });
        Assert.Contains("<creationTime>2026-01-02T03:04:05.000Z</creationTime>", fromOffset);
    }

    [Fact]
    public void Serialize_BooleanOutput_IsLowerCase() =>
        Assert.Contains("<return>true</return>", Serialize("AssociateAddress", Obj("""{"AssociationId":"eipassoc-1"}""")) +
            Serialize("DeleteVpcPeeringConnection", Obj("""{"Return":true}""")));

    [Fact]
    public void Text_IsEscaped_AndInvalidXmlCharactersReplaced()
    {
        var xml = Serialize("CreateSecurityGroup", new JsonObject
        {
            ["GroupId"] = "a<b>&c\"d'e\r\nf\u0001g\uFFFFh caf\u00e9 \u65e5\u672c \U0001F600 \uD800",
        });
        Assert.Contains("<groupId>a&lt;b&gt;&amp;c\"d'e&#xD;\nf\uFFFDg\uFFFDh caf\u00e9 \u65e5\u672c \U0001F600 \uFFFD</groupId>", xml);
        // and it is well-formed XML whose text reads back (CR preserved through &#xD;)
        var doc = XDocument.Parse(xml);
        Assert.Equal("a<b>&c\"d'e\r\nf\uFFFDg\uFFFDh caf\u00e9 \u65e5\u672c \U0001F600 \uFFFD",
            doc.Root!.Element(XName.Get("groupId", Ns))!.Value);
    }

    [Fact]
    public void Serialize_RequestId_IsEscaped() =>
        Assert.Contains("<requestId>&lt;x&gt;</requestId>", Serialize("DeleteVpc", null, "<x>"));

    [Fact]
    public void Serialize_UnknownMember_IsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => Serialize("CreateVpc", Obj("""{"Vpc":{"VpcId":"v","Bogus":1}}""")));
        Assert.Contains("Bogus", ex.Message);
    }

    [Theory]
    [InlineData("""{"Vpc":"not an object"}""")]
    [InlineData("""{"Vpc":{"Tags":{"Key":"k"}}}""")]
    [InlineData("""{"Vpc":{"IsDefault":"maybe"}}""")]
    [InlineData("""{"Vpc":{"Tags":[{"Key":{"x":1}}]}}""")]
    public void WrongKind_IsArgumentException(string json) =>
        Assert.Throws<ArgumentException>(() => Serialize("CreateVpc", Obj(json)));

    [Fact]
    public void Serialize_Error_WritesAwsEnvelope()
    {
        var xml = Encoding.UTF8.GetString(Ec2XmlSerializer.SerializeError("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist", "r-9"));
        Assert.Equal(Declaration + "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code>" +
            "<Message>The vpc ID 'vpc-1' does not exist</Message></Error></Errors><RequestID>r-9</RequestID></Response>", xml);
    }

    [Fact]
    public void Response_IsWellFormed_ForEveryOperationWithAnEmptyResult()
    {
        foreach (var op in Ec2ServiceModel.Instance.Operations)
        {
            var xml = Encoding.UTF8.GetString(Serializer.SerializeResponse(op, [], "r"));
            var root = XDocument.Parse(xml).Root!;
            Assert.Equal(XName.Get(op.Name + "Response", Ns), root.Name);
        }
    }
}
