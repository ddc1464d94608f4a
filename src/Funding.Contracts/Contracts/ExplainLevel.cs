using System.ComponentModel;

namespace Funding.Contracts;

/// <summary>
/// How much explanation an answer carries (the <c>explain</c> query parameter). Every figure an answer holds is the same at
/// every level.
/// </summary>
[DefaultValue(Full)]
[ChoiceLabel("le niveau d'explication", "the explanation level")]
public enum ExplainLevel
{
    /// <summary>
    /// Figures only: no sentence, no explanation. For a plan, the lean path — each funder's total and contributions by
    /// budget year, groups, ceilings, year balances and totals, without payment schedules, treasury or checks.
    /// </summary>
    None,

    /// <summary>One sentence per figure that has one (each funder, group, budget year, the treasury); no terms, no per-payment or per-share sentences.</summary>
    Summary,

    /// <summary>Everything: sentences and the terms behind them, down to each payment and share (the default).</summary>
    Full,
}
