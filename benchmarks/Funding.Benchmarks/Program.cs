using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Funding.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Funding.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
