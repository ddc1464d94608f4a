using System.Text.Json;
using Funding.Allocation;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Rules;

namespace Funding.Contracts.Rules;

/// <summary>A rule's fields written to its JSON object, as the contract reads them back.</summary>
internal sealed class JsonRuleWriter(Utf8JsonWriter writer) : IRuleWriter
{
    public void Money(RuleField field, Money? value)
    {
        if (value is { } amount)
        {
            writer.WriteNumber(field.Name, amount.Amount);
        }
    }

    public void Percent(RuleField field, Rate? value)
    {
        if (value is { } rate)
        {
            writer.WriteNumber(field.Name, rate.PercentValue.Plain());
        }
    }

    public void Percents(RuleField field, IReadOnlyList<Rate> values)
    {
        writer.WriteStartArray(field.Name);
        foreach (var rate in values)
        {
            writer.WriteNumberValue(rate.PercentValue.Plain());
        }
        writer.WriteEndArray();
    }

    public void Text(RuleField field, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(field.Name, value);
        }
    }

    public void Choice(RuleField field, string? value) => Text(field, value);

    public void YearAmounts(RuleField field, IReadOnlyList<BudgetYearAmount> values)
    {
        writer.WritePropertyName(field.Name);
        JsonSerializer.Serialize(writer, values.Select(y => new BudgetYearInput { Year = y.Year, Amount = y.Amount.Amount }).ToArray(), ApiJson.TypeInfo<BudgetYearInput[]>());
    }

    public void FixedPool(RuleField field, Money amount)
    {
        writer.WriteStartObject(field.Name);
        writer.WriteString("type", "fixed");
        writer.WriteNumber("amount", amount.Amount);
        writer.WriteEndObject();
    }

    public void PercentOfRemainingPool(RuleField field, Rate percent)
    {
        writer.WriteStartObject(field.Name);
        writer.WriteString("type", "percentOfRemaining");
        writer.WriteNumber("percent", percent.PercentValue.Plain());
        writer.WriteEndObject();
    }

    public void Key(RuleField field, AllocationKey value)
    {
        writer.WritePropertyName(field.Name);
        JsonSerializer.Serialize(writer, KeyMapping.ToInput(value), ApiJson.TypeInfo<KeyInput>());
    }

    public void Members(RuleField field, IReadOnlyList<KeyShareMember> values)
    {
        writer.WritePropertyName(field.Name);
        JsonSerializer.Serialize(writer, values.Select(PlanMapping.ToInput).ToArray(), ApiJson.TypeInfo<MemberInput[]>());
    }
}
