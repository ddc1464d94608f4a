namespace Funding.Plans;

/// <summary>The outcome of a check.</summary>
public enum CheckOutcome
{
    /// <summary>The plan respects the rule.</summary>
    Passed,

    /// <summary>The plan breaks the rule.</summary>
    Failed,

    /// <summary>The plan respects the rule but something needs attention (a written agreement to sign…).</summary>
    Warning,

    /// <summary>The rule does not apply to this plan.</summary>
    NotApplicable,
}
