using System.Buffers;
using System.Security;
using System.Text;
using VpcLab.ControlPlane;

namespace VpcLab.Server.Hosting;

/// <summary>STS's GetCallerIdentity, the one STS call clients make to learn who they are (the account a key maps
/// to here).</summary>
public static class StsResponses
{
    public static void WriteGetCallerIdentity(IBufferWriter<byte> output, RequestContext context, string? accessKeyId, string requestId)
    {
        var account = context.Account.Value;
        var user = SecurityElement.Escape(accessKeyId ?? "anonymous");
        var xml = $"""
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::{account}:user/{user}</Arn>
                <UserId>{user}</UserId>
                <Account>{account}</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """;
        output.Write(Encoding.UTF8.GetBytes(xml));
    }
}
