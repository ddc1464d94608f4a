namespace Funding.Plans;

/// <summary>How a shared ceiling is shared between its funders.</summary>
public enum CeilingSharing
{
    /// <summary>In waterfall order: the first funders keep their amounts, the last ones give up the excess first.</summary>
    Waterfall,

    /// <summary>In proportion to their own amounts: the ceiling is split between them by the largest-remainder method.</summary>
    ProRata,
}
