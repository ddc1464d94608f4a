using System.Globalization;
using Funding.Formatting;
using Funding.Rules;
using Funding.Schedules;
using NodaTime;

namespace Funding.Plans;

/// <summary>
/// Checks that a plan can be evaluated, before any computation, and reports every problem with the path of the
/// offending field (<c>funders[2].rule.ratePercent</c>), as the API's JSON names it.
/// </summary>
public static class PlanValidator
{
    /// <summary>Every problem of the plan; empty when it can be evaluated.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The problems, in input order (at most 50).</returns>
    public static IReadOnlyList<ValidationError> Validate(Plan plan)
    {
        Preconditions.CheckNotNull(plan);
        var errors = new ValidationErrors();
        ValidateText(plan.Name, FieldPath.Of("name"), new Subject("le nom du plan", "the plan's name"), errors);
        if (plan.Description is { } description)
        {
            FundingMessage? problem = description.Length > FundingLimits.MaxDescriptionLength
                ? TextRules.TooLong(new Subject("la description", "the description"), description.Length, FundingLimits.MaxDescriptionLength)
                : TextRules.TextProblem(description, multiLine: true);
            if (problem is not null)
            {
                errors.Add(FieldPath.Of("description"), problem);
            }
        }
        var period = ValidateCost(plan.Cost, errors);
        ValidateFunders(plan, period, errors);
        ValidateSharedCeilings(plan, errors);
        ValidateOptions(plan, errors);
        if (!errors.Any && period is not null)
        {
            ValidateMagnitudes(plan, period, errors);
        }
        return errors.ToList();
    }

    /// <summary>Throws when the plan cannot be evaluated.</summary>
    /// <param name="plan">The plan.</param>
    /// <exception cref="FundingValidationException">The plan has problems; each names its field.</exception>
    public static void ThrowIfInvalid(Plan plan)
    {
        var errors = Validate(plan);
        if (errors.Count > 0)
        {
            throw new FundingValidationException(errors);
        }
    }

    private static FundingPeriod? ValidateCost(CostBase? cost, ValidationErrors errors)
    {
        switch (cost)
        {
            case AnnualCost annual:
                NonNegative(annual.AnnualAmount, FieldPath.Of("cost").Field("annualAmount"), new Subject("le coût annuel", "the annual cost"), errors);
                return ValidatePeriod(annual.Period, FieldPath.Of("cost"), errors);
            case PerBudgetYearCost perYear:
                if (perYear.Years is not { Count: > 0 })
                {
                    errors.Add(FieldPath.Of("cost").Field("years"), CommonMessages.Missing("Donnez le coût d'au moins un exercice budgétaire.", "Give the cost of at least one budget year."));
                    return null;
                }
                if (perYear.Years.Count > FundingLimits.MaxMonths / 12)
                {
                    errors.Add(FieldPath.Of("cost").Field("years"), CommonMessages.TooMany(perYear.Years.Count, FundingLimits.MaxMonths / 12, "exercices budgétaires", "budget years"));
                    return null;
                }
                bool yearsValid = true;
                for (int i = 0; i < perYear.Years.Count; i++)
                {
                    var year = perYear.Years[i];
                    if (year.Year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
                    {
                        errors.Add(FieldPath.Of("cost").Field("years").Item(i).Field("year"), ErrorCodes.PeriodOutOfRange,
                            $"L'exercice {year.Year} est hors limites : il est compris entre {FundingLimits.MinYear} et {FundingLimits.MaxYear}.",
                            $"The budget year {year.Year} is out of range: it must be between {FundingLimits.MinYear} and {FundingLimits.MaxYear}.");
                        yearsValid = false;
                    }
                    else if (i > 0 && year.Year != perYear.Years[i - 1].Year + 1)
                    {
                        errors.Add(FieldPath.Of("cost").Field("years").Item(i).Field("year"), ErrorCodes.YearsNotConsecutive,
                            $"Les exercices se suivent, dans l'ordre croissant : {year.Year} vient après {perYear.Years[i - 1].Year}.",
                            $"The budget years must be consecutive and in ascending order: {year.Year} follows {perYear.Years[i - 1].Year}.");
                        yearsValid = false;
                    }
                    NonNegative(year.Amount, FieldPath.Of("cost").Field("years").Item(i).Field("amount"), new Subject($"le coût de {year.Year}", $"the cost of {year.Year}"), errors);
                }
                if (perYear.Start is { } start && yearsValid)
                {
                    if (start.Year != perYear.Years[0].Year || start.Day != 1)
                    {
                        errors.Add(FieldPath.Of("cost").Field("start"), ErrorCodes.StartNotFirstOfMonth,
                            $"Le début, {FundingMessage.Fr(start)}, est le premier jour d'un mois du premier exercice, {perYear.Years[0].Year}.",
                            $"The start, {FundingMessage.En(start)}, must be the first day of a month of the first budget year, {perYear.Years[0].Year}.");
                        yearsValid = false;
                    }
                }
                return yearsValid ? perYear.Period : null;
            case null:
                errors.Add(FieldPath.Of("cost"), CommonMessages.Missing("Le plan a besoin d'un coût.", "The plan needs a cost."));
                return null;
            default:
                errors.Add(FieldPath.Of("cost").Field("type"), CommonMessages.UnknownType("coût", "cost", cost.GetType()));
                return null;
        }
    }

    private static FundingPeriod? ValidatePeriod(FundingPeriod period, FieldPath path, ValidationErrors errors)
    {
        bool valid = true;
        if (period.Months is < 1 or > FundingLimits.MaxMonths)
        {
            errors.Add(path.Field("months"), ErrorCodes.PeriodOutOfRange,
                $"La durée de {period.Months} mois est hors limites : elle est comprise entre 1 et {FundingLimits.MaxMonths} mois.",
                $"The duration of {period.Months} months is out of range: it must be between 1 and {FundingLimits.MaxMonths} months.");
            valid = false;
        }
        if (period.Start.Calendar != CalendarSystem.Iso || period.Start.Year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
        {
            errors.Add(path.Field("start"), ErrorCodes.PeriodOutOfRange,
                $"La date de début, {FundingMessage.En(period.Start)}, est hors limites : elle est comprise entre le 1er janvier {FundingLimits.MinYear} et le 31 décembre {FundingLimits.MaxYear}.",
                $"The start date {FundingMessage.En(period.Start)} is out of range: it must be between {FundingLimits.MinYear}-01-01 and {FundingLimits.MaxYear}-12-31.");
            valid = false;
        }
        else if (valid && period.End.Year > FundingLimits.MaxYear)
        {
            errors.Add(path.Field("months"), ErrorCodes.PeriodOutOfRange,
                $"La période finirait le {FundingMessage.Fr(period.End)}, après le 31 décembre {FundingLimits.MaxYear}.",
                $"The period would end on {FundingMessage.En(period.End)}, after {FundingLimits.MaxYear}-12-31.");
            valid = false;
        }
        return valid ? period : null;
    }

    private static void ValidateFunders(Plan plan, FundingPeriod? period, ValidationErrors errors)
    {
        if (plan.Funders is not { Count: > 0 })
        {
            errors.Add(FieldPath.Of("funders"), CommonMessages.Missing("Le plan a besoin d'au moins un financeur.", "The plan needs at least one funder."));
            return;
        }
        int payers = 0;
        foreach (var f in plan.Funders)
        {
            payers += f?.Rule?.PayerCount ?? 1;
        }
        if (payers > FundingLimits.MaxPlanFunders)
        {
            errors.Add(FieldPath.Of("funders"), CommonMessages.TooMany(payers, FundingLimits.MaxPlanFunders, "financeurs (membres des groupes compris)", "funders (group members included)"));
            return;
        }

        var ids = new Dictionary<string, Owner>(plan.Funders.Count + payers, StringComparer.Ordinal);
        // Ids by what they identify (a funder, a member): a path is built only to name an error.
        void Id(string? id, Owner owner)
        {
            if (ValidateId(id, owner, "id", errors) && !ids.TryAdd(id!, owner))
            {
                errors.Add(owner.Path.Field("id"), CommonMessages.DuplicateId(id!, ids[id!].Path.ToString()));
            }
        }
        Action<string?, FieldPath, int> memberId = (id, members, j) => Id(id, new Owner(members, j));

        FieldPath? remainderPath = null;
        for (int i = 0; i < plan.Funders.Count && !errors.IsFull; i++)
        {
            var path = FundersPath.Item(i);
            var funder = plan.Funders[i];
            if (funder is null)
            {
                errors.Add(path, CommonMessages.Missing("Un financeur manque (null).", "A funder is missing."));
                continue;
            }
            Id(funder.Id, path);
            ValidateText(funder.Name, path, "name", Name, errors);
            if (funder.Siren is not null && Siren.Problem(funder.Siren) is { } sirenProblem)
            {
                errors.Add(path.Field("siren"), sirenProblem);
            }
            if (!Enum.IsDefined(funder.Kind))
            {
                errors.Add(path.Field("kind"), CommonMessages.UnknownType("financeur", "funder", typeof(FunderKind)));
            }
            if (funder.Rule?.Cap is { } cap)
            {
                NonNegative(cap, path.Field("rule"), "cap", new Subject("le plafond", "the cap"), errors);
            }
            if (funder.Rule is null)
            {
                errors.Add(path.Field("rule"), CommonMessages.Missing("Le financeur a besoin d'une règle de contribution.", "The funder needs a contribution rule."));
            }
            else
            {
                funder.Rule.Validate(new RuleValidation(plan, i, period, errors, memberId));
                if (funder.Rule.Stage == WaterfallStage.Last)
                {
                    if (remainderPath is not null)
                    {
                        errors.Add(path.Field("rule").Field("type"), ErrorCodes.RemainderTwice,
                            $"Un seul financeur paie le reste ; {remainderPath} le paie déjà.",
                            $"Only one funder can pay the remainder; {remainderPath} already does.");
                    }
                    remainderPath ??= path;
                }
            }
            if (period is not null)
            {
                ValidatePayment(funder.Payment, period, path, errors);
            }
        }
    }

    private static void ValidatePayment(PaymentMode? payment, FundingPeriod period, FieldPath funderPath, ValidationErrors errors)
    {
        if (payment is null or PerBudgetYearPayment or MonthlyPayment or OncePayment { Date: null })
        {
            return; // nothing to check: no date, no share
        }
        var path = funderPath.Field("payment");
        // Payments may fall from a year before the period to two years after it (a balance paid late), not beyond.
        var earliest = period.Start.PlusYears(-1);
        var latest = period.End.PlusYears(2);
        void Date(LocalDate date, FieldPath datePath, Subject what)
        {
            if (date.Calendar != CalendarSystem.Iso || date < earliest || date > latest)
            {
                errors.Add(datePath, ErrorCodes.DateOutOfRange,
                    $"{what.FrenchCapitalized}, {FundingMessage.En(date)}, sort des dates plausibles pour ce plan, du {FundingMessage.Fr(earliest)} au {FundingMessage.Fr(latest)}.",
                    $"{what.EnglishCapitalized} {FundingMessage.En(date)} is outside the sensible range for this plan, from {FundingMessage.En(earliest)} to {FundingMessage.En(latest)}.");
            }
        }

        switch (payment)
        {
            case null or PerBudgetYearPayment or MonthlyPayment:
                break;
            case OncePayment { Date: { } date }:
                Date(date, path.Field("date"), new Subject("la date de paiement", "the payment date"));
                break;
            case OncePayment:
                break;
            case AdvanceAndBalancePayment advance:
            {
                var installments = advance.Installments ?? [];
                if (installments.Count > FundingLimits.MaxInstallments)
                {
                    errors.Add(path.Field("installments"), CommonMessages.TooMany(installments.Count, FundingLimits.MaxInstallments, "acomptes", "installments"));
                    break;
                }
                decimal total = advance.Advance.PercentValue;
                for (int k = 0; k < installments.Count; k++)
                {
                    var installment = installments[k];
                    total += installment.Share.PercentValue;
                    if (installment.Date < period.Start || installment.Date > period.End)
                    {
                        errors.Add(path.Field("installments").Item(k).Field("date"), ErrorCodes.DateOutOfRange,
                            $"L'acompte du {FundingMessage.Fr(installment.Date)} tombe hors de la période, du {FundingMessage.Fr(period.Start)} au {FundingMessage.Fr(period.End)}.",
                            $"The installment date {FundingMessage.En(installment.Date)} is outside the period, from {FundingMessage.En(period.Start)} to {FundingMessage.En(period.End)}.");
                    }
                    else if (k > 0 && installment.Date < installments[k - 1].Date)
                    {
                        errors.Add(path.Field("installments").Item(k).Field("date"), ErrorCodes.DatesNotInOrder,
                            "Les acomptes se suivent dans l'ordre des dates.", "The installments must be in date order.");
                    }
                }
                if (total > 100m)
                {
                    errors.Add(path.Field("advance"), ErrorCodes.AdvanceOver100,
                        $"L'avance et les acomptes font ensemble {FundingMessage.Fr(total)} %, plus de 100 % de la contribution.",
                        $"The advance and installments add up to {total.ToString(CultureInfo.InvariantCulture)} %, more than 100 % of the contribution.");
                }
                if (advance.BalanceDate is { } balanceDate)
                {
                    Date(balanceDate, path.Field("balanceDate"), new Subject("la date du solde", "the balance date"));
                    if (balanceDate < period.Start || (installments.Count > 0 && balanceDate < installments[^1].Date))
                    {
                        errors.Add(path.Field("balanceDate"), ErrorCodes.DateOutOfRange,
                            $"Le solde, le {FundingMessage.Fr(balanceDate)}, tombe avant le début ou avant un acompte.",
                            $"The balance date {FundingMessage.En(balanceDate)} comes before the start or an installment.");
                    }
                }
                break;
            }
            default:
                errors.Add(path.Field("type"), CommonMessages.UnknownType("versement", "payment", payment.GetType()));
                break;
        }
    }

    /// <summary>
    /// The total cost and the sum of promised amounts stay within 10¹² €, so that no sum of the evaluation can overflow
    /// (every computed contribution is bounded by what is left to fund).
    /// </summary>
    private static void ValidateMagnitudes(Plan plan, FundingPeriod period, ValidationErrors errors)
    {
        decimal max = Money.MaxValue.Amount;
        decimal cost = plan.Cost switch
        {
            AnnualCost { Growth: { } growth } annual when growth != Rate.Zero => GrowingBound(annual, growth, period),
            AnnualCost annual => period.Prorate(annual.AnnualAmount),
            PerBudgetYearCost perYear => perYear.Years.Sum(y => y.Amount.Amount),
            _ => 0m,
        };
        if (cost > max)
        {
            errors.Add(plan.Cost is AnnualCost ? FieldPath.Of("cost").Field("annualAmount") : FieldPath.Of("cost").Field("years"),
                ErrorCodes.AmountOutOfRange,
                $"Le coût total serait de {FrenchFormat.Number(cost, 2)} €, au-delà des {FrenchFormat.Money(Money.MaxValue)} pris en charge.",
                $"The total cost would be {cost.ToString("0.00", CultureInfo.InvariantCulture)} €, beyond the supported {FundingMessage.En(Money.MaxValue)}.");
        }
        decimal promised = 0m;
        for (int i = 0; i < plan.Funders.Count; i++)
        {
            decimal amount = plan.Funders[i].Rule.PromisedBound(period);
            if (amount > max)
            {
                errors.Add(FieldPath.Of("funders").Item(i).Field("rule"), ErrorCodes.AmountOutOfRange,
                    $"Cette contribution serait de {FrenchFormat.Number(amount, 2)} €, au-delà des {FrenchFormat.Money(Money.MaxValue)} pris en charge.",
                    $"This contribution would be {amount.ToString("0.00", CultureInfo.InvariantCulture)} €, beyond the supported {FundingMessage.En(Money.MaxValue)}.");
            }
            promised += amount;
        }
        if (promised > max)
        {
            errors.Add(FieldPath.Of("funders"), ErrorCodes.AmountOutOfRange,
                $"Les montants promis font ensemble {FrenchFormat.Number(promised, 2)} €, au-delà des {FrenchFormat.Money(Money.MaxValue)} pris en charge.",
                $"The promised amounts add up to {promised.ToString("0.00", CultureInfo.InvariantCulture)} €, beyond the supported {FundingMessage.En(Money.MaxValue)}.");
        }

        int years = period.End.Year - period.Start.Year + 1;
        long payments = 0;
        foreach (var f in plan.Funders)
        {
            int payers = f.Rule.PayerCount;
            int each = (f.Payment ?? Schedules.PaymentMode.DefaultFor(f.Rule)) switch
            {
                Schedules.MonthlyPayment => period.Months,
                Schedules.PerBudgetYearPayment => years,
                Schedules.AdvanceAndBalancePayment advance => (advance.Installments?.Count ?? 0) + 2,
                _ => 1,
            };
            payments += (long)payers * each;
        }
        if (payments > FundingLimits.MaxPayments)
        {
            errors.Add(FieldPath.Of("funders"), ErrorCodes.TooMany,
                $"Les échéanciers compteraient {payments} versements, au-delà de la limite de {FundingLimits.MaxPayments} : faites payer certains financeurs par exercice plutôt que par mois, ou raccourcissez la période.",
                $"The schedules would hold {payments} payments, beyond the limit of {FundingLimits.MaxPayments}: pay some funders per budget year rather than monthly, or shorten the period.");
        }
    }

    /// <summary>
    /// At least the total of a growing cost, computed without overflow: the last year's factor applied to every month
    /// (stopping as soon as the bound passes the supported maximum, which is all the check needs).
    /// </summary>
    private static decimal GrowingBound(AnnualCost annual, Rate growth, FundingPeriod period)
    {
        decimal max = Money.MaxValue.Amount;
        decimal factor = 1m;
        int years = period.End.Year - period.Start.Year;
        for (int k = 0; k < years && factor * annual.AnnualAmount.Amount <= max; k++)
        {
            factor *= 1m + growth.Fraction;
        }
        decimal yearly = factor * annual.AnnualAmount.Amount;
        return yearly > max ? yearly : yearly * period.Months / 12m;
    }

    /// <summary>
    /// Each shared ceiling names at least two funders of the plan, consecutive in the waterfall, each in no other ceiling,
    /// each computing its own amount (a rate or a match of a funder outside the ceiling), and gives a rate or an amount.
    /// </summary>
    private static void ValidateSharedCeilings(Plan plan, ValidationErrors errors)
    {
        if (plan.SharedCeilings is not { Count: > 0 } ceilings || plan.Funders is null)
        {
            return;
        }
        if (ceilings.Count > FundingLimits.MaxPlanFunders / 2)
        {
            errors.Add(FieldPath.Of("sharedCeilings"), CommonMessages.TooMany(ceilings.Count, FundingLimits.MaxPlanFunders / 2, "plafonds communs", "shared ceilings"));
            return;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var funderIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < plan.Funders.Count; i++)
        {
            if (plan.Funders[i]?.Id is { } funderId)
            {
                funderIndex.TryAdd(funderId, i);
            }
        }
        for (int c = 0; c < ceilings.Count && !errors.IsFull; c++)
        {
            var path = FieldPath.Of("sharedCeilings").Item(c);
            var ceiling = ceilings[c];
            if (ceiling is null)
            {
                errors.Add(path, CommonMessages.Missing("Un plafond commun manque (null).", "A shared ceiling is missing."));
                continue;
            }
            if (ValidateId(ceiling.Id, path.Field("id"), errors) && !ids.Add(ceiling.Id))
            {
                errors.Add(path.Field("id"), CommonMessages.DuplicateId(ceiling.Id, "sharedCeilings"));
            }
            ValidateText(ceiling.Name, path.Field("name"), Name, errors);
            if (ceiling.Rate is null && ceiling.Amount is null)
            {
                errors.Add(path, ErrorCodes.SharedCeilingInvalid,
                    "Un plafond commun a un taux (ratePercent), un montant (amount) ou les deux.",
                    "A shared ceiling has a rate (ratePercent), an amount (amount) or both.");
            }
            if (ceiling.Amount is { } amount)
            {
                NonNegative(amount, path.Field("amount"), new Subject("le plafond commun", "the shared ceiling"), errors);
            }
            if (!Enum.IsDefined(ceiling.Scope) || !Enum.IsDefined(ceiling.Sharing))
            {
                errors.Add(path.Field(Enum.IsDefined(ceiling.Scope) ? "sharing" : "per"), CommonMessages.UnknownType("plafond commun", "shared ceiling", Enum.IsDefined(ceiling.Scope) ? typeof(CeilingSharing) : typeof(CapScope)));
            }
            if (ceiling.FunderIds is { Count: > FundingLimits.MaxPlanFunders } tooMany)
            {
                errors.Add(path.Field("funderIds"), CommonMessages.TooMany(tooMany.Count, FundingLimits.MaxPlanFunders, "financeurs", "funders"));
                continue;
            }
            if (ceiling.FunderIds is not { Count: >= 2 } funderIds)
            {
                errors.Add(path.Field("funderIds"), ErrorCodes.SharedCeilingInvalid,
                    "Un plafond commun est partagé par au moins deux financeurs.", "A shared ceiling is shared by at least two funders.");
                continue;
            }
            var indices = new List<int>();
            for (int k = 0; k < funderIds.Count; k++)
            {
                var itemPath = path.Field("funderIds").Item(k);
                string? id = funderIds[k];
                if (id is null || !funderIndex.TryGetValue(id, out int index))
                {
                    errors.Add(itemPath, ErrorCodes.SharedCeilingInvalid,
                        $"« {id} » n'est pas un financeur du plan (un membre de groupe ne partage pas de plafond commun).",
                        $"'{id}' is not a funder of the plan (a group member does not share a ceiling).");
                    continue;
                }
                if (!owner.TryAdd(id!, ceiling.Id ?? ""))
                {
                    errors.Add(itemPath, ErrorCodes.SharedCeilingInvalid,
                        $"« {id} » partage déjà le plafond commun « {owner[id!]} » : un financeur partage au plus un plafond commun.",
                        $"'{id}' already shares the ceiling '{owner[id!]}': a funder shares at most one ceiling.");
                    continue;
                }
                var rule = plan.Funders[index].Rule;
                if (!rule.CanShareCeiling)
                {
                    errors.Add(itemPath, ErrorCodes.SharedCeilingInvalid,
                        $"« {id} » ne calcule pas son montant par un taux ou un abondement : un plafond commun ne réduit ni une promesse fixe, ni une enveloppe de groupe, ni le reste à charge.",
                        $"'{id}' does not compute its amount by a rate or a match: a shared ceiling reduces neither a fixed promise, nor a group's pool, nor the remainder.");
                    continue;
                }
                if (rule.DependsOn.FirstOrDefault(d => funderIds.Contains(d, StringComparer.Ordinal)) is { } matched)
                {
                    errors.Add(itemPath, ErrorCodes.SharedCeilingInvalid,
                        $"« {id} » abonde « {matched} », qui partage le même plafond commun : un abondement suit un montant déjà plafonné.",
                        $"'{id}' matches '{matched}', which shares the same ceiling: a match follows an amount already capped.");
                    continue;
                }
                indices.Add(index);
            }
            if (indices.Count == funderIds.Count && indices.Max() - indices.Min() != indices.Count - 1)
            {
                errors.Add(path.Field("funderIds"), ErrorCodes.SharedCeilingInvalid,
                    "Les financeurs d'un plafond commun se suivent dans la liste des financeurs : un autre financeur s'intercale entre eux.",
                    "The funders of a shared ceiling follow each other in the list of funders: another funder stands between them.");
            }
        }
    }

    private static void ValidateOptions(Plan plan, ValidationErrors errors)
    {
        var options = plan.Options;
        if (options is null)
        {
            errors.Add(FieldPath.Of("options"), CommonMessages.Missing("Les options du plan manquent.", "The plan's options are missing."));
            return;
        }
        if (options.CarrierId is { } carrierId && plan.Funders is not null)
        {
            bool exists = plan.Funders.Any(f => f?.Id == carrierId || f?.Rule?.HasMember(carrierId) == true);
            if (!exists)
            {
                errors.Add(FieldPath.Of("options").Field("carrierId"), ErrorCodes.CarrierUnknown,
                    $"Aucun financeur n'a l'identifiant « {carrierId} » donné comme porteur.",
                    $"No funder has the id '{carrierId}' given as the carrier.");
            }
        }
        if (options.WrittenAgreementThreshold is { } threshold)
        {
            NonNegative(threshold, FieldPath.Of("options").Field("writtenAgreementThreshold"), new Subject("le seuil", "the threshold"), errors);
        }
        if (options.DeMinimisAlreadyReceived is { } received)
        {
            NonNegative(received, FieldPath.Of("options").Field("deMinimisAlreadyReceived"), new Subject("l'aide de minimis déjà reçue", "the de minimis aid already received"), errors);
        }
    }

    private static readonly Subject Name = new("le nom", "the name");

    // Each check takes the path of the object and the field's name: the field's path is built only to name an error
    // (a valid plan's validation used to build one for every field it looked at).

    private static bool ValidateText(string? text, FieldPath path, Subject what, ValidationErrors errors) =>
        ValidateText(text, path, null, what, errors);

    private static bool ValidateText(string? text, Owner owner, string? field, Subject what, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(At(owner, field), TextRules.Empty(what));
            return false;
        }
        if (TextRules.NameProblem(text, what) is { } problem)
        {
            errors.Add(At(owner, field), problem);
            return false;
        }
        return true;
    }

    internal static bool ValidateId(string? id, FieldPath path, ValidationErrors errors) => ValidateId(id, path, null, errors);

    internal static bool ValidateMemberName(string? name, FieldPath members, int index, ValidationErrors errors) =>
        ValidateText(name, new Owner(members, index), "name", Name, errors);

    private static bool ValidateId(string? id, Owner owner, string? field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(At(owner, field), TextRules.Empty(new Subject("l'identifiant", "the id")));
            return false;
        }
        if (TextRules.IdProblem(id) is { } problem)
        {
            errors.Add(At(owner, field), problem);
            return false;
        }
        return true;
    }

    private static void NonNegative(Money amount, FieldPath path, Subject what, ValidationErrors errors) =>
        NonNegative(amount, path, null, what, errors);

    private static void NonNegative(Money amount, Owner owner, string? field, Subject what, ValidationErrors errors)
    {
        if (amount.IsNegative)
        {
            errors.Add(At(owner, field), CommonMessages.Negative(what, amount));
        }
    }

    private static FieldPath At(Owner owner, string? field) => field is null ? owner.Path : owner.Path.Field(field);

    private static readonly FieldPath FundersPath = FieldPath.Of("funders");

    /// <summary>What a field belongs to — a path, or an item of a list — whose own path is built only to name an error.</summary>
    private readonly record struct Owner(FieldPath Parent, int Index = -1)
    {
        public FieldPath Path => Index < 0 ? Parent : Parent.Item(Index);

        public static implicit operator Owner(FieldPath path) => new(path);
    }
}
