using VpcLab.Model;
using VpcLab.Model.Policies;

namespace VpcLab.Engine.Policies;

/// <summary>Evaluates one resource policy on one request, as IAM does: a statement applies when its principal,
/// action, resource and all its conditions match; any applying Deny wins, else any applying Allow allows, else
/// the request is implicitly denied. Statement order never changes the decision; it only picks which statement
/// is reported (the first applying Deny, else the first applying Allow).</summary>
public static class PolicyEvaluator
{
    public static PolicyEvaluation Evaluate(PolicyDocument policy, PolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        PolicyStatementRef? firstAllow = null;
        for (int i = 0; i < policy.Statements.Length; i++)
        {
            var statement = policy.Statements[i];
            if (statement.Effect == PolicyEffect.Allow && firstAllow is not null)
                continue; // an Allow can no longer change the outcome; only a Deny can
            if (!Applies(statement, policy.Kind, request, policy.Version == PolicyDocument.Version2012))
                continue;
            var reference = new PolicyStatementRef(i, statement.Sid);
            if (statement.Effect == PolicyEffect.Deny)
                return new PolicyEvaluation(policy.Kind, PolicyDecision.ExplicitDeny, reference);
            firstAllow = reference;
        }
        return firstAllow is null
            ? new PolicyEvaluation(policy.Kind, PolicyDecision.ImplicitDeny, null)
            : new PolicyEvaluation(policy.Kind, PolicyDecision.Allow, firstAllow);
    }

    /// <summary>True when the statement applies to the request (whatever its Effect). <paramref name="policyVariables"/>:
    /// resolve <c>${…}</c> variables, as IAM does in a policy of Version 2012-10-17 (older versions take them
    /// literally).</summary>
    public static bool Applies(PolicyStatement statement, PolicyKind kind, PolicyRequest request, bool policyVariables = false)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(request);
        if (!PrincipalMatcher.Matches(statement.Principal, kind, request.Principal))
            return false;
        if (!MatchesAny(statement.Action, request.Action, isAction: true))
            return false;
        if (!MatchesAny(statement.Resource, request.Resource, isAction: false, policyVariables ? request : null))
            return false;
        foreach (var condition in statement.Conditions)
        {
            if (!ConditionEvaluator.IsSatisfied(condition, request, policyVariables))
                return false;
        }
        return true;
    }

    // Actions compare case-insensitively (s3:getobject is s3:GetObject); resources are case-sensitive ARNs, with
    // policy variables in their resource part (a variable with no value matches no resource).
    private static bool MatchesAny(StatementValues values, string requested, bool isAction, PolicyRequest? variables = null)
    {
        bool any = false;
        foreach (var pattern in values.Patterns)
        {
            if (isAction ? Wildcard.IsMatch(pattern, requested, StringComparison.OrdinalIgnoreCase) : ArnPattern.IsMatch(pattern, requested, variables))
            {
                any = true;
                break;
            }
        }
        return values.IsNegated ? !any : any;
    }
}
