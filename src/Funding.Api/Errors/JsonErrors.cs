using System.Text.Json;
using System.Text.RegularExpressions;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Api.Errors;

/// <summary>
/// Turns the JSON reader's exceptions into validation errors a person understands, keyed by the JSON path of the
/// offending field: a missing field, a wrong type, an unknown field or rule type, malformed JSON.
/// </summary>
internal static partial class JsonErrors
{
    private static readonly Dictionary<string, string> Discriminators = new(StringComparer.Ordinal)
    {
        ["rule"] = "rate, fixedAnnual, fixedTotal, keyShare, remainder",
        ["cost"] = "annual, perBudgetYear",
        ["key"] = "equal, weight, mixed",
        ["pool"] = "fixed, percentOfRemaining",
        ["payment"] = "once, perBudgetYear, advanceAndBalance, monthly",
    };

    private static readonly Dictionary<string, Type> Enums = new(StringComparer.Ordinal)
    {
        [nameof(FunderKind)] = typeof(FunderKind),
        [nameof(ProrataBasis)] = typeof(ProrataBasis),
        [nameof(PaymentKind)] = typeof(PaymentKind),
    };

    /// <summary>Whether the exception comes from reading the JSON body.</summary>
    public static bool IsJsonReadError(Exception exception) =>
        exception is JsonException
        || (exception is NotSupportedException && exception.Message.Contains("type discriminator", StringComparison.Ordinal));

    /// <summary>The errors an exception from the JSON reader stands for.</summary>
    public static IReadOnlyList<(string Path, string Message)> Translate(Exception exception)
    {
        string message = exception.Message;
        string path = exception is JsonException json ? Path(json.Path) : PathFromMessage(message);

        if (exception is NotSupportedException)
        {
            return [(Join(path, "type"), $"The 'type' field is missing{Expected(path)}.")];
        }
        var json2 = (JsonException)exception;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return QuotedNames().Matches(missing.Groups["names"].Value)
                .Select(m => (Join(path, m.Groups[1].Value), "This field is required."))
                .ToArray();
        }
        if (UnknownDiscriminator().Match(message) is { Success: true } unknown)
        {
            return [(Join(path, "type"), $"Unknown type '{unknown.Groups["id"].Value}'{Expected(path)}.")];
        }
        if (DuplicateProperty().Match(message) is { Success: true } duplicate)
        {
            return [(path, $"The field '{duplicate.Groups["name"].Value}' is given twice: give each field once (which one was meant cannot be guessed).")];
        }
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            return [(path, $"Unknown field '{unmapped.Groups["name"].Value}': check its spelling against the API documentation.")];
        }
        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
        {
            return [(path, "Must not be null.")];
        }
        if (NotConvertible().Match(message) is { Success: true } conversion)
        {
            return [(path, Describe(conversion.Groups["type"].Value))];
        }
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return [(path, $"The JSON is nested more than {ApiLimits.MaxJsonDepth} levels deep.")];
        }
        if (json2.InnerException?.GetType().Name == "JsonReaderException" && json2.LineNumber is { } line && json2.BytePositionInLine is { } position)
        {
            return [(path, $"The body is not valid JSON (line {line + 1}, position {position + 1}): {FirstSentence(message)}")];
        }
        // Our own converters' messages ("Must be a JSON number…") are already meant for people.
        return [(path, FirstSentence(message))];
    }

    private static string Expected(string path)
    {
        string last = LastSegment(path);
        return Discriminators.TryGetValue(last, out var types) ? $": expected one of {types}" : "";
    }

    private static string Describe(string typeName)
    {
        string type = typeName.Replace("System.Nullable`1[", "", StringComparison.Ordinal).TrimEnd(']');
        string shortName = type[(type.LastIndexOf('.') + 1)..];
        if (Enums.TryGetValue(shortName, out var enumType))
        {
            var names = Enum.GetNames(enumType).Select(n => char.ToLowerInvariant(n[0]) + n[1..]);
            return $"Must be one of: {string.Join(", ", names)}.";
        }
        return shortName switch
        {
            "Decimal" => "Must be a JSON number (not a string), within range.",
            "Int32" or "Int64" => "Must be a whole number.",
            "Boolean" => "Must be true or false.",
            "String" => "Must be a string.",
            "LocalDate" => "Must be a date in the format YYYY-MM-DD.",
            _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "Must be an array.",
            _ when type.Contains("Dictionary", StringComparison.Ordinal) => "Must be an object mapping names to numbers.",
            _ => "Must be an object.",
        };
    }

    private static string Path(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "$";
        }
        string path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        // STJ writes unusual property names as ['name']; keep simple ones dotted.
        return BracketedName().Replace(path, m => "." + m.Groups[1].Value).TrimStart('.');
    }

    private static string PathFromMessage(string message) =>
        MessagePath().Match(message) is { Success: true } match ? Path(match.Groups["path"].Value) : "$";

    private static string Join(string path, string field) => path == "$" ? field : $"{path}.{field}";

    private static string LastSegment(string path)
    {
        string last = path[(path.LastIndexOf('.') + 1)..];
        int bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? last : last[..bracket];
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    [GeneratedRegex(@"missing required properties including: (?<names>.*)\.")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedNames();

    [GeneratedRegex(@"unrecognized type discriminator id '(?<id>[^']*)'")]
    private static partial Regex UnknownDiscriminator();

    [GeneratedRegex(@"^Duplicate property '(?<name>[^']*)' encountered")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.( Path|$)")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"Path: (?<path>\$\S*)")]
    private static partial Regex MessagePath();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketedName();
}
