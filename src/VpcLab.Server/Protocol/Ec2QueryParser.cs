using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace VpcLab.Server.Protocol;

/// <summary>The one EC2 Query protocol request parser: form parameters (in any order) plus the operation's
/// input shape give a <see cref="JsonObject"/> keyed by member names. Names on the wire follow botocore's
/// <c>EC2Serializer</c>: a member's <c>queryName</c>, else its <c>locationName</c> capitalised, else its
/// member name; lists flattened as <c>Name.N</c> / <c>Name.N.Field</c> with 1-based indexes and no
/// <c>.member</c>; structures as <c>Name.Field</c>. Thread-safe; keeps no state between requests.</summary>
public sealed class Ec2QueryParser
{
    /// <summary>The API version this model describes; other well-formed versions are accepted too
    /// (docs/semantics.md#version).</summary>
    public const string CurrentVersion = "2016-11-15";

    private readonly Ec2ServiceModel _model;
    private readonly Ec2QueryLimits _limits;

    public Ec2QueryParser(Ec2ServiceModel model, Ec2QueryLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _limits = limits ?? new Ec2QueryLimits();
    }

    /// <summary>A parser over the embedded model with default limits.</summary>
    public static Ec2QueryParser Default { get; } = new(Ec2ServiceModel.Instance);

    public Ec2ServiceModel Model => _model;

    /// <summary>Parses a whole request as ASP.NET gives it (<c>IFormCollection</c>, or the query string for
    /// GET): <c>Action</c>, <c>Version</c>, the parameters. A key repeated with several values is an
    /// error.</summary>
    /// <exception cref="Ec2ProtocolException">The request is not a valid call of a known action.</exception>
    public Ec2Request Parse(IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Parse(Flatten(form));
    }

    /// <summary>Parses a whole request given as key/value pairs (any order).</summary>
    /// <exception cref="Ec2ProtocolException">The request is not a valid call of a known action.</exception>
    public Ec2Request Parse(IEnumerable<KeyValuePair<string, string?>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? action = null;
        string? version = null;
        foreach (var (key, value) in form)
        {
            if (key == "Action")
                action = action is null ? value ?? "" : throw Repeated(key);
            else if (key == "Version")
                version = version is null ? value ?? "" : throw Repeated(key);
        }

        if (string.IsNullOrEmpty(action))
            throw Ec2ProtocolErrors.MissingAction();
        var operation = _model.FindOperation(action) ?? throw Ec2ProtocolErrors.UnknownAction(action);
        if (string.IsNullOrEmpty(version))
            throw Ec2ProtocolErrors.MissingParameter("Version");
        if (!IsWellFormedVersion(version))
            throw Ec2ProtocolErrors.NoSuchVersion(version);

        return new Ec2Request(operation, version, ParseParameters(operation.Input, form));
    }

    /// <summary>Parses the parameters of one operation (protocol and signature parameters such as
    /// <c>Action</c>, <c>Version</c> and <c>X-Amz-*</c> are skipped) into JSON keyed by member names, and
    /// checks the shape's required members.</summary>
    /// <exception cref="Ec2ProtocolException">A parameter is unknown, malformed, repeated or missing.</exception>
    public JsonObject ParseParameters(Ec2Shape? input, IEnumerable<KeyValuePair<string, string?>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (input is not null && input.Type != Ec2ShapeType.Structure)
            throw new ArgumentException($"input shape {input.Name} is not a structure", nameof(input));

        var root = new JsonObject();
        var count = 0;
        var listItems = 0;
        foreach (var (key, value) in form)
        {
            if (key is null or "Action" or "Version")
                continue;
            if (IsSignatureParameter(key) && input?.FindMemberByQueryName(key) is null)
                continue;
            if (++count > _limits.MaxParameters)
                throw Ec2ProtocolErrors.Invalid($"The request has more than {_limits.MaxParameters} parameters");
            if (input is null)
                throw Ec2ProtocolErrors.UnknownParameter(key);
            Add(root, input, key, value ?? "", ref listItems);
        }

        if (input is not null)
        {
            var path = new List<string>();
            Validate(root, input, path);
        }

        return root;
    }

    private static IEnumerable<KeyValuePair<string, string?>> Flatten(IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        foreach (var (key, values) in form)
        {
            if (values.Count > 1)
                throw Repeated(key);
            yield return new(key, values.Count == 0 ? "" : values[0]);
        }
    }

    /// <summary>Signature parameters that may share the form or query string with the operation's
    /// parameters (SigV4 presigned query, SigV2 legacy); skipped unless the input shape has a member of
    /// that name.</summary>
    private static bool IsSignatureParameter(string key) =>
        key is "AWSAccessKeyId" or "Signature" or "SignatureMethod" or "SignatureVersion" or "Timestamp" or "Expires"
            or "SecurityToken"
        || key.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase);

    private static bool IsWellFormedVersion(string v) =>
        v == CurrentVersion // what every client of this model sends: no date parse
        || v.Length == 10 && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private void Add(JsonObject root, Ec2Shape input, string key, string value, ref int listItems)
    {
        CheckKeyAndValue(key, value);
        JsonNode container = root;
        var shape = input;
        var rest = key.AsSpan();
        var consumed = 0;
        while (true)
        {
            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            var segmentEnd = consumed + segment.Length;

            Ec2Shape childShape;
            JsonNode? existing;
            JsonObject? parentObject = null;
            string? memberName = null;
            JsonArray? parentArray = null;
            var index = 0;
            if (shape.Type == Ec2ShapeType.Structure)
            {
                var member = shape.FindMemberByQueryName(segment) ?? throw Ec2ProtocolErrors.UnknownParameter(key);
                parentObject = (JsonObject)container;
                memberName = member.Name;
                childShape = member.Shape;
                existing = parentObject[memberName];
            }
            else
            {
                // shape is a list: the segment is its 1-based index
                index = ParseIndex(segment, key, segmentEnd);
                parentArray = (JsonArray)container;
                GrowList(parentArray, index, ref listItems);
                childShape = shape.ListMember!.Shape;
                existing = parentArray[index - 1];
            }

            if (dot < 0)
            {
                StoreLeaf(parentObject, memberName, parentArray, index, childShape, existing, key, value);
                return;
            }

            if (childShape.IsScalar)
                throw Ec2ProtocolErrors.UnknownParameter(key); // nesting beyond the shape
            if (existing is null)
            {
                existing = NewContainer(childShape);
                Store(parentObject, memberName, parentArray, index, existing);
            }

            container = existing;
            shape = childShape;
            consumed = segmentEnd + 1;
            rest = rest[(dot + 1)..];
        }
    }

    private void CheckKeyAndValue(string key, string value)
    {
        if (key.Length == 0 || key.Length > _limits.MaxKeyLength)
            throw Ec2ProtocolErrors.UnknownParameter(key);
        if (value.Length > _limits.MaxValueLength)
        {
            throw Ec2ProtocolErrors.Invalid(
                $"The value of parameter {Ec2ProtocolErrors.Echo(key)} is too long ({value.Length} characters; at most {_limits.MaxValueLength})");
        }

        if (HasUnpairedSurrogate(value))
        {
            // Cannot come from UTF-8 form data; refused so that no later JSON writer meets invalid UTF-16.
            throw Ec2ProtocolErrors.Invalid($"The value of parameter {Ec2ProtocolErrors.Echo(key)} is not valid Unicode text");
        }
    }

    /// <summary>Pads a list to <paramref name="index"/> items; the padding counts towards the request's list-item
    /// limit, so a gap in the indexes cannot allocate more than the limit allows.</summary>
    private void GrowList(JsonArray list, int index, ref int listItems)
    {
        if (list.Count >= index)
            return;
        listItems += index - list.Count;
        if (listItems > _limits.MaxListItemsPerRequest)
        {
            throw Ec2ProtocolErrors.Invalid(
                $"The request has more than {_limits.MaxListItemsPerRequest} list items in all (or its list indexes leave gaps)");
        }

        while (list.Count < index)
            list.Add(null);
    }

    private static void StoreLeaf(JsonObject? parentObject, string? memberName, JsonArray? parentArray, int index,
        Ec2Shape shape, JsonNode? existing, string key, string value)
    {
        if (shape.IsScalar)
        {
            if (existing is not null)
                throw Repeated(key);
            Store(parentObject, memberName, parentArray, index, Ec2QueryScalars.Convert(shape, key, value));
        }
        else if (value.Length == 0)
        {
            // An empty list (or structure) named without index: some query clients send `Name=`.
            if (existing is null)
                Store(parentObject, memberName, parentArray, index, NewContainer(shape));
        }
        else
        {
            // e.g. `VpcId=vpc-1` where the model wants `VpcId.1=vpc-1`
            throw Ec2ProtocolErrors.UnknownParameter(key);
        }
    }

    private static void Store(JsonObject? parentObject, string? memberName, JsonArray? parentArray, int index, JsonNode node)
    {
        if (parentObject is not null)
            parentObject[memberName!] = node;
        else
            parentArray![index - 1] = node;
    }

    private static bool HasUnpairedSurrogate(string s)
    {
        var i = s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
            return false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return true;
        }

        return false;
    }

    private static JsonNode NewContainer(Ec2Shape shape) =>
        shape.Type == Ec2ShapeType.List ? new JsonArray() : new JsonObject();

    private int ParseIndex(ReadOnlySpan<char> segment, string key, int segmentEnd)
    {
        if (segment.IsEmpty)
            throw Ec2ProtocolErrors.UnknownParameter(key);
        foreach (var c in segment)
        {
            if (c is < '0' or > '9')
                throw Ec2ProtocolErrors.UnknownParameter(key);
        }

        if (segment[0] == '0')
        {
            throw Ec2ProtocolErrors.Invalid(
                $"Invalid list index in parameter {Ec2ProtocolErrors.Echo(key)}: items of {Ec2ProtocolErrors.Echo(ListName(key, segment, segmentEnd))} are numbered from 1");
        }

        if (segment.Length > 9 || int.Parse(segment, NumberStyles.None, CultureInfo.InvariantCulture) is var n && n > _limits.MaxListItems)
        {
            throw Ec2ProtocolErrors.Invalid(
                $"Invalid list index in parameter {Ec2ProtocolErrors.Echo(key)}: {Ec2ProtocolErrors.Echo(ListName(key, segment, segmentEnd))} may have at most {_limits.MaxListItems} items");
        }

        return n;
    }

    /// <summary>The key up to the dot before the index segment: <c>Filter.1.Value</c> for <c>Filter.1.Value.7</c>.</summary>
    private static string ListName(string key, ReadOnlySpan<char> segment, int segmentEnd) =>
        key[..(segmentEnd - segment.Length - 1)];

    /// <summary>After all parameters are in: no list has a gap, and every structure present has its
    /// required members (top-level input always).</summary>
    private static void Validate(JsonObject obj, Ec2Shape shape, List<string> path)
    {
        foreach (var required in shape.RequiredMembers)
        {
            if (!obj.ContainsKey(required.Name))
                throw Ec2ProtocolErrors.MissingParameter(Join(path, required.QueryName));
        }

        foreach (var member in shape.Members)
        {
            if (member.Shape.IsScalar || !obj.TryGetPropertyValue(member.Name, out var child) || child is null)
                continue;
            path.Add(member.QueryName);
            if (member.Shape.Type == Ec2ShapeType.Structure)
                Validate((JsonObject)child, member.Shape, path);
            else
                ValidateList((JsonArray)child, member.Shape, path);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static void ValidateList(JsonArray array, Ec2Shape shape, List<string> path)
    {
        var element = shape.ListMember!.Shape;
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            if (item is null)
            {
                var listName = Join(path, null);
                throw Ec2ProtocolErrors.Invalid(
                    $"The list parameter {listName} has no item {i + 1} but has item {array.Count}: items must be numbered 1, 2, 3, ... without gaps");
            }

            if (element.IsScalar)
                continue;
            path.Add((i + 1).ToString(CultureInfo.InvariantCulture));
            if (element.Type == Ec2ShapeType.Structure)
                Validate((JsonObject)item, element, path);
            else
                ValidateList((JsonArray)item, element, path);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static string Join(List<string> path, string? last) =>
        last is null ? string.Join('.', path) : path.Count == 0 ? last : string.Join('.', path) + "." + last;

    private static Ec2ProtocolException Repeated(string key) =>
        Ec2ProtocolErrors.Invalid($"The parameter {Ec2ProtocolErrors.Echo(key)} is specified more than once");
}
