namespace Funding;

/// <summary>
/// The documented limits of the library, checked before computing so that an absurd input gets a clear error instead
/// of a long computation or an overflow deep inside.
/// </summary>
public static class FundingLimits
{
    /// <summary>The largest amount in magnitude: 10¹² € (see <see cref="Money.MaxValue"/>).</summary>
    public static Money MaxAmount => Money.MaxValue;

    /// <summary>The most parties one allocation may have: 10 000 000.</summary>
    public const int MaxParties = 10_000_000;

    /// <summary>The largest weight of a party in a key: 10¹⁵ (a population, a tax potential in euros…).</summary>
    public const decimal MaxWeight = 1_000_000_000_000_000m;

    /// <summary>The most components a mixed key may have.</summary>
    public const int MaxKeyComponents = 10;

    /// <summary>The most funders a plan may have, counting each member of a key-share group: 2 000.</summary>
    public const int MaxPlanFunders = 2_000;

    /// <summary>The most actual expenses (years or months) and receipts one execution may hold together.</summary>
    public const int MaxExecutionEntries = 10_000;

    /// <summary>The longest period of a plan: 600 months (50 years).</summary>
    public const int MaxMonths = 600;

    /// <summary>The earliest budget year a plan may start in.</summary>
    public const int MinYear = 1990;

    /// <summary>The latest budget year a plan or payment may fall in.</summary>
    public const int MaxYear = 2150;

    /// <summary>The most installments of an advance-and-balance schedule.</summary>
    public const int MaxInstallments = 120;

    /// <summary>
    /// The most payments a plan's schedules may hold (a monthly payer over 600 months is 600 payments): 20 000, so that one
    /// request cannot ask for millions of explained payments.
    /// </summary>
    public const int MaxPayments = 20_000;

    /// <summary>The longest name or label, in characters (an id is at most <see cref="TextRules.MaxIdLength"/>).</summary>
    public const int MaxTextLength = 200;

    /// <summary>The longest description of a plan, in characters.</summary>
    public const int MaxDescriptionLength = 2_000;
}
