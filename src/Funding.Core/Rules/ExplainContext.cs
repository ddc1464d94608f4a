using Funding.Explaining;
using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>What an explainer needs besides the trace: who pays, the cost, the rounding policy and the period.</summary>
/// <param name="Name">The payer's name (« État »).</param>
/// <param name="TotalCost">The plan's total cost.</param>
/// <param name="Policy">The plan's rounding policy.</param>
/// <param name="Period">The plan's period.</param>
internal sealed record ExplainContext(string Name, Money TotalCost, RoundingPolicy Policy, FundingPeriod Period)
{
    /// <summary>The payer as the subject of a sentence: « L'État », « Quimper Bretagne Occidentale ».</summary>
    internal string Subject => FrenchProse.Subject(Name);

    /// <summary>« (11,17 % du coût total) », or nothing when the cost is zero.</summary>
    internal string ShareOfCost(Money amount) =>
        TotalCost.IsZero ? "" : $" ({FrenchFormat.Rate(Ratio.Of(amount, TotalCost))} du coût total)";

    /// <summary>« 103 800,00 € » when exact, « 8 695,125 €, arrondi à 8 695,13 € (…) » otherwise.</summary>
    internal string Rounded(decimal exact, Money rounded) => Explainer.Rounded(exact, rounded, Policy);
}
