using System.Buffers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Server.Persistence;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Hosting;

/// <summary>The Query-protocol front door (<c>POST /</c> form or <c>GET /?Action=…</c>): EC2, and STS's
/// GetCallerIdentity. It authenticates, parses with the service model, runs the action and writes AWS's XML;
/// every failure becomes AWS's error envelope with AWS's code and status, never a 5xx page.</summary>
public sealed class QueryEndpoint(ServerState state, AccountDirectory accounts, ServerOptions options)
{
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = RequestIds.Next();
        var response = http.Response;
        response.Headers["x-amzn-RequestId"] = requestId;
        var buffer = RentBuffer();
        // A POST may write: counted in flight from here, so a commit due meanwhile can wait for its record.
        using var intent = HttpMethods.IsPost(http.Request.Method) ? state.AnnounceWrite() : null;
        try
        {
            var body = await ReadBodyAsync(http.Request).ConfigureAwait(false);
            var credential = SigV4Credential.FromAuthorizationHeader(http.Request.Headers.Authorization.ToString());
            Authenticate(http.Request, body, credential);
            var form = ParseForm(http.Request, body);
            var context = new RequestContext(accounts.AccountFor(credential?.AccessKeyId),
                credential?.Region is { Length: > 0 } region ? region : options.DefaultRegion);

            var (action, isSts) = FindAction(form);
            CallDescription.Describe(http, service: isSts || credential?.Service == "sts" ? "sts" : "ec2", action: action);
            if (credential?.Service == "sts" && !isSts)
            {
                // Signed for STS but not its one call we serve: STS's own answer for an action it lacks.
                throw new Ec2ProtocolException(action is null ? "MissingAction" : "InvalidAction",
                    action is null ? "The request must contain the parameter Action" : $"Could not find operation {action} for version 2011-06-15");
            }
            if (isSts)
            {
                StsResponses.WriteGetCallerIdentity(buffer, context, credential?.AccessKeyId, requestId);
            }
            else
            {
                var request = Ec2QueryParser.Default.Parse(form);
                var result = await state.ExecuteAsync(context, request.Operation.Name, request.Parameters, intent).ConfigureAwait(false);
                Ec2XmlSerializer.Default.WriteResponse(buffer, request.Operation, result, requestId);
            }
            response.StatusCode = StatusCodes.Status200OK;
        }
        catch (Exception e)
        {
            buffer.Clear();
            var (status, code, message) = Describe(e);
            response.StatusCode = status;
            Ec2XmlSerializer.WriteError(buffer, code, message, requestId);
        }
        response.ContentType = Ec2XmlSerializer.ContentType;
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
        ReturnBuffer(buffer);
    }

    // One response buffer per thread, reused: a 4 KiB array per request was a tenth of the request's allocations.
    // Rented (taken off the thread) for the whole request, so an await that resumes elsewhere cannot share it.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static ArrayBufferWriter<byte> RentBuffer()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        buffer.ResetWrittenCount();
        return buffer;
    }

    private static void ReturnBuffer(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= 64 * 1024) // a large describe's buffer is not kept alive
            t_buffer = buffer;
    }

    /// <summary>Maps every failure to AWS's code and status. Only a bug of ours is a 500, and even then an XML
    /// InternalError, as AWS answers.</summary>
    public static (int Status, string Code, string Message) Describe(Exception e) => e switch
    {
        Ec2Exception ec2 => (ec2.Code.HttpStatus, ec2.Code.Code, ec2.Message),
        Ec2ProtocolException p => (p.HttpStatus, p.Code, p.Message),
        AuthFailureException a => (StatusCodes.Status401Unauthorized, "AuthFailure", a.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLarge", $"The request body exceeds {MaxBodyBytes} bytes."),
        BadHttpRequestException or InvalidDataException or FormatException =>
            (StatusCodes.Status400BadRequest, "MalformedQueryString", "The request body is not a valid form-encoded query: " + e.Message),
        _ => (StatusCodes.Status500InternalServerError, "InternalError", "An internal error has occurred"),
    };

    /// <summary>The largest request body accepted; EC2's own limit for Query requests is of this order.</summary>
    public const int MaxBodyBytes = 1 << 20;

    internal static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
            throw new Ec2ProtocolException("RequestEntityTooLarge", $"The request body exceeds {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength is { } length)
        {
            // The usual case (SDKs and CLIs send Content-Length): one exact buffer, copied straight from the
            // server's pipe (the body is usually already there whole), without the stream wrapper around it.
            var exact = new byte[length];
            var reader = request.BodyReader;
            var filled = 0;
            while (filled < exact.Length)
            {
                var read = await reader.ReadAsync().ConfigureAwait(false);
                var take = (int)Math.Min(read.Buffer.Length, exact.Length - filled);
                read.Buffer.Slice(0, take).CopyTo(exact.AsSpan(filled));
                filled += take;
                reader.AdvanceTo(read.Buffer.GetPosition(take));
                if (take == 0 && read.IsCompleted)
                    break;
            }
            return filled == exact.Length ? exact : exact[..filled];
        }
        using var memory = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
            {
                if (memory.Length + read > MaxBodyBytes)
                    throw new Ec2ProtocolException("RequestEntityTooLarge", $"The request body exceeds {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
                memory.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return memory.ToArray();
    }

    internal void Authenticate(HttpRequest request, byte[] body, SigV4Credential? credential)
    {
        if (options.VerifySignaturesWith is not { } secrets)
            return;
        if (credential is null)
            throw new AuthFailureException("AWS was not able to validate the provided access credentials (no AWS4-HMAC-SHA256 signature).");
        if (!secrets.TryGetValue(credential.AccessKeyId, out var secret) || !SigV4Verifier.IsValid(request, body, credential, secret))
            throw new AuthFailureException("AWS was not able to validate the provided access credentials");
    }

    /// <summary>Form fields of a POST body and the query string together, as EC2 accepts both.</summary>
    internal static List<KeyValuePair<string, string?>> ParseForm(HttpRequest request, byte[] body)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in request.Query)
        {
            foreach (var value in values)
                fields.Add(new(key, value ?? ""));
        }
        QueryFormDecoder.AddPairs(body, fields);
        return fields;
    }

    /// <summary>The first <c>Action</c>'s value, and whether any <c>Action</c> is STS's GetCallerIdentity.</summary>
    private static (string? Action, bool IsSts) FindAction(List<KeyValuePair<string, string?>> form)
    {
        string? first = null;
        var found = false;
        var isSts = false;
        foreach (var (key, value) in form)
        {
            if (key != "Action")
                continue;
            if (!found)
            {
                first = value;
                found = true;
            }
            isSts |= value == "GetCallerIdentity";
        }
        return (first, isSts);
    }
}
