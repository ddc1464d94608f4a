using System.Text.Json;
using Funding.Contracts;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;

namespace Funding.Application.Plans;

/// <summary>
/// An evaluated plan as <c>POST /v1/plans</c> answers it: the explained <see cref="PlanResponse"/>, or, for
/// explain=none, the engine's figures, written straight to JSON by <see cref="LeanPlanWriter"/> with the same bytes as
/// their <see cref="PlanResponse"/> (issue #28).
/// </summary>
internal sealed class PlanAnswer
{
    private readonly PlanResponse? _explained;
    private readonly PlanFigures? _figures;
    private readonly Plan? _plan;

    private PlanAnswer(PlanResponse? explained, PlanFigures? figures, Plan? plan)
    {
        _explained = explained;
        _figures = figures;
        _plan = plan;
    }

    /// <summary>An explained answer (summary or full).</summary>
    public static PlanAnswer Explained(PlanResponse response) => new(response, null, null);

    /// <summary>The lean answer of <paramref name="plan"/>: its figures alone.</summary>
    public static PlanAnswer Lean(PlanFigures figures, Plan plan) => new(null, figures, plan);

    /// <summary>The explained response, when it is one; null for the lean answer (write it with <see cref="WriteLean"/>).</summary>
    public PlanResponse? ExplainedResponse => _explained;

    /// <summary>The answer as the contract's records (the lean answer mapped to them).</summary>
    public PlanResponse Response() => _explained ?? PlanResultMapping.ToResponse(_figures!, _plan!);

    /// <summary>Writes the lean answer; only for an answer without <see cref="ExplainedResponse"/>.</summary>
    public void WriteLean(Utf8JsonWriter writer) => LeanPlanWriter.Write(writer, _figures!, _plan!);
}
