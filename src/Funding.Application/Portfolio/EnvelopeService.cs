using System.Globalization;
using Funding.Formatting;
using Funding.Storage;

namespace Funding.Application.Portfolio;

/// <summary>
/// Envelopes (the AP of an AP/CP view): a funder's credits for a programme or a budget line, per budget year or over a
/// period; what the plans commit and plan against each, from the portfolio's rows; and the warning a plan gets when,
/// saved as it is, the plans would exceed one.
/// </summary>
internal sealed class EnvelopeService(EnvelopeStore envelopes, PortfolioStore portfolio)
{
    /// <summary>The most budget years an envelope spans.</summary>
    public const int MaxYears = 50;

    /// <summary>The check a plan gets when an envelope would be exceeded.</summary>
    public const string CheckId = "envelope";

    /// <summary>Creates or replaces an envelope.</summary>
    public async Task<Outcome<EnvelopeOutput>> PutAsync(Caller caller, string id, EnvelopeRequest request, CancellationToken cancellation)
    {
        var errors = new RequestErrors();
        if (TextRules.IdProblem(id) is { } idProblem)
        {
            errors.Add("id", idProblem);
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", ErrorCodes.FieldRequired, "Donnez le nom de l'enveloppe.", "Give the envelope's name.");
        }
        else if (TextRules.NameProblem(request.Name, new Subject("le nom", "the name")) is { } nameProblem)
        {
            errors.Add("name", nameProblem);
        }
        string? key = FunderKey(request.Funder, "funder", errors);
        if (request.Programme is not null && TextRules.IdProblem(request.Programme) is { } programmeProblem)
        {
            errors.Add("programme", programmeProblem);
        }
        var years = new Dictionary<int, long>();
        int from = 0, to = 0;
        long? total = null;
        if (request.Years is { Count: > 0 } given)
        {
            if (request.Amount is not null || request.From is not null || request.To is not null)
            {
                errors.Add("amount", ErrorCodes.ValueNotAllowed, "Donnez les crédits par exercice (years) ou sur une période (amount, from, to), pas les deux.",
                    "Give the credits per budget year (years) or over a period (amount, from, to), not both.");
            }
            for (int i = 0; i < given.Count; i++)
            {
                if (given[i] is not { } year)
                {
                    errors.Add($"years[{i}]", ErrorCodes.FieldRequired, "Un exercice manque (null).", "A budget year is missing.");
                    continue;
                }
                PortfolioFigures.CheckYear(year.Year, $"years[{i}].year", errors);
                long? cents = Cents(year.Amount, $"years[{i}].amount", errors);
                if (cents is { } c && !years.TryAdd(year.Year, c))
                {
                    errors.Add($"years[{i}].year", ErrorCodes.ValueNotAllowed, $"L'exercice {year.Year} est donné deux fois.", $"Budget year {year.Year} is given twice.");
                }
            }
            if (years.Count > 0)
            {
                (from, to) = (years.Keys.Min(), years.Keys.Max());
            }
        }
        else
        {
            if (request.Amount is not { } amount)
            {
                errors.Add("amount", ErrorCodes.FieldRequired, "Donnez les crédits : par exercice (years), ou sur une période (amount, from, to).",
                    "Give the credits: per budget year (years), or over a period (amount, from, to).");
            }
            else
            {
                total = Cents(amount, "amount", errors);
            }
            if (request.From is not { } first || request.To is not { } last)
            {
                errors.Add(request.From is null ? "from" : "to", ErrorCodes.FieldRequired, "Une enveloppe sur une période en donne le premier et le dernier exercice (from, to).",
                    "An envelope over a period gives its first and last budget years (from, to).");
            }
            else
            {
                PortfolioFigures.CheckYear(first, "from", errors);
                PortfolioFigures.CheckYear(last, "to", errors);
                (from, to) = (first, last);
            }
        }
        if (to < from)
        {
            errors.Add("to", ErrorCodes.ValueNotAllowed, $"L'exercice « to » ({to}) précède « from » ({from}).", $"'to' ({to}) precedes 'from' ({from}).");
        }
        else if (to - from + 1 > MaxYears)
        {
            errors.Add("to", ErrorCodes.ValueNotAllowed, $"Une enveloppe couvre au plus {MaxYears} exercices.", $"An envelope spans at most {MaxYears} budget years.");
        }
        if (errors.HasErrors)
        {
            return Outcome<EnvelopeOutput>.Invalid(errors);
        }
        var envelope = new Envelope(id, request.Name.Trim(), key!, request.Programme, from, to, total, years);
        await envelopes.PutAsync(caller.Workspace, envelope, cancellation);
        return Outcome<EnvelopeOutput>.Success(await OutputAsync(caller.Workspace, envelope, cancellation));
    }

    /// <summary>Deletes an envelope.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Caller caller, string id, CancellationToken cancellation) =>
        await envelopes.DeleteAsync(caller.Workspace, id, cancellation)
            ? Outcome<bool>.Success(true)
            : Outcome<bool>.Fail(new UseCaseFailure(FailureKind.NotFound,
                new(ErrorCodes.NotFound, "Enveloppe introuvable.", "No such envelope."),
                new(ErrorCodes.NotFound, "Aucune enveloppe de cet espace de travail n'a cet identifiant.", "No envelope of this workspace has that id.")));

    /// <summary>The workspace's envelopes (of one funder key, if given), each with what the plans commit against it.</summary>
    public async Task<IReadOnlyList<EnvelopeOutput>> ListAsync(string workspace, string? funderKey, CancellationToken cancellation)
    {
        var list = new List<EnvelopeOutput>();
        foreach (var envelope in await envelopes.ListAsync(workspace, cancellation))
        {
            if (funderKey is null || envelope.FunderKey == funderKey)
            {
                list.Add(await OutputAsync(workspace, envelope, cancellation));
            }
        }
        return list;
    }

    /// <summary>
    /// The warnings a version gets when, saved as it is, the plans would exceed an envelope: one check per envelope
    /// exceeded, naming it, the years and amounts, and the other plans that draw on it.
    /// </summary>
    public async Task<IReadOnlyList<CheckOutput>> ChecksAsync(string workspace, string? planId, FigureSet figures, CancellationToken cancellation)
    {
        var checks = new List<CheckOutput>();
        var keys = figures.Rows.Select(r => r.FunderKey).ToHashSet(StringComparer.Ordinal);
        foreach (var envelope in await envelopes.ListAsync(workspace, cancellation))
        {
            if (!keys.Contains(envelope.FunderKey) || (envelope.ProgrammeId is not null && envelope.ProgrammeId != figures.ProgrammeId))
            {
                continue;
            }
            var others = await portfolio.QueryAsync(workspace, Query(envelope, planId), cancellation);
            var mine = figures.Rows.Where(r => r.FunderKey == envelope.FunderKey && r.Year >= envelope.FromYear && r.Year <= envelope.ToYear)
                .GroupBy(r => r.Year).ToDictionary(g => g.Key, g => g.Sum(r => r.ContributionCents));
            var planned = Sums(others.Planned);
            foreach (var (year, cents) in mine)
            {
                planned[year] = planned.GetValueOrDefault(year) + cents;
            }
            var over = new List<string>();
            if (envelope.TotalCents is { } total)
            {
                long used = planned.Values.Sum();
                if (used > total)
                {
                    over.Add($"{Euros(used)} prévus sur {envelope.FromYear}–{envelope.ToYear} pour {Euros(total)} (dépassement de {Euros(used - total)})");
                }
            }
            else
            {
                foreach (var (year, amount) in envelope.Years.OrderBy(y => y.Key))
                {
                    long used = planned.GetValueOrDefault(year);
                    if (used > amount)
                    {
                        over.Add($"{year.ToString(CultureInfo.InvariantCulture)} : {Euros(used)} prévus pour {Euros(amount)} (dépassement de {Euros(used - amount)})");
                    }
                }
            }
            if (over.Count == 0)
            {
                continue;
            }
            var plans = others.Plans.Where(p => p.View == "planned").Select(p => $"« {p.PlanName} » (version {p.Version})").Distinct().ToArray();
            checks.Add(new CheckOutput
            {
                Id = CheckId,
                Outcome = Funding.Plans.CheckOutcome.Warning,
                Passed = true,
                Message = $"Enveloppe « {envelope.Name} » : avec ce plan, {string.Join(" ; ", over)}. "
                    + (plans.Length == 0 ? "Aucun autre plan n'y puise." : $"Autres plans qui y puisent : {string.Join(", ", plans)}."),
                Source = $"Enveloppe « {envelope.Id} » de l'espace de travail",
            });
        }
        return checks;
    }

    private static PortfolioQuery Query(Envelope envelope, string? excludePlanId) =>
        new(envelope.FunderKey, envelope.FunderKey.StartsWith("id:", StringComparison.Ordinal) ? envelope.FunderKey[3..] : null,
            envelope.FromYear, envelope.ToYear, PortfolioStatus.Active, envelope.ProgrammeId, WithPlans: true, excludePlanId);

    private async Task<EnvelopeOutput> OutputAsync(string workspace, Envelope envelope, CancellationToken cancellation)
    {
        var data = await portfolio.QueryAsync(workspace, Query(envelope, null), cancellation);
        var committed = Sums(data.Committed);
        var planned = Sums(data.Planned);
        var years = Enumerable.Range(envelope.FromYear, envelope.ToYear - envelope.FromYear + 1).Select(year =>
        {
            long? amount = envelope.TotalCents is null ? envelope.Years.GetValueOrDefault(year) : null;
            return new EnvelopeYearOutput
            {
                Year = year,
                Amount = amount is { } a ? PortfolioFigures.Euros(a) : null,
                Committed = PortfolioFigures.Euros(committed.GetValueOrDefault(year)),
                Planned = PortfolioFigures.Euros(planned.GetValueOrDefault(year)),
                Remaining = amount is { } b ? PortfolioFigures.Euros(b - committed.GetValueOrDefault(year)) : null,
            };
        }).ToArray();
        long total = envelope.TotalCents ?? envelope.Years.Values.Sum();
        return new EnvelopeOutput
        {
            Id = envelope.Id,
            Name = envelope.Name,
            Funder = envelope.FunderKey[(envelope.FunderKey.IndexOf(':', StringComparison.Ordinal) + 1)..],
            Programme = envelope.ProgrammeId,
            From = envelope.FromYear,
            To = envelope.ToYear,
            Amount = PortfolioFigures.Euros(total),
            Committed = PortfolioFigures.Euros(committed.Values.Sum()),
            Planned = PortfolioFigures.Euros(planned.Values.Sum()),
            Remaining = PortfolioFigures.Euros(total - committed.Values.Sum()),
            RemainingIfPlanned = PortfolioFigures.Euros(total - planned.Values.Sum()),
            Years = years,
            Plans = [.. data.Plans.OrderBy(p => p.View, StringComparer.Ordinal).ThenBy(p => p.PlanName, StringComparer.Ordinal).ThenBy(p => p.PlanId, StringComparer.Ordinal)
                .Select(p => new PortfolioPlanOutput
                {
                    PlanId = p.PlanId, Name = p.PlanName, Version = p.Version, View = p.View,
                    Status = p.Status == PlanStore.Archived ? "archived" : p.Signed ? "signed" : "draft",
                    Href = $"/v1/saved-plans/{p.PlanId}/versions/{p.Version}",
                })],
        };
    }

    /// <summary>A view's sums by year (a single funder's keys: its id's and its SIREN's).</summary>
    private static Dictionary<int, long> Sums(IEnumerable<PortfolioCell> cells) =>
        cells.GroupBy(c => c.Year).ToDictionary(g => g.Key, g => g.Sum(c => c.First));

    private static string Euros(long cents) => FrenchFormat.Money(Money.FromCents(cents));

    /// <summary>A funder given by its SIREN (9 digits, checked) or its id, as the portfolio's key; required.</summary>
    private static string? FunderKey(string? funder, string path, RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(funder))
        {
            errors.Add(path, ErrorCodes.FieldRequired, "Donnez le financeur : son SIREN ou son identifiant dans les plans.", "Give the funder: its SIREN or its id in the plans.");
            return null;
        }
        return PortfolioFigures.FunderKey(funder, path, errors);
    }

    private static long? Cents(decimal amount, string path, RequestErrors errors)
    {
        // The bound first: a larger amount would overflow when counted in cents.
        if (amount < 0m || amount > Money.MaxValue.Amount || amount * 100m != decimal.Truncate(amount * 100m))
        {
            errors.Add(path, ErrorCodes.ValueNotAllowed, "Un montant d'enveloppe est positif, en euros, avec deux décimales au plus.",
                "An envelope's amount is positive, in euros, with two decimals at most.");
            return null;
        }
        return PortfolioFigures.Cents(amount);
    }
}
