using TicketBlue.Benchmarks;
using TicketBlue.Benchmarks.Catalog;
using TicketBlue.Benchmarks.Reminders;
using TicketBlue.Benchmarks.Dormancy;
using TicketBlue.Benchmarks.Faults;
using TicketBlue.Benchmarks.SeatMap;
using TicketBlue.Benchmarks.WaitingRoom;

// Usage: dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- inventory [--runs N] [--seats N]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- rush [--clients N] [--seats N] [--db-connections N] [--ceiling-seconds N]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- queue-rush [--clients 5000] [--seats 2000] [--queue-rate 24000] [--queue-max-active 5000] [--queue-lead 10]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- ceiling [--db-connections N] [--ceiling-seconds N]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- catalog-data [--scale 1] [--seed N]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- catalog [--repetitions 5] [--runs 3]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- queue [--clients 20000] [--refresh-rate 2000] [--refresh-seconds 20]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- reminders [--reservations 100000] [--rounds 40] [--runs 3] [--chunk 1000]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- dormancy [--customers 1000000] [--runs 3] [--row-by-row-sample 2000]
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- faults [--primary-port 3357] [--redis-port 6393] (private services only: it kills and restarts them)
//        dotnet run -c Release --project benchmarks/TicketBlue.Benchmarks -- seatmap [--steps 0,25,50,100] [--before-commit 78dbc2f] [--warm-up N] [--repetitions N] [--variant name:KEY=value;...]
var arguments = BenchmarkArguments.Parse(args);
return arguments.Name switch
{
    "inventory" => await RoundInventoryBenchmark.RunAsync(arguments),
    "rush" => await OnSaleRushBenchmark.RunAsync(arguments),
    "queue-rush" => await QueueRushBenchmark.RunAsync(arguments, args),
    "ceiling" => await CeilingBenchmark.RunAsync(arguments),
    "catalog-data" => await CatalogDataCommand.RunAsync(args),
    "catalog" => await CatalogBenchmark.RunAsync(args),
    "queue" => await WaitingRoomBenchmark.RunAsync(args),
    "seatmap" => await SeatMapMemoryBenchmark.RunAsync(args),
    "reminders" => await ShowDayReminderBenchmark.RunAsync(args),
    "dormancy" => await DormancyBenchmark.RunAsync(args),
    "faults" => await FaultDrill.RunAsync(args),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TicketBlue.Benchmarks inventory [--runs N] [--seats N] [--server \"Server=...\"]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks rush [--clients 1000] [--seats 2000] [--db-connections 64] [--app-pool N] [--ceiling-seconds 10]");
    Console.Error.WriteLine("                                  [--ceiling-rows 200000] [--port 5090] [--login-parallelism 8] [--seed N] [--redis host:port] [--app-dll PATH]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks queue-rush [--clients 5000] [--seats 2000] [--queue-rate 24000] [--queue-max-active 5000] [--queue-lead 10] [--queue-tick-ms 200] (and the rush options)");
    Console.Error.WriteLine("       TicketBlue.Benchmarks ceiling [--db-connections 64] [--ceiling-seconds 10] [--ceiling-rows 200000]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks catalog-data [--scale 1] [--seed 20261126] [--anchor 2026-12-01T00:00:00Z] [--database ticketblue_bench_catalog]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks catalog [--repetitions 5] [--runs 3] [--warmup 10] [--database ticketblue_bench_catalog] [--replica \"Server=...\"] [--only admin]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks queue [--clients 20000] [--refresh-rate 2000] [--refresh-seconds 20] [--join-concurrency 64] [--port 5091] [--redis-port 6391]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks reminders [--reservations 100000] [--rounds 40] [--runs 3] [--chunk 1000] [--database ticketblue_bench_reminders]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks seatmap [--steps 0,25,50,100] [--pages-per-context 10] [--before-commit 78dbc2f] [--before-dll PATH] [--app-dll PATH] (published apps)");
    Console.Error.WriteLine("                                     [--variants before,after] [--keep-open-seconds 0] [--page /other/page] [--port 5093] [--chromium /usr/bin/chromium] [--server \"Server=...\"] [--redis host:port]");
    Console.Error.WriteLine("                                     [--warm-up N] [--repetitions N] [--variant name:KEY=value;KEY=value]... [--smaps-dir DIR]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks dormancy [--customers 1000000] [--runs 3] [--row-by-row-sample 2000] [--chunk-size 5000] [--writers 2 | --writers 1,2] [--seed N] [--database ticketblue_bench_dormancy] [--server \"Server=...\"]");
    Console.Error.WriteLine("       TicketBlue.Benchmarks faults [--primary-port 3357] [--redis-port 6393] [--app-ports 5101,5102] [--customers 16] [--seats 2000] [--smtp-port 2526] [--slack-port 5199]");
    Console.Error.WriteLine("                                    [--steady-seconds 20] [--replica-down-seconds 30] [--redis-frozen-seconds 10] [--primary-down-seconds 10] [--notifications-down-seconds 300] [--recovery-seconds 15] [--drain-limit-seconds 300]");
    return 2;
}
