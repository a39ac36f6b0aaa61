using System.Diagnostics;
using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// The search without an index: the same three groups the engine answers (performances, performers,
/// venues; top 10 of each and how many in all) as <c>LIKE '%term%'</c> over the Korean and English
/// names, one round trip of three statements. What MariaDB can do without a full-text engine.
/// </summary>
public sealed class LikeSearch(string connectionString) : IAsyncDisposable
{
    private const string Sql = """
        SELECT Id, Title, COUNT(*) OVER () FROM Performances
        WHERE Status = 'Published' AND (Title LIKE @pattern OR EnglishTitle LIKE @pattern) ORDER BY Id LIMIT 10;
        SELECT Id, Name, COUNT(*) OVER () FROM Performers
        WHERE IsArchived = 0 AND (Name LIKE @pattern OR EnglishName LIKE @pattern) ORDER BY Id LIMIT 10;
        SELECT Id, Name, COUNT(*) OVER () FROM Venues
        WHERE IsArchived = 0 AND (Name LIKE @pattern OR EnglishName LIKE @pattern) ORDER BY Id LIMIT 10;
        """;

    private readonly MySqlConnection _connection = new(connectionString);

    public async Task OpenAsync() => await _connection.OpenAsync();

    /// <summary>Runs the search and reads every row; returns how many matched in all and how long it took.</summary>
    public async Task<(long Total, TimeSpan Elapsed)> SearchAsync(string text)
    {
        var clock = Stopwatch.StartNew();
        await using var command = new MySqlCommand(Sql, _connection);
        command.Parameters.AddWithValue("@pattern", $"%{Escape(text)}%");
        await using var reader = await command.ExecuteReaderAsync();
        long total = 0;
        do
        {
            var first = true;
            while (await reader.ReadAsync())
            {
                if (first)
                {
                    total += reader.GetInt64(2);
                    first = false;
                }
            }
        }
        while (await reader.NextResultAsync());

        return (total, clock.Elapsed);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
