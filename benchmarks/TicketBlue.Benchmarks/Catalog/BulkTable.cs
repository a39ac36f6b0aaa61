using System.Data;
using MySqlConnector;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Rows for one table, sent to MariaDB in chunks with LOAD DATA LOCAL INFILE (MySqlBulkCopy):
/// one statement per chunk, never one INSERT per row. LOAD DATA LOCAL skips duplicate keys with a
/// warning instead of failing, so every chunk's inserted count is checked.
/// </summary>
public sealed class BulkTable : IDisposable
{
    private const int ChunkRows = 25_000;
    private readonly MySqlConnection _connection;
    private readonly string _name;
    private readonly DataTable _rows = new();

    public BulkTable(MySqlConnection connection, string name, params string[] columns)
    {
        _connection = connection;
        _name = name;
        foreach (var column in columns)
        {
            _rows.Columns.Add(column, typeof(object));
        }
    }

    public long Written { get; private set; }

    public async Task AddAsync(params object?[] values)
    {
        _rows.Rows.Add(values.Select(value => value ?? DBNull.Value).ToArray());
        if (_rows.Rows.Count >= ChunkRows)
        {
            await FlushAsync();
        }
    }

    public void Dispose() => _rows.Dispose();

    public async Task FlushAsync()
    {
        if (_rows.Rows.Count == 0)
        {
            return;
        }

        var copy = new MySqlBulkCopy(_connection) { DestinationTableName = _name, BulkCopyTimeout = 600 };
        for (var ordinal = 0; ordinal < _rows.Columns.Count; ordinal++)
        {
            copy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(ordinal, _rows.Columns[ordinal].ColumnName));
        }

        var result = await copy.WriteToServerAsync(_rows);
        if (result.RowsInserted != _rows.Rows.Count || result.Warnings.Count > 0)
        {
            var warnings = string.Join("; ", result.Warnings.Take(3).Select(warning => warning.Message));
            throw new InvalidOperationException($"{_name}: {result.RowsInserted} of {_rows.Rows.Count} rows loaded. {warnings}");
        }

        Written += _rows.Rows.Count;
        _rows.Clear();
    }
}
