using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>The NACL entry that decided (RA's AnalysisAclRule). Rule 32767/32768 is the implicit '*' deny.</summary>
public sealed record AclRuleRef(int RuleNumber, bool Egress, RuleAction RuleAction, string Protocol, Cidr? Cidr,
    PortRange? PortRange)
{
    public bool IsDefaultDeny => RuleNumber is NetworkAcl.DefaultDenyRuleNumberV4 or NetworkAcl.DefaultDenyRuleNumberV6;
}
