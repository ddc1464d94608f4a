using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Funding.Formatting;

namespace Funding.Allocation;

/// <summary>
/// The result of a split: one share per party, in input order, each with its explanation.
/// </summary>
/// <remarks>
/// The shares sum exactly to <see cref="Allocated"/>, which is <see cref="Amount"/> unless the parties' caps could not
/// absorb it all (<see cref="Unallocated"/>). Explanations (exact share, share of the key, sentence) are computed when
/// read, so a split of a million parties costs only its amounts until someone asks why.
/// </remarks>
public sealed class Allocation
{
    private readonly ResolvedKey _key;
    private readonly Money[] _amounts;
    private readonly byte[] _flags;
    private readonly BoundsInfo? _bounds;
    private Dictionary<string, int>? _indexById;

    internal Allocation(
        Money amount,
        IReadOnlyList<AllocationParty> parties,
        AllocationKey key,
        ResolvedKey resolvedKey,
        Money[] amounts,
        byte[] flags,
        long leftoverCents,
        BoundsInfo? bounds)
    {
        Amount = amount;
        Parties = parties;
        Key = key;
        _key = resolvedKey;
        _amounts = amounts;
        _flags = flags;
        LeftoverCents = leftoverCents;
        _bounds = bounds;
        Unallocated = bounds is null ? Money.Zero : amount.IsNegative ? -bounds.Unallocated : bounds.Unallocated;
        Shares = new ShareList(this);
    }

    /// <summary>The amount that was asked to be split (negative for a refund).</summary>
    public Money Amount { get; }

    /// <summary>The sum of the shares: <see cref="Amount"/> minus <see cref="Unallocated"/>.</summary>
    public Money Allocated => Amount - Unallocated;

    /// <summary>
    /// What could not be allocated because every party with a weight reached its cap (zero otherwise). It is reported,
    /// never silently given to someone.
    /// </summary>
    public Money Unallocated { get; }

    /// <summary>The key used.</summary>
    public AllocationKey Key { get; }

    /// <summary>The parties, as given.</summary>
    public IReadOnlyList<AllocationParty> Parties { get; }

    /// <summary>One share per party, in input order.</summary>
    public IReadOnlyList<AllocatedShare> Shares { get; }

    /// <summary>How many cents were handed out one by one by the largest-remainder step.</summary>
    public long LeftoverCents { get; }

    /// <summary>Whether some party was held at its cap or floor.</summary>
    public bool AnyBoundApplied => _bounds is not null && _bounds.Bounds.Any(b => b != ShareBound.None);

    /// <summary>The amounts alone, in input order.</summary>
    public ReadOnlySpan<Money> Amounts => _amounts;

    /// <summary>Whether this is the split of a refund (negative shares).</summary>
    public bool IsRefund => Amount.IsNegative;

    /// <summary>The share of the party with this id.</summary>
    /// <param name="id">A party id.</param>
    /// <returns>Its share.</returns>
    /// <exception cref="KeyNotFoundException">No party has this id.</exception>
    public AllocatedShare this[string id]
    {
        get
        {
            _indexById ??= Parties.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            return _indexById.TryGetValue(id, out int index)
                ? new AllocatedShare(this, index)
                : throw new KeyNotFoundException($"No party has the id '{id}'.");
        }
    }

    /// <summary>A French sentence describing the whole split, for reports.</summary>
    /// <returns>E.g. « Répartition de 103 800,00 € entre 10 parties selon la clé population ; 2 centimes attribués aux plus forts restes. »</returns>
    public string Describe()
    {
        string verb = IsRefund ? "Répartition du reversement de" : "Répartition de";
        string sentence = $"{verb} {FrenchFormat.Money(Amount.Abs())} entre {Parties.Count.ToString(CultureInfo.InvariantCulture)} {(Parties.Count > 1 ? "parties" : "partie")} selon la clé {Key.Label}";
        if (LeftoverCents > 0)
        {
            sentence += LeftoverCents == 1
                ? " ; 1 centime attribué au plus fort reste"
                : $" ; {LeftoverCents.ToString(CultureInfo.InvariantCulture)} centimes attribués aux plus forts restes";
        }
        if (!Unallocated.IsZero)
        {
            sentence += $" ; {FrenchFormat.Money(Unallocated.Abs())} n'ont pu être répartis, toutes les parties ayant atteint leur plafond";
        }
        return sentence + ".";
    }

    internal Money AmountAt(int index) => _amounts[index];

    internal bool ReceivedRemainderCentAt(int index) => (_flags[index] & LargestRemainderEngine.RemainderCentFlag) != 0;

    internal ShareBound BoundAt(int index) => _bounds?.Bounds[index] ?? ShareBound.None;

    internal Ratio ShareOfKeyAt(int index) => _key.IsSmall
        ? Ratio.Of(decimal.Round((decimal)_key.Small[index] / _key.SmallTotal, 12, MidpointRounding.ToZero), 1m)
        : Ratio.Of(ExactQuotient(_key.Numerator(index), _key.Total, 12), 1m);

    internal decimal WeightAt(int index) => Key switch
    {
        EqualPartsKey => 1m,
        WeightKey { WeightName: null } => Parties[index].Weight,
        WeightKey { WeightName: { } name } => Parties[index].Weights![name],
        _ => ShareOfKeyAt(index).PercentValue,
    };

    /// <summary>The exact share the party would have without any cap or floor, in euros.</summary>
    internal decimal UnboundedExactAt(int index) => Sign * ExactEuros(Math.Abs(Amount.TotalCents), _key.Numerator(index), _key.Total);

    internal decimal ExactAt(int index)
    {
        if (_bounds is null)
        {
            return UnboundedExactAt(index);
        }
        return _bounds.Bounds[index] != ShareBound.None || _bounds.FreeTotal.IsZero
            ? _amounts[index].Amount
            : Sign * ExactEuros(_bounds.Remaining.TotalCents, _key.Numerator(index), _bounds.FreeTotal);
    }

    internal string SentenceAt(int index)
    {
        var text = new DefaultInterpolatedStringHandler(128, 8);
        AppendSentenceAt(ref text, index);
        text.AppendLiteral(".");
        return text.ToStringAndClear();
    }

    /// <summary>
    /// Writes the sentence of the share at <paramref name="index"/>, without its final period, where the caller writes it
    /// (the share's own sentence, or a member's clause in a plan's explanation): written once, never built and copied.
    /// </summary>
    internal void AppendSentenceAt(ref DefaultInterpolatedStringHandler text, int index)
    {
        var party = Parties[index];
        var amount = _amounts[index];
        text.AppendLiteral(party.DisplayName);
        if (_key.Numerator(index).IsZero && BoundAt(index) == ShareBound.None)
        {
            text.AppendLiteral(" : poids nul dans la clé ");
            text.AppendLiteral(Key.Label);
            text.AppendLiteral(", soit ");
            text.AppendLiteral(FrenchFormat.Money(amount));
            return;
        }
        text.AppendLiteral(" : ");
        text.AppendLiteral(FrenchFormat.Rate(ShareOfKeyAt(index)));
        text.AppendLiteral(" de la clé ");
        text.AppendLiteral(Key.Label);
        switch (BoundAt(index))
        {
            case ShareBound.Cap:
                text.AppendLiteral(", soit ");
                text.AppendLiteral(FrenchFormat.ExactMoney(UnboundedExactAt(index)));
                text.AppendLiteral(", plafonné à ");
                text.AppendLiteral(FrenchFormat.Money(amount));
                break;
            case ShareBound.Floor:
                if (!_key.Numerator(index).IsZero)
                {
                    text.AppendLiteral(", soit ");
                    text.AppendLiteral(FrenchFormat.ExactMoney(UnboundedExactAt(index)));
                    text.AppendLiteral(",");
                }
                else
                {
                    text.AppendLiteral(" ;");
                }
                text.AppendLiteral(" porté au plancher de ");
                text.AppendLiteral(FrenchFormat.Money(amount));
                break;
            default:
                if (_bounds is not null && AnyBoundApplied)
                {
                    var remaining = IsRefund ? -_bounds.Remaining : _bounds.Remaining;
                    var shareOfRemaining = Ratio.Of(ExactQuotient(_key.Numerator(index), _bounds.FreeTotal, 12), 1m);
                    text.AppendLiteral(" ; après plafonds et planchers, ");
                    text.AppendLiteral(FrenchFormat.Rate(shareOfRemaining));
                    text.AppendLiteral(" des ");
                    text.AppendLiteral(FrenchFormat.Money(remaining));
                    text.AppendLiteral(" restant à répartir, soit ");
                }
                else
                {
                    text.AppendLiteral(", soit ");
                }
                text.AppendLiteral(FrenchFormat.Money(amount));
                if (ReceivedRemainderCentAt(index))
                {
                    text.AppendLiteral(" (dont ");
                    text.AppendLiteral(FrenchFormat.Money(IsRefund ? -Money.OneCent : Money.OneCent));
                    text.AppendLiteral(" au titre des plus forts restes)");
                }
                break;
        }
    }

    private int Sign => Amount.IsNegative ? -1 : 1;

    /// <summary>amountCents · numerator / denominator, in euros, truncated to 10 decimal places of a euro.</summary>
    private static decimal ExactEuros(long amountCents, BigInteger numerator, BigInteger denominator) =>
        ExactQuotient(amountCents * numerator, denominator, 8) / 100m;

    /// <summary>numerator / denominator truncated to <paramref name="decimals"/> decimal places (at most 12).</summary>
    private static decimal ExactQuotient(BigInteger numerator, BigInteger denominator, int decimals)
    {
        var scaled = BigInteger.Divide(numerator * BigInteger.Pow(10, decimals), denominator);
        // Dividing a decimal integer by a power of ten only sets its scale: exact.
        return (decimal)scaled / DecimalPowersOfTen[decimals];
    }

    private static readonly decimal[] DecimalPowersOfTen =
        [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m, 1_000_000_000m, 10_000_000_000m, 100_000_000_000m, 1_000_000_000_000m];

    internal sealed record BoundsInfo(ShareBound[] Bounds, Money Remaining, BigInteger FreeTotal, Money Unallocated);

    private sealed class ShareList(Allocation owner) : IReadOnlyList<AllocatedShare>
    {
        public AllocatedShare this[int index] =>
            (uint)index < (uint)owner._amounts.Length ? new AllocatedShare(owner, index) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => owner._amounts.Length;

        public IEnumerator<AllocatedShare> GetEnumerator()
        {
            for (int i = 0; i < owner._amounts.Length; i++)
            {
                yield return new AllocatedShare(owner, i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
