namespace Funding.Plans;

/// <summary>What a sweep varies.</summary>
public enum SweepParameter
{
    /// <summary>A funder's rate, in percent: a rate rule, a match, or a group's share of what is left.</summary>
    Rate,

    /// <summary>A funder's cap, in euros.</summary>
    Cap,

    /// <summary>A fixed annual amount, in euros.</summary>
    AnnualAmount,

    /// <summary>The annual cost of the plan, in euros.</summary>
    Cost,

    /// <summary>The first day of the period (the first of a month); the duration is kept.</summary>
    StartDate,

    /// <summary>A group's key, among named keys.</summary>
    Key,
}
