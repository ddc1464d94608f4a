using Funding.Allocation;
using Funding.Rules;
using Funding.Schedules;
using NodaTime;

namespace Funding.Plans;

/// <summary>The built-in sample plans.</summary>
public static class SamplePlans
{
    /// <summary>The id of the seed case.</summary>
    public const string TerritoireIndustrieFinistereId = "territoire-industrie-finistere";

    /// <summary>The id of the mixed-key example.</summary>
    public const string MixedKeyExampleId = "poste-mutualise-cle-mixte";

    /// <summary>The id of the « Petites villes de demain » project manager post.</summary>
    public const string PetitesVillesDeDemainId = "petites-villes-de-demain";

    /// <summary>The populations of the ten EPCIs of the Finistère (INSEE, population municipale 2025).</summary>
    public static IReadOnlyList<(string Id, string Name, decimal Population)> FinistereEpcis { get; } =
    [
        ("brest-metropole", "Brest Métropole", 213_403m),
        ("qbo", "Quimper Bretagne Occidentale", 102_574m),
        ("morlaix-communaute", "Morlaix Communauté", 65_507m),
        ("landerneau-daoulas", "Pays de Landerneau-Daoulas", 49_868m),
        ("landivisiau", "Pays de Landivisiau", 33_667m),
        ("haut-leon", "Haut-Léon Communauté", 31_706m),
        ("pleyben-chateaulin-porzay", "Pleyben-Châteaulin-Porzay", 22_863m),
        ("crozon-aulne-maritime", "Presqu'île de Crozon-Aulne maritime", 22_603m),
        ("poher-communaute", "Poher Communauté", 15_416m),
        ("haute-cornouaille", "Haute Cornouaille", 14_917m),
    ];

    /// <summary>
    /// The seed case: the "Territoire d'industrie Finistère" project manager, per the deliberation of Quimper Bretagne
    /// Occidentale of 17 March 2022.
    /// </summary>
    public static SamplePlan TerritoireIndustrieFinistere { get; } = new(
        TerritoireIndustrieFinistereId,
        "Chargé(e) de mission Territoire d'industrie Finistère (délibération QBO du 17 mars 2022)",
        new Plan(
            "Chargé(e) de mission Territoire d'industrie Finistère",
            new AnnualCost(Money.Euros(103_800m), new FundingPeriod(new LocalDate(2022, 4, 1), 24)),
            [
                new Funder("etat", "État", FunderKind.State, new RateRule(Rate.Percent(50)) { Cap = Money.Euros(80_000m) })
                {
                    Payment = new OncePayment(),
                },
                new Funder("qbo", "Quimper Bretagne Occidentale", FunderKind.Epci, new FixedAnnualRule(Money.Euros(11_593.50m)))
                {
                    Payment = new PerBudgetYearPayment(),
                },
                new Funder(
                    "autres-epci",
                    "Autres EPCI du Finistère",
                    FunderKind.Epci,
                    new KeyShareRule(
                        new ShareOfRemainingPool(Rate.Percent(50)),
                        AllocationKey.ByWeight("population"),
                        FinistereEpcis.Where(e => e.Id != "qbo").Select(e => new KeyShareMember(e.Id, e.Name, FunderKind.Epci) { Weight = e.Population }).ToArray()))
                {
                    Payment = new PerBudgetYearPayment(),
                },
                new Funder("uimm-finistere", "UIMM Finistère", FunderKind.Private, new RemainderRule())
                {
                    Payment = new PerBudgetYearPayment(),
                },
            ])
        {
            Description =
                "Poste de chargé(e) de mission porté par l'UIMM Finistère : 103 800 € par an sur 24 mois (207 600 €). " +
                "Chiffres de la délibération : l'État finance 50 % du poste, plafonné à 80 000 €, versés en une fois ; " +
                "Quimper Bretagne Occidentale verse 11 593,50 € par an sur 2 ans. " +
                "Données illustratives, que la délibération ne donne pas : le début au 1er avril 2022 ; la part des neuf autres EPCI, " +
                "50 % du reste à financer répartis selon leur population municipale INSEE 2025 ; l'UIMM Finistère paie le reste.",
        });

    /// <summary>
    /// An illustrative pooled post carried by an intercommunality: a region's rate with an advance, the other EPCIs by
    /// a mixed key (50 % population + 50 % equal parts) with a cap, the carrier's remainder — every rule and check at work.
    /// </summary>
    public static SamplePlan MixedKeyExample { get; } = new(
        MixedKeyExampleId,
        "Poste mutualisé, clé mixte 50 % population + 50 % parts égales (exemple illustratif)",
        new Plan(
            "Poste mutualisé de chargé(e) de mission économie",
            new AnnualCost(Money.Euros(60_000m), new FundingPeriod(new LocalDate(2025, 9, 1), 36)),
            [
                new Funder("region-bretagne", "Région Bretagne", FunderKind.Region, new RateRule(Rate.Percent(30)) { Cap = Money.Euros(50_000m) })
                {
                    Payment = new AdvanceAndBalancePayment(Rate.Percent(30))
                    {
                        Installments = [new Installment(new LocalDate(2026, 9, 1), Rate.Percent(40))],
                    },
                },
                new Funder(
                    "epci-partenaires",
                    "EPCI partenaires",
                    FunderKind.Epci,
                    new KeyShareRule(
                        new FixedPool(Money.Euros(60_000m)),
                        AllocationKey.Mixed(
                            new MixedKeyComponent(Rate.Percent(50), AllocationKey.ByWeight("population", "population")),
                            new MixedKeyComponent(Rate.Percent(50), AllocationKey.EqualParts)),
                        FinistereEpcis.Where(e => e.Id != "qbo").Select(e => new KeyShareMember(e.Id, e.Name, FunderKind.Epci)
                        {
                            Weights = new Dictionary<string, decimal> { ["population"] = e.Population },
                            Cap = e.Id == "brest-metropole" ? Money.Euros(12_000m) : null,
                        }).ToArray()))
                {
                    Payment = new PerBudgetYearPayment(),
                },
                new Funder("qbo", "Quimper Bretagne Occidentale", FunderKind.Epci, new RemainderRule())
                {
                    Payment = new MonthlyPayment(),
                },
            ])
        {
            Description =
                "Exemple illustratif (chiffres inventés) : un poste à 60 000 € par an sur 36 mois, porté par Quimper Bretagne Occidentale. " +
                "La Région finance 30 % (plafond 50 000 €) avec une avance de 30 % et un acompte de 40 % ; neuf EPCI partenaires se partagent " +
                "60 000 € selon une clé mixte, Brest Métropole étant plafonnée à 12 000 € ; le porteur paie le reste, ce qui active les " +
                "contrôles propres aux collectivités (participation minimale de 20 %, plafond d'aides publiques de 80 %).",
        });

    /// <summary>
    /// A « Petites villes de demain » project manager: ANCT, Banque des Territoires and the State together fund 75 % of
    /// the post's annual charged cost, at most 45 000 € a year (aides-territoires, « Co-financement d'un poste de chef de
    /// projet PVD »); the commune pays the rest. Each partner states 25 %; their shared ceiling, per budget year and pro
    /// rata, brings the three back to 45 000 € a year.
    /// </summary>
    public static SamplePlan PetitesVillesDeDemain { get; } = new(
        PetitesVillesDeDemainId,
        "Chef(fe) de projet Petites villes de demain : 75 % du coût annuel, au plus 45 000 € par an (ANCT, Banque des Territoires, État)",
        new Plan(
            "Chef(fe) de projet Petites villes de demain",
            new AnnualCost(Money.Euros(64_000m), new FundingPeriod(new LocalDate(2025, 1, 1), 36)),
            [
                PvdPartner("anct", "Agence nationale de la cohésion des territoires (ANCT)"),
                PvdPartner("banque-des-territoires", "Banque des Territoires"),
                PvdPartner("etat", "État"),
                new Funder("commune", "Commune", FunderKind.Municipality, new RemainderRule())
                {
                    Payment = new PerBudgetYearPayment(),
                },
            ])
        {
            SharedCeilings =
            [
                new SharedCeiling("plafond-pvd", "partenaires PVD", ["anct", "banque-des-territoires", "etat"])
                {
                    Rate = Rate.Percent(75),
                    Amount = Money.Euros(45_000m),
                    Scope = CapScope.BudgetYear,
                    Sharing = CeilingSharing.ProRata,
                },
            ],
            Description =
                "Programme Petites villes de demain : l'ANCT, la Banque des Territoires et l'État financent ensemble 75 % du coût annuel chargé " +
                "du poste de chef(fe) de projet, au plus 45 000 € par an (source : aides-territoires, « Co-financement d'un poste de chef de projet PVD »). " +
                "Données illustratives : un coût chargé de 64 000 € par an du 1er janvier 2025 au 31 décembre 2027 ; chaque partenaire affiche 25 %, " +
                "le plafond commun les ramène au prorata à 45 000 € par an ; la commune paie le reste.",
        });

    /// <summary>The id of the « Petites villes de demain » post with ANAH.</summary>
    public const string PetitesVillesDeDemainAnahId = "petites-villes-de-demain-anah";

    /// <summary>
    /// The PVD post when ANAH joins: ANAH's own part is 50 % of the annual cost, at most 40 000 € a year, and the partners
    /// — ANAH included — together fund at most 55 000 € a year (aides-territoires, « Co-financement d'un poste de chef de
    /// projet PVD »). The figures are illustrative.
    /// </summary>
    public static SamplePlan PetitesVillesDeDemainAnah { get; } = new(
        PetitesVillesDeDemainAnahId,
        "Chef(fe) de projet Petites villes de demain avec l'ANAH : ANAH 50 % (au plus 40 000 € par an), partenaires ensemble au plus 55 000 € par an",
        new Plan(
            "Chef(fe) de projet Petites villes de demain (avec l'ANAH)",
            new AnnualCost(Money.Euros(80_000m), new FundingPeriod(new LocalDate(2025, 1, 1), 36)),
            [
                new Funder("anah", "Agence nationale de l'habitat (ANAH)", FunderKind.State,
                    new RateRule(Rate.Percent(50)) { Cap = Money.Euros(40_000m), CapScope = CapScope.BudgetYear })
                {
                    Payment = new PerBudgetYearPayment(),
                },
                PvdPartner("anct", "Agence nationale de la cohésion des territoires (ANCT)", 10),
                PvdPartner("banque-des-territoires", "Banque des Territoires", 10),
                PvdPartner("etat", "État", 10),
                new Funder("commune", "Commune", FunderKind.Municipality, new RemainderRule())
                {
                    Payment = new PerBudgetYearPayment(),
                },
            ])
        {
            SharedCeilings =
            [
                new SharedCeiling("plafond-pvd-anah", "partenaires PVD avec l'ANAH", ["anah", "anct", "banque-des-territoires", "etat"])
                {
                    Rate = Rate.Percent(75),
                    Amount = Money.Euros(55_000m),
                    Scope = CapScope.BudgetYear,
                    Sharing = CeilingSharing.ProRata,
                },
            ],
            Description =
                "Programme Petites villes de demain avec l'ANAH : la part de l'ANAH est de 50 % du coût annuel, au plus 40 000 € par an, et les " +
                "partenaires, ANAH comprise, financent ensemble au plus 55 000 € par an (source : aides-territoires, « Co-financement d'un poste de " +
                "chef de projet PVD »). Données illustratives : un coût chargé de 80 000 € par an du 1er janvier 2025 au 31 décembre 2027 ; l'ANCT, " +
                "la Banque des Territoires et l'État affichent chacun 10 % ; le plafond commun (75 % et 55 000 € par an) est partagé au prorata ; " +
                "la commune paie le reste.",
        });

    private static Funder PvdPartner(string id, string name, decimal percent = 25) =>
        new(id, name, id == "banque-des-territoires" ? FunderKind.OtherPublic : FunderKind.State, new RateRule(Rate.Percent(percent)) { CapScope = CapScope.BudgetYear })
        {
            Payment = new PerBudgetYearPayment(),
        };

    /// <summary>Every sample, by id.</summary>
    public static IReadOnlyList<SamplePlan> All { get; } = [TerritoireIndustrieFinistere, MixedKeyExample, PetitesVillesDeDemain, PetitesVillesDeDemainAnah];

    /// <summary>Finds a sample by id.</summary>
    /// <param name="id">The sample id.</param>
    /// <param name="sample">The sample when found.</param>
    /// <returns>Whether a sample has this id.</returns>
    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SamplePlan? sample)
    {
        sample = All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
        return sample is not null;
    }
}
