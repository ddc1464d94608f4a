using System.Text.Json;
using Funding.Contracts;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;

namespace Funding.Application.Plans;

/// <summary>
/// An evaluated plan as <c>POST /v1/plans</c> answers it: the engine's figures (explain=none) or its explained result
/// (summary, full), which <see cref="PlanAnswerWriter"/> writes straight to JSON with the same bytes as the
/// <see cref="PlanResponse"/> they map to (issue #28).
/// </summary>
internal sealed class PlanAnswer
{
    private readonly PlanFigures? _figures;
    private readonly Plan? _plan;
    private readonly PlanResult? _result;
    private readonly ExplainLevel _explain;

    private PlanAnswer(PlanFigures? figures, Plan? plan, PlanResult? result, ExplainLevel explain)
    {
        _figures = figures;
        _plan = plan;
        _result = result;
        _explain = explain;
    }

    /// <summary>An explained answer (summary or full).</summary>
    public static PlanAnswer Explained(PlanResult result, ExplainLevel explain) => new(null, null, result, explain);

    /// <summary>The lean answer of <paramref name="plan"/>: its figures alone.</summary>
    public static PlanAnswer Lean(PlanFigures figures, Plan plan) => new(figures, plan, null, ExplainLevel.None);

    /// <summary>The answer as the contract's records.</summary>
    public PlanResponse Response() => _result is { } result
        ? PlanResultMapping.ToResponse(result, _explain)
        : PlanResultMapping.ToResponse(_figures!, _plan!);

    /// <summary>Writes the answer: the bytes the serializer writes for <see cref="Response"/>.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        if (_result is { } result)
        {
            PlanAnswerWriter.WriteExplained(writer, result, _explain);
        }
        else
        {
            PlanAnswerWriter.WriteLean(writer, _figures!, _plan!);
        }
    }
}
