using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Parameters;

/// <summary>The seam through which <c>AWS::SSM::Parameter::Value&lt;…&gt;</c> parameters are resolved (and
/// AWS::SSM::Parameter resources of a stack are read back). The control plane's public parameter store plugs in
/// here; until then <see cref="BuiltInSsmParameters"/> answers (docs/cloudformation.md#ssm-parameters).</summary>
public interface ISsmParameterSource
{
    /// <summary>The value of a parameter visible to this account in this Region, or null when there is none.</summary>
    string? Value(RequestContext context, string name);
}
