using Funding.Formatting;
using Funding.Schedules;

namespace Funding.Plans;

/// <summary>
/// The checks of a plan: each a rule with its outcome, a French message with the figures, and its source. A failed check
/// is part of the result, never an exception.
/// </summary>
/// <remarks>See <c>docs/plans.md</c> for each check, its legal source and the exceptions we know of.</remarks>
public static class PlanChecks
{
    /// <summary>Identifiers of the checks, stable across versions.</summary>
    public static class Ids
    {
        /// <summary>Contributions do not exceed the cost.</summary>
        public const string NoOverFunding = "no-over-funding";

        /// <summary>Contributions cover the cost.</summary>
        public const string FullyFunded = "fully-funded";

        /// <summary>No funder pays more than its cap.</summary>
        public const string CapsRespected = "caps-respected";

        /// <summary>Cumulative public aid stays within its ceiling.</summary>
        public const string PublicAidCeiling = "public-aid-ceiling";

        /// <summary>A local-authority carrier funds at least its minimum own share (CGCT art. L1111-10 III).</summary>
        public const string LocalAuthorityOwnShare = "local-authority-own-share";

        /// <summary>A written agreement is required above 23 000 € a year to a private body.</summary>
        public const string WrittenAgreement = "written-agreement";

        /// <summary>An advance is at most 30 % of the contribution (60 % with a guarantee).</summary>
        public const string AdvanceCeiling = "advance-ceiling";

        /// <summary>The advance and installments are at most 80 % of the contribution before the balance.</summary>
        public const string InstallmentsCeiling = "installments-ceiling";

        /// <summary>An undertaking's de minimis aid, this plan's included, stays within the ceiling in force.</summary>
        public const string DeMinimis = "de-minimis";

        /// <summary>A plan that names a programme follows its rules in force on the plan's start (<see cref="Programmes.ProgrammeTerms"/>).</summary>
        public const string ProgrammeConformity = Programmes.ProgrammeConformity.Id;
    }

    private const string Decree2018 = "Décret n° 2018-514 du 25 juin 2018 relatif aux subventions de l'État pour des projets d'investissement";

    internal static IReadOnlyList<CheckResult> Evaluate(PlanFigures result, ScheduleResult schedule) =>
    [
        NoOverFunding(result),
        FullyFunded(result),
        CapsRespected(result),
        PublicAidCeiling(result),
        LocalAuthorityOwnShare(result),
        WrittenAgreement(result, schedule),
        AdvanceCeiling(result),
        InstallmentsCeiling(result),
        DeMinimis(result),
        .. result.Plan.Programme is { } programme ? [Programmes.ProgrammeConformity.Check(result, programme)] : Array.Empty<CheckResult>(),
    ];

    private static FunderResult? Carrier(PlanFigures result) =>
        result.CarrierId is { } id ? result.Funders.FirstOrDefault(f => f.Id == id) : null;

    private static CheckResult NoOverFunding(PlanFigures result) => result.OverFunding.IsZero
        ? new(Ids.NoOverFunding, CheckOutcome.Passed,
            $"Le plan n'est pas surfinancé : {FrenchFormat.Money(result.TotalFunded)} de financements pour un coût total de {FrenchFormat.Money(result.TotalCost)}.",
            "Principe de non-surfinancement : les aides ne peuvent excéder le coût de l'opération (" + Decree2018 + ")")
        : new(Ids.NoOverFunding, CheckOutcome.Failed,
            $"Le plan est surfinancé de {FrenchFormat.Money(result.OverFunding)} : les montants promis ({FrenchFormat.Money(result.TotalFunded)}) dépassent le coût total ({FrenchFormat.Money(result.TotalCost)}).",
            "Principe de non-surfinancement : les aides ne peuvent excéder le coût de l'opération (" + Decree2018 + ")");

    private static CheckResult FullyFunded(PlanFigures result)
    {
        const string source = "Équilibre du plan de financement : les ressources couvrent les dépenses";
        if (!result.OverFunding.IsZero)
        {
            // Over-funded is not "fully funded": the plan is not balanced either way (the no-over-funding check says by how much).
            return new(Ids.FullyFunded, CheckOutcome.Failed,
                $"Le plan n'est pas équilibré : les financements ({FrenchFormat.Money(result.TotalFunded)}) dépassent le coût total ({FrenchFormat.Money(result.TotalCost)}) de {FrenchFormat.Money(result.OverFunding)}.", source);
        }
        if (result.Unfunded.IsZero)
        {
            return new(Ids.FullyFunded, CheckOutcome.Passed,
                $"Le plan est équilibré : le coût total de {FrenchFormat.Money(result.TotalCost)} est entièrement financé.", source);
        }
        string why = result.Funders.Any(f => f.RuleType == "remainder")
            ? "le reste à charge du porteur est plafonné"
            : "aucun financeur ne prend en charge le reste (règle « remainder »)";
        return new(Ids.FullyFunded, CheckOutcome.Failed,
            $"{FrenchFormat.Money(result.Unfunded)} restent à financer : {why}.", source);
    }

    private static CheckResult CapsRespected(PlanFigures result)
    {
        const string source = "Plafonds de participation fixés par les délibérations des financeurs";
        var above = result.Funders.Where(f => f.Limit == ContributionLimit.AboveCap).ToList();
        var aboveGroups = result.Groups.Where(g => g.Limit == ContributionLimit.AboveCap).ToList();
        if (above.Count == 0 && aboveGroups.Count == 0)
        {
            var capped = result.Funders.Where(f => f.Cap is not null).ToList();
            string detail = capped.Count == 0
                ? "aucun financeur n'a de plafond."
                : string.Join(", ", capped.Select(f => YearlyCap(result, f) && f.ByBudgetYear is { Count: > 0 } years
                    ? $"{f.Name} au plus {FrenchFormat.Money(years.Max(y => y.Amount))} par exercice pour un plafond annuel de {FrenchFormat.Money(f.Cap!.Value)}"
                    : $"{f.Name} {FrenchFormat.Money(f.Total)} pour un plafond de {FrenchFormat.Money(f.Cap!.Value)}")) + ".";
            return new(Ids.CapsRespected, CheckOutcome.Passed, "Chaque financeur reste dans son plafond : " + detail, source);
        }
        var names = above.Select(f => $"{f.Name} ({FrenchFormat.Money(f.Total)} promis pour un plafond de {FrenchFormat.Money(f.Cap!.Value)})")
            .Concat(aboveGroups.Select(g => $"le groupe {g.Name}"));
        return new(Ids.CapsRespected, CheckOutcome.Failed, "Montant promis au-delà du plafond : " + string.Join(", ", names) + ".", source);
    }

    private static bool YearlyCap(PlanFigures result, FunderResult funder) => funder.CapPerBudgetYear;

    private static CheckResult PublicAidCeiling(PlanFigures result)
    {
        var carrier = Carrier(result);
        bool localAuthority = carrier?.Kind.IsLocalAuthority() == true;
        var ceiling = result.Plan.Options.PublicAidCeiling ?? (localAuthority ? Rate.Percent(80) : Rate.Full);
        var publicAid = result.Funders.Where(f => f.Kind.IsPublic() && f.Id != result.CarrierId).Sum(f => f.Total);
        string source = result.Plan.Options.PublicAidCeiling is not null
            ? "Plafond des aides publiques fixé pour ce plan"
            : localAuthority
                ? "Code général des collectivités territoriales, art. L1111-10 III : participation minimale du maître d'ouvrage (aides publiques au plus 80 %)"
                : Decree2018 + " : cumul des aides publiques jusqu'à 100 % de la dépense";
        if (result.TotalCost.IsZero)
        {
            return new(Ids.PublicAidCeiling, CheckOutcome.NotApplicable, "Le coût total est nul.", source);
        }
        var share = Ratio.Of(publicAid, result.TotalCost);
        string figures = $"les aides publiques atteignent {FrenchFormat.Money(publicAid)}, soit {FrenchFormat.Rate(share)} du coût total, pour un plafond de {FrenchFormat.Rate(ceiling)}";
        return share <= ceiling
            ? new(Ids.PublicAidCeiling, CheckOutcome.Passed, $"Dans la limite : {figures}.", source)
            : new(Ids.PublicAidCeiling, CheckOutcome.Failed,
                $"Plafond dépassé : {figures} (dépassement de {FrenchFormat.Money(publicAid - ceiling.Of(result.TotalCost, result.Plan.Options.Rounding))}).", source);
    }

    private static CheckResult LocalAuthorityOwnShare(PlanFigures result)
    {
        const string source = "Code général des collectivités territoriales, art. L1111-10 III (exceptions : voir la documentation)";
        var carrier = Carrier(result);
        bool applies = result.Plan.Options.CheckLocalAuthorityOwnShare ?? carrier?.Kind.IsLocalAuthority() == true;
        if (!applies || carrier is null)
        {
            string why = carrier is null
                ? "le plan n'a pas de porteur (aucun financeur ne paie le reste et aucun porteur n'est désigné)"
                : $"le porteur, {carrier.Name}, n'est pas une collectivité territoriale ({carrier.Kind.FrenchName()})";
            return new(Ids.LocalAuthorityOwnShare, CheckOutcome.NotApplicable,
                $"Participation minimale du maître d'ouvrage non applicable : {why}.", source);
        }
        var minimum = result.Plan.Options.LocalAuthorityMinimumShare;
        var publicFunding = result.Funders.Where(f => f.Kind.IsPublic() && f.Id != carrier.Id).Sum(f => f.Total) + carrier.Total;
        if (publicFunding.IsZero)
        {
            return new(Ids.LocalAuthorityOwnShare, CheckOutcome.NotApplicable, "Aucun financement public : la participation minimale ne s'applique pas.", source);
        }
        var share = Ratio.Of(carrier.Total, publicFunding);
        string figures = $"la part du porteur, {carrier.Name}, est de {FrenchFormat.Money(carrier.Total)}, soit {FrenchFormat.Rate(share)} des financements publics ({FrenchFormat.Money(publicFunding)}), pour un minimum de {FrenchFormat.Rate(minimum)}";
        return share >= minimum
            ? new(Ids.LocalAuthorityOwnShare, CheckOutcome.Passed, $"Participation minimale respectée : {figures}.", source)
            : new(Ids.LocalAuthorityOwnShare, CheckOutcome.Failed, $"Participation minimale non respectée : {figures}.", source);
    }

    private static CheckResult WrittenAgreement(PlanFigures result, ScheduleResult schedule)
    {
        var start = result.Plan.Cost.Period.Start;
        var inForce = LegalParameters.WrittenAgreementThreshold.On(start);
        var carrier = Carrier(result);
        string source = result.Plan.Options.WrittenAgreementThreshold is not null
            ? "Seuil fixé par le plan (option writtenAgreementThreshold)"
            : inForce is not null ? inForce.CitedOn(start) : "Aucun seuil en vigueur connu à cette date";
        if (result.Plan.Options.WrittenAgreementThreshold is not { } threshold)
        {
            if (inForce is null)
            {
                return new(Ids.WrittenAgreement, CheckOutcome.NotApplicable,
                    $"Convention obligatoire : Funding ne connaît pas de seuil en vigueur le {FrenchFormat.Date(start)}.", source);
            }
            threshold = inForce.Value;
        }
        if (carrier is null || carrier.Kind.IsPublic())
        {
            return new(Ids.WrittenAgreement, CheckOutcome.NotApplicable,
                "Convention obligatoire : ne concerne que les subventions à un organisme de droit privé, ce que le porteur n'est pas (ou le plan n'a pas de porteur).", source);
        }
        var table = schedule.Table;
        var needing = table.Rows
            .Where(r => r.FunderId != carrier.Id && result.Funder(r.FunderId).Kind.IsPublic())
            .Select(r => (Row: r, Max: r.Amounts.Select((a, i) => (Amount: a, Year: table.Years[i])).MaxBy(x => x.Amount)))
            .Where(x => x.Max.Amount > threshold)
            .ToList();
        if (needing.Count == 0)
        {
            return new(Ids.WrittenAgreement, CheckOutcome.Passed,
                $"Aucun financeur public ne verse plus de {FrenchFormat.Money(threshold)} par an à {carrier.Name} : pas de convention obligatoire.", source);
        }
        string list = string.Join(", ", needing.Select(x => $"{x.Row.Name} ({FrenchFormat.Money(x.Max.Amount)} en {x.Max.Year})"));
        return new(Ids.WrittenAgreement, CheckOutcome.Warning,
            $"Une convention est obligatoire avec {carrier.Name} pour : {list}, au-delà de {FrenchFormat.Money(threshold)} par an.", source);
    }

    private static CheckResult AdvanceCeiling(PlanFigures result)
    {
        var withAdvance = result.Funders.Where(f => f.Payment is AdvanceAndBalancePayment).ToList();
        var start = result.Plan.Cost.Period.Start;
        var ceiling = LegalParameters.AdvanceCeiling.On(start);
        string source = ceiling is null ? "Aucun plafond d'avance en vigueur connu à cette date" : ceiling.CitedOn(start);
        if (withAdvance.Count == 0)
        {
            return new(Ids.AdvanceCeiling, CheckOutcome.NotApplicable, "Aucun financeur ne verse d'avance.", source);
        }
        if (ceiling is null)
        {
            return new(Ids.AdvanceCeiling, CheckOutcome.NotApplicable,
                $"Plafond d'avance : Funding ne connaît pas le plafond en vigueur le {FrenchFormat.Date(start)} (le décret n° 2018-514 s'applique depuis le 1er octobre 2018).", source);
        }
        Rate Limit(AdvanceAndBalancePayment mode) => mode.AdvanceGuaranteed ? ceiling.Value.Guaranteed : ceiling.Value.Plain;
        var over = withAdvance
            .Select(f => (Funder: f, Mode: (AdvanceAndBalancePayment)f.Payment))
            .Where(x => x.Mode.Advance > Limit(x.Mode))
            .ToList();
        return over.Count == 0
            ? new(Ids.AdvanceCeiling, CheckOutcome.Passed,
                "Avances dans la limite : " + string.Join(", ", withAdvance.Select(f => $"{f.Name} {FrenchFormat.Rate(((AdvanceAndBalancePayment)f.Payment).Advance)}")) + ".", source)
            : new(Ids.AdvanceCeiling, CheckOutcome.Failed,
                "Avance au-delà du plafond : " + string.Join(", ", over.Select(x => $"{x.Funder.Name} {FrenchFormat.Rate(x.Mode.Advance)} pour un maximum de {FrenchFormat.Rate(Limit(x.Mode))}")) + ".", source);
    }

    private static CheckResult InstallmentsCeiling(PlanFigures result)
    {
        var withAdvance = result.Funders.Where(f => f.Payment is AdvanceAndBalancePayment).ToList();
        var start = result.Plan.Cost.Period.Start;
        var ceilings = LegalParameters.InstallmentsCeiling.On(start);
        string source = ceilings is null ? "Aucun plafond d'acomptes en vigueur connu à cette date" : ceilings.CitedOn(start);
        if (withAdvance.Count == 0)
        {
            return new(Ids.InstallmentsCeiling, CheckOutcome.NotApplicable, "Aucun financeur ne verse d'avance ni d'acompte.", source);
        }
        if (ceilings is null)
        {
            return new(Ids.InstallmentsCeiling, CheckOutcome.NotApplicable,
                $"Plafond des acomptes : Funding ne connaît pas le plafond en vigueur le {FrenchFormat.Date(start)} (le décret n° 2018-514 s'applique depuis le 1er octobre 2018).", source);
        }
        var before = withAdvance.Select(f =>
        {
            var mode = (AdvanceAndBalancePayment)f.Payment;
            decimal percent = mode.Advance.PercentValue + (mode.Installments ?? []).Sum(i => i.Share.PercentValue);
            return (Funder: f, Percent: percent);
        }).ToList();
        decimal ceiling = (result.Plan.Cost.Period.Months > 48 ? ceilings.Value.Beyond48Months : ceilings.Value.UpTo48Months).PercentValue;
        string limit = FrenchFormat.Number(ceiling, 2, trimZeros: true);
        var over = before.Where(x => x.Percent > ceiling).ToList();
        return over.Count == 0
            ? new(Ids.InstallmentsCeiling, CheckOutcome.Passed, $"Avance et acomptes ne dépassent pas {limit} % avant le solde.", source)
            : new(Ids.InstallmentsCeiling, CheckOutcome.Failed,
                $"Avance et acomptes au-delà de {limit} % avant le solde : " + string.Join(", ", over.Select(x => $"{x.Funder.Name} {FrenchFormat.Number(x.Percent, 2, trimZeros: true)} %")) + ".", source);
    }

    /// <summary>
    /// De minimis: the public aid of this plan to a carrier that is an undertaking (a private body), added to the de minimis
    /// aid it states it already received, stays within the ceiling in force on the plan's start.
    /// </summary>
    private static CheckResult DeMinimis(PlanFigures result)
    {
        var carrier = Carrier(result);
        var start = result.Plan.Cost.Period.Start;
        var ceiling = LegalParameters.DeMinimisCeiling.On(start);
        string source = ceiling is null ? "Aucun plafond de minimis en vigueur connu à cette date" : ceiling.CitedOn(start);
        if (carrier is null || carrier.Kind.IsPublic())
        {
            return new(Ids.DeMinimis, CheckOutcome.NotApplicable,
                "De minimis : ne concerne que les aides à une entreprise, ce que le porteur n'est pas (ou le plan n'a pas de porteur).", source);
        }
        if (ceiling is null)
        {
            return new(Ids.DeMinimis, CheckOutcome.NotApplicable, $"De minimis : Funding ne connaît pas le plafond en vigueur le {FrenchFormat.Date(start)}.", source);
        }
        var aid = result.Funders.Where(f => f.Kind.IsPublic() && f.Id != carrier.Id).Sum(f => f.Total);
        if (result.Plan.Options.DeMinimisAlreadyReceived is not { } received)
        {
            return new(Ids.DeMinimis, CheckOutcome.Warning,
                $"De minimis : {carrier.Name} reçoit {FrenchFormat.Money(aid)} d'aides publiques dans ce plan ; indiquez dans les options du plan les aides de minimis déjà reçues " +
                $"pour vérifier le plafond de {FrenchFormat.Money(ceiling.Value)}, si ces aides relèvent de ce régime.", source);
        }
        var total = aid + received;
        string figures = $"{FrenchFormat.Money(received)} déjà reçus + {FrenchFormat.Money(aid)} dans ce plan = {FrenchFormat.Money(total)}, pour un plafond de {FrenchFormat.Money(ceiling.Value)}";
        return total <= ceiling.Value
            ? new(Ids.DeMinimis, CheckOutcome.Passed, $"De minimis respecté pour {carrier.Name} : {figures}.", source)
            : new(Ids.DeMinimis, CheckOutcome.Failed, $"De minimis dépassé de {FrenchFormat.Money(total - ceiling.Value)} pour {carrier.Name} : {figures}.", source);
    }
}
