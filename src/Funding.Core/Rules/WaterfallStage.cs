namespace Funding.Rules;

/// <summary>When a rule applies in the waterfall.</summary>
public enum WaterfallStage
{
    /// <summary>In the order of the plan's funders.</summary>
    InOrder,

    /// <summary>After every other rule, wherever it stands in the list: the remainder ("reste à charge"). At most one per plan.</summary>
    Last,
}
