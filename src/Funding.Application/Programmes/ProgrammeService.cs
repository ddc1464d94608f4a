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

    /// <summary>The programmes, each said in force or not on <paramref name="date"/>, those <paramref name="applicant"/> may carry.</summary>
    public static Outcome<ProgrammeSummaryOutput[]> List(string? dateText, Choice<FunderKind>? applicant)
    {
        var errors = new RequestErrors();
        FunderKind? kind = applicant is null ? null : errors.Choose(applicant, "applicant");
        var date = Day(dateText, errors);
        if (errors.HasErrors)
        {
            return Outcome<ProgrammeSummaryOutput[]>.Invalid(errors);
        }
        var day = date ?? LocalDate.MinIsoValue;
        return Outcome<ProgrammeSummaryOutput[]>.Success([.. Catalog.Programmes
            .Where(p => kind is not { } k || p.Applicants.Contains(k))
            .Select(p => new ProgrammeSummaryOutput
            {
                Id = p.Id,
                Name = p.Name,
                Description = p.Description,
                Applicants = p.Applicants,
                InForce = date is null || p.Validity.On(day) is not null,
                Validity = [.. p.Validity.Select(v => new ProgrammePeriodOutput { From = v.From, To = v.To })],
                Sources = p.Sources,
            })]);
    }

    /// <summary>A programme's rules in force on <paramref name="dateText"/>; without a date, those of the latest day the catalogue knows a change on.</summary>
    public static Outcome<ProgrammeOutput> Show(string id, string? dateText)
    {
        var errors = new RequestErrors();
        var date = Day(dateText, errors);
        if (errors.HasErrors)
        {
            return Outcome<ProgrammeOutput>.Invalid(errors);
        }
        if (Catalog.Find(id) is not { } programme)
        {
            return Outcome<ProgrammeOutput>.Fail(NotFound(id));
        }
        var day = date ?? programme.Validity.Max(v => v.From);
        return Outcome<ProgrammeOutput>.Success(new ProgrammeOutput
        {
            Id = programme.Id,
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
    public static Outcome<PlanRequest> Plan(string id, ProgrammePlanRequest request)
    {
        if (Catalog.Find(id) is not { } programme)
        {
            return Outcome<PlanRequest>.Fail(NotFound(id));
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
            Programme = new ProgrammeReferenceInput { Id = programme.Id, RulesOf = day },
        };
        if (errors.HasErrors)
        {
            return Outcome<PlanRequest>.Invalid(errors);
        }
        // The plan must be one the engine takes: checked as POST /v1/plans would check it.
        var mapped = PlanMapping.ToDomain(plan, errors);
        if (mapped is not null && !errors.HasErrors && PlanValidator.Validate(mapped) is { Count: > 0 } planErrors)
        {
            errors.AddRange(planErrors);
        }
        return errors.HasErrors ? Outcome<PlanRequest>.Invalid(errors) : Outcome<PlanRequest>.Success(plan);
    }

    /// <summary>The plan with the terms of the programme its request names (an unknown programme is an error on <c>programme.id</c>).</summary>
    public static Plan? Attach(PlanRequest request, Plan? plan, RequestErrors errors, string prefix = "")
    {
        if (plan is null || request.Programme is not { } reference)
        {
            return plan;
        }
        if (Catalog.Find(reference.Id) is not { } programme)
        {
            errors.Add(RequestErrors.Join(prefix, "programme.id"), ErrorCodes.ValueNotAllowed,
                $"Dispositif inconnu « {reference.Id} » : voyez GET /v1/programmes ({string.Join(", ", Catalog.Programmes.Select(p => p.Id))}).",
                $"Unknown programme '{reference.Id}'.");
            return plan;
        }
        return plan with { Programme = ProgrammeCatalog.Terms(programme, reference.RulesOf ?? plan.Cost.Period.Start, request.Funders) };
    }

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

    private static UseCaseFailure NotFound(string id) => new(FailureKind.NotFound,
        new(ErrorCodes.NotFound, "Dispositif introuvable.", "No such programme."),
        new(ErrorCodes.NotFound, $"Aucun dispositif n'a l'identifiant « {(id.Length > 60 ? id[..60] + "…" : id)} » : voyez GET /v1/programmes.", "See GET /v1/programmes."));
}
