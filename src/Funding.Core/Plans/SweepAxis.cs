using Funding.Formatting;
using Funding.Rules;
using NodaTime;

namespace Funding.Plans;

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
            SweepParameter.Rate when Year is { } year => $"taux de l'année {year} {FrenchProse.Of(who)}",
            SweepParameter.Rate => $"taux {FrenchProse.Of(who)}",
            SweepParameter.Cap => $"plafond {FrenchProse.Of(who)}",
            SweepParameter.AnnualAmount => $"montant annuel {FrenchProse.Of(who)}",
            SweepParameter.Cost => "coût annuel",
            SweepParameter.StartDate => "date de début",
            _ => $"clé du groupe « {who} »",
        };
    }
}
