namespace Funding.Plans;

/// <summary>How much of a plan's explanation <see cref="PlanEvaluator.Evaluate(Plan, ExplanationDepth)"/> writes.</summary>
/// <remarks>The figures, schedules and checks are the same at every depth: only sentences are left out.</remarks>
public enum ExplanationDepth
{
    /// <summary>No sentence: every contribution's explanation is <see cref="Explanation.Omitted"/> and no payment has one.</summary>
    None,

    /// <summary>
    /// A sentence per contribution (with its terms), budget year and treasury, none per payment: the payments' sentences,
    /// most of a full answer, are never built.
    /// </summary>
    Summary,

    /// <summary>Every sentence, each payment's included.</summary>
    Full,
}
