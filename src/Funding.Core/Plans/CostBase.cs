namespace Funding.Plans;

/// <summary>
/// What the project costs ("coût total", "assiette"): an annual cost over a period, or explicit amounts per budget year.
/// </summary>
public abstract record CostBase
{
    private protected CostBase()
    {
    }

    /// <summary>The period the cost covers.</summary>
    public abstract FundingPeriod Period { get; }

    /// <summary>How the cost's partial budget years are weighted; payments per budget year follow it unless they say otherwise.</summary>
    public virtual ProrataBasis ProrataBasis => ProrataBasis.Months;
}
