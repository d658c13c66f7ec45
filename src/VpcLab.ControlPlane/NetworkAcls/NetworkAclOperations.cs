using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The NetworkAcls operations.</summary>
public sealed class NetworkAclOperations
{
    private readonly ControlPlaneState _state;

    internal NetworkAclOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateNetworkAclResult CreateNetworkAcl(RequestContext ctx, CreateNetworkAclRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateNetworkAcl), request, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            if (tx.AtQuota(IndexedKinds.NetworkAcl, "vpc-id", vpc.Id.Value, tx.Quotas.NetworkAclsPerVpc))
                throw NetworkAclErrors.NetworkAclLimitExceeded(vpc.Id.Value);
            // AWS: a custom ACL has only the '*' deny rules (it blocks everything) and no associations.
            var acl = new NetworkAcl(new NetworkAclId(tx.NewId(IdPrefixes.NetworkAcl)), tx.Account, tx.RegionName, vpc.Id, false, [], []);
            tx.Put(acl);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.NetworkAcl, acl.Id.Value);
            return new CreateNetworkAclResult(acl);
        });

    public EmptyResult DeleteNetworkAcl(RequestContext ctx, DeleteNetworkAclRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var acl = tx.Require(ResourceKinds.NetworkAcl, request.NetworkAclId);
            if (acl.IsDefault)
                throw NetworkAclErrors.CannotDeleteDefaultNetworkAcl(acl.Id.Value);
            if (ResourceKinds.NetworkAcl.FirstBlocker(tx.World, acl) is not null)
                throw NetworkAclErrors.NetworkAclInUse(acl.Id.Value);
            tx.Remove(acl.Id);
            tx.RemoveTags(acl.Id.Value);
            return EmptyResult.Instance;
        });

    public DescribeNetworkAclsResult DescribeNetworkAcls(RequestContext ctx, DescribeNetworkAclsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.NetworkAclIds, id => tx.Require(ResourceKinds.NetworkAcl, id));
            static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
            var schema = new FilterSchema<NetworkAcl>(IndexedKinds.NetworkAcl)
                .Add("owner-id", a => a.OwnerId.Value)
                .AddMany("association.network-acl-id", a => a.Associations.Select(_ => a.Id.Value))
                .AddMany("entry.egress", a => a.Entries.Select(e => Wire.Bool(e.Egress)))
                .AddMany("entry.protocol", a => a.Entries.Select(e => I(e.Protocol.Number)))
                .AddMany("entry.rule-action", a => a.Entries.Select(e => e.Action == RuleAction.Allow ? "allow" : "deny"))
                .AddMany("entry.rule-number", a => a.Entries.Select(e => I(e.RuleNumber)))
                .AddMany("entry.port-range.from", a => a.Entries.Select(e => e.PortRange is { } p ? I(p.From) : null))
                .AddMany("entry.port-range.to", a => a.Entries.Select(e => e.PortRange is { } p ? I(p.To) : null))
                .AddMany("entry.icmp.type", a => a.Entries.Select(e => e.Icmp is { } i ? I(i.Type) : null))
                .AddMany("entry.icmp.code", a => a.Entries.Select(e => e.Icmp is { } i ? I(i.Code) : null));
            return new DescribeNetworkAclsResult([.. schema.Select(tx, request.Filters, named)]);
        });

    public EmptyResult CreateNetworkAclEntry(RequestContext ctx, CreateNetworkAclEntryRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var acl = tx.Require(ResourceKinds.NetworkAcl, request.NetworkAclId);
            var entry = ParseAclEntry(request.RuleNumber, request.Protocol, request.RuleAction, request.Egress, request.CidrBlock,
                request.Ipv6CidrBlock, request.PortRange, request.IcmpTypeCode);
            if (acl.Entries.Any(e => e.RuleNumber == entry.RuleNumber && e.Egress == entry.Egress))
                throw NetworkAclErrors.NetworkAclEntryAlreadyExists(entry.RuleNumber);
            var updated = acl with { Entries = acl.Entries.Add(entry) };
            CheckEntryQuota(tx, updated, entry);
            tx.Put(updated);
            return EmptyResult.Instance;
        });

    public EmptyResult ReplaceNetworkAclEntry(RequestContext ctx, ReplaceNetworkAclEntryRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var acl = tx.Require(ResourceKinds.NetworkAcl, request.NetworkAclId);
            var entry = ParseAclEntry(request.RuleNumber, request.Protocol, request.RuleAction, request.Egress, request.CidrBlock,
                request.Ipv6CidrBlock, request.PortRange, request.IcmpTypeCode);
            var existing = acl.Entries.FirstOrDefault(e => e.RuleNumber == entry.RuleNumber && e.Egress == entry.Egress)
                ?? throw NetworkAclErrors.NetworkAclEntryNotFound(entry.RuleNumber, entry.Egress, acl.Id.Value);
            var updated = acl with { Entries = acl.Entries.Replace(existing, entry) };
            CheckEntryQuota(tx, updated, entry); // a rule moved to the other family counts there
            tx.Put(updated);
            return EmptyResult.Instance;
        });

    public EmptyResult DeleteNetworkAclEntry(RequestContext ctx, DeleteNetworkAclEntryRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var acl = tx.Require(ResourceKinds.NetworkAcl, request.NetworkAclId);
            int number = request.RuleNumber ?? throw Ec2Errors.MissingParameter("RuleNumber");
            bool egress = request.Egress ?? throw Ec2Errors.MissingParameter("Egress");
            var existing = acl.Entries.FirstOrDefault(e => e.RuleNumber == number && e.Egress == egress)
                ?? throw NetworkAclErrors.NetworkAclEntryNotFound(number, egress, acl.Id.Value);
            tx.Put(acl with { Entries = acl.Entries.Remove(existing) });
            return EmptyResult.Instance;
        });

    public ReplaceNetworkAclAssociationResult ReplaceNetworkAclAssociation(RequestContext ctx, ReplaceNetworkAclAssociationRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var associationId = request.AssociationId ?? throw Ec2Errors.MissingParameter("AssociationId");
            var target = tx.Require(ResourceKinds.NetworkAcl, request.NetworkAclId);
            var old = tx.Where(IndexedKinds.NetworkAcl, "association.association-id", associationId).FirstOrDefault(a => tx.Owned(a.OwnerId, a.Region))
                ?? throw RouteTableErrors.AssociationNotFound(associationId);
            var association = old.Associations.First(x => x.Id.Value == associationId);
            if (old.VpcId != target.VpcId)
                throw NetworkAclErrors.NetworkAclInOtherVpc(target.Id.Value, old.VpcId.Value);
            var replacement = new NetworkAclAssociation(new NetworkAclAssociationId(tx.NewId(IdPrefixes.NetworkAclAssociation)), association.SubnetId);
            tx.Put(old with { Associations = old.Associations.Remove(association) });
            target = tx.N.NetworkAcls[target.Id];
            tx.Put(target with { Associations = target.Associations.Add(replacement) });
            return new ReplaceNetworkAclAssociationResult(replacement.Id.Value);
        });

    /// <summary>AWS (amazon-vpc-limits, "Rules per network ACL"): a one-way quota, enforced separately for IPv4 and
    /// IPv6 rules, that includes the family's default deny rule (32767 / 32768), so one place is always taken
    /// (docs/semantics.md#nacl-entry-quota). Checked on the ACL as it would be stored.</summary>
    private static void CheckEntryQuota(Transaction tx, NetworkAcl acl, NetworkAclEntry entry)
    {
        int taken = acl.Entries.Count(e => e.Egress == entry.Egress && e.Cidr.Family == entry.Cidr.Family) + 1;
        if (taken > tx.Quotas.NetworkAclRulesPerDirection)
            throw NetworkAclErrors.NetworkAclEntryLimitExceeded(acl.Id.Value);
    }

    /// <summary>Validates one NACL rule (spec §5): number 1–32766; one CIDR of either family; PortRange required
    /// for TCP/UDP; IcmpTypeCode required for ICMP and for ICMPv6 with an IPv6 CIDR; ignored otherwise.</summary>
    private static NetworkAclEntry ParseAclEntry(int? ruleNumber, string? protocolText, string? action, bool? egress,
        string? cidrBlock, string? ipv6CidrBlock, PortRangeRequest? portRange, IcmpTypeCodeRequest? icmp)
    {
        int number = ruleNumber ?? throw Ec2Errors.MissingParameter("RuleNumber");
        if (number is < NetworkAcl.MinRuleNumber or > NetworkAcl.MaxRuleNumber)
            throw NetworkAclErrors.NetworkAclRuleNumberOutOfRange(number);
        if (!IpProtocol.TryParse(protocolText ?? throw Ec2Errors.MissingParameter("Protocol"), out var protocol))
            throw Ec2Errors.InvalidParameterValue($"Invalid value '{protocolText}' for protocol. Must be a protocol number between -1 and 255.");
        var ruleAction = action switch
        {
            "allow" => RuleAction.Allow,
            "deny" => RuleAction.Deny,
            null => throw Ec2Errors.MissingParameter("RuleAction"),
            _ => throw Ec2Errors.InvalidParameterValue($"Value ({action}) for parameter ruleAction is invalid. Valid values: allow, deny"),
        };
        bool isEgress = egress ?? throw Ec2Errors.MissingParameter("Egress");
        if ((cidrBlock is null) == (ipv6CidrBlock is null))
            throw Ec2Errors.InvalidParameterCombination("The request must contain exactly one of cidrBlock or ipv6CidrBlock");
        Cidr cidr;
        if (cidrBlock is not null)
        {
            cidr = Transaction.ParseCidr(cidrBlock, "cidrBlock");
            if (!cidr.IsV4)
                throw Ec2Errors.InvalidCidr(cidrBlock, "cidrBlock");
        }
        else
        {
            cidr = Transaction.ParseCidr(ipv6CidrBlock, "ipv6CidrBlock");
            if (!cidr.IsV6)
                throw Ec2Errors.InvalidCidr(ipv6CidrBlock, "ipv6CidrBlock");
        }
        PortRange? ports = null;
        IcmpTypeCode? icmpTypeCode = null;
        if (protocol.HasPorts)
        {
            if (portRange?.From is not { } from || portRange.To is not { } to)
                throw Ec2Errors.MissingParameter("PortRange");
            if (from is < 0 or > 65535 || to is < 0 or > 65535 || from > to)
                throw Ec2Errors.InvalidParameterValue($"Invalid value for portRange: from {from} to {to}. Ports must be 0-65535 and from <= to.");
            ports = new PortRange((ushort)from, (ushort)to);
        }
        else if (protocol.Number == 1 || (protocol.Number == 58 && cidr.IsV6))
        {
            if (icmp?.Type is not { } type || icmp.Code is not { } code)
                throw Ec2Errors.MissingParameter("Icmp");
            if (type is < -1 or > 255 || code is < -1 or > 255)
                throw Ec2Errors.InvalidParameterValue($"Invalid value for icmpTypeCode: type {type}, code {code}. Must be -1 or 0-255.");
            icmpTypeCode = new IcmpTypeCode(type, code);
        }
        return new NetworkAclEntry(number, isEgress, protocol, ruleAction, cidr, ports, icmpTypeCode);
    }
}
