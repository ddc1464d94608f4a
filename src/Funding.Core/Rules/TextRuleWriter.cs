using System.Globalization;
using System.Text;
using Funding.Allocation;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>A rule's fields as short invariant text, for <see cref="ContributionRule.ToString"/> (logs, failing properties).</summary>
internal sealed class TextRuleWriter : IRuleWriter
{
    private readonly StringBuilder _text = new();

    private void Add(RuleField field, string value) =>
        _text.Append(_text.Length == 0 ? "" : ", ").Append(field.Name).Append(" = ").Append(value);

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public void Money(RuleField field, Money? value)
    {
        if (value is { } amount)
        {
            Add(field, Invariant(amount.Amount));
        }
    }

    public void Percent(RuleField field, Rate? value)
    {
        if (value is { } rate)
        {
            Add(field, Invariant(rate.PercentValue) + "%");
        }
    }

    public void Percents(RuleField field, IReadOnlyList<Rate> values) => Add(field, "[" + string.Join("; ", values.Select(r => Invariant(r.PercentValue) + "%")) + "]");

    public void Text(RuleField field, string? value)
    {
        if (value is not null)
        {
            Add(field, value);
        }
    }

    public void Choice(RuleField field, string? value) => Text(field, value);

    public void YearAmounts(RuleField field, IReadOnlyList<BudgetYearAmount> values) =>
        Add(field, "[" + string.Join("; ", values.Select(y => $"{y.Year}: {Invariant(y.Amount.Amount)}")) + "]");

    public void FixedPool(RuleField field, Money amount) => Add(field, "fixed " + Invariant(amount.Amount));

    public void PercentOfRemainingPool(RuleField field, Rate percent) => Add(field, Invariant(percent.PercentValue) + "% of the remainder");

    public void Key(RuleField field, AllocationKey value) => Add(field, value.Label);

    public void Members(RuleField field, IReadOnlyList<KeyShareMember> values) =>
        Add(field, "[" + string.Join("; ", values.Select(m => $"{m.Id} {Invariant(m.Weight)}{(m.Cap is { } c ? " cap " + Invariant(c.Amount) : "")}")) + "]");

    public override string ToString() => _text.ToString();
}
