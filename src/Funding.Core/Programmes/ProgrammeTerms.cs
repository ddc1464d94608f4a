using Funding.Plans;
using Funding.Rules;
using NodaTime;

namespace Funding.Programmes;

/// <summary>
/// The rules of a programme ("dispositif") in force on a day, as a plan that names the programme is checked against them:
/// who may apply, the longest duration, each of its funders' rules and its shared ceilings, each with its source.
/// Read from the catalogue (Funding.Catalogue) when the plan is read; the engine only compares.
/// </summary>
/// <param name="Id">The programme's id.</param>
/// <param name="Name">Its French name.</param>
/// <param name="RulesOf">The day whose rules these are (the plan's start, unless the plan says otherwise).</param>
public sealed record ProgrammeTerms(string Id, string Name, LocalDate RulesOf)
{
    /// <summary>For a workspace's own programme, the version whose terms these are; null for a national programme.</summary>
    public int? Version { get; init; }

    /// <summary>The kinds of body that may carry a plan under the programme.</summary>
    public IReadOnlyList<FunderKind> Applicants { get; init; } = [];

    /// <summary>The source of <see cref="Applicants"/>.</summary>
    public string ApplicantsSource { get; init; } = "";

    /// <summary>The longest period, in months, if the programme sets one.</summary>
    public DatedTerm<int>? MaxMonths { get; init; }

    /// <summary>The programme's funders present in the plan, each with the rule it allows.</summary>
    public IReadOnlyList<ProgrammeFunderTerms> Funders { get; init; } = [];

    /// <summary>The programme's shared ceilings that apply to the plan.</summary>
    public IReadOnlyList<DatedTerm<SharedCeiling>> SharedCeilings { get; init; } = [];

    /// <summary>The smallest share of the public financing the carrier must keep, if the programme sets one.</summary>
    public DatedTerm<Rate>? MinimumOwnShare { get; init; }
}
