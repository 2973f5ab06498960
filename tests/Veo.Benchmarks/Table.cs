namespace Veo.Benchmarks;

/// <summary>One line of a result table: a measured figure for Veo next to its reference, and whether the target was met.</summary>
internal sealed record Row(string Metric, string Veo, string Reference, string Ratio, string Target, bool? Met)
{
    public string MetText => Met switch { true => "yes", false => "NO", null => "-" };
}

/// <summary>Prints results as Markdown tables, so a run's output can go into README.md as it is.</summary>
internal static class Table
{
    private static readonly string[] Header = ["metric", "Veo", "reference", "ratio", "target", "met?"];

    public static void Print(TextWriter output, string title, IReadOnlyList<Row> rows)
    {
        var cells = rows.Select(r => new[] { r.Metric, r.Veo, r.Reference, r.Ratio, r.Target, r.MetText }).ToList();
        var widths = Header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> values) => "| " + string.Join(" | ", values.Select((v, i) => v.PadRight(widths[i]))) + " |";

        output.WriteLine();
        output.WriteLine($"### {title}");
        output.WriteLine();
        output.WriteLine(Line(Header));
        output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in cells) output.WriteLine(Line(row));
        output.Flush();
    }

    public static string Ratio(double value) => double.IsFinite(value) ? $"{value:0.00}×" : "n/a";

    public static string Seconds(double value) => $"{value:0.000} s";

    public static string MiB(double bytes) => $"{bytes / (1024 * 1024):0.0} MiB";
}
