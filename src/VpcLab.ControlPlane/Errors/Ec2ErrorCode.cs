namespace VpcLab.ControlPlane.Errors;

/// <summary>The code clients match on (AWS's exact spelling) and its HTTP status.</summary>
public sealed record Ec2ErrorCode(string Code, int HttpStatus = 400)
{
    public override string ToString() => Code;
}
