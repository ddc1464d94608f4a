using System.Globalization;

using Funding.Core.Tests.Allocation;

namespace Funding.Core.Tests.Reports;

/// <summary>
/// The seed's figures computed a second way, without Funding's allocator, evaluator or schedules: plain integer cents
/// and the arithmetic of docs/plans.md, so that golden figures are checked against an independent computation rather
/// than copied from the program's output.
/// </summary>
/// <remarks>
/// By hand: the cost is 103 800 € × 24 / 12 = 207 600 €. The State gives min(50 % × 207 600, 80 000) = 80 000 €.
/// QBO gives 11 593,50 × 2 = 23 187 €. What is left is 207 600 − 80 000 − 23 187 = 104 413 €, half of which,
/// 52 206,50 €, the nine other EPCIs share by population (469 950 inhabitants): Brest's exact share is
/// 5 220 650 × 213 403 / 469 950 = 2 370 682,9... cents; the five leftover cents go to the largest remainders.
/// The carrier pays the other half, 52 206,50 €. Payments by budget year follow the months of each year in the period
/// April 2022 – March 2024 (9, 12 and 3 months), each split by largest remainder; the State pays once, in 2022.
/// </remarks>
public static class SeedByHand
{
    private static readonly (string Id, long Population)[] Others =
    [
        ("brest-metropole", 213_403), ("morlaix-communaute", 65_507), ("landerneau-daoulas", 49_868), ("landivisiau", 33_667),
        ("haut-leon", 31_706), ("pleyben-chateaulin-porzay", 22_863), ("crozon-aulne-maritime", 22_603),
        ("poher-communaute", 15_416), ("haute-cornouaille", 14_917),
    ];

    private static readonly long[] MonthsPerYear = [9, 12, 3];

    /// <summary>Each funder's total in cents, by id.</summary>
    public static IReadOnlyDictionary<string, long> TotalCents { get; } = Totals();

    /// <summary>Each funder's payments in 2022, 2023 and 2024, in cents.</summary>
    public static long[] PaymentsCents(string id) =>
        id == "etat" ? [TotalCents[id], 0, 0] : id == "uimm-finistere" ? CarrierByYear() : LargestRemainder(TotalCents[id], MonthsPerYear);

    /// <summary>
    /// The carrier pays each year what that year still needs: the year's cost (9, 12, 3 months) minus the State's and QBO's
    /// parts (both in proportion to the months: the State comes first, QBO's left is in the same proportions) and the
    /// group's pool split in proportion to what each year still needed before it.
    /// </summary>
    private static long[] CarrierByYear()
    {
        long[] cost = LargestRemainder(10_380_000 * 2, MonthsPerYear);
        long[] state = LargestRemainder(TotalCents["etat"], MonthsPerYear);
        long[] qbo = LargestRemainder(TotalCents["qbo"], MonthsPerYear);
        long[] left = [.. cost.Select((c, k) => c - state[k] - qbo[k])];
        long pool = Others.Sum(o => TotalCents[o.Id]);
        long[] group = LargestRemainder(pool, left);
        return [.. left.Select((l, k) => l - group[k])];
    }

    /// <summary>Cents as the RFC 4180 CSV writes them (<c>23706.83</c>).</summary>
    public static string Invariant(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static Dictionary<string, long> Totals()
    {
        const long cost = 10_380_000 * 24 / 12;
        long state = Math.Min(cost / 2, 8_000_000);
        const long qbo = 1_159_350 * 2;
        long left = cost - state - qbo;
        long pool = left / 2; // 10 441 300 is even: no rounding here
        var totals = new Dictionary<string, long> { ["etat"] = state, ["qbo"] = qbo };
        long[] shares = LargestRemainder(pool, Others.Select(o => o.Population).ToArray());
        for (int i = 0; i < Others.Length; i++)
        {
            totals[Others[i].Id] = shares[i];
        }
        totals["uimm-finistere"] = cost - state - qbo - pool;
        return totals;
    }

    /// <summary>Largest remainder on exact integers: the test suite's reference (Allocation/ReferenceSplit), not the engine.</summary>
    private static long[] LargestRemainder(long amount, long[] weights) =>
        ReferenceSplit.LargestRemainder(amount, weights.Select(w => new System.Numerics.BigInteger(w)).ToArray());
}
