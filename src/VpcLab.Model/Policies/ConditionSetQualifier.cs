namespace VpcLab.Model.Policies;

/// <summary>How a condition treats a multivalued context key: <c>ForAnyValue:</c> (some request value
/// matches) or <c>ForAllValues:</c> (every request value matches; true when the key is absent).</summary>
public enum ConditionSetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}
