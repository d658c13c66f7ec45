using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane.Snapshots;
using VpcLab.Model;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Hosting;

/// <summary>VpcLab's own read-only action: <c>GET /_vpclab/world?accessKeyId=KEY&amp;region=REGION</c> answers the
/// served world as a <see cref="WorldSnapshot"/> in its JSON form (<see cref="WorldSnapshotJson"/>), for
/// <c>vpclab trace|show|resolve --endpoint-url</c> and any other reader. The caller is whoever the access key maps to,
/// exactly as for an AWS call (<see cref="AccountDirectory"/>; a SigV4 Authorization header works too); the Region is
/// the one given, else the header's scope, else the server's default. 400 <c>UnknownRegion</c> for a Region the
/// server does not serve, 404 <c>UnknownAccount</c> for an account that owns nothing here (it never called).
/// docs/semantics.md#endpoint-url.</summary>
internal sealed class WorldEndpoint(ServerState state, AccountDirectory accounts, ServerOptions options)
{
    public IResult Handle(HttpContext http)
    {
        var credential = SigV4Credential.FromAuthorizationHeader(http.Request.Headers.Authorization.ToString());
        var key = NonEmpty(http.Request.Query["accessKeyId"].ToString()) ?? credential?.AccessKeyId;
        var region = NonEmpty(http.Request.Query["region"].ToString()) ?? NonEmpty(credential?.Region) ?? options.DefaultRegion;
        var account = accounts.AccountFor(key);
        // One read of the control plane: its Network is an immutable snapshot, consistent as it stands, and the clock
        // is read with it (a reset cannot run meanwhile: it waits at the request gate).
        var controlPlane = state.ControlPlane;
        var network = controlPlane.Network;
        if (!controlPlane.Regions.ContainsKey(region))
            return Error(StatusCodes.Status400BadRequest, "UnknownRegion", $"This server does not serve the Region '{region}'.");
        if (!network.Accounts.ContainsKey(account))
        {
            return Error(StatusCodes.Status404NotFound, "UnknownAccount",
                $"The account {account} (access key {key ?? "none"}) has made no call to this server and owns nothing here.");
        }
        var snapshot = new WorldSnapshot(account, region, state.Clock.GetUtcNow(), network);
        return Results.Text(WorldSnapshotJson.Serialize(snapshot), "application/json");
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = code, message }, statusCode: status);
}
