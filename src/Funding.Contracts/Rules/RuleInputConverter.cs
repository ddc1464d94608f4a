using System.Text.Json;
using System.Text.Json.Serialization;
using Funding.Contracts.Errors;

namespace Funding.Contracts.Rules;

/// <summary>
/// Reads a rule's JSON object as it is and checks its shape against its descriptor (a wrong shape fails the read, and
/// <see cref="JsonShape"/> then names every problem), keeping the parts the check read; writes it back as it is.
/// </summary>
internal sealed class RuleInputConverter : JsonConverter<RuleInput>
{
    public override RuleInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        if (!JsonShape.IsWellShapedRule(element, options, out var parts))
        {
            throw new JsonException("The rule does not have the shape its descriptor declares.");
        }
        return new RuleInput(element, parts);
    }

    public override void Write(Utf8JsonWriter writer, RuleInput value, JsonSerializerOptions options) => value.Json.WriteTo(writer);
}
