using Funding.Schedules;

namespace Funding.Plans;

/// <summary>A sweep whose every scenario is valid: run it whole, or stream its scenarios one by one.</summary>
public sealed class PreparedSweep
{
    private readonly FundingPeriod[] _periods;

    internal PreparedSweep(Plan plan, IReadOnlyList<SweepAxis> axes, int count, bool byBudgetYear)
    {
        Plan = plan;
        Axes = axes;
        Count = count;
        ByBudgetYear = byBudgetYear;
        var figures = PlanEvaluator.FiguresOfValid(plan);
        Funders = [.. figures.Funders.Select(f => (f.Id, f.Name))];
        // The budget years of every scenario: only the start date moves them.
        var dates = axes.FirstOrDefault(a => a.Parameter == SweepParameter.StartDate)?.Dates;
        _periods = dates is null ? [plan.Cost.Period] : [.. dates.Select(d => new FundingPeriod(d, plan.Cost.Period.Months))];
        int first = _periods.Min(p => p.Start.Year);
        int last = _periods.Max(p => PeriodCalendar.For(p).Years[^1]);
        Years = [.. Enumerable.Range(first, last - first + 1)];
        PlanScenario = FindPlanScenario();
    }

    /// <summary>The plan swept.</summary>
    public Plan Plan { get; }

    /// <summary>The parameters, in order; the last varies fastest.</summary>
    public IReadOnlyList<SweepAxis> Axes { get; }

    /// <summary>How many scenarios: the product of the parameters' counts.</summary>
    public int Count { get; }

    /// <summary>Whether each scenario gives each funder's contribution to each budget year.</summary>
    public bool ByBudgetYear { get; }

    /// <summary>The paying funders (group members in their group's place), in the order of each scenario's totals.</summary>
    public IReadOnlyList<(string Id, string Name)> Funders { get; }

    /// <summary>Every budget year any scenario touches, consecutive.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The scenario whose values are the plan's own, if one is: the current plan, marked on a chart.</summary>
    public int? PlanScenario { get; }

    /// <summary>The values of scenario <paramref name="index"/>: the index of each parameter's value.</summary>
    /// <param name="index">The scenario's number.</param>
    /// <returns>One index per parameter.</returns>
    public int[] ValuesOf(int index)
    {
        var values = new int[Axes.Count];
        for (int a = Axes.Count - 1; a >= 0; a--)
        {
            values[a] = index % Axes[a].Count;
            index /= Axes[a].Count;
        }
        return values;
    }

    /// <summary>Computes the scenarios one by one, in order (for streaming): nothing is kept.</summary>
    /// <returns>The scenarios.</returns>
    /// <remarks>
    /// A simple plan's totals come from the compiled path (<see cref="SweepKernel"/>): no plan, calendar or result is built
    /// per scenario. Any other sweep goes through the engine's lean path.
    /// </remarks>
    public IEnumerable<SweepScenario> Scenarios() =>
        SweepKernel.TryCompile(Plan, Axes, ByBudgetYear) is { } kernel ? KernelScenarios(kernel) : EngineScenarios();

    /// <summary>Whether this sweep's scenarios come from the compiled path.</summary>
    internal bool UsesKernel => SweepKernel.TryCompile(Plan, Axes, ByBudgetYear) is not null;

    private IEnumerable<SweepScenario> KernelScenarios(SweepKernel kernel)
    {
        int[]? previous = null;
        for (int s = 0; s < Count; s++)
        {
            var values = ValuesOf(s);
            for (int a = 0; a < Axes.Count; a++)
            {
                if (previous is null || previous[a] != values[a])
                {
                    kernel.Set(Plan, Axes[a], values[a]);
                }
            }
            previous = values;
            var totals = new Money[kernel.Funders];
            kernel.Compute(totals, out var totalCost, out var unfunded, out var overFunding);
            yield return new SweepScenario(s, values, totalCost, totals, null, unfunded, overFunding);
        }
    }

    /// <summary>The scenarios computed by the engine, plan by plan: every sweep can take this path (the kernel is checked against it).</summary>
    internal IEnumerable<SweepScenario> EngineScenarios()
    {
        var errors = new ValidationErrors();
        var path = FieldPath.Of("parameters");
        for (int s = 0; s < Count; s++)
        {
            var values = ValuesOf(s);
            Plan? variant = Plan;
            for (int a = 0; a < Axes.Count; a++)
            {
                variant = PlanSweep.Apply(variant, Axes[a], values[a], path, errors);
            }
            // Checked by Prepare: every scenario is valid.
            var figures = PlanEvaluator.FiguresOfValid(variant!);
            yield return Scenario(s, values, figures);
        }
    }

    /// <summary>Computes every scenario and each funder's minimum and maximum.</summary>
    /// <returns>The result.</returns>
    public SweepResult Run()
    {
        var scenarios = new List<SweepScenario>(Count);
        var ranges = new SweepRanges(this);
        foreach (var scenario in Scenarios())
        {
            scenarios.Add(scenario);
            ranges.Add(scenario);
        }
        return new SweepResult(this, scenarios, ranges.Funders());
    }

    private SweepScenario Scenario(int index, int[] values, PlanFigures figures)
    {
        var totals = new Money[Funders.Count];
        Money[][]? byYear = ByBudgetYear ? new Money[Funders.Count][] : null;
        for (int f = 0; f < totals.Length; f++)
        {
            var funder = figures.Funders[f];
            totals[f] = funder.Total;
            if (byYear is not null)
            {
                var years = new Money[Years.Count];
                foreach (var y in funder.ContributionByBudgetYear)
                {
                    years[y.Year - Years[0]] = y.Amount;
                }
                byYear[f] = years;
            }
        }
        return new SweepScenario(index, values, figures.TotalCost, totals, byYear, figures.Unfunded, figures.OverFunding);
    }

    private int? FindPlanScenario()
    {
        var values = new int[Axes.Count];
        for (int a = 0; a < Axes.Count; a++)
        {
            int found = -1;
            for (int i = 0; i < Axes[a].Count && found < 0; i++)
            {
                if (IsPlanValue(Axes[a], i))
                {
                    found = i;
                }
            }
            if (found < 0)
            {
                return null;
            }
            values[a] = found;
        }
        int index = 0;
        for (int a = 0; a < Axes.Count; a++)
        {
            index = index * Axes[a].Count + values[a];
        }
        return index;
    }

    private bool IsPlanValue(SweepAxis axis, int i)
    {
        switch (axis.Parameter)
        {
            case SweepParameter.Cost:
                return ((AnnualCost)Plan.Cost).AnnualAmount.Amount == axis.Numbers[i];
            case SweepParameter.StartDate:
                return Plan.Cost.Period.Start == axis.Dates[i];
            default:
                var funder = Plan.Funders.FirstOrDefault(f => f.Id == axis.FunderId);
                return funder is not null && PlanSweep.Value(axis, i) is { } value && funder.Rule.HasValue(axis.RuleParameter, value);
        }
    }
}
