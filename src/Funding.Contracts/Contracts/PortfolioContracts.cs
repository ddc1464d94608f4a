using System.ComponentModel;

namespace Funding.Contracts;

/// <summary>The formats of the portfolio (<c>format</c> of GET /v1/portfolio).</summary>
[DefaultValue(Json)]
[ChoiceLabel("le format du portefeuille", "the portfolio's format")]
public enum PortfolioFormat
{
    /// <summary>application/json (the default).</summary>
    Json,

    /// <summary>text/csv: one line per funder and budget year, French dialect (« ; » and « , »), with a byte order mark.</summary>
    Csv,

    /// <summary>The XLSX workbook: one sheet per view, totals as live formulas.</summary>
    Xlsx,
}

/// <summary>Which plans the portfolio counts (<c>status</c> of GET /v1/portfolio).</summary>
[DefaultValue(Active)]
[ChoiceLabel("le statut des plans", "the plans' status")]
public enum PortfolioPlanStatus
{
    /// <summary>Every plan not archived (the default).</summary>
    Active,

    /// <summary>Plans not archived that have a signed version.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The query's value is « signed », as the plans' status.")]
    Signed,

    /// <summary>Plans not archived without any signed version.</summary>
    Draft,

    /// <summary>Archived plans only.</summary>
    Archived,
}

/// <summary>A contribution and a payment, in euros.</summary>
public sealed record ContributionPaymentOutput
{
    /// <summary>The contribution to the budget year's cost, as the plans' <c>contributionByBudgetYear</c>.</summary>
    public required decimal Contribution { get; init; }

    /// <summary>What is paid in the budget year, as the plans' schedules.</summary>
    public required decimal Payment { get; init; }
}

/// <summary>A funder's figures across plans for one budget year (or, without <c>year</c>, over every year), in euros.</summary>
public sealed record PortfolioYearOutput
{
    /// <summary>The budget year; absent for a total.</summary>
    public int? Year { get; init; }

    /// <summary>What the council votes committed: each plan's latest signed version.</summary>
    public required ContributionPaymentOutput Committed { get; init; }

    /// <summary>What is planned: each plan's latest version, signed or not.</summary>
    public required ContributionPaymentOutput Planned { get; init; }

    /// <summary>What was received from the funder, by the budget year of the receipt (each plan's latest execution entry).</summary>
    public required decimal Received { get; init; }

    /// <summary>What the funder owes for the year on the actual expenses (each plan's latest execution entry).</summary>
    public required decimal Due { get; init; }

    /// <summary>Committed payments not received yet: the committed payment minus what was received (negative when paid ahead); zero for a carrier's own share.</summary>
    public required decimal RemainingToPay { get; init; }

    /// <summary>As a carrier: what the other funders of the plans it carries still have to pay it (their committed payments minus their receipts).</summary>
    public required decimal OwedToIt { get; init; }
}

/// <summary>A plan and version a funder's figures come from: the drill-down.</summary>
public sealed record PortfolioPlanOutput
{
    /// <summary>The saved plan's id.</summary>
    public required string PlanId { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>The version counted.</summary>
    public required int Version { get; init; }

    /// <summary><c>draft</c>, <c>signed</c> or <c>archived</c>.</summary>
    public required string Status { get; init; }

    /// <summary><c>committed</c> (its latest signed version) or <c>planned</c> (its latest version).</summary>
    public required string View { get; init; }

    /// <summary>The version's address.</summary>
    public required string Href { get; init; }
}

/// <summary>One body across the workspace's plans: what it commits, pays, received and still owes, budget year by budget year.</summary>
public sealed record PortfolioFunderOutput
{
    /// <summary>Its id in the plans (the smallest, when plans give it several ids under one SIREN or alias).</summary>
    public required string Id { get; init; }

    /// <summary>Its SIREN, when the plans give it.</summary>
    public string? Siren { get; init; }

    /// <summary>Its name in the plans.</summary>
    public required string Name { get; init; }

    /// <summary>Its figures, one entry per budget year, in order.</summary>
    public required IReadOnlyList<PortfolioYearOutput> Years { get; init; }

    /// <summary>Its figures over every year shown.</summary>
    public required PortfolioYearOutput Total { get; init; }

    /// <summary>The plans and versions its figures come from (when the portfolio is asked for one funder).</summary>
    public IReadOnlyList<PortfolioPlanOutput>? Plans { get; init; }
}

/// <summary>What each funder commits, pays, received and still owes across every saved plan of the workspace, by budget year.</summary>
public sealed record PortfolioResponse
{
    /// <summary>Every funder, by name.</summary>
    public required IReadOnlyList<PortfolioFunderOutput> Funders { get; init; }

    /// <summary>Every funder's figures added up, per budget year.</summary>
    public required IReadOnlyList<PortfolioYearOutput> Years { get; init; }

    /// <summary>Every funder's figures added up over every year shown.</summary>
    public required PortfolioYearOutput Total { get; init; }

    /// <summary>The workspace's envelopes (those of the funder asked, if one is), with what the plans commit against each.</summary>
    public IReadOnlyList<EnvelopeOutput>? Envelopes { get; init; }
}

/// <summary>Says that a funder id is the same body as another, across the workspace's plans (for plans without SIREN).</summary>
public sealed record FunderAliasRequest
{
    /// <summary>The id as some plans give it.</summary>
    public required string FunderId { get; init; }

    /// <summary>The id it is the same body as; null to forget the alias.</summary>
    public string? SameAs { get; init; }
}

/// <summary>An envelope's amount for one budget year, in euros.</summary>
public sealed record EnvelopeYearInput
{
    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>The credits of that year, in euros (two decimals at most).</summary>
    public required decimal Amount { get; init; }
}

/// <summary>
/// An envelope (the AP of an AP/CP view): a funder's credits for a programme or a budget line — per budget year
/// (<c>years</c>) or over a period (<c>amount</c>, <c>from</c>, <c>to</c>), not both.
/// </summary>
public sealed record EnvelopeRequest
{
    /// <summary>What it is: « Crédits France 2030 — projets industriels du Finistère ».</summary>
    public required string Name { get; init; }

    /// <summary>The funder whose credits these are: its SIREN, or its id in the plans.</summary>
    public required string Funder { get; init; }

    /// <summary>Only the plans of this programme draw on it (its id in the catalogue); none: every plan of the funder.</summary>
    public string? Programme { get; init; }

    /// <summary>The credits of each budget year.</summary>
    public IReadOnlyList<EnvelopeYearInput>? Years { get; init; }

    /// <summary>The credits over the period <c>from</c>–<c>to</c>, in euros.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The period's first budget year.</summary>
    public int? From { get; init; }

    /// <summary>The period's last budget year.</summary>
    public int? To { get; init; }
}

/// <summary>An envelope's use in one budget year, in euros.</summary>
public sealed record EnvelopeYearOutput
{
    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>The credits of that year; absent for an envelope over a period.</summary>
    public decimal? Amount { get; init; }

    /// <summary>What the plans' latest signed versions commit (the funder's contributions).</summary>
    public required decimal Committed { get; init; }

    /// <summary>What the plans' latest versions plan.</summary>
    public required decimal Planned { get; init; }

    /// <summary>The year's credits minus what is committed; absent for an envelope over a period.</summary>
    public decimal? Remaining { get; init; }
}

/// <summary>An envelope with what the plans commit against it and what remains.</summary>
public sealed record EnvelopeOutput
{
    /// <summary>The envelope's id in the workspace.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>The funder: its SIREN or its id.</summary>
    public required string Funder { get; init; }

    /// <summary>The programme whose plans draw on it, if any.</summary>
    public string? Programme { get; init; }

    /// <summary>The first budget year.</summary>
    public required int From { get; init; }

    /// <summary>The last budget year.</summary>
    public required int To { get; init; }

    /// <summary>The credits over the period (the sum of the years', for an envelope per year).</summary>
    public required decimal Amount { get; init; }

    /// <summary>What is committed against it over the period.</summary>
    public required decimal Committed { get; init; }

    /// <summary>What is planned against it over the period.</summary>
    public required decimal Planned { get; init; }

    /// <summary>The credits minus what is committed.</summary>
    public required decimal Remaining { get; init; }

    /// <summary>The credits minus what is planned: negative when the plans as they stand would exceed it.</summary>
    public required decimal RemainingIfPlanned { get; init; }

    /// <summary>Each budget year of the period.</summary>
    public required IReadOnlyList<EnvelopeYearOutput> Years { get; init; }

    /// <summary>The plans and versions that draw on it.</summary>
    public required IReadOnlyList<PortfolioPlanOutput> Plans { get; init; }
}
