using Funding.Plans;

namespace Funding.Rules;

/// <summary>A rate over the period in the sweep's compiled path: rate × (eligible base or cost), floored and capped.</summary>
internal sealed class RateSweepStep : SweepStep
{
    private Rate _rate;
    private readonly Money? _eligibleBase;

    internal RateSweepStep(RateRule rule)
    {
        _rate = rule.Rate;
        _eligibleBase = rule.EligibleBase;
        Cap = rule.Cap;
        Floor = rule.Floor;
    }

    internal override Money Compute(Money totalCost, ReadOnlySpan<Money> totals, RoundingPolicy policy) =>
        Bounded(policy.RoundToCents(_rate.ExactOf(_eligibleBase ?? totalCost)));

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
