namespace VpcLab.CloudFormation.Stacks;

/// <summary>Custom resources (Custom::Name, AWS::CloudFormation::CustomResource) run a Lambda function or an SNS topic
/// VpcLab does not run: they are always skipped, with an event saying so. Nested stacks are refused by name.</summary>
internal static class Unmodelled
{
    public const string NestedStackRefusal =
        "VpcLab does not run nested stacks (AWS::CloudFormation::Stack); deploy the nested template as its own stack and pass its outputs as parameters";

    public static bool IsCustom(string type) =>
        type.StartsWith("Custom::", StringComparison.Ordinal) || type == "AWS::CloudFormation::CustomResource";
}
