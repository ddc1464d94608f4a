using Funding.Rules;

namespace Funding.Plans;

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
