namespace Funding.Plans;

/// <summary>What the waterfall did to a funder's contribution.</summary>
public enum ContributionLimit
{
    /// <summary>Nothing: the rule's amount is paid as computed.</summary>
    None,

    /// <summary>The cap ("plafond") reduced the amount.</summary>
    Cap,

    /// <summary>The floor ("plancher") raised the amount.</summary>
    Floor,

    /// <summary>The amount was reduced to what was left to fund at that point of the waterfall.</summary>
    LeftToFund,

    /// <summary>A promised fixed amount is above the funder's cap: it is kept, and the caps check fails.</summary>
    AboveCap,

    /// <summary>A ceiling the funder shares with others reduced the amount.</summary>
    SharedCeiling,
}
