using Funding.Contracts;
using Funding.Contracts.Errors;
using Funding.Contracts.Rules;
using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;
using NodaTime;
using NodaTime.Text;

namespace Funding.Contracts.Mapping;

/// <summary>Plans between the JSON contract and the domain: one place, so the contract can stay stable as the core evolves.</summary>
internal static class PlanMapping
{
    private static readonly AnnualDatePattern PayOnPattern = AnnualDatePattern.CreateWithInvariantCulture("MM'-'dd");

    /// <summary>The domain plan, or null when the request has errors (then in <paramref name="errors"/>, under <paramref name="prefix"/>).</summary>
    public static Plan? ToDomain(PlanRequest request, RequestErrors errors, string prefix = "")
    {
        string P(string path) => RequestErrors.Join(prefix, path);
        if (!NoNulls(request, P, errors))
        {
            return null;
        }
        int before = errors.Count;
        var cost = Cost(request.Cost, P("cost"), errors);
        var funders = request.Funders.Select((f, i) => Funder(f, P($"funders[{i}]"), errors)).ToArray();
        var options = Options(request.Options, P("options"), errors);
        var ceilings = (request.SharedCeilings ?? []).Select((c, i) => new SharedCeiling(c.Id, c.Name, c.FunderIds)
        {
            Rate = errors.Percent(c.RatePercent, P($"sharedCeilings[{i}].ratePercent")),
            Amount = errors.Money(c.Amount, P($"sharedCeilings[{i}].amount")),
            Scope = c.Per ?? CapScope.Period,
            Sharing = c.Sharing ?? CeilingSharing.Waterfall,
        }).ToArray();
        if (errors.Count > before || cost is null)
        {
            return null;
        }
        return new Plan(request.Name, cost, funders) { Description = request.Description, Options = options, SharedCeilings = ceilings };
    }

    /// <summary>Every list of the request without null items: checked first, so that mapping can rely on it.</summary>
    private static bool NoNulls(PlanRequest request, Func<string, string> path, RequestErrors errors)
    {
        bool ok = errors.NoNullItems(request.Funders, path("funders"));
        if (request.SharedCeilings is { } ceilings)
        {
            ok &= errors.NoNullItems(ceilings, path("sharedCeilings"));
            for (int i = 0; i < ceilings.Count; i++)
            {
                if (ceilings[i] is { } ceiling)
                {
                    ok &= errors.NoNullItems(ceiling.FunderIds, path($"sharedCeilings[{i}].funderIds"));
                }
            }
        }
        if (request.Cost is PerBudgetYearCostInput perYear)
        {
            ok &= errors.NoNullItems(perYear.Years, path("cost.years"));
        }
        for (int i = 0; i < request.Funders.Count; i++)
        {
            var funder = request.Funders[i];
            if (funder?.Payment is AdvanceAndBalancePaymentInput advance)
            {
                ok &= errors.NoNullItems(advance.Installments, path($"funders[{i}].payment.installments"));
            }
        }
        return ok;
    }

    private static CostBase? Cost(CostInput cost, string path, RequestErrors errors)
    {
        switch (cost)
        {
            case AnnualCostInput annual:
                return new AnnualCost(errors.Money(annual.AnnualAmount, $"{path}.annualAmount"), new FundingPeriod(annual.Start, annual.Months), annual.Prorata ?? ProrataBasis.Months)
                {
                    Growth = errors.Percent(annual.GrowthPercent, $"{path}.growthPercent"),
                };
            case PerBudgetYearCostInput perYear:
                if (perYear.Years.Count == 0)
                {
                    errors.Add($"{path}.years", ErrorCodes.Missing, "Donnez le coût d'au moins un exercice budgétaire.", "Give the cost of at least one budget year.");
                    return null;
                }
                return new PerBudgetYearCost(
                    perYear.Years.Select((y, i) => new BudgetYearAmount(y.Year, errors.Money(y.Amount, $"{path}.years[{i}].amount"))).ToArray(),
                    perYear.Start);
            default:
                errors.Add($"{path}.type", ErrorCodes.TypeUnknown, "Type de coût inconnu.", "Unknown cost type.");
                return null;
        }
    }

    private static Funder Funder(FunderInput funder, string path, RequestErrors errors) =>
        new(funder.Id, funder.Name, funder.Kind, RuleJson.Read(funder.Rule, $"{path}.rule", errors) ?? new RemainderRule())
        {
            Payment = funder.Payment is null ? null : Payment(funder.Payment, $"{path}.payment", errors),
            Execution = funder.Execution is { } terms
                ? new Funding.Execution.ExecutionTerms(terms.ProRata ?? false, terms.CapAtGrant ?? funder.Kind == FunderKind.State)
                : null,
            Siren = funder.Siren,
        };

    internal static KeySharePool Pool(PoolInput pool, string path, RequestErrors errors) => pool switch
    {
        FixedPoolInput fixedPool => new FixedPool(errors.Money(fixedPool.Amount, $"{path}.amount")),
        PercentOfRemainingPoolInput percent => new ShareOfRemainingPool(errors.Percent(percent.Percent, $"{path}.percent")),
        _ => throw new ArgumentOutOfRangeException(nameof(pool), pool, "Unknown pool type."),
    };

    internal static KeyShareMember Member(MemberInput member, string path, bool needsWeight, RequestErrors errors)
    {
        if (needsWeight && member.Weight is null)
        {
            errors.Add($"{path}.weight", ErrorCodes.WeightMissing,
                "Le poids manque : une clé « weight » sans « weightName » demande le poids de chacun.",
                "This field is required by a 'weight' key without 'weightName'.");
        }
        return new KeyShareMember(member.Id, member.Name, member.Kind ?? FunderKind.Epci)
        {
            Weight = member.Weight ?? 0m,
            Weights = member.Weights,
            Cap = errors.Money(member.Cap, $"{path}.cap"),
            Floor = errors.Money(member.Floor, $"{path}.floor"),
        };
    }

    private static PaymentMode Payment(PaymentInput payment, string path, RequestErrors errors)
    {
        switch (payment)
        {
            case OncePaymentInput once:
                return new OncePayment(once.Date);
            case PerBudgetYearPaymentInput perYear:
                AnnualDate? payOn = null;
                if (perYear.PayOn is { } text)
                {
                    var parsed = PayOnPattern.Parse(text);
                    if (parsed.Success)
                    {
                        payOn = parsed.Value;
                    }
                    else
                    {
                        string shown = text.Length > 20 ? text[..20] + "…" : text;
                        errors.Add($"{path}.payOn", ErrorCodes.DayInvalid,
                            $"« {shown} » n'est pas un jour de l'année au format MM-JJ (par exemple 06-30 pour le 30 juin).",
                            $"'{shown}' is not a day of the year in the format MM-DD (e.g. 06-30).");
                    }
                }
                return new PerBudgetYearPayment(perYear.Prorata, payOn);
            case AdvanceAndBalancePaymentInput advance:
                return new AdvanceAndBalancePayment(errors.Percent(advance.AdvancePercent, $"{path}.advancePercent"))
                {
                    Installments = (advance.Installments ?? []).Select((i, k) => new Installment(i.Date, errors.Percent(i.Percent, $"{path}.installments[{k}].percent"))).ToArray(),
                    BalanceDate = advance.BalanceDate,
                    AdvanceGuaranteed = advance.AdvanceGuaranteed ?? false,
                };
            case MonthlyPaymentInput:
                return new MonthlyPayment();
            default:
                throw new ArgumentOutOfRangeException(nameof(payment), payment, "Unknown payment type.");
        }
    }

    private static PlanOptions Options(PlanOptionsInput? options, string path, RequestErrors errors)
    {
        if (options is null)
        {
            return PlanOptions.Default;
        }
        var result = new PlanOptions
        {
            Rounding = errors.Rounding(options.Rounding, $"{path}.rounding"),
            CarrierId = options.CarrierId,
            PublicAidCeiling = errors.Percent(options.PublicAidCeilingPercent, $"{path}.publicAidCeilingPercent"),
            CheckLocalAuthorityOwnShare = options.CheckLocalAuthorityOwnShare,
        };
        if (options.LocalAuthorityMinimumSharePercent is { } minimum)
        {
            result = result with { LocalAuthorityMinimumShare = errors.Percent(minimum, $"{path}.localAuthorityMinimumSharePercent") };
        }
        if (options.WrittenAgreementThreshold is { } threshold)
        {
            result = result with { WrittenAgreementThreshold = errors.Money(threshold, $"{path}.writtenAgreementThreshold") };
        }
        if (options.DeMinimisAlreadyReceived is { } received)
        {
            result = result with { DeMinimisAlreadyReceived = errors.Money(received, $"{path}.deMinimisAlreadyReceived") };
        }
        return result;
    }

    /// <summary>A domain plan as the JSON contract writes it: what <c>GET /v1/samples/{id}</c> returns, ready to post back.</summary>
    public static PlanRequest ToRequest(Plan plan) => new()
    {
        Name = plan.Name,
        Description = plan.Description,
        Programme = plan.Programme is { } programme ? new ProgrammeReferenceInput { Id = programme.Id, RulesOf = programme.RulesOf, Version = programme.Version } : null,
        Cost = plan.Cost switch
        {
            AnnualCost annual => new AnnualCostInput
            {
                AnnualAmount = annual.AnnualAmount.Amount,
                Start = annual.Period.Start,
                Months = annual.Period.Months,
                Prorata = annual.Prorata == ProrataBasis.Months ? null : annual.Prorata,
                GrowthPercent = annual.Growth?.PercentValue.Plain(),
            },
            PerBudgetYearCost perYear => new PerBudgetYearCostInput
            {
                Years = perYear.Years.Select(y => new BudgetYearInput { Year = y.Year, Amount = y.Amount.Amount }).ToArray(),
                Start = perYear.Start,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Cost, "Unknown cost type."),
        },
        Funders = plan.Funders.Select(f => new FunderInput
        {
            Id = f.Id,
            Name = f.Name,
            Kind = f.Kind,
            Rule = RuleInput.From(f.Rule),
            Payment = f.Payment is null ? null : ToInput(f.Payment),
            Execution = f.Execution is { } terms ? new ExecutionTermsInput { ProRata = terms.FixedProRata, CapAtGrant = terms.CapAtGrant } : null,
            Siren = f.Siren,
        }).ToArray(),
        SharedCeilings = plan.SharedCeilings.Count == 0 ? null : plan.SharedCeilings.Select(c => new SharedCeilingInput
        {
            Id = c.Id,
            Name = c.Name,
            FunderIds = c.FunderIds,
            RatePercent = c.Rate?.PercentValue.Plain(),
            Amount = c.Amount?.Amount,
            Per = c.Scope == CapScope.Period ? null : c.Scope,
            Sharing = c.Sharing == CeilingSharing.Waterfall ? null : c.Sharing,
        }).ToArray(),
        Options = plan.Options == PlanOptions.Default ? null : new PlanOptionsInput
        {
            Rounding = plan.Options.Rounding.Name,
            CarrierId = plan.Options.CarrierId,
            PublicAidCeilingPercent = plan.Options.PublicAidCeiling?.PercentValue.Plain(),
            CheckLocalAuthorityOwnShare = plan.Options.CheckLocalAuthorityOwnShare,
            LocalAuthorityMinimumSharePercent = plan.Options.LocalAuthorityMinimumShare.PercentValue.Plain(),
            WrittenAgreementThreshold = plan.Options.WrittenAgreementThreshold?.Amount,
            DeMinimisAlreadyReceived = plan.Options.DeMinimisAlreadyReceived?.Amount,
        },
    };

    /// <summary>A group member as the contract writes it.</summary>
    internal static MemberInput ToInput(KeyShareMember m) => new()
    {
        Id = m.Id,
        Name = m.Name,
        Kind = m.Kind,
        Weight = m.Weights is null ? m.Weight : null,
        Weights = m.Weights,
        Cap = m.Cap?.Amount,
        Floor = m.Floor?.Amount,
    };

    private static PaymentInput ToInput(PaymentMode payment) => payment switch
    {
        OncePayment once => new OncePaymentInput { Date = once.Date },
        PerBudgetYearPayment perYear => new PerBudgetYearPaymentInput
        {
            Prorata = perYear.Prorata,
            PayOn = perYear.PayOn is { } day ? PayOnPattern.Format(day) : null,
        },
        AdvanceAndBalancePayment advance => new AdvanceAndBalancePaymentInput
        {
            AdvancePercent = advance.Advance.PercentValue.Plain(),
            Installments = advance.Installments.Count == 0 ? null : advance.Installments.Select(i => new InstallmentInput { Date = i.Date, Percent = i.Share.PercentValue.Plain() }).ToArray(),
            BalanceDate = advance.BalanceDate,
            AdvanceGuaranteed = advance.AdvanceGuaranteed ? true : null,
        },
        MonthlyPayment => new MonthlyPaymentInput(),
        _ => throw new ArgumentOutOfRangeException(nameof(payment), payment, "Unknown payment mode."),
    };
}
