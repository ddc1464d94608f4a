using System.Numerics;
using System.Runtime.InteropServices;

namespace Funding.Allocation;

/// <summary>
/// Splits an amount between parties by an allocation key ("clé de répartition"), exactly to the cent, with optional
/// caps ("plafonds") and floors ("planchers"), and explains every share.
/// </summary>
/// <remarks>
/// <para>
/// <b>Method: largest remainder.</b> Each party first gets its exact proportional share rounded down to the cent; the
/// cents left over go one each to the parties with the largest fractional remainders. The shares therefore always sum
/// to the amount, and each is within one cent of its exact share.
/// </para>
/// <para>
/// <b>Tie rule</b> (part of the contract): between equal remainders, the party with the larger weight in the key gets
/// the cent first; between equal weights too, the party that comes first in the input. Same input, same output.
/// </para>
/// <para>
/// <b>Caps and floors.</b> A party never gets more than its cap nor less than its floor; the excess above a cap, or
/// what a floor needs, is re-split among the other parties by the same key, until stable (see
/// <see cref="Allocation.Unallocated"/> for caps that cannot absorb the amount). Floors that add up to more than the
/// amount are an error: no split can honour them.
/// </para>
/// <para>
/// <b>Refunds.</b> <see cref="Split"/> takes a non-negative amount; a refund ("reversement") is split by
/// <see cref="SplitRefund"/> as the mirror image of the positive split.
/// </para>
/// </remarks>
public static class Allocator
{
    /// <summary>Splits a non-negative amount between parties by a key.</summary>
    /// <param name="amount">The amount to split, zero or positive.</param>
    /// <param name="parties">The parties, in the order the result keeps (at least one).</param>
    /// <param name="key">The allocation key.</param>
    /// <returns>One share per party, in input order, summing exactly to the amount (less any unallocated amount).</returns>
    /// <exception cref="FundingValidationException">
    /// The input is not valid: no parties, a negative amount, duplicate or empty ids, a negative or missing weight, all
    /// weights zero, a cap below a floor, floors above the amount, mixed-key percentages not summing to 100 %. Each
    /// error names the offending field.
    /// </exception>
    public static Allocation Split(Money amount, IReadOnlyList<AllocationParty> parties, AllocationKey key)
    {
        if (amount.IsNegative)
        {
            throw new FundingValidationException(FieldPath.Of("amount"), new FundingMessage(ErrorCodes.AmountNegative,
                $"Le montant à répartir vaut {FundingMessage.Fr(amount)} : il est positif ou nul (un remboursement se répartit avec SplitRefund).",
                $"The amount to split, {FundingMessage.En(amount)}, is negative: amounts to split must be zero or positive (split a refund with SplitRefund)."));
        }
        return SplitCore(amount, parties, key);
    }

    /// <summary>Splits a refund (a negative amount) as the mirror image of the same positive split.</summary>
    /// <param name="refund">The refund, zero or negative.</param>
    /// <param name="parties">The parties.</param>
    /// <param name="key">The allocation key.</param>
    /// <returns>Negative shares: exactly the opposite of <c>Split(-refund, …)</c>.</returns>
    /// <exception cref="FundingValidationException">The input is not valid (see <see cref="Split"/>).</exception>
    public static Allocation SplitRefund(Money refund, IReadOnlyList<AllocationParty> parties, AllocationKey key)
    {
        if (refund > Money.Zero)
        {
            throw new FundingValidationException(FieldPath.Of("amount"), new FundingMessage(ErrorCodes.AmountOutOfRange,
                $"Le remboursement vaut {FundingMessage.Fr(refund)} : un remboursement est négatif ou nul.",
                $"The refund, {FundingMessage.En(refund)}, is positive: a refund is zero or negative."));
        }
        return SplitCore(refund, parties, key);
    }

    /// <summary>
    /// The problems of parties and a key, found without splitting anything (what a plan checks before computing).
    /// Floors are not compared with an amount here.
    /// </summary>
    /// <param name="parties">The parties.</param>
    /// <param name="key">The key.</param>
    /// <param name="idsAndNamesChecked">
    /// Whether the caller has already checked the parties' ids (well-formed, unique) and names: a plan checks its group
    /// members' ids against every id of the plan, and stops before this when one is wrong.
    /// </param>
    internal static IReadOnlyList<ValidationError> Validate(IReadOnlyList<AllocationParty> parties, AllocationKey key, bool idsAndNamesChecked = false)
    {
        var errors = new ValidationErrors();
        Resolve(parties, key, errors, idsAndNamesChecked);
        return errors.ToList();
    }

    /// <summary>Validates the parties, resolves the key to exact weights and refuses a key without weight.</summary>
    private static readonly FieldPath KeyPath = FieldPath.Of("key");

    private static ResolvedKey? Resolve(IReadOnlyList<AllocationParty> parties, AllocationKey key, ValidationErrors errors, bool idsAndNamesChecked = false)
    {
        ValidateParties(parties, errors, idsAndNamesChecked);
        if (errors.Any)
        {
            return null;
        }
        var resolved = ResolvedKey.Resolve(parties, key, KeyPath, errors);
        if (resolved is { Total.IsZero: true })
        {
            errors.Add(FieldPath.Of("parties"), ErrorCodes.WeightsAllZero,
                $"Toutes les parties ont un poids nul dans la clé « {key.Label} » : il n'y a rien sur quoi répartir.",
                $"Every party has a zero weight in the key « {key.Label} », so nothing can be split.");
        }
        return errors.Any ? null : resolved;
    }

    /// <summary>
    /// Splits between parties a validated plan's members already are (ids unique, names, weights, caps and floors checked
    /// by <see cref="Plans.PlanValidator"/> with the same rules): the parties are not checked again, the key is still resolved.
    /// </summary>
    internal static Allocation SplitValidated(Money amount, IReadOnlyList<AllocationParty> parties, AllocationKey key) =>
        SplitCore(amount, parties, key, validateParties: false);

    private static Allocation SplitCore(Money amount, IReadOnlyList<AllocationParty> parties, AllocationKey key, bool validateParties = true)
    {
        Preconditions.CheckNotNull(parties);
        Preconditions.CheckNotNull(key);
        var errors = new ValidationErrors();
        var resolved = validateParties ? Resolve(parties, key, errors) : ResolvedKey.Resolve(parties, key, KeyPath, errors);
        errors.ThrowIfAny();

        long magnitude = Math.Abs(amount.TotalCents);
        long floorSum = parties.Sum(p => p.Floor?.TotalCents ?? 0L);
        if (floorSum > magnitude)
        {
            throw new FundingValidationException(FieldPath.Of("parties"), new FundingMessage(ErrorCodes.FloorsExceedAmount,
                $"Les planchers font ensemble {FundingMessage.Fr(Money.FromCents(floorSum))}, plus que le montant à répartir, {FundingMessage.Fr(amount.Abs())} : aucune répartition ne peut les respecter.",
                $"The floors add up to {FundingMessage.En(Money.FromCents(floorSum))}, more than the amount to split, {FundingMessage.En(amount.Abs())}: no split can honour them."));
        }

        int count = parties.Count;
        var shares = new Money[count];
        Span<long> cents = MemoryMarshal.Cast<Money, long>(shares.AsSpan());
        var flags = new byte[count];
        bool hasBounds = parties.Any(p => p.Cap is not null || p.Floor is not null);

        Allocation.BoundsInfo? boundsInfo = null;
        long leftover;
        if (!hasBounds)
        {
            leftover = resolved!.IsSmall
                ? LargestRemainderEngine.Split(magnitude, resolved.Small, resolved.SmallTotal, resolved.SmallMax, cents, flags)
                : LargestRemainderEngine.Split(magnitude, resolved.ToBig(), resolved.Total, cents, flags);
        }
        else
        {
            (leftover, boundsInfo) = SplitWithinBounds(magnitude, parties, resolved!, cents, flags);
        }

        if (amount.IsNegative)
        {
            for (int i = 0; i < count; i++)
            {
                cents[i] = -cents[i];
            }
        }
        return new Allocation(amount, parties, key, resolved!, shares, flags, leftover, boundsInfo);
    }

    private static (long Leftover, Allocation.BoundsInfo Info) SplitWithinBounds(
        long magnitude, IReadOnlyList<AllocationParty> parties, ResolvedKey key, Span<long> cents, byte[] flags)
    {
        int count = parties.Count;
        var floors = new long[count];
        var caps = new long[count];
        for (int i = 0; i < count; i++)
        {
            floors[i] = parties[i].Floor?.TotalCents ?? 0L;
            caps[i] = parties[i].Cap?.TotalCents ?? BoundedSplit.NoCap;
        }

        var bounds = new ShareBound[count];
        bool feasible = key.IsSmall
            ? BoundedSplit.Resolve(magnitude, key.Small.Select(n => (Int128)n).ToArray(), floors, caps, bounds)
            : BoundedSplit.Resolve(magnitude, key.ToBig(), floors, caps, bounds);

        long remaining = magnitude;
        var boundCents = new long[count];
        for (int i = 0; i < count; i++)
        {
            boundCents[i] = bounds[i] switch
            {
                ShareBound.Cap => caps[i],
                ShareBound.Floor => floors[i],
                _ => 0L,
            };
            remaining -= boundCents[i];
        }

        long leftover = 0;
        BigInteger freeTotal;
        if (key.IsSmall)
        {
            var free = new ulong[count];
            ulong total = 0, max = 0;
            for (int i = 0; i < count; i++)
            {
                free[i] = bounds[i] == ShareBound.None ? key.Small[i] : 0UL;
                total += free[i];
                max = Math.Max(max, free[i]);
            }
            freeTotal = total;
            if (total > 0)
            {
                leftover = LargestRemainderEngine.Split(remaining, free, total, max, cents, flags);
            }
        }
        else
        {
            var free = new BigInteger[count];
            freeTotal = BigInteger.Zero;
            for (int i = 0; i < count; i++)
            {
                free[i] = bounds[i] == ShareBound.None ? key.Numerator(i) : BigInteger.Zero;
                freeTotal += free[i];
            }
            if (!freeTotal.IsZero)
            {
                leftover = LargestRemainderEngine.Split(remaining, free, freeTotal, cents, flags);
            }
        }
        // Without free parties nothing can take the rest: it is zero when the bounds absorb the amount exactly, and
        // the unallocated amount when the caps cannot absorb it.
        System.Diagnostics.Debug.Assert(feasible || freeTotal.IsZero, "An infeasible split leaves no free party.");
        long unallocated = freeTotal.IsZero ? remaining : 0;
        for (int i = 0; i < count; i++)
        {
            cents[i] += boundCents[i];
        }
        return (leftover, new Allocation.BoundsInfo(bounds, Money.FromCents(remaining), freeTotal, Money.FromCents(unallocated)));
    }

    private static void ValidateParties(IReadOnlyList<AllocationParty> parties, ValidationErrors errors, bool idsAndNamesChecked = false)
    {
        if (parties.Count == 0)
        {
            errors.Add(FieldPath.Of("parties"), CommonMessages.Missing("Il faut au moins une partie pour répartir un montant.", "At least one party is needed to split an amount."));
            return;
        }
        if (parties.Count > FundingLimits.MaxParties)
        {
            errors.Add(FieldPath.Of("parties"), CommonMessages.TooMany(parties.Count, FundingLimits.MaxParties, "parties", "parties"));
            return;
        }
        var seen = idsAndNamesChecked ? null : new Dictionary<string, int>(parties.Count, StringComparer.Ordinal);
        for (int i = 0; i < parties.Count && !errors.IsFull; i++)
        {
            var party = parties[i];
            if (party is null)
            {
                errors.Add(FieldPath.Of("parties").Item(i), CommonMessages.Missing("Une partie manque (null).", "A party is missing."));
                continue;
            }
            if (seen is null)
            {
                // Ids and names checked by the caller.
            }
            else if (string.IsNullOrWhiteSpace(party.Id))
            {
                errors.Add(FieldPath.Of("parties").Item(i).Field("id"), TextRules.Empty(new Subject("l'identifiant", "the id")));
            }
            else if (TextRules.IdProblem(party.Id) is { } idProblem)
            {
                errors.Add(FieldPath.Of("parties").Item(i).Field("id"), idProblem);
            }
            else if (!seen.TryAdd(party.Id, i))
            {
                errors.Add(FieldPath.Of("parties").Item(i).Field("id"), CommonMessages.DuplicateId(party.Id, $"parties[{seen[party.Id]}]"));
            }
            if (seen is not null && party.Name is { } name && TextRules.NameProblem(name, new Subject("le nom", "the name")) is { } nameProblem)
            {
                errors.Add(FieldPath.Of("parties").Item(i).Field("name"), nameProblem);
            }
            if (party.Weights is { } named)
            {
                foreach (string weightName in named.Keys)
                {
                    if (TextRules.TextProblem(weightName) is { } weightProblem)
                    {
                        errors.Add(FieldPath.Of("parties").Item(i).Field("weights"), weightProblem);
                        break;
                    }
                }
            }
            if (party.Cap is { IsNegative: true } cap)
            {
                errors.Add(FieldPath.Of("parties").Item(i).Field("cap"), CommonMessages.Negative(new Subject($"le plafond de « {party.Id} »", $"the cap of party '{party.Id}'"), cap));
            }
            if (party.Floor is { IsNegative: true } floor)
            {
                errors.Add(FieldPath.Of("parties").Item(i).Field("floor"), CommonMessages.Negative(new Subject($"le plancher de « {party.Id} »", $"the floor of party '{party.Id}'"), floor));
            }
            if (party.Cap is { } c && party.Floor is { } f && c < f)
            {
                errors.Add(FieldPath.Of("parties").Item(i).Field("cap"), CommonMessages.CapBelowFloor(c, f));
            }
        }
    }
}
