using Funding.Plans;
using Funding.Rules;
using NodaTime;

namespace Funding.Programmes;

/// <summary>A programme's term with its source: « 45 000 € par an », « aides-territoires, … ».</summary>
/// <typeparam name="T">The kind of term.</typeparam>
/// <param name="Value">The term.</param>
/// <param name="Source">Where it comes from, in French, ready to cite.</param>
public sealed record DatedTerm<T>(T Value, string Source);
