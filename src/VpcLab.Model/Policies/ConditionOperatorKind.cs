namespace VpcLab.Model.Policies;

/// <summary>The base of an IAM condition operator, AWS's exact spelling (the <c>IfExists</c> suffix and the
/// <c>ForAnyValue:</c>/<c>ForAllValues:</c> prefixes are held apart, in <see cref="ConditionOperator"/>).</summary>
public enum ConditionOperatorKind
{
    StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike,
    NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals,
    DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals, DateGreaterThan, DateGreaterThanEquals,
    Bool, BinaryEquals, IpAddress, NotIpAddress, ArnEquals, ArnLike, ArnNotEquals, ArnNotLike, Null,
}
