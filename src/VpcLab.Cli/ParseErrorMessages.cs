using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace VpcLab.Cli;

/// <summary>System.CommandLine's parse errors in the user's words: the option as typed, the value as given and what
/// was expected ("a whole number"), never a .NET type name; an unknown option with the nearest real one.
/// Built from the parse's structure (tokens, options, value types), not from the library's English text.</summary>
public static class ParseErrorMessages
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var messages = new List<string>();
        foreach (var token in parse.UnmatchedTokens)
            messages.Add(Unmatched(command, token));
        foreach (var error in parse.Errors)
        {
            if (FromSymbol(error.SymbolResult) is { } message)
                messages.Add(message);
        }
        if (command.Subcommands.Count > 0 && command.Action is null && parse.UnmatchedTokens.Count == 0)
            messages.Add($"choose a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}.");
        if (messages.Count == 0) // a shape this class does not know: the library's own words are better than none
            messages.AddRange(parse.Errors.Select(e => e.Message));
        return messages.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The command as typed (<c>vpclab trace</c>), for "see vpclab trace --help".</summary>
    public static string CommandPath(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
                names.Insert(0, c.Command is RootCommand ? "vpclab" : c.Command.Name);
        }
        return string.Join(' ', names);
    }

    private static string Unmatched(Command command, string token)
    {
        if (token.StartsWith('-'))
        {
            var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
            return Nearest(token, names) is { } near
                ? $"unknown option '{token}' (did you mean {near}?)."
                : $"unknown option '{token}'.";
        }
        if (command.Subcommands.Count > 0)
        {
            var near = Nearest(token, command.Subcommands.Select(c => c.Name));
            return $"unknown command '{token}'{(near is null ? "" : $" (did you mean {near}?)")}; the commands are {string.Join(", ", command.Subcommands.Select(c => c.Name))}.";
        }
        return $"unexpected argument '{token}' (values follow their option: --name VALUE).";
    }

    /// <summary>An option or argument whose value is missing or does not convert to its type.</summary>
    private static string? FromSymbol(SymbolResult? symbol)
    {
        // A required option that was not given has a result of its own, with no identifier token.
        if (symbol is OptionResult missing && (missing.IdentifierToken is null || missing.Implicit))
            return $"{missing.Option.Name} is required ({Describe(missing.Option)}).";
        var option = symbol as OptionResult ?? (symbol as ArgumentResult)?.Parent as OptionResult;
        if (option is not null)
        {
            if (option.Tokens.Count == 0)
                return $"{option.Option.Name} needs a value ({Describe(option.Option)}).";
            return Unconverted(option.Option.Name, option.Option.ValueType, option.Tokens);
        }
        if (symbol is not ArgumentResult argument)
            return null;
        if (argument.Tokens.Count == 0)
        {
            var what = argument.Argument.Description is { Length: > 0 } d ? $": {char.ToLowerInvariant(d[0])}{d[1..].TrimEnd('.')}" : "";
            return $"give the {argument.Argument.Name}{what}.";
        }
        return Unconverted($"<{argument.Argument.Name}>", argument.Argument.ValueType, argument.Tokens);
    }

    private static string? Unconverted(string name, Type type, IReadOnlyList<Token> tokens)
    {
        var bad = tokens.FirstOrDefault(t => !Converts(t.Value, type));
        return bad is null ? null : $"{name}: '{bad.Value}' is not {Expected(type)}.";
    }

    private static string Describe(Option option) =>
        option.Description is { Length: > 0 } d ? char.ToLowerInvariant(d[0]) + d[1..].TrimEnd('.') : Expected(option.ValueType);

    private static Type Element(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsArray ? t.GetElementType()! : t;
    }

    private static string Expected(Type type) => Element(type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) => "a whole number, 0 or more",
        var t when t == typeof(double) || t == typeof(decimal) => "a number",
        var t when t == typeof(bool) => "true or false",
        var t when t.IsEnum => "one of " + string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant())),
        _ => "text",
    };

    private static bool Converts(string text, Type type)
    {
        var t = Element(type);
        var c = CultureInfo.InvariantCulture;
        return t == typeof(int) ? int.TryParse(text, NumberStyles.Integer, c, out _)
            : t == typeof(long) ? long.TryParse(text, NumberStyles.Integer, c, out _)
            : t == typeof(uint) ? uint.TryParse(text, NumberStyles.Integer, c, out _)
            : t == typeof(ulong) ? ulong.TryParse(text, NumberStyles.Integer, c, out _)
            : t == typeof(ushort) ? ushort.TryParse(text, NumberStyles.Integer, c, out _)
            : t == typeof(double) ? double.TryParse(text, NumberStyles.Float, c, out _)
            : t == typeof(decimal) ? decimal.TryParse(text, NumberStyles.Float, c, out _)
            : t == typeof(bool) ? bool.TryParse(text, out _)
            : !t.IsEnum || Enum.TryParse(t, text, ignoreCase: true, out _);
    }

    /// <summary>The candidate closest to what was typed (edit distance at most 2, or a prefix), if any.</summary>
    private static string? Nearest(string typed, IEnumerable<string> candidates) =>
        candidates.Select(c => (Name: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= 2 || (typed.Length > 3 && c.Name.StartsWith(typed, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
