namespace Funding.Plans;

/// <summary>
/// A co-financing plan ("plan de financement") of a post or project: its cost and its funders, in waterfall order.
/// </summary>
/// <remarks>
/// Evaluate it with <see cref="PlanEvaluator.Evaluate(Plan)"/>. A plan is data: the seed's "State 50 % capped at 80 000 €"
/// is a <see cref="Rules.RateRule"/> with a cap, never a constant in code, so that users can re-run the same plan with new
/// figures.
/// </remarks>
/// <param name="Name">The plan's name (« Chargé(e) de mission Territoire d'industrie Finistère »).</param>
/// <param name="Cost">What the project costs, over which period.</param>
/// <param name="Funders">The funders in the order their rules apply (the waterfall).</param>
public sealed record Plan(string Name, CostBase Cost, IReadOnlyList<Funder> Funders)
{
    /// <summary>A longer description: where the figures come from, what is illustrative.</summary>
    public string? Description { get; init; }

    /// <summary>Ceilings several funders share (« ensemble au plus 75 % et 45 000 € par an »); none by default.</summary>
    public IReadOnlyList<SharedCeiling> SharedCeilings { get; init; } = [];

    /// <summary>The programme the plan follows, with its rules in force on the day they were read; null for none (no <c>programme-conformity</c> check).</summary>
    public Programmes.ProgrammeTerms? Programme { get; init; }

    /// <summary>Rounding and the parameters of the checks.</summary>
    public PlanOptions Options { get; init; } = PlanOptions.Default;
}
