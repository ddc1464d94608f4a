namespace Funding.Allocation;

/// <summary>
/// One party's share of an <see cref="Allocation"/>, with its explanation as data and as a French sentence.
/// </summary>
/// <remarks>A lightweight view: the explanation is computed when read.</remarks>
public readonly struct AllocatedShare : IEquatable<AllocatedShare>
{
    private readonly Allocation _owner;

    internal AllocatedShare(Allocation owner, int index)
    {
        _owner = owner;
        Index = index;
    }

    /// <summary>The party's position in the input.</summary>
    public int Index { get; }

    /// <summary>The party.</summary>
    public AllocationParty Party => _owner.Parties[Index];

    /// <summary>The party's id.</summary>
    public string Id => Party.Id;

    /// <summary>The share, rounded to the cent by the largest-remainder rule.</summary>
    public Money Amount => _owner.AmountAt(Index);

    /// <summary>
    /// The party's weight in the key: its weight (population…) for a weight key, 1 for equal parts, and for a mixed key
    /// its combined share of the key in percent.
    /// </summary>
    public decimal Weight => _owner.WeightAt(Index);

    /// <summary>The party's exact share of the key (weight / total weight), to 12 decimal places of a fraction.</summary>
    public Ratio ShareOfKey => _owner.ShareOfKeyAt(Index);

    /// <summary>
    /// The exact share before rounding, in euros (to 10 decimal places, truncated): the proportional share, or after
    /// caps and floors the share of what remained for the parties not held at a bound; the bound itself for those held.
    /// </summary>
    public decimal ExactAmount => _owner.ExactAt(Index);

    /// <summary>The exact share the party would have had without any cap or floor, in euros.</summary>
    public decimal UnboundedExactAmount => _owner.UnboundedExactAt(Index);

    /// <summary>Cents added by the largest-remainder step: 1 when the party received a leftover cent, else 0.</summary>
    public int RemainderCents => _owner.ReceivedRemainderCentAt(Index) ? 1 : 0;

    /// <summary>Whether the share was held at the party's cap or floor.</summary>
    public ShareBound Bound => _owner.BoundAt(Index);

    /// <summary>
    /// The explanation for a report: « Quimper Bretagne Occidentale : 18,17 % de la clé population, soit 11 593,50 €. »
    /// </summary>
    public string Sentence => _owner.SentenceAt(Index);

    /// <inheritdoc />
    public bool Equals(AllocatedShare other) => ReferenceEquals(_owner, other._owner) && Index == other.Index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AllocatedShare other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_owner, Index);

    /// <summary>Whether two views designate the same share of the same allocation.</summary>
    /// <param name="left">First share.</param>
    /// <param name="right">Second share.</param>
    /// <returns>True when they are the same share.</returns>
    public static bool operator ==(AllocatedShare left, AllocatedShare right) => left.Equals(right);

    /// <summary>Whether two views designate different shares.</summary>
    /// <param name="left">First share.</param>
    /// <param name="right">Second share.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(AllocatedShare left, AllocatedShare right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Sentence;
}
