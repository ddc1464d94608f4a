using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Funding.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
