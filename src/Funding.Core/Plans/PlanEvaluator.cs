using Funding.Engine;
using Funding.Rules;
using Funding.Schedules;

namespace Funding.Plans;

/// <summary>
/// Evaluates a co-financing plan: the cost, each funder's contribution in waterfall order, the totals, the payment
/// schedules and the checks — every figure with its explanation.
/// </summary>
/// <remarks>
/// <para>
/// <b>The waterfall.</b> Rules apply in the order of the funders. "Left to fund" starts at the total cost and decreases
/// by each contribution. A computed contribution (a rate, a share of what is left, the remainder) is never more than
/// what is left to fund; when that limit bites, the funder's result says so. A promised amount (fixed per year, fixed
/// total, fixed pool) is never reduced: if promises exceed the cost, the plan reports the over-funding.
/// </para>
/// <para>
/// <b>The remainder</b> ("reste à charge") is computed after every other rule, wherever its funder stands in the list.
/// </para>
/// <para>
/// <b>One arithmetic, then an explainer.</b> Each rule computes its figures and a trace (<see cref="ContributionRule"/>);
/// the explanations are written from the traces only when asked, so the lean path (<see cref="Figures"/>) is the same
/// engine without the explainer.
/// </para>
/// <para>
/// <b>Rounding</b> happens in named places only, with the plan's <see cref="PlanOptions.Rounding"/>: the total cost when
/// the months are not whole years, a rate applied to a base, a fixed annual amount over a partial year, a percentage
/// pool. Every split (key shares, budget years, months) goes through the exact allocation engine.
/// </para>
/// </remarks>
public static class PlanEvaluator
{
    /// <summary>Evaluates a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The result, with explanations, schedules and checks.</returns>
    /// <exception cref="FundingValidationException">The plan is not valid; every error names its field.</exception>
    public static PlanResult Evaluate(Plan plan) => Evaluate(plan, explain: true);

    /// <summary>Evaluates a plan, with or without the explanations.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="explain">
    /// False for the figures alone: every figure, schedule and check is the same, but the contributions' explanations are
    /// left empty (<see cref="Explanation.Omitted"/>) and the payments carry no sentence.
    /// </param>
    /// <returns>The result, with schedules and checks.</returns>
    /// <exception cref="FundingValidationException">The plan is not valid; every error names its field.</exception>
    public static PlanResult Evaluate(Plan plan, bool explain) => Evaluate(plan, explain ? ExplanationDepth.Full : ExplanationDepth.None);

    /// <summary>Evaluates a plan, explained to <paramref name="depth"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="depth">
    /// Which sentences are written: every figure, schedule and check is the same at every depth; a sentence left out is
    /// never built (<see cref="ExplanationDepth.Summary"/> builds no payment's sentence).
    /// </param>
    /// <returns>The result, with schedules and checks.</returns>
    /// <exception cref="FundingValidationException">The plan is not valid; every error names its field.</exception>
    public static PlanResult Evaluate(Plan plan, ExplanationDepth depth)
    {
        PlanValidator.ThrowIfInvalid(plan);
        return Result(Run(plan, EvaluateRule), depth);
    }

    /// <summary>
    /// The lean evaluation path: the cost, each funder's total and contribution to each budget year, and the year
    /// balances — the same figures as <see cref="Evaluate(Plan)"/>, without explanations, payment schedules or checks.
    /// For simulations and sweeps that only read totals.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="FundingValidationException">The plan is not valid; every error names its field.</exception>
    public static PlanFigures Figures(Plan plan)
    {
        PlanValidator.ThrowIfInvalid(plan);
        return FiguresOfValid(plan);
    }

    /// <summary>The figures of a plan already validated (a sweep validates its base plan and each varied value once).</summary>
    internal static PlanFigures FiguresOfValid(Plan plan) => Run(plan, EvaluateRule).Figures(explain: false, out _);

    /// <summary>A plan run: the result with its schedules and checks, built once.</summary>
    internal static PlanResult Result(PlanRun run, ExplanationDepth depth)
    {
        var figures = run.Figures(explain: depth != ExplanationDepth.None, out var costExplanation);
        var schedule = ScheduleBuilder.Build(run.Plan, figures, run.Calendar, explain: depth == ExplanationDepth.Full);
        var checks = PlanChecks.Evaluate(figures, schedule);
        return new PlanResult(figures, costExplanation, schedule, checks);
    }

    /// <summary>Runs a valid plan's waterfall, each rule evaluated by <paramref name="evaluate"/> (its evaluation, or its due).</summary>
    internal static PlanRun Run(Plan plan, Action<ContributionRule, RuleEvaluation> evaluate)
    {
        var calendar = PeriodCalendar.For(plan.Cost.Period);
        var cost = CostFigures.Of(plan.Cost, calendar, plan.Options.Rounding);
        var waterfall = new Waterfall(plan, cost.Total, cost.ByYear, calendar);
        waterfall.Run(evaluate);
        return new PlanRun(plan, cost, waterfall);
    }

    private static readonly Action<ContributionRule, RuleEvaluation> EvaluateRule = static (rule, evaluation) => rule.Evaluate(evaluation);
}
