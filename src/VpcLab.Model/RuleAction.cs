using VpcLab.Net;

namespace VpcLab.Model;

public enum RuleAction
{
    Allow,
    Deny,
}
