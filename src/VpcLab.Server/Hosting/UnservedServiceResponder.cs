using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.Hosting;

/// <summary>Calls signed for an AWS service VpcLab does not serve (DynamoDB, Route 53, SQS, …) get an error in that
/// service's own protocol, naming the service, so the client prints a readable message instead of choking on EC2's
/// XML: JSON-protocol calls (<c>X-Amz-Target</c>) and REST-JSON calls get
/// <c>{"__type":"UnknownOperationException","message":…}</c> (400); Query-protocol calls (an <c>Action</c>) and the
/// REST-XML services (Route 53, CloudFront) get <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;InvalidAction…</c>
/// (400). docs/semantics.md#unserved-services.</summary>
public static class UnservedServiceResponder
{
    public const string JsonCode = "UnknownOperationException";
    public const string XmlCode = "InvalidAction";

    /// <summary>SigV4 signing names of what this endpoint serves: EC2 (and, signed "" or not at all, anything
    /// EC2's envelope answers), STS's GetCallerIdentity, S3, CloudWatch Logs, Systems Manager's public parameters,
    /// Elastic Load Balancing v2, CloudFormation.</summary>
    private static readonly HashSet<string> Served = new(StringComparer.Ordinal) { "", "ec2", "sts", "s3", "logs", "ssm", "elasticloadbalancing", "cloudformation" };

    // botocore's rest-xml services other than S3 (which is served): their clients read only XML errors.
    private static readonly HashSet<string> RestXml = new(StringComparer.Ordinal) { "route53", "cloudfront" };

    /// <summary>The signing name of a service VpcLab does not serve, or null when the request is for this
    /// endpoint.</summary>
    public static string? UnservedService(SigV4Credential? credential) =>
        credential is null || Served.Contains(credential.Service) ? null : credential.Service;

    public const string ServedList = "EC2 (VPC networking and Reachability Analyzer), Elastic Load Balancing v2 (Network Load Balancers), S3, CloudWatch Logs, CloudFormation, Systems Manager public parameters (GetParameter, GetParameters, GetParametersByPath) and STS GetCallerIdentity";

    public static string Message(string service, string? operation) =>
        $"VpcLab does not serve the AWS service '{service}'{(operation is null ? "" : $" (operation {operation})")}. This endpoint serves {ServedList}.";

    public static async Task WriteAsync(HttpContext http, string service)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var requestId = RequestIds.Next();
        var target = request.Headers["X-Amz-Target"].ToString();
        var isJson = target.Length > 0;
        var queryAction = isJson ? null : await QueryActionAsync(request).ConfigureAwait(false);
        var operation = isJson ? target[(target.LastIndexOf('.') + 1)..] : queryAction;
        CallDescription.Describe(http, service: service, action: operation);
        var message = Message(service, operation is { Length: > 0 and <= 128 } ? operation : null);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.Headers["x-amzn-RequestId"] = requestId;
        byte[] body;
        if (isJson || (queryAction is null && !RestXml.Contains(service)))
        {
            response.Headers["x-amzn-ErrorType"] = JsonCode;
            response.ContentType = request.ContentType is { } type && type.StartsWith("application/x-amz-json", StringComparison.Ordinal)
                ? type : "application/x-amz-json-1.1";
            body = Encoding.UTF8.GetBytes(new JsonObject { ["__type"] = JsonCode, ["message"] = message }.ToJsonString());
        }
        else
        {
            response.ContentType = "text/xml";
            body = Xml(message, requestId);
        }
        if (HttpMethods.IsHead(request.Method))
            return;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    /// <summary>The Query protocol's action (query string or form body), or null for a call of another protocol.</summary>
    private static async Task<string?> QueryActionAsync(HttpRequest request)
    {
        if (request.Query.TryGetValue("Action", out var inQuery))
            return inQuery.ToString();
        if (!request.HasFormContentType)
            return null;
        try
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            return form.TryGetValue("Action", out var action) ? action.ToString() : "";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return "";
        }
    }

    /// <summary>The Query/REST-XML error body botocore reads for every such service:
    /// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.</summary>
    private static byte[] Xml(string message, string requestId)
    {
        using var memory = new MemoryStream();
        using (var w = XmlWriter.Create(memory, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartElement("ErrorResponse");
            w.WriteStartElement("Error");
            w.WriteElementString("Type", "Sender");
            w.WriteElementString("Code", XmlCode);
            w.WriteElementString("Message", message);
            w.WriteEndElement();
            w.WriteElementString("RequestId", requestId);
            w.WriteEndElement();
        }
        return memory.ToArray();
    }
}
