namespace Funding.Allocation;

/// <summary>Whether a share was held at its party's cap or floor.</summary>
public enum ShareBound
{
    /// <summary>The share is the party's proportional part; no bound applied.</summary>
    None,

    /// <summary>The share was limited to the party's cap ("plafonné"); the excess went to the other parties.</summary>
    Cap,

    /// <summary>The share was raised to the party's floor ("plancher"); the other parties paid for it.</summary>
    Floor,
}
