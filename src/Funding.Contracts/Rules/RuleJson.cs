using System.Buffers;
using System.Text.Json;
using Funding.Contracts.Errors;
using Funding.Rules;

namespace Funding.Contracts.Rules;

/// <summary>Rules between their JSON objects and the domain, by their descriptors: the one place the JSON of a rule is read and written.</summary>
internal static class RuleJson
{
    /// <summary>The rule of a JSON object whose shape was checked; null (and the problems in <paramref name="errors"/>) when a value is not valid.</summary>
    public static ContributionRule? Read(RuleInput input, string path, RequestErrors errors)
    {
        if (input.Values is not { } values)
        {
            // Only a rule built in code can get here (a body's rule of the wrong shape is refused as it is read).
            errors.Add(path, ErrorCodes.ValueWrongType,
                "Cette règle n'a pas la forme que son type déclare : voyez son schéma dans la documentation de l'API.",
                "This rule does not have the shape its type declares: see its schema in the API documentation.");
            return null;
        }
        int before = errors.Count;
        var rule = values.Type.Read(new JsonRuleReader(values, path, errors));
        return errors.Count > before ? null : rule;
    }

    /// <summary>A rule's JSON object, in UTF-8: its <c>type</c>, then its fields as it writes them.</summary>
    public static byte[] Write(ContributionRule rule)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", rule.Type);
            rule.Write(new JsonRuleWriter(writer));
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
