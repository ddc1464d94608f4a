using System.Text.Json;
using Funding.Contracts;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Core.Tests.Plans;
using Funding.Plans;

namespace Funding.Api.Tests;

/// <summary>
/// The answers of <c>POST /v1/plans</c> written by hand (<see cref="PlanAnswerWriter"/>) are, byte for byte, what the
/// serializer writes for the contract's records (<see cref="PlanResultMapping"/>) — at every level of explanation, on
/// generated plans of every rule, key, ceiling and cost, on the samples, and on names the encoder has to escape.
/// </summary>
[Properties(Arbitrary = [typeof(PlanArbitraries)], MaxTest = 500)]
public class PlanAnswerWriterProperties
{
    [Property]
    public void Lean_OnGeneratedPlans_TheBytesAreTheSerializers(GeneratedPlan generated) => AssertSameBytes(generated.Plan, ExplainLevel.None);

    [Property]
    public void Summary_OnGeneratedPlans_TheBytesAreTheSerializers(GeneratedPlan generated) => AssertSameBytes(generated.Plan, ExplainLevel.Summary);

    [Property]
    public void Full_OnGeneratedPlans_TheBytesAreTheSerializers(GeneratedPlan generated) => AssertSameBytes(generated.Plan, ExplainLevel.Full);

    [Fact]
    public void OnEverySample_AtEveryLevel_TheBytesAreTheSerializers()
    {
        foreach (var sample in SamplePlans.All)
        {
            foreach (var level in Enum.GetValues<ExplainLevel>())
            {
                AssertSameBytes(sample.Plan, level);
            }
        }
    }

    [Fact]
    public void OnNamesToEscape_AndASiren_TheBytesAreTheSerializers()
    {
        var seed = SamplePlans.TerritoireIndustrieFinistere.Plan;
        var plan = seed with
        {
            Name = "Poste « Territoire d'industrie » \"2022\" <b>&</b> \u2014 \U0001F4B6 \\ fin",
            Funders = [.. seed.Funders.Select((f, i) => i == 1 ? f with { Siren = "200068120", Name = "Quimper \"QBO\" <Cornouaille> é" } : f)],
        };
        foreach (var level in Enum.GetValues<ExplainLevel>())
        {
            AssertSameBytes(plan, level);
        }
    }

    /// <summary>A result evaluated without explanations has no sentence to give, whatever the level asked (as the mapping says).</summary>
    [Fact]
    public void AResultWithoutExplanations_IsWrittenWithoutThem_AtAnyLevel()
    {
        var result = PlanEvaluator.Evaluate(SamplePlans.TerritoireIndustrieFinistere.Plan, ExplanationDepth.None);
        foreach (var level in Enum.GetValues<ExplainLevel>())
        {
            Written(writer => PlanAnswerWriter.WriteExplained(writer, result, level))
                .ShouldBe(Serialized(PlanResultMapping.ToResponse(result, level)));
        }
    }

    private static void AssertSameBytes(Plan plan, ExplainLevel level)
    {
        if (level == ExplainLevel.None)
        {
            var figures = PlanEvaluator.Figures(plan);
            Written(writer => PlanAnswerWriter.WriteLean(writer, figures, plan)).ShouldBe(Serialized(PlanResultMapping.ToResponse(figures, plan)));
            return;
        }
        var result = PlanEvaluator.Evaluate(plan, level == ExplainLevel.Summary ? ExplanationDepth.Summary : ExplanationDepth.Full);
        Written(writer => PlanAnswerWriter.WriteExplained(writer, result, level)).ShouldBe(Serialized(PlanResultMapping.ToResponse(result, level)));
    }

    private static string Serialized(PlanResponse response) =>
        System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(response, ApiJson.TypeInfo<PlanResponse>()));

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Options.Encoder }))
        {
            write(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
