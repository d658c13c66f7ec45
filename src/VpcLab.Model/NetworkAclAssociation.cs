using System.Collections.Immutable;

namespace VpcLab.Model;

public sealed record NetworkAclAssociation(NetworkAclAssociationId Id, SubnetId SubnetId);
