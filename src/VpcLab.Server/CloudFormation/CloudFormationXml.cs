using System.Globalization;
using System.Text;
using System.Xml;
using VpcLab.CloudFormation.Stacks;

namespace VpcLab.Server.CloudFormation;

/// <summary>CloudFormation's Query-protocol XML (API version 2010-05-15): <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;…</c>
/// with lists as <c>member</c> elements, and the <c>ErrorResponse</c> envelope, as botocore reads them.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/Welcome.html</summary>
internal static class CloudFormationXml
{
    public const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    public static byte[] Response(string action, string requestId, Action<XmlWriter>? result)
    {
        return Write(w =>
        {
            w.WriteStartElement(action + "Response", Namespace);
            if (result is not null)
            {
                w.WriteStartElement(action + "Result");
                result(w);
                w.WriteEndElement();
            }
            w.WriteStartElement("ResponseMetadata");
            w.WriteElementString("RequestId", requestId);
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    public static byte[] Error(string code, string message, string requestId) => Write(w =>
    {
        w.WriteStartElement("ErrorResponse", Namespace);
        w.WriteStartElement("Error");
        w.WriteElementString("Type", "Sender");
        w.WriteElementString("Code", code);
        w.WriteElementString("Message", message);
        w.WriteEndElement();
        w.WriteElementString("RequestId", requestId);
        w.WriteEndElement();
    });

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var memory = new MemoryStream();
        using (var w = XmlWriter.Create(memory, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            body(w);
        return memory.ToArray();
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Members<T>(XmlWriter w, string name, IEnumerable<T> items, Action<XmlWriter, T> item)
    {
        w.WriteStartElement(name);
        foreach (var i in items)
        {
            w.WriteStartElement("member");
            item(w, i);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    public static void Optional(XmlWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteElementString(name, value);
    }

    /// <summary>A stack's times and status, in the order Stack and StackSummary both list them.</summary>
    public static void TimesAndStatus(XmlWriter w, Stack s)
    {
        w.WriteElementString("CreationTime", Time(s.CreationTime));
        if (s.LastUpdatedTime is { } updated)
            w.WriteElementString("LastUpdatedTime", Time(updated));
        if (s.DeletionTime is { } deleted)
            w.WriteElementString("DeletionTime", Time(deleted));
        w.WriteElementString("StackStatus", s.StackStatus);
        Optional(w, "StackStatusReason", s.StackStatusReason);
    }

    public static void Stack(XmlWriter w, Stack s)
    {
        w.WriteElementString("StackId", s.StackId);
        w.WriteElementString("StackName", s.StackName);
        Optional(w, "Description", s.Description);
        Members(w, "Parameters", s.Parameters, (w, p) =>
        {
            w.WriteElementString("ParameterKey", p.Key);
            w.WriteElementString("ParameterValue", p.NoEcho ? "****" : p.Value);
            Optional(w, "ResolvedValue", p.ResolvedValue);
        });
        TimesAndStatus(w, s);
        w.WriteElementString("DisableRollback", s.DisableRollback ? "true" : "false");
        Members(w, "NotificationARNs", Array.Empty<string>(), (_, _) => { });
        Members(w, "Capabilities", s.Capabilities, (w, c) => w.WriteString(c));
        Members(w, "Outputs", s.Outputs, (w, o) =>
        {
            w.WriteElementString("OutputKey", o.OutputKey);
            w.WriteElementString("OutputValue", o.OutputValue);
            Optional(w, "Description", o.Description);
            Optional(w, "ExportName", o.ExportName);
        });
        Members(w, "Tags", s.Tags, (w, t) =>
        {
            w.WriteElementString("Key", t.Key);
            w.WriteElementString("Value", t.Value);
        });
        w.WriteElementString("EnableTerminationProtection", "false");
        Drift(w, "StackDriftStatus");
    }

    public static void Drift(XmlWriter w, string element)
    {
        w.WriteStartElement("DriftInformation");
        w.WriteElementString(element, "NOT_CHECKED");
        w.WriteEndElement();
    }

    public static void Event(XmlWriter w, StackEvent e)
    {
        w.WriteElementString("StackId", e.StackId);
        w.WriteElementString("EventId", e.EventId);
        w.WriteElementString("StackName", e.StackName);
        w.WriteElementString("LogicalResourceId", e.LogicalResourceId);
        w.WriteElementString("PhysicalResourceId", e.PhysicalResourceId);
        w.WriteElementString("ResourceType", e.ResourceType);
        w.WriteElementString("Timestamp", Time(e.Timestamp));
        w.WriteElementString("ResourceStatus", e.ResourceStatus);
        Optional(w, "ResourceStatusReason", e.ResourceStatusReason);
    }

    public static void Resource(XmlWriter w, Stack s, StackResource r, bool summary)
    {
        if (!summary)
        {
            w.WriteElementString("StackId", s.StackId);
            w.WriteElementString("StackName", s.StackName);
        }
        w.WriteElementString("LogicalResourceId", r.LogicalResourceId);
        w.WriteElementString("PhysicalResourceId", r.PhysicalResourceId);
        w.WriteElementString("ResourceType", r.ResourceType);
        w.WriteElementString(summary ? "LastUpdatedTimestamp" : "Timestamp", Time(r.LastUpdatedTimestamp));
        w.WriteElementString("ResourceStatus", r.ResourceStatus);
        Optional(w, "ResourceStatusReason", r.ResourceStatusReason);
        Drift(w, "StackResourceDriftStatus");
    }

    public static void ChangeSet(XmlWriter w, ChangeSet c, Stack? stack)
    {
        w.WriteElementString("ChangeSetName", c.ChangeSetName);
        w.WriteElementString("ChangeSetId", c.ChangeSetId);
        w.WriteElementString("StackId", c.StackId);
        w.WriteElementString("StackName", c.StackName);
        Members(w, "Parameters", c.Request.Parameters, (w, p) =>
        {
            w.WriteElementString("ParameterKey", p.Key);
            w.WriteElementString("ParameterValue", p.Value);
        });
        w.WriteElementString("CreationTime", Time(c.CreationTime));
        w.WriteElementString("ExecutionStatus", c.ExecutionStatus);
        w.WriteElementString("Status", c.Status);
        Optional(w, "StatusReason", c.StatusReason);
        Members(w, "Capabilities", c.Request.Capabilities, (w, cap) => w.WriteString(cap));
        Members(w, "Tags", stack?.Tags ?? [], (w, t) =>
        {
            w.WriteElementString("Key", t.Key);
            w.WriteElementString("Value", t.Value);
        });
        Members(w, "Changes", c.Changes, (w, change) =>
        {
            w.WriteElementString("Type", "Resource");
            w.WriteStartElement("ResourceChange");
            w.WriteElementString("Action", change.Action);
            w.WriteElementString("LogicalResourceId", change.LogicalResourceId);
            Optional(w, "PhysicalResourceId", change.PhysicalResourceId);
            w.WriteElementString("ResourceType", change.ResourceType);
            Optional(w, "Replacement", change.Replacement);
            w.WriteEndElement();
        });
    }
}
