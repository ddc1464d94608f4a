using System.Globalization;
using System.Text;
using System.Text.Json;
using Funding.Application.SavedPlans;
using Funding.Contracts.Json;
using Funding.Storage;

namespace Funding.Application.Portfolio;

/// <summary>
/// What each funder commits, pays, received and still owes across every saved plan of a workspace, budget year by
/// budget year: the sums of the rows stored with each version and execution entry (<see cref="PortfolioFigures"/>),
/// never a re-evaluation of the plans — except, once, the versions saved before the portfolio existed.
/// </summary>
internal sealed class PortfolioService(PortfolioStore store, PlanStore plans, EnvelopeService? envelopes = null, Programmes.WorkspaceProgrammeService? programmes = null)
{
    /// <summary>How many versions or entries saved before the portfolio are computed per transaction.</summary>
    private const int BackfillBatch = 200;

    private static JsonSerializerOptions Options => ApiJson.Options;

    /// <summary>The portfolio of the caller's workspace, filtered.</summary>
    public async Task<Outcome<PortfolioResponse>> GetAsync(Caller caller, string? funder, int? from, int? to, Choice<PortfolioPlanStatus>? status, string? programme, CancellationToken cancellation)
    {
        var outcome = await GetAsync(caller, funder, from, to, status, programme, null, cancellation);
        return outcome.Succeeded ? Outcome<PortfolioResponse>.Success(outcome.Value.Portfolio) : outcome.As<PortfolioResponse>();
    }

    /// <summary>The portfolio of the caller's workspace, filtered, and the format asked (every unknown name in one answer).</summary>
    public async Task<Outcome<(PortfolioResponse Portfolio, PortfolioFormat Format)>> GetAsync(Caller caller, string? funder, int? from, int? to,
        Choice<PortfolioPlanStatus>? status, string? programme, Choice<PortfolioFormat>? format, CancellationToken cancellation)
    {
        var errors = new RequestErrors();
        var chosen = errors.Choose(status, "status");
        var chosenFormat = errors.Choose(format, "format");
        string? key = funder is null ? null : PortfolioFigures.FunderKey(funder, "funder", errors);
        PortfolioFigures.CheckYear(from, "from", errors);
        PortfolioFigures.CheckYear(to, "to", errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("to", ErrorCodes.ValueNotAllowed, $"L'exercice « to » ({t}) précède « from » ({f}).", $"'to' ({t}) precedes 'from' ({f}).");
        }
        if (programme is not null && TextRules.IdProblem(programme) is { } programmeProblem)
        {
            errors.Add("programme", programmeProblem);
        }
        if (errors.HasErrors)
        {
            return Outcome<(PortfolioResponse, PortfolioFormat)>.Invalid(errors);
        }

        await BackfillAsync(caller.Workspace, cancellation);
        var aliases = await store.AliasesAsync(caller.Workspace, cancellation);
        // With aliases, ids are merged after the sums: the funder is then filtered here rather than in SQL.
        bool filterInSql = key is not null && aliases.Count == 0;
        var data = await store.QueryAsync(caller.Workspace, new PortfolioQuery(filterInSql ? key : null, filterInSql ? funder : null, from, to,
            chosen switch
            {
                PortfolioPlanStatus.Signed => PortfolioStatus.Signed,
                PortfolioPlanStatus.Draft => PortfolioStatus.Draft,
                PortfolioPlanStatus.Archived => PortfolioStatus.Archived,
                _ => PortfolioStatus.Active,
            }, programme, WithPlans: key is not null), cancellation);
        // Filtered in SQL, every key found is the funder's (its id's and its SIREN's); else the aliases' canonical key.
        var response = Assemble(data, key is null || filterInSql ? null : Canonical(key, aliases), withPlans: key is not null);
        if (envelopes is not null && await envelopes.ListAsync(caller.Workspace, key, cancellation) is { Count: > 0 } list)
        {
            response = response with { Envelopes = list };
        }
        return Outcome<(PortfolioResponse, PortfolioFormat)>.Success((response, chosenFormat));
    }

    /// <summary>Says that a funder id is the same body as another in the workspace (or forgets it).</summary>
    public async Task<Outcome<IReadOnlyDictionary<string, string>>> AliasAsync(Caller caller, FunderAliasRequest request, CancellationToken cancellation)
    {
        var errors = new RequestErrors();
        if (TextRules.IdProblem(request.FunderId ?? "") is { } problem)
        {
            errors.Add("funderId", problem);
        }
        if (request.SameAs is not null && TextRules.IdProblem(request.SameAs) is { } sameProblem)
        {
            errors.Add("sameAs", sameProblem);
        }
        if (request.SameAs == request.FunderId)
        {
            errors.Add("sameAs", ErrorCodes.ValueNotAllowed, "Un identifiant ne peut pas être l'alias de lui-même.", "An id cannot be its own alias.");
        }
        if (errors.HasErrors)
        {
            return Outcome<IReadOnlyDictionary<string, string>>.Invalid(errors);
        }
        var aliases = await store.AliasesAsync(caller.Workspace, cancellation);
        // No cycle: the id it points to must not lead back to it.
        for (string? next = request.SameAs; next is not null; next = aliases.GetValueOrDefault(next))
        {
            if (next == request.FunderId)
            {
                errors.Add("sameAs", ErrorCodes.ValueNotAllowed, $"« {request.SameAs} » est déjà un alias de « {request.FunderId} » : les deux formeraient une boucle.",
                    $"'{request.SameAs}' is already an alias of '{request.FunderId}': the two would form a loop.");
                return Outcome<IReadOnlyDictionary<string, string>>.Invalid(errors);
            }
        }
        await store.SetAliasAsync(caller.Workspace, request.FunderId!, request.SameAs, cancellation);
        return Outcome<IReadOnlyDictionary<string, string>>.Success(await store.AliasesAsync(caller.Workspace, cancellation));
    }

    /// <summary>The portfolio as CSV: one line per funder and budget year, French dialect, with a byte order mark.</summary>
    public static byte[] Csv(PortfolioResponse portfolio)
    {
        var text = new StringBuilder();
        text.Append("Financeur;Identifiant;SIREN;Exercice;Engagé : contribution (€);Engagé : versements (€);Prévu : contribution (€);Prévu : versements (€);Reçu (€);Dû sur le réalisé (€);Reste à verser (€);Reste dû au porteur (€)\r\n");
        foreach (var funder in portfolio.Funders)
        {
            foreach (var year in funder.Years.Append(funder.Total))
            {
                text.Append(Field(funder.Name)).Append(';').Append(funder.Id).Append(';').Append(funder.Siren).Append(';')
                    .Append(year.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "Total").Append(';')
                    .AppendJoin(';', new[]
                    {
                        year.Committed.Contribution, year.Committed.Payment, year.Planned.Contribution, year.Planned.Payment,
                        year.Received, year.Due, year.RemainingToPay, year.OwedToIt,
                    }.Select(a => a.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')))
                    .Append("\r\n");
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The portfolio as a workbook: one sheet per view, funders by budget year, totals as live formulas.</summary>
    public static byte[] Workbook(PortfolioResponse portfolio)
    {
        int[] years = [.. portfolio.Years.Select(y => y.Year!.Value)];
        Documents.PortfolioView View(string name, Func<PortfolioYearOutput, decimal> amount) => new(name, [.. portfolio.Funders.Select(f =>
            new Documents.PortfolioViewRow(f.Name, f.Siren ?? f.Id, [.. years.Select(y => Money.Euros(f.Years.FirstOrDefault(v => v.Year == y) is { } v ? amount(v) : 0m))]))]);
        return Documents.PortfolioWorkbook.Build("Portefeuille des cofinancements",
            years,
            [
                View("Engagé — contributions", y => y.Committed.Contribution),
                View("Engagé — versements", y => y.Committed.Payment),
                View("Prévu — contributions", y => y.Planned.Contribution),
                View("Prévu — versements", y => y.Planned.Payment),
                View("Reçu", y => y.Received),
                View("Dû sur le réalisé", y => y.Due),
                View("Reste à verser", y => y.RemainingToPay),
                View("Reste dû au porteur", y => y.OwedToIt),
            ]);
    }

    private static string Field(string text) => text.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>The key an id's figures are counted under, once its aliases are followed.</summary>
    private static string Canonical(string key, IReadOnlyDictionary<string, string> aliases)
    {
        if (!key.StartsWith("id:", StringComparison.Ordinal))
        {
            return key;
        }
        string id = key[3..];
        for (int depth = 0; depth < 100 && aliases.TryGetValue(id, out var next); depth++)
        {
            id = next;
        }
        return "id:" + id;
    }

    /// <summary>Computes, once, the rows of versions and entries saved before the portfolio existed.</summary>
    private async Task BackfillAsync(string workspace, CancellationToken cancellation)
    {
        // The workspace's own programmes, read only when there is something to catch up with.
        Programmes.ProgrammeLookup? lookup = null;
        async ValueTask<Programmes.ProgrammeLookup> Lookup() => lookup ??= programmes is null ? Programmes.ProgrammeLookup.National : await programmes.AllAsync(workspace, cancellation);
        while (await store.UnstoredVersionsAsync(workspace, BackfillBatch, cancellation) is { Count: > 0 } versions)
        {
            await Lookup();
            var figures = new List<VersionFigures>(versions.Count);
            foreach (var v in versions)
            {
                var plan = JsonSerializer.Deserialize<PlanRequest>(v.PlanJson, Options)!;
                if (v.SignedAnswer is { } signed)
                {
                    // An import now refuses a signed answer it cannot read; one kept from before keeps no rows, like a
                    // version the engine refuses, rather than failing every portfolio of the workspace.
                    figures.Add(PortfolioFigures.TrySignedVersion(plan, signed) is { } rows ? rows.For(v.PlanId, v.Number) : new VersionFigures(v.PlanId, v.Number, null, []));
                    continue;
                }
                // A version the engine of today refuses keeps no rows: it is marked, so as not to be tried again.
                var answer = Plans.PlanService.Evaluate(plan, null, lookup!).Value;
                figures.Add(answer is null ? new VersionFigures(v.PlanId, v.Number, null, []) : PortfolioFigures.Version(plan, answer).For(v.PlanId, v.Number));
            }
            await store.StoreAsync(workspace, figures, [], cancellation);
        }
        while (await store.UnstoredExecutionsAsync(workspace, BackfillBatch, cancellation) is { Count: > 0 } entries)
        {
            await Lookup();
            var figures = new List<ExecutionFigures>(entries.Count);
            foreach (var e in entries)
            {
                var version = await plans.GetVersionAsync(workspace, e.PlanId, e.Version, cancellation);
                var request = JsonSerializer.Deserialize<RecordExecutionRequest>(e.ExecutionJson, Options)!;
                var computed = version is null ? null : Execution.ExecutionService.Evaluate(new ExecutionRequest
                {
                    Plan = JsonSerializer.Deserialize<PlanRequest>(version.PlanJson, Options)!,
                    ActualExpenses = request.ActualExpenses,
                    MonthlyExpenses = request.MonthlyExpenses,
                    Receipts = request.Receipts,
                }, null, lookup!).Value;
                // A signed answer kept damaged from before imports checked them gives no rows, like a plan the engine refuses.
                var voted = computed is null || version is null ? null
                    : version.Signature is { } signature ? SavedPlanService.TrySignedResult(signature.Answer)
                    : SavedPlanService.Answer(version, lookup!);
                figures.Add(new ExecutionFigures(e.PlanId, e.Number, voted is null ? [] : PortfolioFigures.Execution(voted, request, computed!)));
            }
            await store.StoreAsync(workspace, [], figures, cancellation);
        }
    }

    /// <summary>The response: each funder key's views merged (aliases followed), by name, each year and the totals.</summary>
    private static PortfolioResponse Assemble(PortfolioData data, string? only, bool withPlans)
    {
        var cells = new Dictionary<(string Key, int Year), long[]>();
        void Add(IEnumerable<PortfolioCell> source, int first, int second)
        {
            foreach (var c in source)
            {
                var k = (Canonical(c.Key, data.Aliases), c.Year);
                if (!cells.TryGetValue(k, out var values))
                {
                    cells[k] = values = new long[10];
                }
                values[first] += c.First;
                if (second >= 0)
                {
                    values[second] += c.Second;
                }
            }
        }
        // 0, 1: committed contribution, payment; 2, 3: planned; 4, 5: received, due; 6: committed payment of the funder
        // where it is not the carrier; 7: others' committed payments to it as a carrier; 8: others' receipts to it.
        Add(data.Committed, 0, 1);
        Add(data.Planned, 2, 3);
        Add(data.Executed, 4, 5);
        Add(data.CommittedNotCarrier, 6, -1);
        Add(data.CarrierCommittedPayments, 7, -1);
        Add(data.CarrierReceived, 8, -1);

        var names = new Dictionary<string, PortfolioName>(StringComparer.Ordinal);
        foreach (var n in data.Names.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            string canonical = Canonical(n.Key, data.Aliases);
            // The body's own id names it when an alias points to it; else the first id seen.
            if (!names.TryGetValue(canonical, out var known) || n.Key == canonical)
            {
                names[canonical] = known is null || n.Key == canonical ? n : known;
            }
        }
        var plansByKey = data.Plans.GroupBy(p => Canonical(p.Key, data.Aliases)).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        // One pass over the cells: each funder key's years, in order.
        var funders = cells.GroupBy(c => c.Key.Key, StringComparer.Ordinal)
            .Where(g => only is null || g.Key == only)
            .Select(g =>
            {
                string key = g.Key;
                var years = g.OrderBy(c => c.Key.Year).Select(c => Year(c.Key.Year, c.Value)).ToArray();
                var name = names.GetValueOrDefault(key);
                return new PortfolioFunderOutput
                {
                    Id = name?.FunderId ?? key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..],
                    Siren = name?.Siren,
                    Name = name?.Name ?? key,
                    Years = years,
                    Total = Sum(null, years),
                    Plans = !withPlans ? null : (plansByKey.GetValueOrDefault(key) ?? [])
                        .OrderBy(p => p.View, StringComparer.Ordinal).ThenBy(p => p.PlanName, StringComparer.Ordinal).ThenBy(p => p.PlanId, StringComparer.Ordinal)
                        .Select(p => new PortfolioPlanOutput
                        {
                            PlanId = p.PlanId,
                            Name = p.PlanName,
                            Version = p.Version,
                            Status = p.Status == PlanStore.Archived ? "archived" : p.Signed ? "signed" : "draft",
                            View = p.View,
                            Href = $"/v1/saved-plans/{p.PlanId}/versions/{p.Version}",
                        }).ToArray(),
                };
            })
            .OrderBy(f => f.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase)).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToArray();
        var totals = funders.SelectMany(f => f.Years).GroupBy(y => y.Year!.Value).OrderBy(g => g.Key).Select(g => Sum(g.Key, g)).ToArray();
        return new PortfolioResponse { Funders = funders, Years = totals, Total = Sum(null, totals) };
    }

    private static PortfolioYearOutput Year(int year, long[] v) => new()
    {
        Year = year,
        Committed = new ContributionPaymentOutput { Contribution = PortfolioFigures.Euros(v[0]), Payment = PortfolioFigures.Euros(v[1]) },
        Planned = new ContributionPaymentOutput { Contribution = PortfolioFigures.Euros(v[2]), Payment = PortfolioFigures.Euros(v[3]) },
        Received = PortfolioFigures.Euros(v[4]),
        Due = PortfolioFigures.Euros(v[5]),
        RemainingToPay = PortfolioFigures.Euros(v[6] - v[4]),
        OwedToIt = PortfolioFigures.Euros(v[7] - v[8]),
    };

    private static PortfolioYearOutput Sum(int? year, IEnumerable<PortfolioYearOutput> years)
    {
        var list = years.ToArray();
        decimal Add(Func<PortfolioYearOutput, decimal> amount) => Money.FromCents(list.Sum(y => PortfolioFigures.Cents(amount(y)))).Amount;
        return new PortfolioYearOutput
        {
            Year = year,
            Committed = new ContributionPaymentOutput { Contribution = Add(y => y.Committed.Contribution), Payment = Add(y => y.Committed.Payment) },
            Planned = new ContributionPaymentOutput { Contribution = Add(y => y.Planned.Contribution), Payment = Add(y => y.Planned.Payment) },
            Received = Add(y => y.Received),
            Due = Add(y => y.Due),
            RemainingToPay = Add(y => y.RemainingToPay),
            OwedToIt = Add(y => y.OwedToIt),
        };
    }
}
