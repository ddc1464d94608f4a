using Funding.Formatting;

namespace Funding.Plans;

/// <summary>
/// A rate applied to a base with an optional floor and cap — the finance officer's quick question, "50 % of 207 600 €
/// capped at 80 000 €?" — and the heart of the <see cref="Rules.RateRule"/>.
/// </summary>
/// <param name="Rate">The rate.</param>
/// <param name="Base">The base ("assiette").</param>
/// <param name="Exact">rate × base before rounding, in euros.</param>
/// <param name="Uncapped">rate × base rounded to the cent with the policy: what the rate alone gives.</param>
/// <param name="Amount">The result after the floor and the cap.</param>
/// <param name="Cap">The cap, if any.</param>
/// <param name="Floor">The floor, if any.</param>
/// <param name="Limit"><see cref="ContributionLimit.Cap"/> or <see cref="ContributionLimit.Floor"/> when one changed the amount.</param>
/// <param name="Policy">The rounding policy used.</param>
public sealed record CappedRate(Rate Rate, Money Base, decimal Exact, Money Uncapped, Money Amount, Money? Cap, Money? Floor, ContributionLimit Limit, RoundingPolicy Policy)
{
    /// <summary>Whether the cap reduced the amount.</summary>
    public bool CapBinds => Limit == ContributionLimit.Cap;

    /// <summary>Whether the floor raised the amount.</summary>
    public bool FloorBinds => Limit == ContributionLimit.Floor;

    /// <summary>Whether the rate alone gives exactly the cap ("cap just reached").</summary>
    public bool CapReached => Cap is { } cap && Uncapped == cap;

    /// <summary>amount / base: 80 000 € of 207 600 € is 38,54 % where 50 % was asked; the rate itself when the base is zero.</summary>
    public Ratio EffectiveRate => Base.IsZero ? Rate : Ratio.Of(Amount, Base);

    /// <summary>Computes rate × base, rounded with the policy, then raised to the floor and lowered to the cap.</summary>
    /// <param name="rate">The rate.</param>
    /// <param name="baseAmount">The base, zero or positive.</param>
    /// <param name="cap">The cap, or null.</param>
    /// <param name="floor">The floor, or null; not above the cap.</param>
    /// <param name="policy">The rounding policy (default: half away from zero).</param>
    /// <returns>The result with its intermediate values.</returns>
    /// <exception cref="FundingValidationException">A negative base, cap or floor, or a cap below the floor; the path names the field (<c>base</c>, <c>cap</c>, <c>floor</c>).</exception>
    public static CappedRate Compute(Rate rate, Money baseAmount, Money? cap = null, Money? floor = null, RoundingPolicy? policy = null)
    {
        var errors = new ValidationErrors();
        if (baseAmount.IsNegative)
        {
            errors.Add(FieldPath.Of("base"), CommonMessages.Negative(new Subject("la base", "the base"), baseAmount));
        }
        if (cap is { IsNegative: true })
        {
            errors.Add(FieldPath.Of("cap"), CommonMessages.Negative(new Subject("le plafond", "the cap"), cap.Value));
        }
        if (floor is { IsNegative: true })
        {
            errors.Add(FieldPath.Of("floor"), CommonMessages.Negative(new Subject("le plancher", "the floor"), floor.Value));
        }
        if (cap is { } c && floor is { } f && c < f)
        {
            errors.Add(FieldPath.Of("cap"), CommonMessages.CapBelowFloor(c, f));
        }
        errors.ThrowIfAny();

        policy ??= RoundingPolicy.Default;
        decimal exact = rate.ExactOf(baseAmount);
        var uncapped = policy.RoundToCents(exact);
        var amount = Bound(uncapped, cap, floor, out var limit);
        return new CappedRate(rate, baseAmount, exact, uncapped, amount, cap, floor, limit, policy);
    }

    /// <summary>The computation for inputs already validated (the engine's), without checking them again.</summary>
    internal static CappedRate Of(Rate rate, Money baseAmount, Money? cap, Money? floor, RoundingPolicy policy)
    {
        decimal exact = rate.ExactOf(baseAmount);
        var uncapped = policy.RoundToCents(exact);
        var amount = Bound(uncapped, cap, floor, out var limit);
        return new CappedRate(rate, baseAmount, exact, uncapped, amount, cap, floor, limit, policy);
    }

    /// <summary>An amount raised to the floor, then lowered to the cap: the last step of <see cref="Compute"/> (the lean evaluation calls it alone).</summary>
    /// <param name="uncapped">rate × base rounded to the cent.</param>
    /// <param name="cap">The cap, or null.</param>
    /// <param name="floor">The floor, or null.</param>
    /// <param name="limit">Which bound changed the amount, if one did.</param>
    /// <returns>The amount.</returns>
    internal static Money Bound(Money uncapped, Money? cap, Money? floor, out ContributionLimit limit)
    {
        var amount = uncapped;
        limit = ContributionLimit.None;
        if (floor is { } minimum && amount < minimum)
        {
            (amount, limit) = (minimum, ContributionLimit.Floor);
        }
        if (cap is { } maximum && amount > maximum)
        {
            (amount, limit) = (maximum, ContributionLimit.Cap);
        }
        return amount;
    }

    /// <summary>
    /// The computation in French, without a subject: « 50 % de 207 600,00 €, soit 103 800,00 €, plafonné à 80 000,00 € (taux
    /// effectif 38,54 %) ».
    /// </summary>
    /// <returns>The clause, to complete with a subject.</returns>
    public string Clause() => Clause($"de {FrenchFormat.Money(Base)}");

    internal string Clause(string ofBase)
    {
        string text = $"{FrenchFormat.Rate(Rate, 6)} {ofBase}, soit {Explaining.Explainer.Rounded(Exact, Uncapped, Policy)}";
        text += Limit switch
        {
            ContributionLimit.Cap => $", plafonné à {FrenchFormat.Money(Amount)}",
            ContributionLimit.Floor => $", porté au plancher de {FrenchFormat.Money(Amount)}",
            _ when CapReached => $", ce qui atteint exactement son plafond de {FrenchFormat.Money(Cap!.Value)}",
            _ => "",
        };
        return text;
    }

    /// <summary>The explanation as data: rate, base, exact, uncapped, floor, cap, amount, effective rate.</summary>
    /// <returns>The terms, in order.</returns>
    public IReadOnlyList<ExplanationTerm> Terms()
    {
        var terms = new List<ExplanationTerm>
        {
            ExplanationTerm.Percent("rate", Rate),
            ExplanationTerm.Euros("base", Base),
            ExplanationTerm.ExactEuros("exact", Exact),
            ExplanationTerm.Euros("computed", Uncapped),
        };
        if (Floor is { } floor)
        {
            terms.Add(ExplanationTerm.Euros("floor", floor));
        }
        if (Cap is { } cap)
        {
            terms.Add(ExplanationTerm.Euros("cap", cap));
        }
        return terms;
    }
}
