using System.Globalization;
using Funding.Allocation;
using Funding.Formatting;
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
        ValidateText(plan.Name, FieldPath.Of("name"), "The plan", errors);
        if (plan.Description is { } description)
        {
            string? problem = description.Length > FundingLimits.MaxDescriptionLength
                ? $"The description is {description.Length} characters long, beyond the limit of {FundingLimits.MaxDescriptionLength}."
                : FundingText.TextProblem(description, multiLine: true);
            if (problem is not null)
            {
                errors.Add(FieldPath.Of("description"), problem);
            }
        }
        var period = ValidateCost(plan.Cost, errors);
        ValidateFunders(plan, period, errors);
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
                NonNegative(annual.AnnualAmount, FieldPath.Of("cost").Field("annualAmount"), "The annual cost", errors);
                return ValidatePeriod(annual.Period, FieldPath.Of("cost"), errors);
            case PerBudgetYearCost perYear:
                if (perYear.Years is not { Count: > 0 })
                {
                    errors.Add(FieldPath.Of("cost").Field("years"), "Give the cost of at least one budget year.");
                    return null;
                }
                if (perYear.Years.Count > FundingLimits.MaxMonths / 12)
                {
                    errors.Add(FieldPath.Of("cost").Field("years"), $"{perYear.Years.Count} budget years is beyond the limit of {FundingLimits.MaxMonths / 12}.");
                    return null;
                }
                bool yearsValid = true;
                for (int i = 0; i < perYear.Years.Count; i++)
                {
                    var year = perYear.Years[i];
                    if (year.Year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
                    {
                        errors.Add(FieldPath.Of("cost").Field("years").Item(i).Field("year"), $"The budget year {year.Year} is out of range: it must be between {FundingLimits.MinYear} and {FundingLimits.MaxYear}.");
                        yearsValid = false;
                    }
                    else if (i > 0 && year.Year != perYear.Years[i - 1].Year + 1)
                    {
                        errors.Add(FieldPath.Of("cost").Field("years").Item(i).Field("year"), $"The budget years must be consecutive and in ascending order: {year.Year} follows {perYear.Years[i - 1].Year}.");
                        yearsValid = false;
                    }
                    NonNegative(year.Amount, FieldPath.Of("cost").Field("years").Item(i).Field("amount"), $"The cost of {year.Year}", errors);
                }
                if (perYear.Start is { } start && yearsValid)
                {
                    if (start.Year != perYear.Years[0].Year || start.Day != 1)
                    {
                        errors.Add(FieldPath.Of("cost").Field("start"), $"The start, {start:yyyy-MM-dd}, must be the first day of a month of the first budget year, {perYear.Years[0].Year}.");
                        yearsValid = false;
                    }
                }
                return yearsValid ? perYear.Period : null;
            case null:
                errors.Add(FieldPath.Of("cost"), "The plan needs a cost.");
                return null;
            default:
                errors.Add(FieldPath.Of("cost").Field("type"), $"Unknown cost type {cost.GetType().Name}.");
                return null;
        }
    }

    private static FundingPeriod? ValidatePeriod(FundingPeriod period, FieldPath path, ValidationErrors errors)
    {
        bool valid = true;
        if (period.Months is < 1 or > FundingLimits.MaxMonths)
        {
            errors.Add(path.Field("months"), $"The duration of {period.Months} months is out of range: it must be between 1 and {FundingLimits.MaxMonths} months.");
            valid = false;
        }
        if (period.Start.Calendar != CalendarSystem.Iso || period.Start.Year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
        {
            errors.Add(path.Field("start"), $"The start date {period.Start:yyyy-MM-dd} is out of range: it must be between {FundingLimits.MinYear}-01-01 and {FundingLimits.MaxYear}-12-31.");
            valid = false;
        }
        else if (valid && period.End.Year > FundingLimits.MaxYear)
        {
            errors.Add(path.Field("months"), $"The period would end on {period.End:yyyy-MM-dd}, after {FundingLimits.MaxYear}-12-31.");
            valid = false;
        }
        return valid ? period : null;
    }

    private static void ValidateFunders(Plan plan, FundingPeriod? period, ValidationErrors errors)
    {
        if (plan.Funders is not { Count: > 0 })
        {
            errors.Add(FieldPath.Of("funders"), "The plan needs at least one funder.");
            return;
        }
        int payers = plan.Funders.Sum(f => f?.Rule is KeyShareRule { Members: { } members } ? members.Count : 1);
        if (payers > FundingLimits.MaxPlanFunders)
        {
            errors.Add(FieldPath.Of("funders"), $"The plan has {payers} funders (group members included), beyond the limit of {FundingLimits.MaxPlanFunders}.");
            return;
        }

        var ids = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        void Id(string? id, FieldPath path)
        {
            if (ValidateId(id, path, errors) && !ids.TryAdd(id!, path))
            {
                errors.Add(path, $"The id '{id}' is used twice (also by {ids[id!].Parent()}): ids must be unique.");
            }
        }

        FieldPath? remainderPath = null;
        for (int i = 0; i < plan.Funders.Count && !errors.IsFull; i++)
        {
            var path = FieldPath.Of("funders").Item(i);
            var funder = plan.Funders[i];
            if (funder is null)
            {
                errors.Add(path, "A funder is missing.");
                continue;
            }
            Id(funder.Id, path.Field("id"));
            ValidateText(funder.Name, path.Field("name"), "The name", errors);
            if (!Enum.IsDefined(funder.Kind))
            {
                errors.Add(path.Field("kind"), $"Unknown funder kind {funder.Kind}.");
            }
            ValidateRule(funder.Rule, path.Field("rule"), Id, errors);
            if (funder.Rule is RemainderRule)
            {
                if (remainderPath is not null)
                {
                    errors.Add(path.Field("rule").Field("type"), $"Only one funder can pay the remainder; {remainderPath} already does.");
                }
                remainderPath ??= path;
            }
            if (period is not null)
            {
                ValidatePayment(funder.Payment, period, path.Field("payment"), errors);
            }
        }
    }

    private static void ValidateRule(ContributionRule? rule, FieldPath path, Action<string?, FieldPath> id, ValidationErrors errors)
    {
        if (rule?.Cap is { } cap)
        {
            NonNegative(cap, path.Field("cap"), "The cap", errors);
        }
        switch (rule)
        {
            case RateRule rate:
                if (rate.EligibleBase is { } eligible)
                {
                    NonNegative(eligible, path.Field("eligibleBase"), "The eligible base", errors);
                }
                if (rate.Floor is { } floor)
                {
                    NonNegative(floor, path.Field("floor"), "The floor", errors);
                    if (rate.Cap is { } c && c < floor)
                    {
                        errors.Add(path.Field("cap"), $"The cap {c} is below the floor {floor}.");
                    }
                }
                break;
            case FixedAnnualRule annual:
                NonNegative(annual.AnnualAmount, path.Field("annualAmount"), "The annual amount", errors);
                break;
            case FixedTotalRule total:
                NonNegative(total.Amount, path.Field("amount"), "The amount", errors);
                break;
            case KeyShareRule keyShare:
                ValidateKeyShare(keyShare, path, id, errors);
                break;
            case RemainderRule:
                break;
            case null:
                errors.Add(path, "The funder needs a contribution rule.");
                break;
            default:
                errors.Add(path.Field("type"), $"Unknown rule type {rule.GetType().Name}.");
                break;
        }
    }

    private static void ValidateKeyShare(KeyShareRule rule, FieldPath path, Action<string?, FieldPath> id, ValidationErrors errors)
    {
        switch (rule.Pool)
        {
            case FixedPool fixedPool:
                NonNegative(fixedPool.Amount, path.Field("pool").Field("amount"), "The pool", errors);
                break;
            case ShareOfRemainingPool:
                break;
            default:
                errors.Add(path.Field("pool"), "The group needs a pool: a fixed amount or a percentage of what is left to fund.");
                break;
        }
        if (rule.Members is not { Count: > 0 })
        {
            errors.Add(path.Field("members"), "A key-share group needs at least one member.");
            return;
        }
        if (rule.Key is null)
        {
            errors.Add(path.Field("key"), "A key-share group needs an allocation key.");
            return;
        }
        for (int j = 0; j < rule.Members.Count; j++)
        {
            var member = rule.Members[j];
            var memberPath = path.Field("members").Item(j);
            if (member is null)
            {
                errors.Add(memberPath, "A member is missing.");
                continue;
            }
            id(member.Id, memberPath.Field("id"));
            ValidateText(member.Name, memberPath.Field("name"), "The name", errors);
        }
        if (errors.Any)
        {
            return;
        }

        // The key and the members' weights, caps and floors are validated by the allocation engine's own rules, without
        // splitting (the floors are checked against the real pool when it is known); its paths are renamed into the plan's.
        foreach (var error in Allocator.Validate(MemberParties(rule), rule.Key))
        {
            errors.Add(MemberPath(path, error.Field), error.Message);
        }
    }

    internal static AllocationParty[] MemberParties(KeyShareRule rule) =>
        rule.Members.Select(m => new AllocationParty(m.Id, m.Weight) { Name = m.Name, Weights = m.Weights, Cap = m.Cap, Floor = m.Floor }).ToArray();

    /// <summary>
    /// An error of the allocation engine in the plan's terms: the engine's <c>parties[j]…</c> are the group's
    /// <c>members[j]…</c>, its <c>key…</c> is the group's key; anything else concerns the group as a whole.
    /// </summary>
    internal static FieldPath MemberPath(FieldPath rulePath, FieldPath allocationPath) =>
        allocationPath.StartsWith("parties") ? rulePath.Field("members").Append(allocationPath.Rest())
        : allocationPath.StartsWith("key") ? rulePath.Append(allocationPath)
        : rulePath;

    private static void ValidatePayment(PaymentMode? payment, FundingPeriod period, FieldPath path, ValidationErrors errors)
    {
        // Payments may fall from a year before the period to two years after it (a balance paid late), not beyond.
        var earliest = period.Start.PlusYears(-1);
        var latest = period.End.PlusYears(2);
        void Date(LocalDate date, FieldPath datePath, string what)
        {
            if (date.Calendar != CalendarSystem.Iso || date < earliest || date > latest)
            {
                errors.Add(datePath, $"{what} {date:yyyy-MM-dd} is outside the sensible range for this plan, from {earliest:yyyy-MM-dd} to {latest:yyyy-MM-dd}.");
            }
        }

        switch (payment)
        {
            case null or PerBudgetYearPayment or MonthlyPayment:
                break;
            case OncePayment { Date: { } date }:
                Date(date, path.Field("date"), "The payment date");
                break;
            case OncePayment:
                break;
            case AdvanceAndBalancePayment advance:
            {
                var installments = advance.Installments ?? [];
                if (installments.Count > FundingLimits.MaxInstallments)
                {
                    errors.Add(path.Field("installments"), $"{installments.Count} installments is beyond the limit of {FundingLimits.MaxInstallments}.");
                    break;
                }
                decimal total = advance.Advance.PercentValue;
                for (int k = 0; k < installments.Count; k++)
                {
                    var installment = installments[k];
                    total += installment.Share.PercentValue;
                    if (installment.Date < period.Start || installment.Date > period.End)
                    {
                        errors.Add(path.Field("installments").Item(k).Field("date"), $"The installment date {installment.Date:yyyy-MM-dd} is outside the period, from {period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}.");
                    }
                    else if (k > 0 && installment.Date < installments[k - 1].Date)
                    {
                        errors.Add(path.Field("installments").Item(k).Field("date"), "The installments must be in date order.");
                    }
                }
                if (total > 100m)
                {
                    errors.Add(path.Field("advance"), $"The advance and installments add up to {total.ToString(CultureInfo.InvariantCulture)} %, more than 100 % of the contribution.");
                }
                if (advance.BalanceDate is { } balanceDate)
                {
                    Date(balanceDate, path.Field("balanceDate"), "The balance date");
                    if (balanceDate < period.Start || (installments.Count > 0 && balanceDate < installments[^1].Date))
                    {
                        errors.Add(path.Field("balanceDate"), $"The balance date {balanceDate:yyyy-MM-dd} comes before the start or an installment.");
                    }
                }
                break;
            }
            default:
                errors.Add(path.Field("type"), $"Unknown payment mode {payment.GetType().Name}.");
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
            AnnualCost annual => period.Prorate(annual.AnnualAmount),
            PerBudgetYearCost perYear => perYear.Years.Sum(y => y.Amount.Amount),
            _ => 0m,
        };
        if (cost > max)
        {
            errors.Add(plan.Cost is AnnualCost ? FieldPath.Of("cost").Field("annualAmount") : FieldPath.Of("cost").Field("years"),
                $"The total cost would be {FrenchFormat.Number(cost, 2)} €, beyond the supported {FrenchFormat.Money(Money.MaxValue)}.");
        }
        decimal promised = 0m;
        for (int i = 0; i < plan.Funders.Count; i++)
        {
            decimal amount = plan.Funders[i].Rule switch
            {
                FixedAnnualRule annual => period.Prorate(annual.AnnualAmount),
                FixedTotalRule total => total.Amount.Amount,
                KeyShareRule { Pool: FixedPool pool } => pool.Amount.Amount,
                _ => 0m,
            };
            if (amount > max)
            {
                errors.Add(FieldPath.Of("funders").Item(i).Field("rule"), $"This contribution would be {FrenchFormat.Number(amount, 2)} €, beyond the supported {FrenchFormat.Money(Money.MaxValue)}.");
            }
            promised += amount;
        }
        if (promised > max)
        {
            errors.Add(FieldPath.Of("funders"), $"The promised amounts add up to {FrenchFormat.Number(promised, 2)} €, beyond the supported {FrenchFormat.Money(Money.MaxValue)}.");
        }

        int years = period.End.Year - period.Start.Year + 1;
        long payments = plan.Funders.Sum(f =>
        {
            int payers = f.Rule is KeyShareRule keyShare ? keyShare.Members.Count : 1;
            int each = (f.Payment ?? Schedules.PaymentMode.DefaultFor(f.Rule)) switch
            {
                Schedules.MonthlyPayment => period.Months,
                Schedules.PerBudgetYearPayment => years,
                Schedules.AdvanceAndBalancePayment advance => (advance.Installments?.Count ?? 0) + 2,
                _ => 1,
            };
            return (long)payers * each;
        });
        if (payments > FundingLimits.MaxPayments)
        {
            errors.Add(FieldPath.Of("funders"), $"The schedules would hold {payments} payments, beyond the limit of {FundingLimits.MaxPayments}: pay some funders per budget year rather than monthly, or shorten the period.");
        }
    }

    private static void ValidateOptions(Plan plan, ValidationErrors errors)
    {
        var options = plan.Options;
        if (options is null)
        {
            errors.Add(FieldPath.Of("options"), "The plan's options are missing.");
            return;
        }
        if (options.CarrierId is { } carrierId && plan.Funders is not null)
        {
            bool exists = plan.Funders.Any(f => f?.Id == carrierId || (f?.Rule is KeyShareRule { Members: { } ms } && ms.Any(m => m?.Id == carrierId)));
            if (!exists)
            {
                errors.Add(FieldPath.Of("options").Field("carrierId"), $"No funder has the id '{carrierId}' given as the carrier.");
            }
        }
        if (options.WrittenAgreementThreshold is { } threshold)
        {
            NonNegative(threshold, FieldPath.Of("options").Field("writtenAgreementThreshold"), "The threshold", errors);
        }
        if (options.DeMinimisAlreadyReceived is { } received)
        {
            NonNegative(received, FieldPath.Of("options").Field("deMinimisAlreadyReceived"), "The de minimis aid already received", errors);
        }
    }

    private static bool ValidateText(string? text, FieldPath path, string what, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(path, $"{what} must not be empty.");
            return false;
        }
        if (FundingText.NameProblem(text, what) is { } problem)
        {
            errors.Add(path, problem);
            return false;
        }
        return true;
    }

    private static bool ValidateId(string? id, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(path, "The id must not be empty.");
            return false;
        }
        if (FundingText.IdProblem(id) is { } problem)
        {
            errors.Add(path, problem);
            return false;
        }
        return true;
    }

    private static void NonNegative(Money amount, FieldPath path, string what, ValidationErrors errors)
    {
        if (amount.IsNegative)
        {
            errors.Add(path, $"{what}, {amount}, is negative: it must be zero or positive.");
        }
    }
}
