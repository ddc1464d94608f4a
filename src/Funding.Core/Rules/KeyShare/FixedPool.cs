namespace Funding.Rules;

/// <summary>A fixed pool, promised as is.</summary>
/// <param name="Amount">The pool, zero or positive.</param>
public sealed record FixedPool(Money Amount) : KeySharePool;
