using Funding.Rules;

namespace Funding.Schedules;

/// <summary>How a funder pays its contribution over time ("modalités de versement").</summary>
public abstract record PaymentMode
{
    private protected PaymentMode()
    {
    }

    /// <summary>The mode's identifier in the API: <c>once</c>, <c>perBudgetYear</c>, <c>advanceAndBalance</c>, <c>monthly</c>.</summary>
    public abstract string Type { get; }

    /// <summary>
    /// The mode used when a funder states none: its rule's (<see cref="ContributionRule.DefaultPayment"/>) — yearly
    /// contributions (fixed per year, key shares, the carrier's remainder) are paid per budget year; one-off ones (a rate,
    /// a fixed total) once at the start.
    /// </summary>
    /// <param name="rule">The funder's rule.</param>
    /// <returns>The default mode.</returns>
    public static PaymentMode DefaultFor(ContributionRule rule) => Preconditions.CheckNotNull(rule).DefaultPayment;
}
