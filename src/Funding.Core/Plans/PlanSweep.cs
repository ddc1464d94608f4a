using Funding.Formatting;
using Funding.Rules;
using Funding.Schedules;
using NodaTime;

namespace Funding.Plans;

/// <summary>What a sweep varies.</summary>
public enum SweepParameter
{
    /// <summary>A funder's rate, in percent: a rate rule, a match, or a group's share of what is left.</summary>
    Rate,

    /// <summary>A funder's cap, in euros.</summary>
    Cap,

    /// <summary>A fixed annual amount, in euros.</summary>
    AnnualAmount,

    /// <summary>The annual cost of the plan, in euros.</summary>
    Cost,

    /// <summary>The first day of the period (the first of a month); the duration is kept.</summary>
    StartDate,

    /// <summary>A group's key, among named keys.</summary>
    Key,
}

/// <summary>One parameter of a sweep and the values it takes, in order.</summary>
/// <param name="Parameter">What varies.</param>
/// <param name="FunderId">The funder (rate, cap, annual amount) or group (key) concerned; null for the cost and the start date.</param>
public sealed record SweepAxis(SweepParameter Parameter, string? FunderId = null)
{
    /// <summary>For a rate given per year of the post (a degressive rate), the year whose rate varies, from 1; null otherwise.</summary>
    public int? Year { get; init; }

    /// <summary>The funder's rule parameter this axis varies.</summary>
    internal RuleParameter RuleParameter => new(Parameter, Year);

    /// <summary>The values of a rate (percent) or an amount (euros).</summary>
    public IReadOnlyList<decimal> Numbers { get; init; } = [];

    /// <summary>The values of a start date.</summary>
    public IReadOnlyList<LocalDate> Dates { get; init; } = [];

    /// <summary>The keys, for <see cref="SweepParameter.Key"/>.</summary>
    public IReadOnlyList<NamedKey> Keys { get; init; } = [];

    /// <summary>How many values the parameter takes.</summary>
    public int Count => Parameter switch
    {
        SweepParameter.StartDate => Dates.Count,
        SweepParameter.Key => Keys.Count,
        _ => Numbers.Count,
    };

    /// <summary>Value <paramref name="i"/> in French: « 50 % », « 80 000,00 € », « 01/04/2022 », a key's name.</summary>
    /// <param name="i">The value's index.</param>
    /// <returns>The label.</returns>
    public string Label(int i) => Parameter switch
    {
        SweepParameter.Rate => FrenchFormat.Number(Numbers[i], 6, trimZeros: true) + "\u00A0%",
        SweepParameter.StartDate => FrenchFormat.Date(Dates[i]),
        SweepParameter.Key => Keys[i].Name,
        _ => Money.TryEuros(Numbers[i], out var amount, out _) ? FrenchFormat.Money(amount) : FrenchFormat.ExactMoney(Numbers[i]),
    };

    /// <summary>What varies, as a column heading: « Plafond de l'État », « Coût annuel »…</summary>
    /// <param name="plan">The plan, for the funder's name.</param>
    /// <returns>The heading.</returns>
    public string Title(Plan plan)
    {
        string name = Name(plan);
        return name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>What varies, in French: « taux de État », « coût annuel », « clé du groupe EPCI »…</summary>
    /// <param name="plan">The plan, for the funder's name.</param>
    /// <returns>The name.</returns>
    public string Name(Plan plan)
    {
        Preconditions.CheckNotNull(plan);
        string who = plan.Funders.FirstOrDefault(f => f.Id == FunderId)?.Name ?? FunderId ?? "";
        return Parameter switch
        {
            SweepParameter.Rate when Year is { } year => $"taux de l'année {year} {FrenchText.Of(who)}",
            SweepParameter.Rate => $"taux {FrenchText.Of(who)}",
            SweepParameter.Cap => $"plafond {FrenchText.Of(who)}",
            SweepParameter.AnnualAmount => $"montant annuel {FrenchText.Of(who)}",
            SweepParameter.Cost => "coût annuel",
            SweepParameter.StartDate => "date de début",
            _ => $"clé du groupe « {who} »",
        };
    }
}

/// <summary>One scenario of a sweep: the values taken and every funder's figures.</summary>
/// <param name="Index">The scenario's number, from 0, the last parameter varying fastest.</param>
/// <param name="Values">The index of each parameter's value.</param>
/// <param name="TotalCost">The scenario's total cost.</param>
/// <param name="Totals">Each funder's total, in the order of <see cref="PreparedSweep.Funders"/>.</param>
/// <param name="ByBudgetYear">Each funder's contribution to each year of <see cref="PreparedSweep.Years"/>, when asked; null otherwise.</param>
/// <param name="Unfunded">What no funder pays.</param>
/// <param name="OverFunding">What the funders pay beyond the cost.</param>
public sealed record SweepScenario(int Index, int[] Values, Money TotalCost, Money[] Totals, Money[][]? ByBudgetYear, Money Unfunded, Money OverFunding);

/// <summary>A funder across a sweep: its smallest and largest total, and the first scenario giving each.</summary>
/// <param name="Id">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Min">The smallest total.</param>
/// <param name="MinScenario">The first scenario giving it.</param>
/// <param name="Max">The largest total.</param>
/// <param name="MaxScenario">The first scenario giving it.</param>
public sealed record SweepFunder(string Id, string Name, Money Min, int MinScenario, Money Max, int MaxScenario);

/// <summary>A sweep computed whole: every scenario and each funder's range.</summary>
/// <param name="Sweep">The prepared sweep.</param>
/// <param name="Scenarios">Every scenario, in order.</param>
/// <param name="Funders">Each funder's minimum and maximum.</param>
public sealed record SweepResult(PreparedSweep Sweep, IReadOnlyList<SweepScenario> Scenarios, IReadOnlyList<SweepFunder> Funders);

/// <summary>
/// Scenario sweeps: a plan evaluated over every combination of one or two parameters — a funder's rate, cap or annual
/// amount, the cost, the start date, a group's key — with the lean evaluation path (figures, no sentences).
/// </summary>
public static class PlanSweep
{
    /// <summary>The most scenarios one sweep computes.</summary>
    public const int MaxScenarios = 100_000;

    /// <summary>The most parameters one sweep varies.</summary>
    public const int MaxParameters = 2;

    /// <summary>Checks a sweep and prepares it: every scenario is valid once this returns.</summary>
    /// <param name="plan">The plan, valid.</param>
    /// <param name="axes">One or two parameters, each with 1 to <see cref="MaxScenarios"/> values.</param>
    /// <param name="byBudgetYear">Whether each scenario also gives each funder's contribution to each budget year.</param>
    /// <returns>The sweep, ready to run or to stream.</returns>
    /// <exception cref="FundingValidationException">
    /// The plan, a parameter or a scenario is not valid; errors name <c>parameters[a]</c>, <c>parameters[a].funderId</c>
    /// or the value (<c>parameters[a].values[i]</c>, <c>.dates[i]</c>, <c>.keys[i]</c>).
    /// </exception>
    public static PreparedSweep Prepare(Plan plan, IReadOnlyList<SweepAxis> axes, bool byBudgetYear = false)
    {
        Preconditions.CheckNotNull(plan);
        Preconditions.CheckNotNull(axes);
        PlanValidator.ThrowIfInvalid(plan);
        var errors = new ValidationErrors();
        var parameters = FieldPath.Of("parameters");
        if (axes.Count is < 1 or > MaxParameters)
        {
            errors.Add(parameters, axes.Count == 0
                ? CommonMessages.Missing("Donnez un ou deux paramètres à faire varier.", "Give one or two parameters to vary.")
                : CommonMessages.TooMany(axes.Count, MaxParameters, "paramètres", "parameters"));
            errors.ThrowIfAny();
        }
        long scenarios = 1;
        for (int a = 0; a < axes.Count; a++)
        {
            var axis = axes[a];
            var path = parameters.Item(a);
            if (axis.Count == 0)
            {
                errors.Add(path.Field(ValuesField(axis.Parameter)), CommonMessages.Missing("Donnez au moins une valeur.", "Give at least one value."));
            }
            scenarios *= Math.Max(axis.Count, 1);
            CheckTarget(plan, axis, path, errors);
            if (a > 0 && axes[0].Parameter == axis.Parameter && axes[0].FunderId == axis.FunderId && axes[0].Year == axis.Year)
            {
                errors.Add(path.Field("parameter"), Invalid(
                    "Ce paramètre varie déjà (parameters[0]) : donnez toutes ses valeurs au même endroit.",
                    "This parameter already varies (parameters[0]): give all its values in one place."));
            }
        }
        if (scenarios > MaxScenarios)
        {
            errors.Add(parameters, CommonMessages.TooMany(scenarios, MaxScenarios, "scénarios", "scenarios"));
        }
        errors.ThrowIfAny();

        // Every value on its own, then (two parameters) every combination: a scenario the plan cannot take is refused
        // before anything is computed, naming the value. A simple plan's values are checked by its kernel, without
        // building a plan each; any value it refuses is checked again by the validator, which names the problem.
        for (int a = 0; a < axes.Count; a++)
        {
            var kernel = SweepKernel.TryCompile(plan, axes, byBudgetYear: false);
            for (int i = 0; i < axes[a].Count; i++)
            {
                if (kernel is not null && kernel.TrySet(plan, axes[a], i) && kernel.IsValid())
                {
                    continue;
                }
                var value = parameters.Item(a).Field(ValuesField(axes[a].Parameter)).Item(i);
                CheckScenario(Apply(plan, axes[a], i, value, errors), value, axes[a], i, errors);
                errors.ThrowIfAny();
            }
        }
        if (axes.Count == 2)
        {
            var kernel = SweepKernel.TryCompile(plan, axes, byBudgetYear: false);
            for (int i = 0; i < axes[0].Count; i++)
            {
                kernel?.Set(plan, axes[0], i);
                Plan? first = null;
                for (int j = 0; j < axes[1].Count; j++)
                {
                    if (kernel is not null && kernel.TrySet(plan, axes[1], j) && kernel.IsValid())
                    {
                        continue;
                    }
                    first ??= Apply(plan, axes[0], i, parameters, errors);
                    CheckScenario(Apply(first, axes[1], j, parameters, errors), parameters, axes[0], i, errors, (axes[1], j));
                    errors.ThrowIfAny();
                }
            }
        }
        return new PreparedSweep(plan, axes, (int)scenarios, byBudgetYear);
    }

    /// <summary>Checks a sweep and computes every scenario.</summary>
    /// <param name="plan">The plan, valid.</param>
    /// <param name="axes">One or two parameters.</param>
    /// <param name="byBudgetYear">Whether each scenario also gives each funder's contribution to each budget year.</param>
    /// <returns>Every scenario and each funder's range.</returns>
    /// <exception cref="FundingValidationException">See <see cref="Prepare"/>.</exception>
    public static SweepResult Run(Plan plan, IReadOnlyList<SweepAxis> axes, bool byBudgetYear = false) => Prepare(plan, axes, byBudgetYear).Run();

    /// <summary>Where a parameter's values are: <c>values</c>, <c>dates</c> or <c>keys</c>.</summary>
    internal static string ValuesField(SweepParameter parameter) => parameter switch
    {
        SweepParameter.StartDate => "dates",
        SweepParameter.Key => "keys",
        _ => "values",
    };

    private static void CheckTarget(Plan plan, SweepAxis axis, FieldPath path, ValidationErrors errors)
    {
        if (axis.Parameter is SweepParameter.Cost or SweepParameter.StartDate)
        {
            if (plan.Cost is not AnnualCost)
            {
                errors.Add(path.Field("parameter"), Invalid(
                    "Le plan donne un coût par exercice : seuls un coût annuel et sa date de début peuvent varier.",
                    "The plan gives a cost per budget year: only an annual cost and its start date can vary."));
            }
            return;
        }
        var funder = plan.Funders.FirstOrDefault(f => f.Id == axis.FunderId);
        if (funder is null)
        {
            errors.Add(path.Field("funderId"), Invalid(
                $"« {axis.FunderId} » n'est pas un financeur du plan.", $"'{axis.FunderId}' is not a funder of the plan."));
            return;
        }
        bool fits = funder.Rule.SweepParameters.Contains(axis.RuleParameter);
        if (!fits)
        {
            var (fr, en) = axis.Parameter switch
            {
                SweepParameter.Rate when axis.Year is { } year => ($"de taux pour l'année {year}", $"rate for year {year}"),
                SweepParameter.Rate => ("un taux", "a rate"),
                SweepParameter.Cap => ("un plafond calculé (un montant promis n'est pas plafonné)", "a computed cap (a promised amount is not capped)"),
                SweepParameter.AnnualAmount => ("un montant annuel", "an annual amount"),
                _ => ("une clé de répartition", "an allocation key"),
            };
            errors.Add(path.Field("funderId"), Invalid(
                $"La règle de « {funder.Name} » ({funder.Rule.Type}) n'a pas {fr} à faire varier.",
                $"The rule of '{funder.Name}' ({funder.Rule.Type}) has no {en} to vary."));
        }
    }

    private static FundingMessage Invalid(string french, string english) => new(ErrorCodes.SweepInvalid, french, english);

    /// <summary>Validates a scenario's plan; its values are named (« 60 000,00 € et parts égales ») only when it is refused.</summary>
    private static void CheckScenario(Plan? variant, FieldPath path, SweepAxis axis, int i, ValidationErrors errors, (SweepAxis Axis, int Index)? second = null)
    {
        if (variant is null)
        {
            return;
        }
        var problems = PlanValidator.Validate(variant);
        if (problems.Count > 0)
        {
            string label = second is var (other, j) ? $"{axis.Label(i)} et {other.Label(j)}" : axis.Label(i);
            var first = problems[0];
            errors.Add(path, Invalid(
                $"Avec {label}, le plan n'est pas valide ({first.Path}) : {first.Message}",
                $"With {label}, the plan is not valid ({first.Path}): {first.Problem.English}"));
        }
    }

    /// <summary>The plan with value <paramref name="i"/> of <paramref name="axis"/>; null (and an error) for a value that is not an amount or a rate.</summary>
    internal static Plan? Apply(Plan? plan, SweepAxis axis, int i, FieldPath path, ValidationErrors errors)
    {
        if (plan is null)
        {
            return null;
        }
        switch (axis.Parameter)
        {
            case SweepParameter.Cost:
            {
                var cost = (AnnualCost)plan.Cost;
                return Euros(axis.Numbers[i], path, errors) is { } amount ? plan with { Cost = cost with { AnnualAmount = amount } } : null;
            }
            case SweepParameter.StartDate:
            {
                var cost = (AnnualCost)plan.Cost;
                return plan with { Cost = new AnnualCost(cost.AnnualAmount, new FundingPeriod(axis.Dates[i], cost.Period.Months), cost.Prorata) { Growth = cost.Growth } };
            }
            default:
            {
                int index = IndexOf(plan, axis.FunderId!);
                var funder = plan.Funders[index];
                var rule = Value(axis, i, path, errors) is { } value ? funder.Rule.WithValue(axis.RuleParameter, value) : null;
                if (rule is null)
                {
                    return null;
                }
                var funders = new Funder[plan.Funders.Count];
                for (int f = 0; f < funders.Length; f++)
                {
                    funders[f] = f == index ? funder with { Rule = rule } : plan.Funders[f];
                }
                return plan with { Funders = funders };
            }
        }
    }

    /// <summary>The index of funder <paramref name="funderId"/> in the plan, or −1.</summary>
    internal static int IndexOf(Plan plan, string funderId)
    {
        for (int f = 0; f < plan.Funders.Count; f++)
        {
            if (plan.Funders[f].Id == funderId)
            {
                return f;
            }
        }
        return -1;
    }

    /// <summary>Value <paramref name="i"/> of a funder's parameter as its rule takes it; null (and an error) for a value that is not a rate or an amount.</summary>
    internal static SweepValue? Value(SweepAxis axis, int i, FieldPath path, ValidationErrors errors) => axis.Parameter switch
    {
        SweepParameter.Rate => Percent(axis.Numbers[i], path, errors) is { } rate ? SweepValue.Of(rate) : null,
        SweepParameter.Key => SweepValue.Of(axis.Keys[i].Key),
        _ => Euros(axis.Numbers[i], path, errors) is { } amount ? SweepValue.Of(amount) : null,
    };

    /// <summary>Value <paramref name="i"/> of a funder's parameter as its rule takes it, or null for a value that is not a rate or an amount.</summary>
    internal static SweepValue? Value(SweepAxis axis, int i) => axis.Parameter switch
    {
        SweepParameter.Rate => Rate.TryPercent(axis.Numbers[i], out var rate, out _) ? SweepValue.Of(rate) : null,
        SweepParameter.Key => SweepValue.Of(axis.Keys[i].Key),
        _ => Money.TryEuros(axis.Numbers[i], out var amount, out _) ? SweepValue.Of(amount) : null,
    };

    private static Money? Euros(decimal value, FieldPath path, ValidationErrors errors)
    {
        if (Money.TryEuros(value, out var money, out var error))
        {
            return money;
        }
        errors.Add(path, error == MoneyError.SubCent ? Money.SubCentMessage(value) : Money.OutOfRangeMessage(value));
        return null;
    }

    private static Rate? Percent(decimal value, FieldPath path, ValidationErrors errors)
    {
        if (Rate.TryPercent(value, out var rate, out var error))
        {
            return rate;
        }
        errors.Add(path, error == RateError.OutOfRange ? Rate.OutOfRangeMessage(value) : Rate.TooPreciseMessage(value));
        return null;
    }
}

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

/// <summary>Each funder's smallest and largest total over the scenarios seen so far, and the first scenario giving each.</summary>
internal sealed class SweepRanges(PreparedSweep sweep)
{
    private readonly Money[] _min = new Money[sweep.Funders.Count];
    private readonly Money[] _max = new Money[sweep.Funders.Count];
    private readonly int[] _minAt = new int[sweep.Funders.Count];
    private readonly int[] _maxAt = new int[sweep.Funders.Count];
    private bool _any;

    public IReadOnlyList<Money> Min => _min;

    public IReadOnlyList<Money> Max => _max;

    public void Add(SweepScenario scenario)
    {
        for (int f = 0; f < _min.Length; f++)
        {
            var total = scenario.Totals[f];
            if (!_any || total < _min[f])
            {
                (_min[f], _minAt[f]) = (total, scenario.Index);
            }
            if (!_any || total > _max[f])
            {
                (_max[f], _maxAt[f]) = (total, scenario.Index);
            }
        }
        _any = true;
    }

    public SweepFunder[] Funders() =>
        [.. sweep.Funders.Select((f, i) => new SweepFunder(f.Id, f.Name, _min[i], _minAt[i], _max[i], _maxAt[i]))];
}
