using Funding.Catalogue;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Rules;
using NodaTime;

namespace Funding.Application.Programmes;

/// <summary>
/// The programme use cases: the catalogue listed and shown as in force on a day, a plan started from a programme, and
/// the programme's terms attached to a plan that names it (for its <c>programme-conformity</c> check).
/// </summary>
internal static class ProgrammeService
{
    private static ProgrammeCatalog Catalog => ProgrammeCatalog.Default;

    /// <summary>
    /// The programmes, each said in force or not on <paramref name="dateText"/>, those <paramref name="applicant"/> may
    /// carry: the national ones, then the workspace's own (each at its latest version, marked local).
    /// </summary>
    public static Outcome<ProgrammeSummaryOutput[]> List(string? dateText, Choice<FunderKind>? applicant, ProgrammeLookup? programmes = null)
    {
        var errors = new RequestErrors();
        FunderKind? kind = applicant is null ? null : errors.Choose(applicant, "applicant");
        var date = Day(dateText, errors);
        if (errors.HasErrors)
        {
            return Outcome<ProgrammeSummaryOutput[]>.Invalid(errors);
        }
        var day = date ?? LocalDate.MinIsoValue;
        var all = Catalog.Programmes.Select(p => (File: p, Version: (int?)null))
            .Concat((programmes ?? ProgrammeLookup.National).Latest.Select(l => (l.File, Version: (int?)l.Version)));
        return Outcome<ProgrammeSummaryOutput[]>.Success([.. all
            .Where(x => kind is not { } k || x.File.Applicants.Contains(k))
            .Select(x => new ProgrammeSummaryOutput
            {
                Id = x.File.Id,
                Local = x.Version is not null,
                Version = x.Version,
                Name = x.File.Name,
                Description = x.File.Description,
                Applicants = x.File.Applicants,
                InForce = date is null || x.File.Validity.On(day) is not null,
                Validity = [.. x.File.Validity.Select(v => new ProgrammePeriodOutput { From = v.From, To = v.To })],
                Sources = x.File.Sources,
            })]);
    }

    /// <summary>
    /// A programme's rules in force on <paramref name="dateText"/>; without a date, those of the latest day the catalogue
    /// knows a change on. A local programme's <paramref name="version"/> (the latest when null).
    /// </summary>
    public static Outcome<ProgrammeOutput> Show(string id, string? dateText, int? version = null, ProgrammeLookup? programmes = null)
    {
        var errors = new RequestErrors();
        var date = Day(dateText, errors);
        programmes ??= ProgrammeLookup.National;
        if (version is not null && ProgrammeLookup.IsNational(id))
        {
            errors.Add("version", NationalHasNoVersion);
        }
        if (errors.HasErrors)
        {
            return Outcome<ProgrammeOutput>.Invalid(errors);
        }
        if (programmes.Find(id, version) is not var (programme, localVersion))
        {
            return Outcome<ProgrammeOutput>.Fail(NotFound(id, programmes, version));
        }
        var day = date ?? programme.Validity.Max(v => v.From);
        return Outcome<ProgrammeOutput>.Success(new ProgrammeOutput
        {
            Id = programme.Id,
            Local = localVersion is not null,
            Version = localVersion,
            Name = programme.Name,
            Description = programme.Description,
            RulesOf = day,
            InForce = programme.Validity.On(day) is not null,
            Applicants = programme.Applicants,
            MaxMonths = programme.MaxMonths.On(day)?.Value,
            Funders = [.. programme.Funders.Where(f => f.Rules.On(day) is not null).Select(f => new ProgrammeFunderOutput
            {
                Id = f.Id,
                Name = f.Name,
                Kind = f.Kind,
                Optional = f.Optional,
                Agreed = f.Agreed ?? [],
                Rule = f.Rules.On(day)!.Rule,
                Payment = f.Payment,
                Source = f.Rules.On(day)!.Source,
            })],
            SharedCeilings = [.. (programme.SharedCeilings ?? []).Where(c => c.AppliesOn(day))
                .Select(c => new ProgrammeCeilingOutput { Ceiling = c.Ceiling, When = c.When, Unless = c.Unless, Source = c.Source })],
            Options = programme.Options.On(day)?.Options,
            NotPublic = programme.NotPublic ?? [],
            Sources = programme.Sources,
        });
    }

    /// <summary>A plan started from a programme: its funders in force on the start with their rules, the agreed rates given, the ceilings, the carrier.</summary>
    /// <remarks>A local programme's plan names the version it was made from (<paramref name="version"/>, or the latest).</remarks>
    public static Outcome<PlanRequest> Plan(string id, ProgrammePlanRequest request, int? version = null, ProgrammeLookup? programmes = null)
    {
        programmes ??= ProgrammeLookup.National;
        if (version is not null && ProgrammeLookup.IsNational(id))
        {
            var invalid = new RequestErrors();
            invalid.Add("version", NationalHasNoVersion);
            return Outcome<PlanRequest>.Invalid(invalid);
        }
        if (programmes.Find(id, version) is not var (programme, localVersion))
        {
            return Outcome<PlanRequest>.Fail(NotFound(id, programmes, version));
        }
        var errors = new RequestErrors();
        var day = request.Start;
        if (programme.Validity.On(day) is null)
        {
            string periods = string.Join(", ", programme.Validity.Select(v => v.To is { } to ? $"du {Formatting.FrenchFormat.Date(v.From)} au {Formatting.FrenchFormat.Date(to)}" : $"depuis le {Formatting.FrenchFormat.Date(v.From)}"));
            errors.Add("start", ErrorCodes.ValueNotAllowed,
                $"Le dispositif « {programme.Name} » ne s'applique pas à un poste commençant le {Formatting.FrenchFormat.Date(day)} : il s'applique {periods}.",
                $"The programme '{programme.Name}' does not apply to a post starting on {day:yyyy-MM-dd}.");
        }
        if (!programme.Applicants.Contains(request.Carrier.Kind))
        {
            errors.Add("carrier.kind", ErrorCodes.ValueNotAllowed,
                $"Le dispositif « {programme.Name} » n'admet pas ce porteur ({request.Carrier.Kind.FrenchName()}) : il admet {string.Join(", ", programme.Applicants.Select(k => k.FrenchName()))}.",
                $"The programme '{programme.Name}' does not admit this carrier's kind.");
        }
        if (programme.MaxMonths.On(day) is { } max && request.Months > max.Value)
        {
            errors.Add("months", ErrorCodes.ValueNotAllowed,
                $"Le dispositif « {programme.Name} » finance au plus {max.Value} mois, pas {request.Months}.",
                $"The programme '{programme.Name}' funds at most {max.Value} months.");
        }
        var partners = request.Partners ?? [];
        var known = programme.Funders.ToDictionary(f => f.Id, StringComparer.Ordinal);
        for (int i = 0; i < partners.Count; i++)
        {
            if (partners[i] is null)
            {
                errors.Add($"partners[{i}]", ErrorCodes.FieldNull, "Ce partenaire est null.", "This partner is null.");
            }
            else if (!known.ContainsKey(partners[i].Id))
            {
                errors.Add($"partners[{i}].id", ErrorCodes.ValueNotAllowed,
                    $"« {partners[i].Id} » n'est pas un financeur du dispositif : {string.Join(", ", known.Keys)}.",
                    $"'{partners[i].Id}' is not one of the programme's funders.");
            }
            else if (partners.Take(i).Any(p => p?.Id == partners[i].Id))
            {
                errors.Add($"partners[{i}].id", ErrorCodes.ValueNotAllowed, $"« {partners[i].Id} » est donné deux fois.", $"'{partners[i].Id}' is given twice.");
            }
        }
        var funders = new List<FunderInput>();
        foreach (var entry in programme.Funders)
        {
            var partner = partners.FirstOrDefault(p => p?.Id == entry.Id);
            if ((entry.Optional && partner is null) || entry.Rules.On(day) is not { } rule)
            {
                continue;
            }
            var agreed = entry.Agreed ?? [];
            System.Text.Json.JsonElement? given = null;
            if (agreed.Contains("ratePercent"))
            {
                if (partner?.RatePercent is not { } rate)
                {
                    errors.Add("partners", ErrorCodes.FieldRequired,
                        $"Le taux de « {entry.Name} » se fixe par convention : donnez-le dans partners ({{\"id\": \"{entry.Id}\", \"ratePercent\": …}}), dans les plafonds du dispositif.",
                        $"The rate of '{entry.Name}' is agreed locally: give it in partners.");
                    continue;
                }
                given = System.Text.Json.JsonSerializer.SerializeToElement(new { ratePercent = rate });
            }
            funders.Add(new FunderInput
            {
                Id = entry.Id,
                Name = entry.Name,
                Kind = entry.Kind,
                Rule = ProgrammeCatalog.Merge(rule.Rule, agreed, given),
                Payment = entry.Payment,
            });
        }
        funders.Add(new FunderInput
        {
            Id = request.Carrier.Id,
            Name = request.Carrier.Name,
            Kind = request.Carrier.Kind,
            Rule = RuleInput.From(new RemainderRule()),
            Payment = new PerBudgetYearPaymentInput(),
        });
        var present = funders.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var plan = new PlanRequest
        {
            Name = request.Name ?? programme.Name,
            Description = $"Plan établi à partir du dispositif « {programme.Name} », règles en vigueur au {Formatting.FrenchFormat.Date(day)}.",
            Cost = new AnnualCostInput { AnnualAmount = request.AnnualCost, Start = request.Start, Months = request.Months },
            Funders = funders,
            SharedCeilings = (programme.SharedCeilings ?? []).Where(c => c.AppliesOn(day) && c.AppliesTo(present)).Select(c => c.Ceiling).ToArray() is { Length: > 0 } ceilings ? ceilings : null,
            Options = programme.Options.On(day)?.Options,
            Programme = new ProgrammeReferenceInput { Id = programme.Id, RulesOf = day, Version = localVersion },
        };
        if (errors.HasErrors)
        {
            return Outcome<PlanRequest>.Invalid(errors);
        }
        // The plan must be one the engine takes: checked as POST /v1/plans would check it.
        var mapped = Attach(plan, PlanMapping.ToDomain(plan, errors), errors, "", programmes);
        if (mapped is not null && !errors.HasErrors && PlanValidator.Validate(mapped) is { Count: > 0 } planErrors)
        {
            errors.AddRange(planErrors);
        }
        return errors.HasErrors ? Outcome<PlanRequest>.Invalid(errors) : Outcome<PlanRequest>.Success(plan);
    }

    /// <summary>
    /// The plan with the terms of the programme its request names, national or the workspace's own (an unknown
    /// programme or version is an error on <c>programme.id</c> or <c>programme.version</c>).
    /// </summary>
    public static Plan? Attach(PlanRequest request, Plan? plan, RequestErrors errors, string prefix = "", ProgrammeLookup? programmes = null)
    {
        if (plan is null || request.Programme is not { } reference)
        {
            return plan;
        }
        programmes ??= ProgrammeLookup.National;
        if (reference.Version is not null && ProgrammeLookup.IsNational(reference.Id))
        {
            errors.Add(RequestErrors.Join(prefix, "programme.version"), NationalHasNoVersion);
            return plan;
        }
        if (programmes.Find(reference.Id, reference.Version) is not var (programme, version))
        {
            string known = string.Join(", ", Catalog.Programmes.Select(p => p.Id).Concat(programmes.Latest.Select(l => l.File.Id)));
            if (reference.Version is { } asked && programmes.Find(reference.Id) is not null)
            {
                errors.Add(RequestErrors.Join(prefix, "programme.version"), ErrorCodes.ValueNotAllowed,
                    $"Le dispositif local « {reference.Id} » n'a pas de version {asked} : voyez GET /v1/workspace/programmes/{reference.Id}/versions.",
                    $"The local programme '{reference.Id}' has no version {asked}.");
                return plan;
            }
            errors.Add(RequestErrors.Join(prefix, "programme.id"), ErrorCodes.ValueNotAllowed,
                $"Dispositif inconnu « {Short(reference.Id)} » : voyez GET /v1/programmes ({known})."
                + (programmes.SignedIn ? "" : " Un dispositif propre à un espace de travail se lit avec la clé ou le jeton de cet espace."),
                $"Unknown programme '{Short(reference.Id)}'.");
            return plan;
        }
        var named = version is { } v ? programme with { Name = $"{programme.Name} (dispositif local, version {v})" } : programme;
        return plan with { Programme = ProgrammeCatalog.Terms(named, reference.RulesOf ?? plan.Cost.Period.Start, request.Funders) with { Version = version } };
    }

    private static readonly FundingMessage NationalHasNoVersion = new(ErrorCodes.ValueNotAllowed,
        "Un dispositif national n'a pas de version : ses règles sont datées (rulesOf). Seuls les dispositifs propres à un espace de travail en ont.",
        "A national programme has no versions: its rules are dated (rulesOf). Only a workspace's own programmes have versions.");

    private static string Short(string id) => id.Length > 60 ? id[..60] + "…" : id;

    /// <summary>A <c>date</c> query parameter (YYYY-MM-DD), or null when absent; an unreadable one is an error on <c>date</c>.</summary>
    private static LocalDate? Day(string? text, RequestErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }
        string shown = text.Length > 20 ? text[..20] + "…" : text;
        errors.Add("date", ErrorCodes.DateInvalid, $"« {shown} » n'est pas une date au format AAAA-MM-JJ (par exemple 2025-01-01).", $"'{shown}' is not a YYYY-MM-DD date.");
        return null;
    }

    internal static UseCaseFailure NotFound(string id, ProgrammeLookup programmes, int? version) => new(FailureKind.NotFound,
        new(ErrorCodes.NotFound, "Dispositif introuvable.", "No such programme."),
        new(ErrorCodes.NotFound,
            (version is { } v && programmes.Find(id) is not null
                ? $"Le dispositif local « {Short(id)} » n'a pas de version {v} : voyez GET /v1/workspace/programmes/{Short(id)}/versions."
                : $"Aucun dispositif n'a l'identifiant « {Short(id)} » : voyez GET /v1/programmes.")
            + (programmes.SignedIn ? "" : " Un dispositif propre à un espace de travail se lit avec la clé ou le jeton de cet espace."),
            "See GET /v1/programmes."));
}
