using Funding.Plans;
using NodaTime;

namespace Funding.Contracts;

/// <summary>A programme of the catalogue, as the list gives it.</summary>
public sealed record ProgrammeSummaryOutput
{
    /// <summary>The programme's id.</summary>
    public required string Id { get; init; }

    /// <summary>True for a workspace's own programme (a Region's or a Department's scheme), false for a national one of the catalogue.</summary>
    public bool Local { get; init; }

    /// <summary>A local programme's version (each save is a new one); null for a national programme.</summary>
    public int? Version { get; init; }

    /// <summary>Its French name.</summary>
    public required string Name { get; init; }

    /// <summary>What it funds and how, in French.</summary>
    public required string Description { get; init; }

    /// <summary>Who may carry a plan under it.</summary>
    public required IReadOnlyList<FunderKind> Applicants { get; init; }

    /// <summary>Whether a post may start under it on the day asked for (<c>date</c>).</summary>
    public required bool InForce { get; init; }

    /// <summary>The periods a post may start in.</summary>
    public required IReadOnlyList<ProgrammePeriodOutput> Validity { get; init; }

    /// <summary>Where its rules come from.</summary>
    public required IReadOnlyList<ProgrammeSourceOutput> Sources { get; init; }
}

/// <summary>A period of validity: from a day, until a day or open.</summary>
public sealed record ProgrammePeriodOutput
{
    /// <summary>The first day.</summary>
    public required LocalDate From { get; init; }

    /// <summary>The last day, or null when still open.</summary>
    public LocalDate? To { get; init; }
}

/// <summary>A public source of a programme's rules.</summary>
public sealed record ProgrammeSourceOutput
{
    /// <summary>The source's id within the programme.</summary>
    public required string Id { get; init; }

    /// <summary>The title of the text or page.</summary>
    public required string Title { get; init; }

    /// <summary>Its address.</summary>
    public required string Url { get; init; }

    /// <summary>The day it was read.</summary>
    public required LocalDate Read { get; init; }

    /// <summary>A remark on the source, if any.</summary>
    public string? Note { get; init; }
}

/// <summary>A programme's rules in force on a day, each with its source.</summary>
public sealed record ProgrammeOutput
{
    /// <summary>The programme's id.</summary>
    public required string Id { get; init; }

    /// <summary>True for a workspace's own programme (a Region's or a Department's scheme), false for a national one of the catalogue.</summary>
    public bool Local { get; init; }

    /// <summary>A local programme's version (each save is a new one); null for a national programme.</summary>
    public int? Version { get; init; }

    /// <summary>Its French name.</summary>
    public required string Name { get; init; }

    /// <summary>What it funds and how, in French.</summary>
    public required string Description { get; init; }

    /// <summary>The day whose rules these are.</summary>
    public required LocalDate RulesOf { get; init; }

    /// <summary>Whether a post may start under it that day.</summary>
    public required bool InForce { get; init; }

    /// <summary>Who may carry a plan under it.</summary>
    public required IReadOnlyList<FunderKind> Applicants { get; init; }

    /// <summary>The longest period in months, if it sets one.</summary>
    public int? MaxMonths { get; init; }

    /// <summary>Its funders and the rule each has that day (absent from the list when it has none that day).</summary>
    public required IReadOnlyList<ProgrammeFunderOutput> Funders { get; init; }

    /// <summary>Its shared ceilings in force that day.</summary>
    public required IReadOnlyList<ProgrammeCeilingOutput> SharedCeilings { get; init; }

    /// <summary>The plan options it sets that day (a public-aid ceiling, a minimum own share), if any.</summary>
    public PlanOptionsInput? Options { get; init; }

    /// <summary>What the sources do not say, said instead of guessed.</summary>
    public required IReadOnlyList<string> NotPublic { get; init; }

    /// <summary>Where its rules come from.</summary>
    public required IReadOnlyList<ProgrammeSourceOutput> Sources { get; init; }
}

/// <summary>A programme's funder and its rule that day, in the plan's own rule vocabulary.</summary>
public sealed record ProgrammeFunderOutput
{
    /// <summary>Its id in a plan.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Its kind.</summary>
    public required FunderKind Kind { get; init; }

    /// <summary>Whether it joins a plan only when asked (<c>partners</c>).</summary>
    public required bool Optional { get; init; }

    /// <summary>The rule's fields set by local agreement within the programme's ceilings (<c>ratePercent</c>), taken from the request.</summary>
    public required IReadOnlyList<string> Agreed { get; init; }

    /// <summary>The rule (for an agreed field, the value given is the most the programme allows).</summary>
    public required RuleInput Rule { get; init; }

    /// <summary>How it pays, if the programme says.</summary>
    public PaymentInput? Payment { get; init; }

    /// <summary>The source's id.</summary>
    public required string Source { get; init; }
}

/// <summary>A shared ceiling of a programme that day.</summary>
public sealed record ProgrammeCeilingOutput
{
    /// <summary>The ceiling.</summary>
    public required SharedCeilingInput Ceiling { get; init; }

    /// <summary>It applies only when this optional funder joins, if set.</summary>
    public string? When { get; init; }

    /// <summary>It applies only when this optional funder does not join, if set.</summary>
    public string? Unless { get; init; }

    /// <summary>The source's id.</summary>
    public required string Source { get; init; }
}

/// <summary>A plan to start from a programme: the post's cost and dates, its carrier, and the partners and rates agreed.</summary>
public sealed record ProgrammePlanRequest
{
    /// <summary>The post's annual charged cost, in euros.</summary>
    public required decimal AnnualCost { get; init; }

    /// <summary>The first day.</summary>
    public required LocalDate Start { get; init; }

    /// <summary>The length, in months.</summary>
    public required int Months { get; init; }

    /// <summary>Who carries the post (pays what is left).</summary>
    public required ProgrammeCarrierInput Carrier { get; init; }

    /// <summary>
    /// The programme's funders to include with their agreed rates: every funder that is not optional is included anyway;
    /// a rate is given where the programme leaves it to the local agreement (within its ceilings).
    /// </summary>
    public IReadOnlyList<ProgrammePartnerInput>? Partners { get; init; }

    /// <summary>The plan's name; the programme's name when absent.</summary>
    public string? Name { get; init; }
}

/// <summary>The carrier of a plan started from a programme.</summary>
public sealed record ProgrammeCarrierInput
{
    /// <summary>Its id in the plan.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Its kind: the programme must admit it.</summary>
    public required FunderKind Kind { get; init; }
}

/// <summary>A programme's funder to include, with its agreed rate.</summary>
public sealed record ProgrammePartnerInput
{
    /// <summary>The funder's id in the programme.</summary>
    public required string Id { get; init; }

    /// <summary>Its rate, in percent, where the programme leaves it to the local agreement.</summary>
    public decimal? RatePercent { get; init; }
}

/// <summary>A workspace's own programme to save: a file of the catalogue's schema (programme.schema.json), and why it changes.</summary>
public sealed record SaveProgrammeRequest
{
    /// <summary>The programme, as a catalogue file: id (the path's), name, description, applicants, sources, validity, funders with dated and sourced rules…</summary>
    public required System.Text.Json.JsonElement Programme { get; init; }

    /// <summary>Why this version (a deliberation of the Region, a new rate); kept with it.</summary>
    public string? Comment { get; init; }
}

/// <summary>A version of a workspace's own programme: who saved it, when and why.</summary>
public sealed record ProgrammeVersionOutput
{
    /// <summary>The programme's id.</summary>
    public required string Id { get; init; }

    /// <summary>The version's number (1 for the first save).</summary>
    public required int Version { get; init; }

    /// <summary>When it was saved.</summary>
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>Who saved it.</summary>
    public required string SavedBy { get; init; }

    /// <summary>Why (empty when no comment was given).</summary>
    public required string Comment { get; init; }

    /// <summary>Its rules, as plans read them.</summary>
    public required string Href { get; init; }
}

/// <summary>A version of a workspace's own programme with its file, as saved (to edit and save again).</summary>
public sealed record SavedProgrammeOutput
{
    /// <summary>The version: its number, who saved it, when and why.</summary>
    public required ProgrammeVersionOutput Version { get; init; }

    /// <summary>The programme file, as saved.</summary>
    public required System.Text.Json.JsonElement Programme { get; init; }
}
