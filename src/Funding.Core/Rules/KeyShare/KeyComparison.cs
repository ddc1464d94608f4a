using Funding.Formatting;
using Funding.Plans;

namespace Funding.Rules;

/// <summary>
/// Splits a group of a plan by several keys side by side — population, a named weight such as fiscal potential, equal
/// parts, a mix — each evaluated as the whole plan would be with that key, and compares each member with the plan's key.
/// </summary>
public static class KeyComparison
{
    /// <summary>The most keys one comparison holds.</summary>
    public const int MaxKeys = 20;

    /// <summary>Compares <paramref name="keys"/> for the group <paramref name="groupId"/> of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="groupId">The id of a key-share group of the plan.</param>
    /// <param name="keys">The keys to compare, 1 to <see cref="MaxKeys"/>, with unique names.</param>
    /// <returns>Each member under each key.</returns>
    /// <exception cref="FundingValidationException">The plan, the group or a key is not valid; errors name <c>groupId</c> or <c>keys[k]</c>.</exception>
    public static KeyComparisonResult Compare(Plan plan, string groupId, IReadOnlyList<NamedKey> keys)
    {
        Preconditions.CheckNotNull(plan);
        Preconditions.CheckNotNull(keys);
        var baseline = PlanEvaluator.Evaluate(plan);
        var errors = new ValidationErrors();
        int index = plan.Funders.ToList().FindIndex(f => f.Id == groupId && f.Rule is KeyShareRule);
        if (index < 0)
        {
            errors.Add(FieldPath.Of("groupId"), ErrorCodes.ValueNotAllowed,
                $"« {groupId} » n'est pas un groupe du plan (un financeur à règle keyShare).", $"'{groupId}' is not a group of the plan (a funder with a keyShare rule).");
        }
        if (keys.Count is < 1 or > MaxKeys)
        {
            errors.Add(FieldPath.Of("keys"), keys.Count == 0
                ? CommonMessages.Missing("Donnez au moins une clé à comparer.", "Give at least one key to compare.")
                : CommonMessages.TooMany(keys.Count, MaxKeys, "clés", "keys"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < keys.Count; k++)
        {
            if (keys[k] is not { } key || key.Key is null)
            {
                errors.Add(FieldPath.Of("keys").Item(k), CommonMessages.Missing("Une clé manque (null).", "A key is missing."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(key.Name) || TextRules.NameProblem(key.Name, new Subject("le nom de la clé", "the key's name")) is not null)
            {
                errors.Add(FieldPath.Of("keys").Item(k).Field("name"), TextRules.NameProblem(key.Name ?? "", new Subject("le nom de la clé", "the key's name"))
                    ?? TextRules.Empty(new Subject("le nom de la clé", "the key's name")));
            }
            else if (!names.Add(key.Name))
            {
                errors.Add(FieldPath.Of("keys").Item(k).Field("name"), CommonMessages.DuplicateId(key.Name, "keys"));
            }
        }
        if (errors.Any)
        {
            throw new FundingValidationException(errors.ToList());
        }

        var group = (KeyShareRule)plan.Funders[index].Rule;
        var memberIds = group.Members.Select(m => m.Id).ToArray();
        var byKey = new Money[keys.Count][];
        for (int k = 0; k < keys.Count; k++)
        {
            var variant = plan with { Funders = [.. plan.Funders.Select((f, i) => i == index ? f with { Rule = group with { Key = keys[k].Key } } : f)] };
            try
            {
                var result = PlanEvaluator.Evaluate(variant);
                byKey[k] = [.. memberIds.Select(id => result.Funder(id).Total)];
            }
            catch (FundingValidationException ex)
            {
                // The key does not fit the members (a weight they do not have…): said on the key, with the engine's reason.
                throw new FundingValidationException([.. ex.Errors.Select(e => e with { Field = FieldPath.Of("keys").Item(k).Field("key") })]);
            }
        }

        var members = group.Members.Select((m, j) =>
        {
            var planned = baseline.Funder(m.Id).Total;
            string parts = string.Join(" ; ", keys.Select((key, k) =>
            {
                var difference = byKey[k][j] - planned;
                string sign = difference.IsZero ? "=" : difference.IsNegative ? $"− {FrenchFormat.Money(-difference)}" : $"+ {FrenchFormat.Money(difference)}";
                return $"{FrenchFormat.Money(byKey[k][j])} selon la clé « {key.Name} » ({sign})";
            }));
            return new KeyComparisonMember(m.Id, m.Name, planned, [.. keys.Select((_, k) => byKey[k][j])],
                $"{m.Name} : {FrenchFormat.Money(planned)} selon la clé du plan ({group.Key.Label}) ; {parts}.");
        }).ToArray();
        Money[] allocated = [members.Sum(m => m.Plan), .. keys.Select((_, k) => byKey[k].Sum())];
        return new KeyComparisonResult(groupId, group.Key.Label, [.. keys.Select(k => k.Name)], allocated, members);
    }
}
