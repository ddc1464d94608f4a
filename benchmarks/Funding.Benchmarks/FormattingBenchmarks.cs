using BenchmarkDotNet.Attributes;
using Funding;
using Funding.Formatting;

namespace Funding.Benchmarks;

/// <summary>The cost of the French figures that every explanation sentence contains.</summary>
[MemoryDiagnoser]
public class FormattingBenchmarks
{
    private readonly Money _amount = Money.Euros(11_593.50m);

    [Benchmark(Baseline = true)]
    public string InvariantDecimal() => _amount.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Benchmark]
    public string FrenchMoney() => FrenchFormat.Money(_amount);

    [Benchmark]
    public string AmountInWords() => FrenchWords.Amount(_amount);
}
