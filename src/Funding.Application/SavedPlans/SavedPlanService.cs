using System.Text.Json;
using Funding.Application.Execution;
using Funding.Application.Plans;
using Funding.Application.Portfolio;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Formatting;
using Funding.Plans;
using Funding.Storage;

namespace Funding.Application.SavedPlans;

/// <summary>
/// Living plans: saved in a workspace, amended version by version (each immutable), signed when a council votes them
/// (the answer is then frozen, byte for byte), compared, archived; their execution recorded entry by entry. Every use
/// case works in the caller's workspace.
/// </summary>
internal sealed class SavedPlanService(Database database, PlanStore plans, ExecutionStore executions, Programmes.WorkspaceProgrammeService programmes,
    EnvelopeService? envelopes = null)
{
    /// <summary>Plans listed per page.</summary>
    public const int PageSize = 20;

    /// <summary>The last page that may be asked for.</summary>
    public const int MaxPage = 100_000;

    private static JsonSerializerOptions Options => ApiJson.Options;

    /// <summary>Saves a plan as version 1 of a new saved plan.</summary>
    public async Task<Outcome<SavedPlanVersionResponse>> CreateAsync(Caller caller, SavePlanRequest request, CancellationToken cancellation)
    {
        var lookup = await programmes.ForPlansAsync(caller.Workspace, [request.Plan], cancellation);
        var (plan, comment, errors) = Read(request, lookup);
        if (plan is null)
        {
            return Outcome<SavedPlanVersionResponse>.Invalid(errors);
        }
        // Computed once: the answer, and the portfolio's rows written with the version.
        var result = PlanService.Evaluate(request.Plan, null, lookup).Value!;
        var figures = PortfolioFigures.Version(request.Plan, result);
        var version = await plans.CreateAsync(caller.Workspace, plan.Name, Json(request.Plan), caller.Actor, comment, figures, cancellation);
        return Outcome<SavedPlanVersionResponse>.Success(Response(version, request.Plan, await WithEnvelopeChecksAsync(caller, version.PlanId, result, figures, cancellation)));
    }

    /// <summary>The workspace's saved plans, the latest changed first, <see cref="PageSize"/> a page.</summary>
    public async Task<Outcome<SavedPlanListResponse>> ListAsync(Caller caller, string? search, int? page, bool? archived, CancellationToken cancellation)
    {
        var errors = new RequestErrors();
        if (page is < 1 or > MaxPage)
        {
            errors.Add("page", ErrorCodes.ValueNotAllowed, $"La page {page} n'existe pas : elle va de 1 à {MaxPage}.", $"Page {page} is out of range: from 1 to {MaxPage}.");
        }
        if (search is { Length: > FundingLimits.MaxTextLength })
        {
            errors.Add("search", TextRules.TooLong(new Subject("la recherche", "the search"), search.Length, FundingLimits.MaxTextLength));
        }
        if (errors.HasErrors)
        {
            return Outcome<SavedPlanListResponse>.Invalid(errors);
        }
        var (found, total) = await plans.ListAsync(caller.Workspace, search, page ?? 1, PageSize, archived ?? false, cancellation);
        return Outcome<SavedPlanListResponse>.Success(new SavedPlanListResponse
        {
            Plans = [.. found.Select(p => new SavedPlanSummaryOutput
            {
                Id = p.Id, Name = p.Name, LatestVersion = p.LatestVersion, Status = p.Status, CreatedAt = p.CreatedAt, UpdatedAt = p.UpdatedAt, Href = $"/v1/saved-plans/{p.Id}",
            })],
            Page = page ?? 1,
            PageSize = PageSize,
            Total = total,
        });
    }

    /// <summary>A version (the latest when <paramref name="number"/> is null): computed now, or the bytes frozen when it was signed.</summary>
    public async Task<Outcome<VersionAnswer>> VersionAsync(Caller caller, string id, int? number, CancellationToken cancellation)
    {
        if (number is null)
        {
            var summary = await plans.GetSummaryAsync(caller.Workspace, id, cancellation);
            if (summary is null)
            {
                return Outcome<VersionAnswer>.Fail(SavedPlanFailures.NotFound(id));
            }
            number = summary.LatestVersion;
        }
        var version = await plans.GetVersionAsync(caller.Workspace, id, number.Value, cancellation);
        if (version is null)
        {
            return Outcome<VersionAnswer>.Fail(SavedPlanFailures.NotFound(id));
        }
        return Outcome<VersionAnswer>.Success(version.Signature is { } signature
            ? new VersionAnswer(version.Number, null, signature.Answer)
            : new VersionAnswer(version.Number, Computed(version, await ProgrammesOf(caller, version, cancellation)), null));
    }

    /// <summary>Saves a new version, if <paramref name="match"/> names the latest one.</summary>
    public async Task<Outcome<SavedPlanVersionResponse>> UpdateAsync(Caller caller, string id, VersionMatch match, SavePlanRequest request, CancellationToken cancellation)
    {
        int expected;
        if (match.Number is { } number)
        {
            expected = number;
        }
        else
        {
            var current = await plans.GetSummaryAsync(caller.Workspace, id, cancellation);
            if (current is null)
            {
                return Outcome<SavedPlanVersionResponse>.Fail(SavedPlanFailures.NotFound(id));
            }
            if (!match.Given)
            {
                return Outcome<SavedPlanVersionResponse>.Fail(SavedPlanFailures.IfMatchRequired(current.LatestVersion));
            }
            expected = current.LatestVersion;
        }
        var lookup = await programmes.ForPlansAsync(caller.Workspace, [request.Plan], cancellation);
        var (plan, comment, errors) = Read(request, lookup);
        if (plan is null)
        {
            return Outcome<SavedPlanVersionResponse>.Invalid(errors);
        }
        var result = PlanService.Evaluate(request.Plan, null, lookup).Value!;
        var figures = PortfolioFigures.Version(request.Plan, result);
        var outcome = await plans.UpdateAsync(caller.Workspace, id, expected, plan.Name, Json(request.Plan), caller.Actor, comment, figures, cancellation);
        return !outcome.Found ? Outcome<SavedPlanVersionResponse>.Fail(SavedPlanFailures.NotFound(id))
            : outcome.Archived ? Outcome<SavedPlanVersionResponse>.Fail(SavedPlanFailures.Archived)
            : outcome.Saved is null ? Outcome<SavedPlanVersionResponse>.Fail(SavedPlanFailures.Stale(expected, outcome.CurrentVersion!.Value))
            : Outcome<SavedPlanVersionResponse>.Success(Response(outcome.Saved, request.Plan, await WithEnvelopeChecksAsync(caller, id, result, figures, cancellation)));
    }

    /// <summary>Archives a saved plan: nothing is destroyed.</summary>
    public async Task<Outcome<bool>> ArchiveAsync(Caller caller, string id, CancellationToken cancellation) =>
        await plans.ArchiveAsync(caller.Workspace, id, caller.Actor, cancellation) ? Outcome<bool>.Success(true) : Outcome<bool>.Fail(SavedPlanFailures.NotFound(id));

    /// <summary>Every version of a saved plan, with its author, comment and signature.</summary>
    public async Task<Outcome<VersionSummaryOutput[]>> VersionsAsync(Caller caller, string id, CancellationToken cancellation)
    {
        var versions = await plans.ListVersionsAsync(caller.Workspace, id, cancellation);
        return versions.Count == 0 ? Outcome<VersionSummaryOutput[]>.Fail(SavedPlanFailures.NotFound(id)) : Outcome<VersionSummaryOutput[]>.Success([.. versions.Select(v => new VersionSummaryOutput
        {
            Number = v.Number, CreatedAt = v.CreatedAt, Author = v.Author, Comment = v.Comment, Signature = v.Signature is { } s ? Output(s) : null,
        })]);
    }

    /// <summary>What an amendment changed: version <paramref name="a"/> as the baseline, <paramref name="b"/> as the variant.</summary>
    public async Task<Outcome<CompareResponse>> CompareAsync(Caller caller, string id, int a, int b, CancellationToken cancellation)
    {
        var first = await plans.GetVersionAsync(caller.Workspace, id, a, cancellation);
        var second = await plans.GetVersionAsync(caller.Workspace, id, b, cancellation);
        if (first is null || second is null)
        {
            return Outcome<CompareResponse>.Fail(SavedPlanFailures.NotFound(id));
        }
        var request = new CompareRequest { Baseline = PlanOf(first), Variant = PlanOf(second) };
        return PlanService.Compare(request, await programmes.ForPlansAsync(caller.Workspace, [request.Baseline, request.Variant], cancellation));
    }

    /// <summary>Freezes a voted version: its answer is stored as computed now, and answered as stored.</summary>
    public async Task<Outcome<VersionAnswer>> SignAsync(Caller caller, string id, int number, SignRequest request, CancellationToken cancellation)
    {
        var errors = new RequestErrors();
        string reference = errors.Text(request.Reference, "reference", new Subject("la référence", "the reference"));
        if (request.Reference is { } text && TextRules.TextProblem(text) is { } problem)
        {
            errors.Add("reference", problem);
        }
        if (request.VotedOn.Year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
        {
            errors.Add("votedOn", ErrorCodes.DateOutOfRange, $"La date du vote est hors limites ({FundingLimits.MinYear}–{FundingLimits.MaxYear}).", $"The vote's date is out of range ({FundingLimits.MinYear}–{FundingLimits.MaxYear}).");
        }
        if (errors.HasErrors)
        {
            return Outcome<VersionAnswer>.Invalid(errors);
        }
        var version = await plans.GetVersionAsync(caller.Workspace, id, number, cancellation);
        if (version is null)
        {
            return Outcome<VersionAnswer>.Fail(SavedPlanFailures.NotFound(id));
        }
        if (version.Signature is null)
        {
            var signedAt = database.Now();
            var signature = new SignatureOutput
            {
                VotedOn = request.VotedOn,
                Reference = reference,
                SignedAt = signedAt,
                SignedBy = caller.Name,
                CalculationVersion = CalculationVersion.Current,
            };
            var signed = Computed(version, await ProgrammesOf(caller, version, cancellation), signature);
            byte[] answer = JsonSerializer.SerializeToUtf8Bytes(signed, Options);
            if (await plans.SignAsync(caller.Workspace, id, number, NodaTime.Text.LocalDatePattern.Iso.Format(request.VotedOn), reference, caller.Actor, CalculationVersion.Current, answer, signedAt,
                PortfolioFigures.Version(signed.Plan, signed.Result), cancellation))
            {
                return Outcome<VersionAnswer>.Success(new VersionAnswer(number, null, answer));
            }
        }
        return Outcome<VersionAnswer>.Fail(SavedPlanFailures.AlreadySigned);
    }

    /// <summary>A signed version recomputed with today's rules, beside the signed figures.</summary>
    public async Task<Outcome<RecomputeResponse>> RecomputeAsync(Caller caller, string id, int number, CancellationToken cancellation)
    {
        var version = await plans.GetVersionAsync(caller.Workspace, id, number, cancellation);
        if (version is null)
        {
            return Outcome<RecomputeResponse>.Fail(SavedPlanFailures.NotFound(id));
        }
        if (version.Signature is not { } signature)
        {
            return Outcome<RecomputeResponse>.Fail(SavedPlanFailures.NotSigned);
        }
        var signed = JsonSerializer.Deserialize<SavedPlanVersionResponse>(signature.Answer, ApiJson.StoredOptions)!;
        var current = Computed(version, await ProgrammesOf(caller, version, cancellation), signed.Signature);
        byte[] currentBytes = JsonSerializer.SerializeToUtf8Bytes(current with { Result = current.Result with { CalculationVersion = signed.Result.CalculationVersion } }, Options);
        var before = signed.Result.Funders.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var after = current.Result.Funders.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var funders = before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))).Select(fid => new RecomputedFunderOutput
        {
            Id = fid,
            Name = (after.GetValueOrDefault(fid) ?? before[fid]).Name,
            // Through Money, so that every amount is written with its two decimals, like the plan's answers.
            SignedTotal = before.GetValueOrDefault(fid) is { } b ? Money.Euros(b.Total).Amount : null,
            CurrentTotal = after.GetValueOrDefault(fid) is { } c ? Money.Euros(c.Total).Amount : null,
            Difference = Money.Euros((after.GetValueOrDefault(fid)?.Total ?? 0m) - (before.GetValueOrDefault(fid)?.Total ?? 0m)).Amount,
        }).ToArray();
        var changed = funders.Where(f => f.Difference != 0m).ToArray();
        bool identical = currentBytes.AsSpan().SequenceEqual(signature.Answer);
        string sentence = changed.Length == 0
            ? $"Avec les règles {CalculationVersion.Current}, les montants votés (règles {signature.CalculationVersion}) sont inchangés{(identical ? ", au caractère près" : " ; seuls des textes ou des champs ajoutés diffèrent")}."
            : $"Avec les règles {CalculationVersion.Current}, {changed.Length} montant(s) diffère(nt) de ceux votés (règles {signature.CalculationVersion}) : " +
              string.Join(" ; ", changed.Select(f => $"{f.Name} {FrenchFormat.Money(Money.Euros(f.SignedTotal ?? 0m))} → {FrenchFormat.Money(Money.Euros(f.CurrentTotal ?? 0m))}")) + ".";
        return Outcome<RecomputeResponse>.Success(new RecomputeResponse
        {
            Number = number,
            SignedCalculationVersion = signature.CalculationVersion,
            CurrentCalculationVersion = CalculationVersion.Current,
            Identical = identical && signature.CalculationVersion == CalculationVersion.Current,
            Funders = funders,
            Sentence = sentence,
        });
    }

    /// <summary>Records what was spent and received (a new entry, never changed), computed first: an entry the engine refuses is not kept.</summary>
    public async Task<Outcome<ExecutionEntryResponse>> RecordExecutionAsync(Caller caller, string id, RecordExecutionRequest request, CancellationToken cancellation)
    {
        var versions = await plans.ListVersionsAsync(caller.Workspace, id, cancellation);
        if (versions.Count == 0)
        {
            return Outcome<ExecutionEntryResponse>.Fail(SavedPlanFailures.NotFound(id));
        }
        int number = request.Version ?? (versions.LastOrDefault(v => v.Signature is not null) ?? versions[^1]).Number;
        var version = versions.FirstOrDefault(v => v.Number == number);
        var errors = new RequestErrors();
        if (version is null)
        {
            errors.Add("version", ErrorCodes.ValueNotAllowed, $"Le plan n'a pas de version {number} : ses versions vont de 1 à {versions[^1].Number}.",
                $"The plan has no version {number}: its versions run from 1 to {versions[^1].Number}.");
            return Outcome<ExecutionEntryResponse>.Invalid(errors);
        }
        string comment = Comment(request.Comment, errors);
        if (errors.HasErrors)
        {
            return Outcome<ExecutionEntryResponse>.Invalid(errors);
        }
        var lookup = await ProgrammesOf(caller, version, cancellation);
        var computed = Execution(version, request, lookup);
        if (computed.Value is not { } result)
        {
            return computed.As<ExecutionEntryResponse>();
        }
        var entry = await executions.RecordAsync(caller.Workspace, id, number, caller.Actor, comment,
            JsonSerializer.Serialize(request with { Version = number, Comment = comment }, Options),
            PortfolioFigures.Execution(Answer(version, lookup), request, result), cancellation);
        return entry is null ? Outcome<ExecutionEntryResponse>.Fail(SavedPlanFailures.NotFound(id)) : Outcome<ExecutionEntryResponse>.Success(EntryResponse(entry, result));
    }

    /// <summary>The execution history of a saved plan, without figures.</summary>
    public async Task<Outcome<ExecutionEntryResponse[]>> ExecutionsAsync(Caller caller, string id, CancellationToken cancellation)
    {
        if (await plans.GetSummaryAsync(caller.Workspace, id, cancellation) is null)
        {
            return Outcome<ExecutionEntryResponse[]>.Fail(SavedPlanFailures.NotFound(id));
        }
        var entries = await executions.ListAsync(caller.Workspace, id, cancellation);
        return Outcome<ExecutionEntryResponse[]>.Success([.. entries.Select(e => EntryResponse(e, null))]);
    }

    /// <summary>A recorded entry with its balances, computed for the version it applies to.</summary>
    public async Task<Outcome<ExecutionEntryResponse>> ExecutionAsync(Caller caller, string id, int number, CancellationToken cancellation)
    {
        var entry = await executions.GetAsync(caller.Workspace, id, number, cancellation);
        var version = entry is null ? null : await plans.GetVersionAsync(caller.Workspace, id, entry.Version, cancellation);
        if (entry is null || version is null)
        {
            return Outcome<ExecutionEntryResponse>.Fail(SavedPlanFailures.NotFound(id));
        }
        var computed = Execution(version, JsonSerializer.Deserialize<RecordExecutionRequest>(entry.ExecutionJson, Options)!, await ProgrammesOf(caller, version, cancellation));
        return computed.Value is { } result ? Outcome<ExecutionEntryResponse>.Success(EntryResponse(entry, result)) : computed.As<ExecutionEntryResponse>();
    }

    private static Outcome<ExecutionResponse> Execution(PlanVersion version, RecordExecutionRequest request, Programmes.ProgrammeLookup lookup) =>
        ExecutionService.Evaluate(new ExecutionRequest
        {
            Plan = PlanOf(version),
            ActualExpenses = request.ActualExpenses,
            MonthlyExpenses = request.MonthlyExpenses,
            Receipts = request.Receipts,
        }, null, lookup);

    /// <summary>The programme a version's plan names, read from the caller's workspace when it is one of its own.</summary>
    private ValueTask<Programmes.ProgrammeLookup> ProgrammesOf(Caller caller, PlanVersion version, CancellationToken cancellation) =>
        programmes.ForPlansAsync(caller.Workspace, [PlanOf(version)], cancellation);

    private static ExecutionEntryResponse EntryResponse(ExecutionEntry entry, ExecutionResponse? result) => new()
    {
        PlanId = entry.PlanId,
        Number = entry.Number,
        Version = entry.Version,
        CreatedAt = entry.CreatedAt,
        Author = entry.Author,
        Comment = entry.Comment,
        Execution = JsonSerializer.Deserialize<RecordExecutionRequest>(entry.ExecutionJson, Options)!,
        Result = result,
    };

    /// <summary>The plan of a save request, validated; null with the errors (under <c>plan.</c>) otherwise.</summary>
    private static (Plan? Plan, string Comment, RequestErrors Errors) Read(SavePlanRequest request, Programmes.ProgrammeLookup lookup)
    {
        var errors = new RequestErrors();
        // A programme the workspace does not know is refused on plan.programme.id, before anything is stored.
        var plan = Programmes.ProgrammeService.Attach(request.Plan, PlanMapping.ToDomain(request.Plan, errors, "plan"), errors, "plan", lookup);
        if (plan is not null && !errors.HasErrors)
        {
            errors.AddRange(PlanValidator.Validate(plan), "plan");
        }
        string comment = Comment(request.Comment, errors);
        return (errors.HasErrors ? null : plan, comment, errors);
    }

    /// <summary>A version's or an entry's comment: empty when absent, refused (on <c>comment</c>) when too long or holding forbidden characters.</summary>
    private static string Comment(string? text, RequestErrors errors)
    {
        string comment = text ?? "";
        if (comment.Length > FundingLimits.MaxDescriptionLength)
        {
            errors.Add("comment", TextRules.TooLong(new Subject("le commentaire", "the comment"), comment.Length, FundingLimits.MaxDescriptionLength));
        }
        else if (TextRules.TextProblem(comment, multiLine: true) is { } problem)
        {
            errors.Add("comment", problem);
        }
        return comment;
    }

    private static string Json(PlanRequest plan) => JsonSerializer.Serialize(plan, Options);

    private static PlanRequest PlanOf(PlanVersion version) => JsonSerializer.Deserialize<PlanRequest>(version.PlanJson, Options)!;

    /// <summary>A version with its figures computed now (or, for a signed one, the signature it carries).</summary>
    private static SavedPlanVersionResponse Computed(PlanVersion version, Programmes.ProgrammeLookup lookup, SignatureOutput? signature = null)
    {
        var plan = PlanOf(version);
        return Response(version, plan, PlanService.Evaluate(plan, null, lookup).Value!, signature);
    }

    private static SavedPlanVersionResponse Response(PlanVersion version, PlanRequest plan, PlanResponse result, SignatureOutput? signature = null) => new()
    {
        PlanId = version.PlanId,
        Number = version.Number,
        CreatedAt = version.CreatedAt,
        Author = version.Author,
        Comment = version.Comment,
        Plan = plan,
        Result = result,
        Signature = signature,
    };

    /// <summary>The answer of a version just saved, with a warning for each envelope the plans would now exceed.</summary>
    private async Task<PlanResponse> WithEnvelopeChecksAsync(Caller caller, string planId, PlanResponse result, Funding.Storage.FigureSet figures, CancellationToken cancellation)
    {
        if (envelopes is null)
        {
            return result;
        }
        var warnings = await envelopes.ChecksAsync(caller.Workspace, planId, figures, cancellation);
        return warnings.Count == 0 ? result : result with { Checks = [.. result.Checks ?? [], .. warnings] };
    }

    /// <summary>A version's answer: the one frozen at its signature, or computed now.</summary>
    internal static PlanResponse Answer(PlanVersion version, Programmes.ProgrammeLookup lookup) => version.Signature is { } signature
        ? JsonSerializer.Deserialize<SavedPlanVersionResponse>(signature.Answer, ApiJson.StoredOptions)!.Result
        : PlanService.Evaluate(PlanOf(version), null, lookup).Value!;

    /// <summary>
    /// A signed answer's figures read whole, or null when its bytes are not a version response: an export edited by hand,
    /// or an answer kept damaged from before imports checked them.
    /// </summary>
    internal static PlanResponse? TrySignedResult(byte[] answer)
    {
        try
        {
            return JsonSerializer.Deserialize<SavedPlanVersionResponse>(answer, ApiJson.StoredOptions)?.Result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SignatureOutput Output(VersionSignature signature) => new()
    {
        VotedOn = NodaTime.Text.LocalDatePattern.Iso.Parse(signature.VotedOn).Value,
        Reference = signature.Reference,
        SignedAt = signature.SignedAt,
        SignedBy = signature.SignedBy,
        CalculationVersion = signature.CalculationVersion,
    };
}
