using Funding.Allocation;
using Funding.Contracts.Errors;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Rules;

namespace Funding.Contracts.Rules;

/// <summary>
/// A rule's fields as its JSON object gave them (<see cref="RuleValues"/>, whose shape reading checked): amounts and
/// rates are checked as the domain takes them (fractions of a cent, rates beyond 100 %), each problem named by its JSON path.
/// </summary>
internal sealed class JsonRuleReader(RuleValues values, string path, RequestErrors errors) : IRuleReader
{
    private string PathOf(RuleField field) => $"{path}.{field.Name}";

    public Money? Money(RuleField field) => values.Get(field) is decimal value ? errors.Money(value, PathOf(field)) : null;

    public Rate? Percent(RuleField field) => values.Get(field) is decimal value ? errors.Percent(value, PathOf(field)) : null;

    public IReadOnlyList<Rate>? Percents(RuleField field)
    {
        if (values.Get(field) is not decimal[] numbers)
        {
            return null;
        }
        var rates = new Rate[numbers.Length];
        for (int i = 0; i < numbers.Length; i++)
        {
            rates[i] = errors.Percent(numbers[i], $"{PathOf(field)}[{i}]");
        }
        return rates;
    }

    public string? Text(RuleField field) => values.Get(field) as string;

    public string? Choice(RuleField field) => values.Get(field) as string;

    public IReadOnlyList<BudgetYearAmount>? YearAmounts(RuleField field)
    {
        if (values.Get(field) is not IReadOnlyList<BudgetYearInput?> years || !errors.NoNullItems(years, PathOf(field)))
        {
            return null;
        }
        return years.Select((y, k) => new BudgetYearAmount(y!.Year, errors.Money(y.Amount, $"{PathOf(field)}[{k}].amount"))).ToArray();
    }

    public KeySharePool? Pool(RuleField field) =>
        values.Get(field) is PoolInput pool ? PlanMapping.Pool(pool, PathOf(field), errors) : null;

    public AllocationKey? Key(RuleField field) =>
        values.Get(field) is KeyInput key && KeyMapping.NoNulls(key, PathOf(field), errors) ? KeyMapping.ToDomain(key, PathOf(field), errors) : null;

    public IReadOnlyList<KeyShareMember>? Members(RuleField field, AllocationKey? key)
    {
        if (values.Get(field) is not IReadOnlyList<MemberInput?> members || !errors.NoNullItems(members, PathOf(field)))
        {
            return null;
        }
        bool needsWeight = key is not null && KeyMapping.UsesSingleWeight(KeyMapping.ToInput(key));
        return members.Select((m, j) => PlanMapping.Member(m!, $"{PathOf(field)}[{j}]", needsWeight, errors)).ToArray();
    }
}
