using System.Text.Json;
using System.Text.Json.Serialization;
using Funding.Contracts.Errors;

namespace Funding.Contracts.Rules;

/// <summary>
/// Reads a rule's JSON object in one pass, checking its shape against its descriptor and keeping its fields' values
/// (<see cref="RuleValues.Read"/>): a wrong shape fails the read, and <see cref="JsonShape"/> then names every problem.
/// Writes it back as it was given.
/// </summary>
internal sealed class RuleInputConverter : JsonConverter<RuleInput>
{
    public override RuleInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RuleInput.Read(ref reader, options) ?? throw new JsonException("The rule does not have the shape its descriptor declares.");

    public override void Write(Utf8JsonWriter writer, RuleInput value, JsonSerializerOptions options) => value.Json.WriteTo(writer);
}
