using BenchmarkDotNet.Attributes;
using Funding;
using Funding.Allocation;

namespace Funding.Benchmarks;

/// <summary>
/// Splitting an amount by weights (populations) between 10, 35 000 (the communes of France) and 1 000 000 parties.
/// The baseline only multiplies each weight by the amount and sums the results: the floor no exact split can beat.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private decimal[] _weights = [];
    private AllocationParty[] _parties = [];
    private readonly Money _amount = Money.Euros(10_000_000m);

    [Params(10, 35_000, 1_000_000)]
    public int Parties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261125);
        _weights = Enumerable.Range(0, Parties).Select(_ => (decimal)random.Next(1_000, 2_500_000)).ToArray();
        _parties = _weights.Select((w, i) => new AllocationParty($"p{i}", w)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public decimal MultiplyAndSum()
    {
        decimal amount = _amount.Amount;
        decimal sum = 0m;
        foreach (decimal weight in _weights)
        {
            sum += weight * amount;
        }
        return sum;
    }

    [Benchmark]
    public Money[] LargestRemainderSplit() => LargestRemainder.Split(_amount, _weights);

    [Benchmark]
    public Allocation.Allocation ExplainedSplit() => Allocator.Split(_amount, _parties, AllocationKey.ByWeight("population"));
}
