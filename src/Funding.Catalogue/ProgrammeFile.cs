using Funding.Plans;
using NodaTime;

namespace Funding.Catalogue;

/// <summary>A programme file of the catalogue, as written (programme.schema.json describes it).</summary>
internal sealed record ProgrammeFile
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<FunderKind> Applicants { get; init; }

    public required IReadOnlyList<ProgrammeSourceOutput> Sources { get; init; }

    public IReadOnlyList<string>? NotPublic { get; init; }

    public required IReadOnlyList<DatedEntry> Validity { get; init; }

    public IReadOnlyList<DatedMonths>? MaxMonths { get; init; }

    public required IReadOnlyList<ProgrammeFunderEntry> Funders { get; init; }

    public IReadOnlyList<DatedCeiling>? SharedCeilings { get; init; }

    public IReadOnlyList<DatedOptions>? Options { get; init; }
}

/// <summary>Anything dated and sourced.</summary>
internal interface IDated
{
    LocalDate From { get; }

    LocalDate? To { get; }

    string Source { get; }
}

internal static class Dated
{
    /// <summary>Whether the entry applies on <paramref name="day"/>.</summary>
    public static bool AppliesOn(this IDated entry, LocalDate day) => day >= entry.From && (entry.To is not { } to || day <= to);

    /// <summary>The entry of a list in force on <paramref name="day"/>, or null.</summary>
    public static T? On<T>(this IEnumerable<T>? entries, LocalDate day)
        where T : class, IDated => entries?.FirstOrDefault(e => e.AppliesOn(day));
}

internal sealed record DatedEntry(LocalDate From, LocalDate? To, string Source) : IDated;

internal sealed record DatedMonths(LocalDate From, LocalDate? To, string Source, int Value) : IDated;

internal sealed record DatedRule(LocalDate From, LocalDate? To, string Source, RuleInput Rule) : IDated;

internal sealed record DatedCeiling(LocalDate From, LocalDate? To, string Source, SharedCeilingInput Ceiling) : IDated
{
    public string? When { get; init; }

    public string? Unless { get; init; }

    /// <summary>Whether its condition holds for a plan whose funders are <paramref name="ids"/>, and all its funders are there.</summary>
    public bool AppliesTo(IReadOnlySet<string> ids) =>
        (When is not { } when || ids.Contains(when)) && (Unless is not { } unless || !ids.Contains(unless)) && Ceiling.FunderIds.All(ids.Contains);
}

internal sealed record DatedOptions(LocalDate From, LocalDate? To, string Source, PlanOptionsInput Options) : IDated;

internal sealed record ProgrammeFunderEntry
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required FunderKind Kind { get; init; }

    public bool Optional { get; init; }

    public IReadOnlyList<string>? Agreed { get; init; }

    public PaymentInput? Payment { get; init; }

    public required IReadOnlyList<DatedRule> Rules { get; init; }
}
