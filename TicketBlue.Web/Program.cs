using Serilog;
using TicketBlue.DemoData;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web;
using TicketBlue.Web.Observability;

var builder = WebApplication.CreateBuilder(args);

builder.AddLogging();
builder.AddInfrastructure();
// The demo catalogue lives in its own assembly; it is loaded only with Database:SeedDemoData (development).
builder.Services.AddDemoData();
builder.AddWebServices();
builder.AddObservability();
builder.AddJobScheduling();
builder.Services.AddFeatures();
builder.Services.AddBookingApi();

// Last: wraps whichever search engine was registered above in the Redis result cache (ADR-005).
builder.Services.AddCatalogSearchCache();

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();

app.UseWebPipeline();
app.MapWebEndpoints();

app.Run();

/// <summary>Entry point, public so the tests' WebApplicationFactory can start the real app.</summary>
public partial class Program;
