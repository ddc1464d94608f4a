using Funding.Plans;

namespace Funding.Rules;

/// <summary>A match in the sweep's compiled path: a share of an earlier funder's total, capped.</summary>
internal sealed class MatchSweepStep : SweepStep
{
    private Rate _rate;
    private readonly int _matched;

    internal MatchSweepStep(MatchRule rule, int matched)
    {
        _rate = rule.Rate;
        _matched = matched;
        Cap = rule.Cap;
    }

    internal override Money Compute(Money totalCost, ReadOnlySpan<Money> totals, RoundingPolicy policy) =>
        Bounded(policy.RoundToCents(_rate.ExactOf(totals[_matched])));

    internal override void Set(RuleParameter parameter, SweepValue value, SweepKernel kernel)
    {
        if (parameter.Parameter == SweepParameter.Rate)
        {
            _rate = value.Rate;
        }
        else
        {
            Cap = value.Amount;
        }
    }
}
