using TicketBlue.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- inventory [--runs N] [--seats N]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- rush [--clients N] [--seats N] [--db-connections N] [--ceiling-seconds N]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- ceiling [--db-connections N] [--ceiling-seconds N]
var arguments = BenchmarkArguments.Parse(args);
return arguments.Name switch
{
    "inventory" => await RoundInventoryBenchmark.RunAsync(arguments),
    "rush" => await OnSaleRushBenchmark.RunAsync(arguments),
    "ceiling" => await CeilingBenchmark.RunAsync(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TicketBlue.Benchmarks inventory [--runs N] [--seats N] [--server \"Server=...\"]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks rush [--clients 1000] [--seats 2000] [--db-connections 64] [--app-pool N] [--ceiling-seconds 10]");
    Console.Error.WriteLine("                                  [--ceiling-rows 200000] [--port 5090] [--login-parallelism 8] [--seed N] [--redis host:port] [--app-dll PATH]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks ceiling [--db-connections 64] [--ceiling-seconds 10] [--ceiling-rows 200000]");
    return 2;
}
