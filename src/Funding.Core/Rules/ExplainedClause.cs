using Funding.Plans;

namespace Funding.Rules;

/// <summary>A contribution's explanation before it is finished: its main clause (no final period) and its terms.</summary>
/// <param name="Clause">« L'État finance 50 % du coût total de 207 600,00 €, soit 103 800,00 €, plafonné à 80 000,00 € (taux effectif 38,54 %) ».</param>
/// <param name="Terms">The inputs and intermediate values, in the order the clause uses them.</param>
internal readonly record struct ExplainedClause(string Clause, IReadOnlyList<ExplanationTerm> Terms);
