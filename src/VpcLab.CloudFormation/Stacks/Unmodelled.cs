namespace VpcLab.CloudFormation.Stacks;

/// <summary>Custom resources (Custom::Name, AWS::CloudFormation::CustomResource) run a Lambda function or an SNS topic
/// VpcLab does not run: they are always skipped, with an event saying so.</summary>
internal static class Unmodelled
{
    public static bool IsCustom(string type) =>
        type.StartsWith("Custom::", StringComparison.Ordinal) || type == "AWS::CloudFormation::CustomResource";
}
