using Funding.Allocation;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>
/// Reads a rule's fields from its serialized form (the API's JSON, a catalogue file), each by its descriptor's field: a
/// rule reads itself with it (<see cref="RuleType.Read"/>) and never sees the format.
/// </summary>
/// <remarks>
/// A field that is absent gives null; a field that is present but not valid (a string for a number, a fraction of a
/// cent, a rate beyond 100 %) gives null too and the reader records the problem with the field's path. A required field
/// that is absent is recorded the same way. The rule builds itself with a neutral value in its place: a rule read with
/// problems is never evaluated.
/// </remarks>
public interface IRuleReader
{
    /// <summary>An amount in euros.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The amount, or null.</returns>
    Money? Money(RuleField field);

    /// <summary>A percentage.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The rate, or null.</returns>
    Rate? Percent(RuleField field);

    /// <summary>A list of percentages.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The rates, or null.</returns>
    IReadOnlyList<Rate>? Percents(RuleField field);

    /// <summary>A text: a funder's id.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The text, or null.</returns>
    string? Text(RuleField field);

    /// <summary>One of the field's choices.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The choice's value, or null.</returns>
    string? Choice(RuleField field);

    /// <summary>Amounts by budget year.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The amounts, or null.</returns>
    IReadOnlyList<BudgetYearAmount>? YearAmounts(RuleField field);

    /// <summary>A key-share group's pool.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The pool, or null.</returns>
    KeySharePool? Pool(RuleField field);

    /// <summary>An allocation key.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The key, or null.</returns>
    AllocationKey? Key(RuleField field);

    /// <summary>A key-share group's members.</summary>
    /// <param name="field">The field.</param>
    /// <param name="key">The group's key, which says whether each member needs a single weight.</param>
    /// <returns>The members, or null.</returns>
    IReadOnlyList<KeyShareMember>? Members(RuleField field, AllocationKey? key);
}
