using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Web.Features.Booking;

/// <summary>
/// Writes a round's map as the browser draws it (SeatMapCanvas.razor.js): the hall as every seat map
/// draws it (<see cref="HallDrawing"/>: the seat size, the stage and the section names where they go), the seat shapes' marks, and the seats column by column — ids, x, y,
/// grade, name — so that a 3,744-seat hall is one small, well-compressing document. Nothing in it is
/// about one viewer: seat states travel separately, as bytes, over the circuit.
/// </summary>
public static class SeatMapDrawingWriter
{
    public static SeatMapDrawing Write(RoundSeatLayout layout, IReadOnlyList<string> labels, IReadOnlyDictionary<string, string> colours, SeatLabels names, string stageLabel)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(colours);
        ArgumentNullException.ThrowIfNull(names);
        var drawing = HallDrawing.Of(
            layout.Width,
            layout.Height,
            layout.Stage,
            layout.Sections.Select(section => new HallSection(section.Id, names.Section(section.Floor, section.Name))).ToList(),
            layout.Seats.Select(seat => new HallSeat(seat.RoundSeatId, seat.SectionId, seat.X, seat.Y, seat.Grade, seat.IsAccessible)).ToList());
        var radius = drawing.SeatRadius;
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("w", layout.Width);
            json.WriteNumber("h", layout.Height);
            json.WriteNumber("r", radius);
            json.WriteString("check", SeatShapes.Check(radius));
            json.WriteString("cross", SeatShapes.Cross(radius));
            WriteStage(json, drawing, stageLabel);
            WriteSections(json, drawing);
            WriteStates(json, names);

            json.WriteStartArray("colours");
            foreach (var grade in layout.Grades)
            {
                json.WriteStringValue(colours[grade.Grade]);
            }

            json.WriteEndArray();
            var grades = layout.Grades.Select((grade, index) => (grade.Grade, index)).ToDictionary(pair => pair.Grade, pair => pair.index, StringComparer.Ordinal);
            WriteColumn(json, "ids", layout.Seats, seat => json.WriteNumberValue(seat.RoundSeatId));
            WriteColumn(json, "x", layout.Seats, seat => json.WriteNumberValue(seat.X));
            WriteColumn(json, "y", layout.Seats, seat => json.WriteNumberValue(seat.Y));
            WriteColumn(json, "g", layout.Seats, seat => json.WriteNumberValue(grades[seat.Grade]));
            json.WriteStartArray("wheelchair");
            for (var index = 0; index < layout.Seats.Count; index++)
            {
                if (layout.Seats[index].IsAccessible)
                {
                    json.WriteNumberValue(index);
                }
            }

            json.WriteEndArray();
            WriteColumn(json, "labels", labels, json.WriteStringValue);
            json.WriteEndObject();
        }

        var bytes = buffer.WrittenMemory.ToArray();
        var version = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
        return new SeatMapDrawing(version, bytes, Compress(bytes, output => new BrotliStream(output, CompressionLevel.Optimal)), Compress(bytes, output => new GZipStream(output, CompressionLevel.SmallestSize)));
    }

    private static void WriteStage(Utf8JsonWriter json, HallDrawing drawing, string stageLabel)
    {
        var stage = drawing.Stage;
        if (stage.Width <= 0 || stage.Height <= 0)
        {
            json.WriteNull("stage");
            return;
        }

        json.WriteStartObject("stage");
        json.WriteNumber("x", stage.X);
        json.WriteNumber("y", stage.Y);
        json.WriteNumber("w", stage.Width);
        json.WriteNumber("h", stage.Height);
        json.WriteNumber("font", drawing.StageFont);
        json.WriteString("label", stageLabel);
        json.WriteEndObject();
    }

    /// <summary>Section names above their seats; a big hall is drawn small, so they grow with the canvas.</summary>
    private static void WriteSections(Utf8JsonWriter json, HallDrawing drawing)
    {
        json.WriteNumber("font", drawing.SectionFont);
        json.WriteStartArray("sections");
        foreach (var label in drawing.Labels)
        {
            json.WriteStartObject();
            json.WriteNumber("x", label.X);
            json.WriteNumber("y", label.Y);
            json.WriteString("name", label.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The words a screen reader says after a seat's name, by state code (see <see cref="SeatMapCodes"/>).</summary>
    private static void WriteStates(Utf8JsonWriter json, SeatLabels names)
    {
        json.WriteStartArray("states");
        foreach (var view in Enum.GetValues<Infrastructure.Booking.SeatView>())
        {
            json.WriteStringValue(names.State(view, false));
        }

        json.WriteEndArray();
        json.WriteString("selected", names.State(Infrastructure.Booking.SeatView.Available, true));
    }

    private static void WriteColumn<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            write(item);
        }

        json.WriteEndArray();
    }

    /// <summary>Once per round and language, on the request that first needs it: Brotli at its default quality (its best is far slower for little gain), gzip at its best.</summary>
    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressed = compressor(output))
        {
            compressed.Write(bytes);
        }

        return output.ToArray();
    }
}
