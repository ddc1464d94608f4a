using NodaTime;

namespace Funding.Plans;

/// <summary>
/// The legal thresholds the checks use, each with its periods of validity and its source: a check takes the value in
/// force on the plan's start (the date the aid is decided for) and says which. Documented in docs/plans.md.
/// </summary>
public static class LegalParameters
{
    private const string Decree2018 = "Décret n° 2018-514 du 25 juin 2018 relatif aux subventions de l'État pour des projets d'investissement";

    /// <summary>
    /// Above this amount a year, a subsidy to a private body needs a written agreement: 23 000 € (loi n° 2000-321 du
    /// 12 avril 2000, art. 10; décret n° 2001-495 du 6 juin 2001).
    /// </summary>
    public static IReadOnlyList<DatedValue<Money>> WrittenAgreementThreshold { get; } =
    [
        new(Money.Euros(23_000m), new LocalDate(2001, 6, 6), null,
            "Loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001 (convention au-delà de 23 000 € par an)"),
    ];

    /// <summary>
    /// The largest advance of a State investment subsidy: 30 % (60 % with a first-demand guarantee) since the décret
    /// n° 2018-514 came into force on 1 October 2018. Funding knows no earlier value (the décret n° 99-1060 it replaced
    /// is not modelled): before that day the check is not applicable and says why.
    /// </summary>
    public static IReadOnlyList<DatedValue<(Rate Plain, Rate Guaranteed)>> AdvanceCeiling { get; } =
    [
        new((Rate.Percent(30), Rate.Percent(60)), new LocalDate(2018, 10, 1), null,
            Decree2018 + ", art. 12 II : avance limitée à 30 % (60 % avec une garantie à première demande)"),
    ];

    /// <summary>
    /// The most that advance and installments may reach before the balance: 80 %, or 90 % for a project of more than
    /// 48 months (décret n° 2018-514, art. 12 III, since 1 October 2018). Funding knows no earlier value.
    /// </summary>
    public static IReadOnlyList<DatedValue<(Rate UpTo48Months, Rate Beyond48Months)>> InstallmentsCeiling { get; } =
    [
        new((Rate.Percent(80), Rate.Percent(90)), new LocalDate(2018, 10, 1), null,
            Decree2018 + ", art. 12 III : acomptes limités à 80 % (90 % pour un projet de plus de 48 mois) avant le solde"),
    ];

    /// <summary>
    /// The de minimis ceiling: what an undertaking may receive as de minimis aid — 200 000 € over three fiscal years
    /// (Regulations (EC) 1998/2006, then (EU) 1407/2013) until 31 December 2023, 300 000 € over any three years since
    /// 1 January 2024 (Regulation (EU) 2023/2831).
    /// </summary>
    public static IReadOnlyList<DatedValue<Money>> DeMinimisCeiling { get; } =
    [
        new(Money.Euros(200_000m), new LocalDate(2007, 1, 1), new LocalDate(2013, 12, 31),
            "Règlement (CE) n° 1998/2006 de la Commission du 15 décembre 2006 : 200 000 € sur trois exercices fiscaux"),
        new(Money.Euros(200_000m), new LocalDate(2014, 1, 1), new LocalDate(2023, 12, 31),
            "Règlement (UE) n° 1407/2013 de la Commission du 18 décembre 2013 : 200 000 € sur trois exercices fiscaux"),
        new(Money.Euros(300_000m), new LocalDate(2024, 1, 1), null,
            "Règlement (UE) 2023/2831 de la Commission du 13 décembre 2023 : 300 000 € sur trois années glissantes"),
    ];

    /// <summary>The value in force on <paramref name="date"/>, or null when Funding knows none.</summary>
    /// <typeparam name="T">The kind of value.</typeparam>
    /// <param name="values">A parameter's dated values.</param>
    /// <param name="date">The day.</param>
    /// <returns>The value applying on that day, or null.</returns>
    public static DatedValue<T>? On<T>(this IReadOnlyList<DatedValue<T>> values, LocalDate date) =>
        Preconditions.CheckNotNull(values).FirstOrDefault(v => v.AppliesOn(date));
}
