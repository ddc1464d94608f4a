using System.Globalization;
using Funding.Contracts.Errors;
using Funding.Formatting;
using Funding.Plans;
using NodaTime;

namespace Funding.Contracts.Mapping;

/// <summary>Sweep requests to the domain, and sweeps to the JSON contract.</summary>
internal static class SweepMapping
{
    /// <summary>The plan and the parameters (ranges expanded once their size is known to be within bounds), or null with the errors.</summary>
    public static (Plan? Plan, SweepAxis[]? Axes) ToDomain(SweepRequest request, RequestErrors errors)
    {
        var plan = PlanMapping.ToDomain(request.Plan, errors, "plan");
        if (!errors.NoNullItems(request.Parameters, "parameters"))
        {
            return (plan, null);
        }
        if (request.Parameters.Count is 0 or > PlanSweep.MaxParameters)
        {
            errors.Add("parameters", ErrorCodes.TooMany,
                $"Donnez un ou deux paramètres à faire varier ({request.Parameters.Count} donnés).",
                $"Give one or two parameters to vary ({request.Parameters.Count} given).");
            return (plan, null);
        }
        var axes = new SweepAxis[request.Parameters.Count];
        long scenarios = 1;
        for (int a = 0; a < axes.Length; a++)
        {
            var axis = Axis(request.Parameters[a], $"parameters[{a}]", errors);
            axes[a] = axis ?? new SweepAxis(request.Parameters[a].Parameter);
            scenarios *= Math.Max(axes[a].Count, 1);
            if (scenarios > PlanSweep.MaxScenarios)
            {
                errors.Add("parameters", ErrorCodes.TooMany,
                    $"Plus de {FrenchFormat.Number(PlanSweep.MaxScenarios)} scénarios : réduisez les listes ou élargissez les pas.",
                    $"More than {PlanSweep.MaxScenarios} scenarios: shorten the lists or widen the steps.");
                return (plan, null);
            }
        }
        return (plan, errors.HasErrors ? null : axes);
    }

    private static SweepAxis? Axis(SweepParameterInput input, string path, RequestErrors errors)
    {
        bool dates = input.Parameter == SweepParameter.StartDate;
        bool keys = input.Parameter == SweepParameter.Key;
        var given = new List<string>();
        if (input.Values is not null) { given.Add("values"); }
        if (input.Range is not null) { given.Add("range"); }
        if (input.Dates is not null) { given.Add("dates"); }
        if (input.DateRange is not null) { given.Add("dateRange"); }
        if (input.Keys is not null) { given.Add("keys"); }
        string[] expected = dates ? ["dates", "dateRange"] : keys ? ["keys"] : ["values", "range"];
        if (given.Count != 1 || !expected.Contains(given[0]))
        {
            string list = string.Join(" ou ", expected);
            errors.Add(given.Count == 1 ? $"{path}.{given[0]}" : path, ErrorCodes.ValueNotAllowed,
                $"Le paramètre {Name(input.Parameter)} prend ses valeurs dans {list}, un seul des deux{(given.Count == 0 ? "" : $" ({string.Join(", ", given)} donnés)")}.",
                $"The parameter {input.Parameter} takes its values from {string.Join(" or ", expected)}, exactly one{(given.Count == 0 ? "" : $" ({string.Join(", ", given)} given)")}.");
            return null;
        }
        if ((input.Parameter is SweepParameter.Cost or SweepParameter.StartDate) != (input.FunderId is null))
        {
            errors.Add($"{path}.funderId", input.FunderId is null ? ErrorCodes.FieldRequired : ErrorCodes.ValueNotAllowed,
                input.FunderId is null ? $"Le paramètre {Name(input.Parameter)} porte sur un financeur : donnez funderId." : $"Le paramètre {Name(input.Parameter)} porte sur le plan, pas sur un financeur : retirez funderId.",
                input.FunderId is null ? $"The parameter {input.Parameter} belongs to a funder: give funderId." : $"The parameter {input.Parameter} belongs to the plan, not to a funder: remove funderId.");
            return null;
        }
        var axis = new SweepAxis(input.Parameter, input.FunderId) { Year = input.Year };
        switch (given[0])
        {
            case "values":
                return axis with { Numbers = [.. input.Values!] };
            case "range":
            {
                var numbers = Range(input.Range!, $"{path}.range", errors);
                return numbers is null ? null : axis with { Numbers = numbers };
            }
            case "dates":
                return axis with { Dates = [.. input.Dates!] };
            case "dateRange":
            {
                var list = DateRange(input.DateRange!, $"{path}.dateRange", errors);
                return list is null ? null : axis with { Dates = list };
            }
            default:
            {
                if (!errors.NoNullItems(input.Keys, $"{path}.keys")
                    || !input.Keys!.Select((k, i) => KeyMapping.NoNulls(k.Key, $"{path}.keys[{i}].key", errors)).All(ok => ok))
                {
                    return null;
                }
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < input.Keys!.Count; i++)
                {
                    if (!names.Add(input.Keys[i].Name))
                    {
                        errors.Add($"{path}.keys[{i}].name", ErrorCodes.IdDuplicate,
                            $"Le nom de clé « {input.Keys[i].Name} » est déjà pris : chaque clé a un nom unique.",
                            $"The key name '{input.Keys[i].Name}' is used twice: each key has a unique name.");
                    }
                }
                var named = input.Keys.Select((k, i) => new NamedKey(k.Name, KeyMapping.ToDomain(k.Key, $"{path}.keys[{i}].key", errors))).ToArray();
                return axis with { Keys = named };
            }
        }
    }

    /// <summary>from, from + step, … up to to, counted before anything is expanded.</summary>
    private static decimal[]? Range(SweepRangeInput range, string path, RequestErrors errors)
    {
        if (range.Step <= 0)
        {
            errors.Add($"{path}.step", ErrorCodes.ValueNotAllowed,
                $"Le pas vaut {Fr(range.Step)} : il doit être supérieur à zéro.", $"The step is {range.Step}: it must be above zero.");
            return null;
        }
        if (range.To < range.From)
        {
            errors.Add($"{path}.to", ErrorCodes.DatesNotInOrder,
                $"La fin de la plage, {Fr(range.To)}, est avant son début, {Fr(range.From)}.", $"The range ends at {range.To}, before it starts at {range.From}.");
            return null;
        }
        foreach (var (value, field) in new[] { (range.From, "from"), (range.To, "to") })
        {
            if (Math.Abs(value) > Money.MaxValue.Amount)
            {
                errors.Add($"{path}.{field}", ErrorCodes.AmountOutOfRange,
                    $"{Fr(value)} est hors limites : une valeur balayée (un montant ou un taux) est comprise entre −1 000 000 000 000 et 1 000 000 000 000.",
                    $"{value} is out of range: a swept value (an amount or a rate) lies between −1,000,000,000,000 and 1,000,000,000,000.");
                return null;
            }
        }
        // The count before the values: a step of 10⁻²⁸ over a wide range would not even fit in a decimal.
        decimal steps = range.Step >= 1e-6m || range.To - range.From <= range.Step * PlanSweep.MaxScenarios
            ? decimal.Floor((range.To - range.From) / range.Step)
            : decimal.MaxValue - 1;
        if (steps + 1 > PlanSweep.MaxScenarios)
        {
            errors.Add(path, ErrorCodes.TooMany,
                $"La plage compte {(steps + 1 > 1e15m ? "plus de 10¹⁵" : Fr(steps + 1))} valeurs, au-delà de la limite de {FrenchFormat.Number(PlanSweep.MaxScenarios)} scénarios.",
                $"The range has {(steps + 1 > 1e15m ? "more than 10^15" : (steps + 1).ToString(CultureInfo.InvariantCulture))} values, beyond the limit of {PlanSweep.MaxScenarios} scenarios.");
            return null;
        }
        var values = new decimal[(int)steps + 1];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = range.From + (i * range.Step);
        }
        return values;
    }

    private static LocalDate[]? DateRange(SweepDateRangeInput range, string path, RequestErrors errors)
    {
        if (range.StepMonths is < 1 or > 120)
        {
            errors.Add($"{path}.stepMonths", ErrorCodes.ValueNotAllowed,
                $"Le pas vaut {range.StepMonths} mois : il va de 1 à 120.", $"The step is {range.StepMonths} months: it must be 1 to 120.");
            return null;
        }
        foreach (var (date, field) in new[] { (range.From, "from"), (range.To, "to") })
        {
            if (date.Year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
            {
                errors.Add($"{path}.{field}", ErrorCodes.DateOutOfRange,
                    $"La date {FrenchFormat.Date(date)} est hors limites : l'année est comprise entre {FundingLimits.MinYear} et {FundingLimits.MaxYear}.",
                    $"The date {date:yyyy-MM-dd} is out of range: the year must be between {FundingLimits.MinYear} and {FundingLimits.MaxYear}.");
                return null;
            }
        }
        if (range.To < range.From)
        {
            errors.Add($"{path}.to", ErrorCodes.DatesNotInOrder,
                $"La fin de la plage, {FrenchFormat.Date(range.To)}, est avant son début, {FrenchFormat.Date(range.From)}.", $"The range ends on {range.To}, before it starts on {range.From}.");
            return null;
        }
        long months = ((range.To.Year - range.From.Year) * 12L) + range.To.Month - range.From.Month;
        long count = (months / range.StepMonths) + 1;
        if (count > PlanSweep.MaxScenarios)
        {
            errors.Add(path, ErrorCodes.TooMany,
                $"La plage compte {count} dates, au-delà de la limite de {FrenchFormat.Number(PlanSweep.MaxScenarios)} scénarios.",
                $"The range has {count} dates, beyond the limit of {PlanSweep.MaxScenarios} scenarios.");
            return null;
        }
        var dates = new List<LocalDate>((int)count);
        for (var d = range.From; d <= range.To; d = d.PlusMonths(range.StepMonths))
        {
            dates.Add(d);
        }
        return [.. dates];
    }

    private static string Fr(decimal value) => value.ToString(CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Name(SweepParameter parameter) => parameter switch
    {
        SweepParameter.Rate => "« taux »",
        SweepParameter.Cap => "« plafond »",
        SweepParameter.AnnualAmount => "« montant annuel »",
        SweepParameter.Cost => "« coût annuel »",
        SweepParameter.StartDate => "« date de début »",
        _ => "« clé »",
    };

    /// <summary>The whole sweep as the JSON contract writes it.</summary>
    public static SweepResponse ToResponse(SweepResult result)
    {
        var sweep = result.Sweep;
        return new SweepResponse
        {
            CalculationVersion = CalculationVersion.Current,
            Count = sweep.Count,
            PlanScenario = sweep.PlanScenario,
            Parameters = [.. sweep.Axes.Select(a => new SweepParameterOutput
            {
                Parameter = a.Parameter,
                FunderId = a.FunderId,
                Year = a.Year,
                Name = a.Name(sweep.Plan),
                Labels = [.. Enumerable.Range(0, a.Count).Select(a.Label)],
            })],
            Years = sweep.Years,
            Funders = [.. result.Funders.Select(f => new SweepFunderOutput { Id = f.Id, Name = f.Name, Min = f.Min.Amount, MinScenario = f.MinScenario, Max = f.Max.Amount, MaxScenario = f.MaxScenario })],
            Scenarios = [.. result.Scenarios.Select(s => new SweepScenarioOutput
            {
                Number = s.Index + 1,
                Values = s.Values,
                TotalCost = s.TotalCost.Amount,
                Totals = [.. s.Totals.Select(t => t.Amount)],
                ByBudgetYear = s.ByBudgetYear is null ? null : [.. s.ByBudgetYear.Select(y => (IReadOnlyList<decimal>)[.. y.Select(a => a.Amount)])],
                Unfunded = s.Unfunded.Amount,
                OverFunding = s.OverFunding.Amount,
            })],
        };
    }

    /// <summary>
    /// The JSON answer's size, estimated from above before anything is computed: a scenario writes its number, its value
    /// indices and at most 18 characters per amount (« 1000000000000.00, »).
    /// </summary>
    public static long EstimatedJsonBytes(int scenarios, int funders, int years, bool byBudgetYear, int parameters)
    {
        long amounts = 3 + funders + (byBudgetYear ? (long)funders * years : 0);
        long perScenario = 110 + (parameters * 8) + (amounts * 18) + (byBudgetYear ? funders * 3 : 0);
        return 4096 + (funders * 200L) + (scenarios * perScenario);
    }
}
