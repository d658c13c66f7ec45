using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane;
using VpcLab.Server.Hosting;
using VpcLab.Server.Persistence;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Elb;

/// <summary>The Elastic Load Balancing v2 front door: Query protocol (<c>Action=…&amp;Version=2015-12-01</c>) signed
/// for <c>elasticloadbalancing</c>, parsed with botocore's elbv2 model, run (a mutation through
/// <see cref="ServerState.MutateAsync"/>, so it is logged and replayed like EC2's), answered in ELBv2's XML and error
/// envelope.</summary>
public sealed class ElbEndpoint(ServerState state, QueryEndpoint query)
{
    public const string SigningName = "elasticloadbalancing";

    private static readonly QueryProtocolParser s_parser = new(Ec2ServiceModel.Elbv2, "Elastic Load Balancing v2");
    private static readonly QueryXmlSerializer s_serializer = new(Ec2ServiceModel.Elbv2);

    public async Task HandleAsync(HttpContext http, SigV4Credential credential, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(http);
        var requestId = RequestIds.Next();
        var response = http.Response;
        response.Headers["x-amzn-RequestId"] = requestId;
        byte[] body;
        try
        {
            var raw = await QueryEndpoint.ReadBodyAsync(http.Request).ConfigureAwait(false);
            query.Authenticate(http.Request, raw, credential);
            var form = QueryEndpoint.ParseForm(http.Request, raw);
            CallDescription.Describe(http, service: SigningName, action: form.FirstOrDefault(p => p.Key == "Action").Value);
            var request = s_parser.Parse(form, AwsActionCatalog.Elbv2.IsAwsAction);
            var action = request.Operation.Name;
            var result = ElbActions.IsMutating(action)
                ? await state.MutateAsync(context, ElbActions.LogPrefix + action, request.Parameters).ConfigureAwait(false)
                : ElbActions.Read(state.ControlPlane, context, action, request.Parameters);
            body = s_serializer.Response(request.Operation, result, requestId);
            response.StatusCode = StatusCodes.Status200OK;
        }
        catch (Exception e)
        {
            var (status, code, message) = QueryEndpoint.Describe(e);
            response.StatusCode = status;
            body = s_serializer.Error(code, message, requestId, sender: status < 500);
        }
        response.ContentType = "text/xml";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
