using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>An EC2 action AWS has but VpcLab lacks answers HTTP 501 <c>NotImplemented</c> naming the action; a name
/// EC2 does not have answers 400 <c>InvalidAction</c> (docs/semantics.md#unknown-actions; AWS's Query API common
/// errors: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonErrors.html).</summary>
public sealed class UnknownActionTests : IAsyncLifetime
{
    private LoopbackEc2 _loopback = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _loopback = await LoopbackEc2.StartAsync(Ct);

    public ValueTask DisposeAsync() => _loopback.DisposeAsync();

    [Theory]
    [InlineData("DescribeTransitGateways", "NotImplemented", 501)] // EC2 has it, VpcLab does not
    [InlineData("CreateVpnGateway", "NotImplemented", 501)]
    [InlineData("FrobnicateVpc", "InvalidAction", 400)] // no such EC2 action
    [InlineData("describevpcs", "InvalidAction", 400)] // action names are case-sensitive
    [InlineData("CreateBucket", "InvalidAction", 400)] // S3's, not EC2's
    public void Parse_ActionNotServed_NotImplementedOnlyWhenEc2HasIt(string action, string code, int status)
    {
        var e = Assert.Throws<Ec2ProtocolException>(() => Ec2QueryParser.Default.Parse(new KeyValuePair<string, string?>[] { new("Action", action), new("Version", "2016-11-15") }));
        Assert.Equal(code, e.Code);
        Assert.Equal(status, e.HttpStatus);
        Assert.Contains(action, e.Message, StringComparison.Ordinal);
    }

    // Invariant: the served subset is part of EC2, and every other EC2 action is NotImplemented, never InvalidAction.
    [Fact]
    public void Catalog_EveryEc2ActionNotServed_IsNotImplemented()
    {
        Assert.All(Ec2ServiceModel.Instance.Operations, op => Assert.True(AwsActionCatalog.Ec2.IsAwsAction(op.Name), op.Name));
        Assert.True(AwsActionCatalog.Ec2.Count > 700, $"{AwsActionCatalog.Ec2.Count} EC2 actions"); // botocore 1.43.11 has 765
        var names = typeof(AmazonEC2Client).GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => m.Name[..^"Async".Length]).Distinct().Where(n => Ec2ServiceModel.Instance.FindOperation(n) is null && AwsActionCatalog.Ec2.IsAwsAction(n));
        Assert.All(names, n => Assert.Equal("NotImplemented", Ec2ProtocolErrors.UnknownAction(n).Code));
    }

    [Fact]
    public async Task Sdk_ActionEc2HasButVpcLabLacks_501NotImplementedNamingIt()
    {
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _loopback.Client.DescribeTransitGatewaysAsync(new DescribeTransitGatewaysRequest(), Ct));
        Assert.Equal("NotImplemented", e.ErrorCode);
        Assert.Equal(HttpStatusCode.NotImplemented, e.StatusCode);
        Assert.Contains("DescribeTransitGateways", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawForm_ActionEc2DoesNotHave_400InvalidAction()
    {
        using var http = new HttpClient();
        using var body = new FormUrlEncodedContent([new("Action", "FrobnicateVpc"), new("Version", "2016-11-15")]);
        using var response = await http.PostAsync(_loopback.Server.Url, body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidAction</Code><Message>The action FrobnicateVpc is not valid for this web service.</Message>",
            await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
