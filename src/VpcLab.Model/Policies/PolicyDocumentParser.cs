using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VpcLab.Net;

namespace VpcLab.Model.Policies;

/// <summary>Reads a policy document with System.Text.Json and refuses, with a message naming the problem,
/// what AWS refuses in a resource policy. Element names are case-sensitive, as in IAM's grammar.</summary>
internal static class PolicyDocumentParser
{
    private static readonly string[] TopLevelKeys = ["Version", "Id", "Statement"];
    private static readonly string[] StatementKeys =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];
    private static readonly string[] PrincipalKeys = ["AWS", "Service", "Federated", "CanonicalUser"];

    public static PolicyDocument Parse(string? json, PolicyKind kind)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw Fail(kind, "The policy document is empty.");
        // EC2 counts characters; S3's 20 KB limit counts bytes.
        int size = kind == PolicyKind.S3Bucket ? Encoding.UTF8.GetByteCount(json) : json.Length;
        if (size > PolicyDocument.MaxLength)
        {
            var unit = kind == PolicyKind.S3Bucket ? "bytes" : "characters";
            throw Fail(kind, $"The policy document is {size.ToString(CultureInfo.InvariantCulture)} {unit} long; the maximum is {PolicyDocument.MaxLength.ToString(CultureInfo.InvariantCulture)}.");
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? $" (line {(line + 1).ToString(CultureInfo.InvariantCulture)}, position {((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)})"
                : "";
            throw Fail(kind, $"The policy document is not valid JSON{where}.");
        }

        using (parsed)
            return new Reader(kind).Document(parsed.RootElement);
    }

    private static PolicyValidationException Fail(PolicyKind kind, string message) => new(kind, message);

    private sealed class Reader(PolicyKind kind)
    {
        public PolicyDocument Document(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw Fail(kind, "The policy document must be a JSON object.");
            var members = Members(root, "The policy document", TopLevelKeys, "Version, Id, Statement");

            string? version = null;
            if (members.TryGetValue("Version", out var v))
            {
                version = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (version is not (PolicyDocument.Version2012 or PolicyDocument.Version2008))
                    throw Fail(kind, $"The policy Version {Show(v)} is not supported; use \"{PolicyDocument.Version2012}\" or \"{PolicyDocument.Version2008}\".");
            }
            string? id = null;
            if (members.TryGetValue("Id", out var idElement))
                id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : throw Fail(kind, "The policy Id must be a string.");

            if (!members.TryGetValue("Statement", out var statementElement))
                throw Fail(kind, "The policy document has no Statement.");
            var statementObjects = statementElement.ValueKind switch
            {
                JsonValueKind.Object => [statementElement],
                JsonValueKind.Array => statementElement.EnumerateArray().ToList(),
                _ => throw Fail(kind, "Statement must be an object or an array of objects."),
            };
            if (statementObjects.Count == 0)
                throw Fail(kind, "Statement must not be an empty array.");

            var statements = ImmutableArray.CreateBuilder<PolicyStatement>(statementObjects.Count);
            var sids = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < statementObjects.Count; i++)
            {
                var statement = Statement(statementObjects[i], i);
                if (statement.Sid is { Length: > 0 } sid && !sids.Add(sid))
                    throw Fail(kind, $"Statement {i.ToString(CultureInfo.InvariantCulture)}: the Sid \"{sid}\" is used by an earlier statement; Sids must be unique.");
                statements.Add(statement);
            }
            return new PolicyDocument(kind, version, id, statements.MoveToImmutable());
        }

        private PolicyStatement Statement(JsonElement element, int index)
        {
            var at = $"Statement {index.ToString(CultureInfo.InvariantCulture)}";
            if (element.ValueKind != JsonValueKind.Object)
                throw Fail(kind, $"{at} must be a JSON object.");
            var members = Members(element, at, StatementKeys, string.Join(", ", StatementKeys));

            string? sid = null;
            if (members.TryGetValue("Sid", out var sidElement))
            {
                sid = sidElement.ValueKind == JsonValueKind.String ? sidElement.GetString() : throw Fail(kind, $"{at}: Sid must be a string.");
                at += $" (Sid \"{sid}\")";
            }

            if (!members.TryGetValue("Effect", out var effectElement))
                throw Fail(kind, $"{at}: missing required field Effect.");
            var effect = (effectElement.ValueKind == JsonValueKind.String ? effectElement.GetString() : null) switch
            {
                "Allow" => PolicyEffect.Allow,
                "Deny" => PolicyEffect.Deny,
                _ => throw Fail(kind, $"{at}: Effect {Show(effectElement)} is invalid; it must be \"Allow\" or \"Deny\"."),
            };

            var (principalElement, notPrincipal) = Pair(members, at, "Principal", "NotPrincipal",
                missing: "missing required field Principal (a resource policy must name who it applies to)");
            var principal = Principal(principalElement, notPrincipal, $"{at}: {(notPrincipal ? "NotPrincipal" : "Principal")}");

            var (actionElement, notAction) = Pair(members, at, "Action", "NotAction", missing: "missing required field Action (or NotAction)");
            var actionName = notAction ? "NotAction" : "Action";
            var actions = Strings(actionElement, $"{at}: {actionName}");
            foreach (var action in actions)
            {
                if (!IsActionPattern(action))
                    throw Fail(kind, $"{at}: {actionName} \"{action}\" is invalid; an action is \"*\" or \"service:Action\" (e.g. \"s3:GetObject\", \"s3:*\").");
            }

            var (resourceElement, notResource) = Pair(members, at, "Resource", "NotResource", missing: "missing required field Resource (or NotResource)");
            var resourceName = notResource ? "NotResource" : "Resource";
            var resources = Strings(resourceElement, $"{at}: {resourceName}");
            foreach (var resource in resources)
            {
                if (resource != "*" && !(resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Count(c => c == ':') >= 5))
                    throw Fail(kind, $"{at}: {resourceName} \"{resource}\" is invalid; a resource is \"*\" or an ARN (e.g. \"arn:aws:s3:::bucket/*\").");
            }

            var conditions = members.TryGetValue("Condition", out var conditionElement)
                ? Conditions(conditionElement, at)
                : [];

            return new PolicyStatement(sid, effect, principal,
                new StatementValues(actions, notAction), new StatementValues(resources, notResource), conditions);
        }

        private (JsonElement Element, bool Negated) Pair(Dictionary<string, JsonElement> members, string at, string name, string notName, string missing)
        {
            bool has = members.TryGetValue(name, out var element);
            bool hasNot = members.TryGetValue(notName, out var notElement);
            if (has && hasNot)
                throw Fail(kind, $"{at}: has both {name} and {notName}; use one of them.");
            if (!has && !hasNot)
                throw Fail(kind, $"{at}: {missing}.");
            return has ? (element, false) : (notElement, true);
        }

        private PrincipalElement Principal(JsonElement element, bool negated, string at)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString() == "*"
                    ? PrincipalElement.Anyone with { IsNegated = negated }
                    : throw Fail(kind, $"{at} {Show(element)} is invalid; it must be \"*\" or an object such as {{\"AWS\": \"123456789012\"}}.");
            }
            if (element.ValueKind != JsonValueKind.Object)
                throw Fail(kind, $"{at} must be \"*\" or an object such as {{\"AWS\": \"123456789012\"}}.");
            var members = Members(element, at, PrincipalKeys, string.Join(", ", PrincipalKeys));
            if (members.Count == 0)
                throw Fail(kind, $"{at} is an empty object; name at least one principal.");

            ImmutableArray<string> Get(string key) => members.TryGetValue(key, out var e) ? Strings(e, $"{at}.{key}") : [];
            var aws = Get("AWS");
            foreach (var p in aws)
            {
                if (!IsAwsPrincipal(p))
                    throw Fail(kind, $"Invalid principal in policy: {at}.AWS \"{p}\" is not \"*\", a 12-digit account id or an IAM/STS ARN.");
            }
            var service = Get("Service");
            foreach (var s in service)
            {
                if (s.Contains('*', StringComparison.Ordinal) && s != "*")
                    throw Fail(kind, $"Invalid principal in policy: {at}.Service \"{s}\" may not contain a wildcard.");
            }
            return new PrincipalElement(negated, aws.Contains("*"), aws, service, Get("Federated"), Get("CanonicalUser"));
        }

        private ImmutableArray<PolicyCondition> Conditions(JsonElement element, string at)
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw Fail(kind, $"{at}: Condition must be an object of operator → {{key → value or list}}.");
            var result = ImmutableArray.CreateBuilder<PolicyCondition>();
            var operators = new HashSet<string>(StringComparer.Ordinal);
            foreach (var opMember in element.EnumerateObject())
            {
                if (!operators.Add(opMember.Name))
                    throw Fail(kind, $"{at}: Condition operator \"{opMember.Name}\" appears twice.");
                if (!ConditionOperator.TryParse(opMember.Name, out var op))
                    throw Fail(kind, $"{at}: unknown condition operator \"{opMember.Name}\".");
                if (opMember.Value.ValueKind != JsonValueKind.Object)
                    throw Fail(kind, $"{at}: Condition \"{opMember.Name}\" must map condition keys to values.");
                var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var keyMember in opMember.Value.EnumerateObject())
                {
                    var where = $"{at}: Condition {opMember.Name} \"{keyMember.Name}\"";
                    if (string.IsNullOrWhiteSpace(keyMember.Name))
                        throw Fail(kind, $"{at}: Condition \"{opMember.Name}\" has an empty condition key.");
                    if (!keys.Add(keyMember.Name))
                        throw Fail(kind, $"{where} appears twice.");
                    var values = ConditionValues(keyMember.Value, where);
                    foreach (var value in values)
                        CheckConditionValue(op.Kind, value, where);
                    result.Add(new PolicyCondition(op, keyMember.Name, values));
                }
            }
            return result.ToImmutable();
        }

        private ImmutableArray<string> ConditionValues(JsonElement element, string at)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                var list = element.EnumerateArray().Select(e => ConditionScalar(e, at)).ToImmutableArray();
                return list.Length > 0 ? list : throw Fail(kind, $"{at} has an empty list of values.");
            }
            return [ConditionScalar(element, at)];
        }

        private string ConditionScalar(JsonElement element, string at) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw Fail(kind, $"{at}: a condition value must be a string, number or boolean, not {Show(element)}."),
        };

        private void CheckConditionValue(ConditionOperatorKind op, string value, string at)
        {
            bool ok = op switch
            {
                ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => PolicyValueFormats.TryParseIpRange(value, out _),
                ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.NumericLessThan
                    or ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.NumericGreaterThan
                    or ConditionOperatorKind.NumericGreaterThanEquals => PolicyValueFormats.TryParseNumber(value, out _),
                ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals or ConditionOperatorKind.DateLessThan
                    or ConditionOperatorKind.DateLessThanEquals or ConditionOperatorKind.DateGreaterThan
                    or ConditionOperatorKind.DateGreaterThanEquals => PolicyValueFormats.TryParseDate(value, out _),
                ConditionOperatorKind.Bool or ConditionOperatorKind.Null => PolicyValueFormats.TryParseBool(value, out _),
                _ => true,
            };
            if (!ok)
                throw Fail(kind, $"{at}: value \"{value}\" is not valid for {op} (expected {Expected(op)}).");
        }

        private static string Expected(ConditionOperatorKind op) => op switch
        {
            ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => "an IPv4/IPv6 address or CIDR block",
            ConditionOperatorKind.Bool or ConditionOperatorKind.Null => "true or false",
            _ when op.ToString().StartsWith("Date", StringComparison.Ordinal) => "an ISO 8601 date or epoch seconds",
            _ => "a number",
        };

        private ImmutableArray<string> Strings(JsonElement element, string at)
        {
            if (element.ValueKind == JsonValueKind.String)
                return [NonEmpty(element.GetString()!, at)];
            if (element.ValueKind != JsonValueKind.Array)
                throw Fail(kind, $"{at} must be a string or a list of strings.");
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                    throw Fail(kind, $"{at} must be a string or a list of strings, not a list holding {Show(item)}.");
                builder.Add(NonEmpty(item.GetString()!, at));
            }
            return builder.Count > 0 ? builder.ToImmutable() : throw Fail(kind, $"{at} is an empty list.");
        }

        private string NonEmpty(string value, string at) =>
            value.Length > 0 ? value : throw Fail(kind, $"{at} has an empty string.");

        private Dictionary<string, JsonElement> Members(JsonElement obj, string at, string[] allowed, string expected)
        {
            var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var member in obj.EnumerateObject())
            {
                if (!allowed.Contains(member.Name, StringComparer.Ordinal))
                    throw Fail(kind, $"{at}: unknown field \"{member.Name}\" (expected {expected}).");
                if (!members.TryAdd(member.Name, member.Value))
                    throw Fail(kind, $"{at}: field \"{member.Name}\" appears twice.");
            }
            return members;
        }
    }

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    private static bool IsActionPattern(string action)
    {
        if (action == "*")
            return true;
        int colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == action.Length - 1 || action.IndexOf(':', colon + 1) >= 0)
            return false;
        return action.AsSpan(0, colon).ContainsOnlyServiceChars() && action.AsSpan(colon + 1).ContainsOnlyActionChars();
    }

    private static bool ContainsOnlyServiceChars(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                return false;
        }
        return true;
    }

    private static bool ContainsOnlyActionChars(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '*' or '?' or '-' or '_'))
                return false;
        }
        return true;
    }

    /// <summary>"*", a 12-digit account id, or an ARN of IAM or STS in any partition. AWS refuses
    /// wildcards inside principal ARNs (only the whole value may be "*").</summary>
    private static bool IsAwsPrincipal(string value)
    {
        if (value == "*")
            return true;
        if (value.Contains('*', StringComparison.Ordinal) || value.Contains('?', StringComparison.Ordinal))
            return false;
        if (PolicyValueFormats.IsAccountId(value))
            return true;
        var parts = value.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[1].StartsWith("aws", StringComparison.Ordinal)
            && parts[2] is "iam" or "sts" && PolicyValueFormats.IsAccountId(parts[4]) && parts[5].Length > 0;
    }
}
