using Funding.Allocation;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>
/// Writes a rule's fields to its serialized form, each by its descriptor's field; a null value is not written (the
/// field's default applies when it is read back).
/// </summary>
public interface IRuleWriter
{
    /// <summary>An amount in euros.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The amount, or null.</param>
    void Money(RuleField field, Money? value);

    /// <summary>A percentage.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The rate, or null.</param>
    void Percent(RuleField field, Rate? value);

    /// <summary>A list of percentages.</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The rates.</param>
    void Percents(RuleField field, IReadOnlyList<Rate> values);

    /// <summary>A text.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The text, or null.</param>
    void Text(RuleField field, string? value);

    /// <summary>One of the field's choices.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The choice's value, or null for the default.</param>
    void Choice(RuleField field, string? value);

    /// <summary>Amounts by budget year.</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The amounts.</param>
    void YearAmounts(RuleField field, IReadOnlyList<BudgetYearAmount> values);

    /// <summary>A key-share group's fixed pool: <c>{"type": "fixed", "amount"}</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="amount">The pool.</param>
    void FixedPool(RuleField field, Money amount);

    /// <summary>A key-share group's pool as a percentage of what is left to fund: <c>{"type": "percentOfRemaining", "percent"}</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="percent">The percentage.</param>
    void PercentOfRemainingPool(RuleField field, Rate percent);

    /// <summary>An allocation key.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The key.</param>
    void Key(RuleField field, AllocationKey value);

    /// <summary>A key-share group's members.</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The members.</param>
    void Members(RuleField field, IReadOnlyList<KeyShareMember> values);
}
