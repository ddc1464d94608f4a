using Funding.Allocation;
using Funding.Engine;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>
/// A group of funders sharing a pool by an allocation key: the other EPCIs share 50 % of what is left, by population.
/// </summary>
/// <remarks>
/// The pool is a fixed amount (a promise) or a percentage of what is left to fund (computed, capped by the group's cap);
/// it is split between the members by the key with the largest-remainder method, each member within its own cap and
/// floor. The group funds each budget year in proportion to what it still needs.
/// </remarks>
/// <param name="Pool">What the group shares.</param>
/// <param name="Key">How the pool is split between the members.</param>
/// <param name="Members">The members, each a funder of the plan (at least one).</param>
public sealed record KeyShareRule(KeySharePool Pool, AllocationKey Key, IReadOnlyList<KeyShareMember> Members) : ContributionRule
{
    internal static readonly RuleField PoolField = new("pool", RuleFieldKind.Pool, "Enveloppe",
        "Ce que le groupe partage : un montant fixe, ou un pourcentage de ce qui reste à financer.")
    { Required = true };

    internal static readonly RuleField KeyField = new("key", RuleFieldKind.Key, "Clé de répartition",
        "Comment l'enveloppe est partagée : population, parts égales, poids nommés ou clé mixte.")
    { Required = true };

    internal static readonly RuleField MembersField = new("members", RuleFieldKind.Members, "Membres",
        "Les financeurs du groupe, chacun avec son poids, et son plafond ou son plancher éventuels.")
    { Required = true };

    internal static readonly RuleField CapField = new("cap", RuleFieldKind.Money, "Plafond du groupe",
        "Le plus que le groupe partage quand l'enveloppe est un pourcentage de ce qui reste.")
    { Minimum = 0m };

    /// <summary>The rule type's registration: its descriptor and how it reads itself.</summary>
    public static RuleType Registration { get; } = new(
        new RuleDescriptor("keyShare", "Groupe réparti par clé",
            "Plusieurs financeurs se partagent une enveloppe selon une clé de répartition (les EPCI au prorata de leur population).",
            [PoolField, KeyField, MembersField, CapField])
        {
            Sweeps =
            [
                new RuleSweep(SweepParameter.Rate, "pool.percent", "pourcentage de ce qui reste"),
                new RuleSweep(SweepParameter.Cap, CapField.Name, "plafond du groupe") { Requires = "pool.percent" },
                new RuleSweep(SweepParameter.Key, KeyField.Name, "clé du groupe"),
            ],
            Example = new KeyShareRule(new ShareOfRemainingPool(Rate.Percent(50)), AllocationKey.ByWeight("population"),
                [new KeyShareMember("brest-metropole", "Brest Métropole", FunderKind.Epci) { Weight = 213_403m, Cap = Money.Euros(30_000m) },
                 new KeyShareMember("morlaix-communaute", "Morlaix Communauté", FunderKind.Epci) { Weight = 65_507m, Floor = Money.Euros(1_000m) }])
            {
                Cap = Money.Euros(60_000m),
            },
        },
        Read);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Registration.Descriptor;

    /// <inheritdoc />
    public override bool IsPromise => Pool is FixedPool;

    /// <inheritdoc />
    public override WaterfallStage Stage => WaterfallStage.InOrder;

    /// <inheritdoc />
    public override PaymentMode DefaultPayment => new PerBudgetYearPayment();

    /// <inheritdoc />
    public override bool CanBeMatched => false;

    /// <inheritdoc />
    public override bool CanShareCeiling => false;

    /// <inheritdoc />
    public override int PayerCount => Members?.Count ?? 1;

    /// <inheritdoc />
    public override bool HasMember(string? id) => Members?.Any(m => m?.Id == id) == true;

    /// <inheritdoc />
    public override IReadOnlyList<RuleParameter> SweepParameters => Pool is ShareOfRemainingPool
        ? [new(SweepParameter.Rate), new(SweepParameter.Cap), new(SweepParameter.Key)]
        : [new(SweepParameter.Key)];

    /// <inheritdoc />
    public override ContributionRule? WithValue(RuleParameter parameter, SweepValue value) => parameter.Parameter switch
    {
        SweepParameter.Rate when Pool is ShareOfRemainingPool => this with { Pool = new ShareOfRemainingPool(value.Rate) },
        SweepParameter.Cap when Pool is ShareOfRemainingPool => this with { Cap = value.Amount },
        SweepParameter.Key when value.Key is { } key => this with { Key = key },
        _ => null,
    };

    /// <inheritdoc />
    public override bool HasValue(RuleParameter parameter, SweepValue value) => parameter.Parameter switch
    {
        SweepParameter.Rate => Pool is ShareOfRemainingPool share && share.Rate == value.Rate,
        SweepParameter.Cap => Cap == value.Amount,
        SweepParameter.Key => value.Key is { } key && SameKey(Key, key),
        _ => false,
    };

    private static KeyShareRule Read(IRuleReader reader)
    {
        var key = reader.Key(KeyField);
        return new KeyShareRule(reader.Pool(PoolField) ?? new FixedPool(Money.Zero), key ?? new EqualPartsKey(), reader.Members(MembersField, key) ?? [])
        {
            Cap = reader.Money(CapField),
        };
    }

    internal override void Write(IRuleWriter writer)
    {
        switch (Pool)
        {
            case FixedPool fixedPool:
                writer.FixedPool(PoolField, fixedPool.Amount);
                break;
            case ShareOfRemainingPool share:
                writer.PercentOfRemainingPool(PoolField, share.Rate);
                break;
        }
        writer.Key(KeyField, Key);
        writer.Members(MembersField, Members);
        writer.Money(CapField, Cap);
    }

    internal override decimal PromisedBound(FundingPeriod period) => Pool is FixedPool pool ? pool.Amount.Amount : 0m;

    internal override void Validate(RuleValidation validation)
    {
        var path = validation.Path;
        switch (Pool)
        {
            case FixedPool fixedPool when fixedPool.Amount.IsNegative:
                validation.Add(path.Field(PoolField.Name).Field("amount"), CommonMessages.Negative(new Subject("l'enveloppe", "the pool"), fixedPool.Amount));
                break;
            case FixedPool or ShareOfRemainingPool:
                break;
            default:
                validation.Add(path.Field(PoolField.Name), CommonMessages.Missing(
                    "Le groupe a besoin d'une enveloppe : un montant fixe ou un pourcentage de ce qui reste à financer.",
                    "The group needs a pool: a fixed amount or a percentage of what is left to fund."));
                break;
        }
        if (Members is not { Count: > 0 })
        {
            validation.Add(path.Field(MembersField.Name), CommonMessages.Missing("Un groupe réparti par clé a besoin d'au moins un membre.", "A key-share group needs at least one member."));
            return;
        }
        if (Key is null)
        {
            validation.Add(path.Field(KeyField.Name), CommonMessages.Missing("Un groupe réparti par clé a besoin d'une clé de répartition.", "A key-share group needs an allocation key."));
            return;
        }
        var membersPath = path.Field(MembersField.Name);
        for (int j = 0; j < Members.Count; j++)
        {
            var member = Members[j];
            if (member is null)
            {
                validation.Add(membersPath.Item(j), CommonMessages.Missing("Un membre manque (null).", "A member is missing."));
                continue;
            }
            validation.MemberId(member.Id, membersPath, j);
            validation.MemberName(member.Name, membersPath, j);
        }
        if (validation.Errors.Any)
        {
            return;
        }
        // The key and the members' weights, caps and floors are validated by the allocation engine's own rules, without
        // splitting (the floors are checked against the real pool when it is known); its paths are renamed into the plan's.
        foreach (var error in Allocator.Validate(Parties(), Key, idsAndNamesChecked: true))
        {
            validation.Add(MemberPath(path, error.Field), error.Problem);
        }
    }

    internal override void Evaluate(RuleEvaluation evaluation)
    {
        var policy = evaluation.Policy;
        var available = evaluation.Available;
        Money pool;
        decimal exact = 0m;
        switch (Pool)
        {
            case ShareOfRemainingPool share:
                exact = share.Rate.ExactOf(available);
                pool = policy.RoundToCents(exact);
                break;
            case FixedPool fixedPool:
                pool = fixedPool.Amount;
                break;
            default:
                throw new InvalidOperationException("The validator checks the pool.");
        }
        var computedPool = pool;
        var groupLimit = ContributionLimit.None;
        if (Cap is { } cap && pool > cap)
        {
            if (Pool is FixedPool)
            {
                groupLimit = ContributionLimit.AboveCap;
            }
            else
            {
                pool = cap;
                groupLimit = ContributionLimit.Cap;
            }
        }

        global::Funding.Allocation.Allocation allocation;
        try
        {
            allocation = Allocator.SplitValidated(pool, Parties(), Key);
        }
        catch (FundingValidationException ex)
        {
            throw new FundingValidationException(ex.Errors.Select(e => e with { Field = MemberPath(evaluation.Path, e.Field) }).ToArray());
        }

        var funder = evaluation.Funder;
        var payment = evaluation.Payment;
        var groupTrace = new KeyShareGroupTrace(Pool, Key, Cap, available, exact, computedPool, pool, allocation, groupLimit);
        var members = new Contribution[Members.Count];
        var memberIds = new string[Members.Count];
        for (int j = 0; j < members.Length; j++)
        {
            var member = Members[j];
            var share = allocation.Shares[j];
            memberIds[j] = member.Id;
            members[j] = new Contribution
            {
                Id = member.Id,
                Name = member.Name,
                Kind = member.Kind,
                GroupId = funder.Id,
                RuleType = Type,
                Cap = member.Cap,
                Payment = payment,
                Total = share.Amount,
                Limit = MemberLimit(share.Bound, groupLimit),
                Trace = new KeyShareMemberTrace(funder.Name, pool, allocation, j),
            };
        }
        evaluation.PayGroup(new GroupWork(funder.Id, funder.Name, pool, allocation.Allocated, allocation.Unallocated, memberIds, groupLimit, groupTrace), members);
    }

    /// <summary>The group's pool follows its rule on what is actually left, and is split again by its key.</summary>
    internal override void Due(RuleDue due) => Evaluate(due.Actual);

    internal override string DueBasis(DueBasisContext context) => "selon sa règle appliquée aux dépenses réelles";

    internal override SweepStep? CompileStep(SweepCompilation compilation) => null;

    /// <summary>
    /// The group's pool: a share of what is still to fund, rounded and capped, or the fixed pool. The split between the
    /// members (largest remainder) is not a formula: with a member's cap or floor, part of the pool may stay
    /// unallocated, so the group then gives none.
    /// </summary>
    public override string? Formula(IFormulaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Members.Any(m => m.Cap is not null || m.Floor is not null))
        {
            return null;
        }
        switch (Pool)
        {
            case FixedPool fixedPool:
                return context.Input("enveloppe", fixedPool.Amount);
            case ShareOfRemainingPool share when context.Round($"{context.Input("part du reste à financer", share.Rate)}*{context.Available}") is { } pool:
                return Cap is { } cap ? $"MIN({pool},{context.Input("plafond", cap)})" : pool;
            default:
                return null;
        }
    }

    /// <summary>The members as the allocation engine's parties.</summary>
    internal AllocationParty[] Parties()
    {
        var parties = new AllocationParty[Members.Count];
        for (int j = 0; j < parties.Length; j++)
        {
            var m = Members[j];
            parties[j] = new AllocationParty(m.Id, m.Weight) { Name = m.Name, Weights = m.Weights, Cap = m.Cap, Floor = m.Floor };
        }
        return parties;
    }

    /// <summary>
    /// An error of the allocation engine in the plan's terms: the engine's <c>parties[j]…</c> are the group's
    /// <c>members[j]…</c>, its <c>key…</c> is the group's key; anything else concerns the group as a whole.
    /// </summary>
    internal static FieldPath MemberPath(FieldPath rulePath, FieldPath allocationPath) =>
        allocationPath.StartsWith("parties") ? rulePath.Field("members").Append(allocationPath.Rest())
        : allocationPath.StartsWith("key") ? rulePath.Append(allocationPath)
        : rulePath;

    private static ContributionLimit MemberLimit(ShareBound bound, ContributionLimit groupLimit) => bound switch
    {
        ShareBound.Cap => ContributionLimit.Cap,
        ShareBound.Floor => ContributionLimit.Floor,
        _ => groupLimit == ContributionLimit.Cap ? ContributionLimit.Cap : ContributionLimit.None,
    };

    /// <summary>Two keys that split the same way: the same kind, weight and components (keys are compared by value here).</summary>
    private static bool SameKey(AllocationKey a, AllocationKey b) => (a, b) switch
    {
        (EqualPartsKey, EqualPartsKey) => true,
        (WeightKey x, WeightKey y) => x.WeightName == y.WeightName,
        (MixedKey x, MixedKey y) => x.Components.Count == y.Components.Count
            && x.Components.Zip(y.Components).All(c => c.First.Share == c.Second.Share && SameKey(c.First.Key, c.Second.Key)),
        _ => false,
    };
}
