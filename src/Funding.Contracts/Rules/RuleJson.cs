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
        var type = RuleCatalog.Find(input.Type) ?? throw new JsonException($"Unknown rule type '{input.Type}' (the converter checks it).");
        int before = errors.Count;
        var rule = type.Read(new JsonRuleReader(input.Json, path, errors, input.Parts));
        return errors.Count > before ? null : rule;
    }

    /// <summary>A rule's JSON object: its <c>type</c>, then its fields as it writes them.</summary>
    public static JsonElement Write(ContributionRule rule)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", rule.Type);
            rule.Write(new JsonRuleWriter(writer));
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
