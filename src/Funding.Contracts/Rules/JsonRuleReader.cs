using System.Text.Json;
using Funding.Allocation;
using Funding.Contracts.Errors;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Rules;

namespace Funding.Contracts.Rules;

/// <summary>
/// A rule's fields read from its JSON object, whose shape <see cref="JsonShape"/> has checked: amounts and rates are
/// checked as the domain takes them (fractions of a cent, rates beyond 100 %), each problem named by its JSON path.
/// </summary>
internal sealed class JsonRuleReader(JsonElement json, string path, RequestErrors errors, RuleParts? parts = null) : IRuleReader
{
    private string PathOf(RuleField field) => $"{path}.{field.Name}";

    private JsonElement? Get(RuleField field) =>
        json.TryGetProperty(field.Name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A part that is a contract: as the check of the rule's shape read it, or read now.</summary>
    private T? Part<T>(RuleField field, JsonElement value) =>
        parts is not null && parts.TryGet<T>(field.Name, out var part) ? part : value.Deserialize(ApiJson.TypeInfo<T>());

    /// <summary>A number as the contract reads every decimal: exact, at its smallest scale (50.00 is 50).</summary>
    private static decimal Number(JsonElement value) => StrictDecimalConverter.Canonical(value.GetDecimal());

    public Money? Money(RuleField field) => Get(field) is { } value ? errors.Money(Number(value), PathOf(field)) : null;

    public Rate? Percent(RuleField field) => Get(field) is { } value ? errors.Percent(Number(value), PathOf(field)) : null;

    public IReadOnlyList<Rate>? Percents(RuleField field)
    {
        if (Get(field) is not { } value)
        {
            return null;
        }
        var rates = new Rate[value.GetArrayLength()];
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            rates[i] = errors.Percent(Number(item), $"{PathOf(field)}[{i}]");
            i++;
        }
        return rates;
    }

    public string? Text(RuleField field) => Get(field)?.GetString();

    public string? Choice(RuleField field) => Get(field)?.GetString();

    public IReadOnlyList<BudgetYearAmount>? YearAmounts(RuleField field)
    {
        if (Get(field) is not { } value || Part<IReadOnlyList<BudgetYearInput?>>(field, value) is not { } years)
        {
            return null;
        }
        if (!errors.NoNullItems(years, PathOf(field)))
        {
            return null;
        }
        return years.Select((y, k) => new BudgetYearAmount(y!.Year, errors.Money(y.Amount, $"{PathOf(field)}[{k}].amount"))).ToArray();
    }

    public KeySharePool? Pool(RuleField field) =>
        Get(field) is { } value && Part<PoolInput>(field, value) is { } pool ? PlanMapping.Pool(pool, PathOf(field), errors) : null;

    public AllocationKey? Key(RuleField field)
    {
        if (Get(field) is not { } value || Part<KeyInput>(field, value) is not { } key)
        {
            return null;
        }
        return KeyMapping.NoNulls(key, PathOf(field), errors) ? KeyMapping.ToDomain(key, PathOf(field), errors) : null;
    }

    public IReadOnlyList<KeyShareMember>? Members(RuleField field, AllocationKey? key)
    {
        if (Get(field) is not { } value || Part<IReadOnlyList<MemberInput?>>(field, value) is not { } members)
        {
            return null;
        }
        if (!errors.NoNullItems(members, PathOf(field)))
        {
            return null;
        }
        bool needsWeight = key is not null && KeyMapping.UsesSingleWeight(KeyMapping.ToInput(key));
        return members.Select((m, j) => PlanMapping.Member(m!, $"{PathOf(field)}[{j}]", needsWeight, errors)).ToArray();
    }
}
