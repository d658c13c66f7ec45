using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>The security group rule that allowed the packet (RA's AnalysisSecurityGroupRule).</summary>
public sealed record SecurityGroupRuleRef(SecurityGroupId SecurityGroupId, SecurityGroupRuleId RuleId,
    TrafficDirection Direction, string Protocol, int FromPort, int ToPort, string Peer, PrefixListId? PrefixListId);
