using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.Net;

namespace VpcLab.CloudFormation.Intrinsics;

/// <summary>Fn::Cidr [ipBlock, count, cidrBits]: the first <c>count</c> (1 to 256) blocks, in address order, of
/// <c>cidrBits</c> host bits each (a mask of 32 − cidrBits for IPv4, 128 − cidrBits for IPv6) inside ipBlock, starting
/// at its first address. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
/// (docs/cloudformation.md#fn-cidr).</summary>
internal static class CidrFunction
{
    public static JsonArray Cidr(JsonArray args, IEvaluationScope scope)
    {
        var blockText = IntrinsicEvaluator.Text(IntrinsicEvaluator.Evaluate(args[0], scope), "Fn::Cidr");
        var count = Number(IntrinsicEvaluator.Evaluate(args[1], scope), "count");
        var cidrBits = Number(IntrinsicEvaluator.Evaluate(args[2], scope), "cidrBits");
        return new JsonArray([.. Blocks(blockText, count, cidrBits).Select(c => (JsonNode)JsonValue.Create(c.ToString()))]);
    }

    public static IReadOnlyList<Net.Cidr> Blocks(string blockText, int count, int cidrBits)
    {
        if (!Net.Cidr.TryParse(blockText, out var block))
            throw CloudFormationException.Validation($"Template error: Fn::Cidr: '{blockText}' is not a valid CIDR block");
        if (count is < 1 or > 256)
            throw CloudFormationException.Validation("Template error: Fn::Cidr count must be between 1 and 256");
        var bits = block.Family.BitLength();
        var prefix = bits - cidrBits;
        if (cidrBits < 0 || prefix < block.PrefixLength)
            throw CloudFormationException.Validation($"Template error: Fn::Cidr: a block of {cidrBits} host bits does not fit in {block}");
        var extra = prefix - block.PrefixLength;
        if (extra < 9 && count > 1 << extra)
            throw CloudFormationException.Validation($"Template error: Fn::Cidr: {block} holds only {1 << extra} blocks of /{prefix}, not {count}");
        var result = new List<Net.Cidr>(count);
        for (var i = 0; i < count; i++)
            result.Add(block.Subnet(prefix, (UInt128)i));
        return result;
    }

    private static int Number(JsonNode? node, string what)
    {
        var text = IntrinsicEvaluator.Text(node, "Fn::Cidr");
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CloudFormationException.Validation($"Template error: Fn::Cidr {what} must be an integer, found '{text}'");
    }
}
