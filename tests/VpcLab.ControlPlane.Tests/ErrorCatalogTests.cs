using System.Reflection;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests;

public sealed class ErrorCatalogTests
{
    // Every family's codes (Ec2Errors, ResourceIdErrors, VpcErrors, …): one catalogue across the Errors namespace.
    private static IEnumerable<Ec2ErrorCode> Codes() =>
        typeof(Ec2Errors).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Ec2Errors).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Ec2ErrorCode)).Select(f => (Ec2ErrorCode)f.GetValue(null)!);

    // STYLE §3: codes are data in one place; one code string never carries two HTTP statuses.
    [Fact]
    public void Ec2Errors_Codes_OneStatusPerCodeAndAwsShape()
    {
        var codes = Codes().ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes.GroupBy(c => c.Code), g => Assert.Single(g.Select(c => c.HttpStatus).Distinct()));
        Assert.All(codes, c => Assert.Matches("^[A-Z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)?$", c.Code));
    }

    // AWS: DryRunOperation is HTTP 412; client errors are 400.
    [Theory]
    [InlineData("DryRunOperation", 412)]
    [InlineData("InvalidVpcID.NotFound", 400)]
    [InlineData("InvalidParameterValue", 400)]
    public void Ec2Errors_KnownCodes_AwsStatus(string code, int status) =>
        Assert.Equal(status, Codes().First(c => c.Code == code).HttpStatus);
}
