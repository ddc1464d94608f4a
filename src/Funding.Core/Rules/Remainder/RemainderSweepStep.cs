using Funding.Plans;

namespace Funding.Rules;

/// <summary>The remainder in the sweep's compiled path: what is still to fund after every other step, within its cap.</summary>
internal sealed class RemainderSweepStep : SweepStep
{
    internal RemainderSweepStep(Money? cap)
    {
        Cap = cap;
    }

    internal override bool IsLast => true;

    /// <summary>Never called: the kernel gives the remainder what is still to fund, within <see cref="SweepStep.Cap"/>.</summary>
    internal override Money Compute(Money totalCost, ReadOnlySpan<Money> totals, RoundingPolicy policy) => Money.Zero;

    internal override void Set(RuleParameter parameter, SweepValue value, SweepKernel kernel) => Cap = value.Amount;
}
