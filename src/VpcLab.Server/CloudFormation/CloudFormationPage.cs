using System.Globalization;
using System.Text;
using VpcLab.CloudFormation;

namespace VpcLab.Server.CloudFormation;

/// <summary>One page of a CloudFormation list (ListStacks, DescribeStackEvents, ListStackResources, DescribeStacks):
/// AWS pages these by response size and takes no page size, answering NextToken while more remain; VpcLab pages by
/// count (<see cref="Size"/>), the token an opaque offset into the list. A token that is not one of its own is AWS's
/// ValidationError. docs/cloudformation.md#paging</summary>
internal static class CloudFormationPage
{
    /// <summary>Items a page (VpcLab's choice; the AWS CLI follows NextToken, so a caller sees every item).</summary>
    public const int Size = 100;

    public static (IReadOnlyList<T> Items, string? NextToken) Of<T>(IReadOnlyList<T> all, string? token)
    {
        var start = token is null ? 0 : Offset(token);
        if (start > all.Count)
            throw CloudFormationException.Validation("Invalid NextToken");
        var items = all.Skip(start).Take(Size).ToList();
        var next = start + items.Count < all.Count ? Token(start + items.Count) : null;
        return (items, next);
    }

    private static string Token(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("vpclab-page:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Offset(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("vpclab-page:", StringComparison.Ordinal) && int.TryParse(text["vpclab-page:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
            // not base64: refused below
        }
        throw CloudFormationException.Validation("Invalid NextToken");
    }
}
