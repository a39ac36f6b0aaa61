using TicketBlue.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- inventory [--runs N] [--seats N]
var arguments = BenchmarkArguments.Parse(args);
return arguments.Name switch
{
    "inventory" => await RoundInventoryBenchmark.RunAsync(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TicketBlue.Benchmarks inventory [--runs N] [--seats N] [--server \"Server=...\"]");
    return 2;
}
