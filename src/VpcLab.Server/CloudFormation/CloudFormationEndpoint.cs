using System.Xml;
using Microsoft.AspNetCore.Http;
using VpcLab.CloudFormation;
using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Hosting;
using VpcLab.Server.Persistence;
using VpcLab.Server.S3;
using static VpcLab.Server.CloudFormation.CloudFormationXml;

namespace VpcLab.Server.CloudFormation;

/// <summary>CloudFormation's Query protocol (signing name <c>cloudformation</c>, Version 2010-05-15): the stack,
/// change-set, template and export actions over the <see cref="CloudFormationStacks"/> of the served world. Calls that
/// change the world go through <see cref="ServerState.MutateAsync"/> (logged as <see cref="CloudFormationLogOperations"/>);
/// a template named by TemplateURL is read from VpcLab's own S3. Errors are CloudFormation's XML envelope.</summary>
public sealed class CloudFormationEndpoint(ServerState state, S3BucketStore buckets)
{
    public async Task HandleAsync(HttpContext http, string account, string region)
    {
        ArgumentNullException.ThrowIfNull(http);
        var requestId = RequestIds.Next();
        var response = http.Response;
        response.Headers["x-amzn-RequestId"] = requestId;
        byte[] body;
        try
        {
            var fields = http.Request.HasFormContentType
                ? (await http.Request.ReadFormAsync().ConfigureAwait(false)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in http.Request.Query)
                fields.TryAdd(key, value.ToString());
            var form = new CloudFormationForm(fields);
            var action = form["Action"] ?? "";
            Hosting.CallDescription.Describe(http, service: "cloudformation", action: action);
            var context = new RequestContext(new AccountId(account), region);
            body = Response(action, requestId, await RunAsync(action, form, context).ConfigureAwait(false));
            response.StatusCode = StatusCodes.Status200OK;
        }
        catch (CloudFormationException e)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            body = Error(e.Code, e.Message, requestId);
        }
        catch (NotSupportedException e)
        {
            response.StatusCode = StatusCodes.Status501NotImplemented;
            body = Error("NotImplemented", e.Message, requestId);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            body = Error("MalformedQueryString", "The request body is not a valid form-encoded query: " + e.Message, requestId);
        }
        response.ContentType = "text/xml";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private CloudFormationStacks Stacks => CloudFormationServices.For(state.ControlPlane);

    private async Task<Action<XmlWriter>?> RunAsync(string action, CloudFormationForm form, RequestContext context)
    {
        switch (action)
        {
            case "CreateStack":
            case "UpdateStack":
                var stackRequest = form.StackRequest(Template(form, required: !form.Flag("UsePreviousTemplate")));
                var op = action == "CreateStack" ? CloudFormationLogOperations.CreateStack : CloudFormationLogOperations.UpdateStack;
                var created = await state.MutateAsync(context, op, CloudFormationLogOperations.Parameters(stackRequest)).ConfigureAwait(false);
                return w => w.WriteElementString("StackId", (string?)created!["StackId"]);
            case "DeleteStack":
                await state.MutateAsync(context, CloudFormationLogOperations.DeleteStack, new() { ["StackName"] = form.Required("StackName") }).ConfigureAwait(false);
                return null;
            case "CreateChangeSet":
                var changeRequest = form.StackRequest(Template(form, required: !form.Flag("UsePreviousTemplate")));
                var made = await state.MutateAsync(context, CloudFormationLogOperations.CreateChangeSet,
                    CloudFormationLogOperations.Parameters(changeRequest, form.Required("ChangeSetName"), form["ChangeSetType"])).ConfigureAwait(false);
                return w =>
                {
                    w.WriteElementString("Id", (string?)made!["Id"]);
                    w.WriteElementString("StackId", (string?)made["StackId"]);
                };
            case "ExecuteChangeSet":
            case "DeleteChangeSet":
                var parameters = new System.Text.Json.Nodes.JsonObject { ["ChangeSetName"] = form.Required("ChangeSetName") };
                if (form["StackName"] is { } stackName)
                    parameters["StackName"] = stackName;
                Stacks.ChangeSets.DescribeChangeSet(context, form.Required("ChangeSetName"), form["StackName"]); // ChangeSetNotFound before logging
                await state.MutateAsync(context, action == "ExecuteChangeSet" ? CloudFormationLogOperations.ExecuteChangeSet : CloudFormationLogOperations.DeleteChangeSet, parameters).ConfigureAwait(false);
                return _ => { }; // an empty <…Result/>: both actions have an (empty) output shape
            default:
                return Read(action, form, context);
        }
    }

    private Action<XmlWriter> Read(string action, CloudFormationForm form, RequestContext context) => action switch
    {
        "DescribeStacks" => DescribeStacks(form, context),
        "DescribeStackEvents" => Paged(form, "StackEvents", [.. Enumerable.Reverse(Stacks.Get(context, form.Required("StackName")).Events)], Event),
        "DescribeStackResources" => DescribeStackResources(form, context),
        "DescribeStackResource" => DescribeStackResource(form, context),
        "ListStackResources" => ListStackResources(form, context),
        "ListStacks" => ListStacks(form, context),
        "GetTemplate" => GetTemplate(form, context),
        "ValidateTemplate" => ValidateTemplate(form),
        "GetTemplateSummary" => GetTemplateSummary(form, context),
        "ListExports" => w => Members(w, "Exports", Stacks.Exports(context), (w, e) =>
        {
            w.WriteElementString("ExportingStackId", e.ExportingStackId);
            w.WriteElementString("Name", e.Name);
            w.WriteElementString("Value", e.Value);
        }),
        "DescribeChangeSet" => DescribeChangeSet(form, context),
        "ListChangeSets" => w => Members(w, "Summaries", Stacks.ChangeSets.ListChangeSets(context, form.Required("StackName")), (w, c) =>
        {
            w.WriteElementString("StackId", c.StackId);
            w.WriteElementString("StackName", c.StackName);
            w.WriteElementString("ChangeSetId", c.ChangeSetId);
            w.WriteElementString("ChangeSetName", c.ChangeSetName);
            w.WriteElementString("ExecutionStatus", c.ExecutionStatus);
            w.WriteElementString("Status", c.Status);
            w.WriteElementString("CreationTime", Time(c.CreationTime));
        }),
        "" => throw new CloudFormationException("MissingAction", "The request must contain the parameter Action"),
        _ => throw new NotSupportedException($"VpcLab does not implement the CloudFormation action {action} (docs/cloudformation.md lists the actions it serves)"),
    };

    private Action<XmlWriter> DescribeStacks(CloudFormationForm form, RequestContext context)
    {
        var stacks = form["StackName"] is { } name ? [Stacks.Get(context, name)] : Stacks.All(context).Where(s => !s.IsDeleted).ToList();
        return Paged(form, "Stacks", stacks, Stack);
    }

    private Action<XmlWriter> DescribeStackResources(CloudFormationForm form, RequestContext context)
    {
        var stack = Stacks.Get(context, form.Required("StackName"));
        var logical = form["LogicalResourceId"];
        return w => Members(w, "StackResources", stack.Resources.Where(r => logical is null || r.LogicalResourceId == logical), (w, r) => Resource(w, stack, r, summary: false));
    }

    private Action<XmlWriter> DescribeStackResource(CloudFormationForm form, RequestContext context)
    {
        var stack = Stacks.Get(context, form.Required("StackName"));
        var logical = form.Required("LogicalResourceId");
        var resource = stack.Resources.FirstOrDefault(r => r.LogicalResourceId == logical)
            ?? throw CloudFormationException.Validation($"Resource {logical} does not exist for stack {stack.StackName}");
        return w =>
        {
            w.WriteStartElement("StackResourceDetail");
            Resource(w, stack, resource, summary: true);
            Optional(w, "Metadata", CloudFormationStacks.ResourceMetadata(stack, logical));
            w.WriteEndElement();
        };
    }

    private Action<XmlWriter> ListStackResources(CloudFormationForm form, RequestContext context)
    {
        var stack = Stacks.Get(context, form.Required("StackName"));
        return Paged(form, "StackResourceSummaries", stack.Resources, (w, r) => Resource(w, stack, r, summary: true));
    }

    private Action<XmlWriter> ListStacks(CloudFormationForm form, RequestContext context)
    {
        var filter = form.Strings("StackStatusFilter");
        var stacks = Stacks.All(context).Where(s => filter.Count == 0 || filter.Contains(s.StackStatus)).ToList();
        return Paged(form, "StackSummaries", stacks, (w, s) =>
        {
            w.WriteElementString("StackId", s.StackId);
            w.WriteElementString("StackName", s.StackName);
            Optional(w, "TemplateDescription", s.Description);
            TimesAndStatus(w, s);
            Drift(w, "StackDriftStatus");
        });
    }

    /// <summary>A list answered a page at a time (<see cref="CloudFormationPage"/>), NextToken after the members.</summary>
    private static Action<XmlWriter> Paged<T>(CloudFormationForm form, string name, IReadOnlyList<T> all, Action<XmlWriter, T> item)
    {
        var (items, next) = CloudFormationPage.Of(all, form["NextToken"]);
        return w =>
        {
            Members(w, name, items, item);
            Optional(w, "NextToken", next);
        };
    }

    private Action<XmlWriter> GetTemplate(CloudFormationForm form, RequestContext context)
    {
        var stack = form["ChangeSetName"] is { } changeSet
            ? Stacks.ChangeSets.DescribeChangeSet(context, changeSet, form["StackName"]).Request.TemplateBody
            : Stacks.Get(context, form.Required("StackName")).TemplateBody;
        return w =>
        {
            w.WriteElementString("TemplateBody", stack);
            Members(w, "StagesAvailable", ["Original", "Processed"], (w, s) => w.WriteString(s));
        };
    }

    private Action<XmlWriter> ValidateTemplate(CloudFormationForm form)
    {
        var (description, parameters) = CloudFormationStacks.ValidateTemplate(Template(form, required: true));
        return w =>
        {
            Members(w, "Parameters", parameters, (w, p) =>
            {
                var declaration = p.Value as System.Text.Json.Nodes.JsonObject;
                w.WriteElementString("ParameterKey", p.Key);
                Optional(w, "DefaultValue", declaration?["Default"]?.ToString());
                w.WriteElementString("NoEcho", declaration?["NoEcho"]?.ToString() is "true" or "True" ? "true" : "false");
                Optional(w, "Description", declaration?["Description"]?.ToString());
            });
            Optional(w, "Description", description);
            Members(w, "Capabilities", Array.Empty<string>(), (_, _) => { });
        };
    }

    /// <summary>GetTemplateSummary (of a body, a URL or a live stack's template): its parameters with their types and
    /// its resource types; <c>aws cloudformation deploy</c> asks it before updating a stack.</summary>
    private Action<XmlWriter> GetTemplateSummary(CloudFormationForm form, RequestContext context)
    {
        var body = form["StackName"] is { } name ? Stacks.Get(context, name).TemplateBody : Template(form, required: true);
        var (description, parameters) = CloudFormationStacks.ValidateTemplate(body);
        var types = CloudFormationStacks.ResourceTypes(body);
        return w =>
        {
            Members(w, "Parameters", parameters, (w, p) =>
            {
                var declaration = p.Value as System.Text.Json.Nodes.JsonObject;
                w.WriteElementString("ParameterKey", p.Key);
                Optional(w, "DefaultValue", declaration?["Default"]?.ToString());
                Optional(w, "ParameterType", declaration?["Type"]?.ToString());
                w.WriteElementString("NoEcho", declaration?["NoEcho"]?.ToString() is "true" or "True" ? "true" : "false");
                Optional(w, "Description", declaration?["Description"]?.ToString());
            });
            Optional(w, "Description", description);
            Members(w, "Capabilities", Array.Empty<string>(), (_, _) => { });
            Members(w, "ResourceTypes", types, (w, t) => w.WriteString(t));
            w.WriteElementString("Version", "2010-09-09");
            Members(w, "DeclaredTransforms", Array.Empty<string>(), (_, _) => { });
        };
    }

    private Action<XmlWriter> DescribeChangeSet(CloudFormationForm form, RequestContext context)
    {
        var changeSet = Stacks.ChangeSets.DescribeChangeSet(context, form.Required("ChangeSetName"), form["StackName"]);
        var stack = Stacks.Find(context, changeSet.StackId);
        return w => ChangeSet(w, changeSet, stack);
    }

    /// <summary>TemplateBody, or the object TemplateURL names in VpcLab's S3 (path style, or a bucket's virtual host).</summary>
    private string Template(CloudFormationForm form, bool required)
    {
        if (form["TemplateBody"] is { Length: > 0 } body)
            return body;
        if (form["TemplateURL"] is not { Length: > 0 } url)
            return required ? throw CloudFormationException.Validation("Either Template URL or Template Body must be specified.") : "";
        return TemplateUrl.Read(buckets, url);
    }
}
