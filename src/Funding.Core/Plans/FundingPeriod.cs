using NodaTime;

namespace Funding.Plans;

/// <summary>A period of whole months from a start date ("durée en mois"): 24 months from 1 April 2022.</summary>
/// <remarks>
/// <para>
/// Civil-calendar rule: n months from day d end the day before day d, n months later (24 months from 1 April 2022 run
/// through 31 March 2024); where that month has no day d, the period ends on that month's last day — one month from
/// 31 January 2023 runs through 28 February, and 12 months from 29 February 2024 through 28 February 2025. (Plain
/// month arithmetic would end those on 27 February, and 28 February would never be covered.)
/// </para>
/// <para>Budget years ("exercices") are calendar years, as in French local government.</para>
/// </remarks>
/// <param name="Start">The first day.</param>
/// <param name="Months">The duration in months, at least 1.</param>
public sealed record FundingPeriod(LocalDate Start, int Months)
{
    /// <summary>The first day after the period.</summary>
    public LocalDate EndExclusive => End.PlusDays(1);

    /// <summary>The last day of the period, by the civil-calendar rule of the remarks.</summary>
    public LocalDate End
    {
        get
        {
            // NodaTime truncates to the month's last day when day d does not exist: then that day is the last one.
            var sameDayLater = Start.PlusMonths(Months);
            return sameDayLater.Day < Start.Day ? sameDayLater : sameDayLater.PlusDays(-1);
        }
    }

    /// <summary>
    /// The exact amount of an annual amount over the period, <c>annual × months / 12</c>, not rounded: the one place
    /// this is computed (the cost, a fixed annual contribution, the validator's magnitude check and the schedules all
    /// call it). Rounding is the caller's, by the plan's policy.
    /// </summary>
    /// <param name="annualAmount">The amount for twelve months.</param>
    /// <returns>The exact amount over <see cref="Months"/> months.</returns>
    public decimal Prorate(Money annualAmount) => annualAmount.Amount * Months / 12m;
}
