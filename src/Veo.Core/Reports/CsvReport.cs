using System.Globalization;
using System.Text;

namespace Veo.Core.Reports;

/// <summary>
/// A batch's report as a spreadsheet: the review page's rows (HtmlReport), one a line, as RFC 4180 CSV in UTF-8, so
/// Import-Csv and Excel read them as written in any culture: times in ISO 8601 round-trip form in UTC
/// ("2026-12-06T17:20:09.6076153+00:00", the "o" format: text order is time order, and the instant comes back whole),
/// numbers in the invariant culture (0.4, 8.042), statuses by name, durations in seconds, and each file's path relative
/// to the CSV (the full path when none exists), as the page links it.
/// </summary>
/// <remarks>
/// A writer of its own, not CsvHelper 34 (tried): that package's builds differ in API, so Veo.Core, built against its
/// netstandard2.0 build, fails on a host that resolves its net8.0+ build (MissingMethodException for WriteHeader(string[])
/// and for every init-only option setter, seen under the net10.0 test host); and writing is all this needs, which
/// RFC 4180 section 2 makes a few lines: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled, and
/// each record ends with CRLF. A text that starts with = + - @, a tab or CR, which a spreadsheet would run as a formula,
/// gets a single quote in front and is quoted, as OWASP's "CSV Injection" page advises
/// (owasp.org/www-community/attacks/CSV_Injection, read 2026-12-06): Excel shows the text after the quote, and
/// Import-Csv reads the quote too.
/// </remarks>
public static class CsvReport
{
    /// <summary>The columns, in order: what Import-Csv's objects have as properties.</summary>
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "Id", "Route", "Model", "Prompt", "Batch", "Row", "State", "Status", "Cost", "Path", "Duration", "Resolution", "HasAudio",
        "Error", "ErrorCode", "CreatedAt", "CompletedAt",
    };

    /// <summary>Writes the CSV to <paramref name="path"/> (replacing it whole: a reader never sees half a file).</summary>
    public static void Write(string path, IReadOnlyList<ReportEntry> entries)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        ReportFile.Replace(path, stream => Write(stream, entries, folder));
    }

    /// <summary>The CSV of <paramref name="entries"/> into <paramref name="stream"/>, paths relative to <paramref name="csvFolder"/>.</summary>
    public static void Write(Stream stream, IReadOnlyList<ReportEntry> entries, string csvFolder)
    {
        // A byte order mark: Excel reads a CSV without one in the system's ANSI code page (a prompt's é or 猫 garbled),
        // and so does Windows PowerShell 5.1's Import-Csv; PowerShell 7 reads it either way.
        using var csv = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        csv.WriteLine(string.Join(",", Columns));
        foreach (var entry in entries) csv.WriteLine(string.Join(",", Fields(entry, csvFolder).Select(Quoted)));
    }

    private static IEnumerable<string?> Fields(ReportEntry entry, string csvFolder)
    {
        // An id and a model id come from a server, a route's name from a file: escaped as a prompt is.
        yield return Text(entry.TaskId);
        yield return Text(entry.Route);
        yield return Text(entry.Model);
        yield return Text(entry.Prompt);
        yield return Text(entry.Batch);
        yield return Number(entry.Row);
        yield return entry.State;
        yield return entry.Status?.ToString();
        yield return Number(entry.Cost);
        yield return entry.Path is null ? null : Text(RelativeLink.PathFrom(csvFolder, entry.Path));
        yield return Number(entry.Duration);
        yield return entry.Width is { } width && entry.Height is { } height ? width.ToString(CultureInfo.InvariantCulture) + "x" + height.ToString(CultureInfo.InvariantCulture) : null;
        yield return entry.HasAudio?.ToString();
        yield return Text(entry.Error);
        yield return Text(entry.ErrorCode);
        yield return Time(entry.CreatedAt);
        yield return Time(entry.CompletedAt);
    }

    private static string? Number<T>(T? value) where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? value) => value?.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);

    /// <summary>The characters that start a formula in Excel, LibreOffice and Google Sheets, as OWASP lists them.</summary>
    private static readonly char[] FormulaStarts = { '=', '+', '-', '@', '\t', '\r' };

    /// <summary>A text from a person, a file or a server (a prompt, an error, an id): never a formula when a spreadsheet opens it.</summary>
    private static string? Text(string? text) => text is { Length: > 0 } && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;

    private static readonly char[] NeedsQuotes = { ',', '"', '\r', '\n' };

    /// <summary>RFC 4180: quoted when it holds a separator, a quote or a line break (a formula escaped is quoted too), quotes doubled.</summary>
    private static string Quoted(string? field) =>
        field is null ? "" : field.IndexOfAny(NeedsQuotes) >= 0 || field.StartsWith("'", StringComparison.Ordinal) ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
