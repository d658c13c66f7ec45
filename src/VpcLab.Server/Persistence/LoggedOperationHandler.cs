using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.Server.Persistence;

/// <summary>How a logged operation that is not an EC2 action (e.g. an S3 one) is applied to the world, both when it
/// is first run (<see cref="ServerState.MutateAsync"/>) and when the log is replayed: a call of the control plane
/// with the parsed parameters, returning the answer as member-name JSON (null = empty).</summary>
public delegate JsonObject? LoggedOperationHandler(Ec2ControlPlane controlPlane, RequestContext context, JsonObject parameters);
