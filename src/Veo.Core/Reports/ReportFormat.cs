namespace Veo.Core.Reports;

/// <summary>What Export-VeoReport writes, chosen by the extension of its path.</summary>
public enum ReportFormat
{
    /// <summary>The review page (HtmlReport): .html or .htm.</summary>
    Html,
    /// <summary>The same rows as a spreadsheet (CsvReport): .csv.</summary>
    Csv,
}

public static class ReportFormats
{
    /// <summary>The format <paramref name="path"/>'s extension names (case-insensitive), or null for any other.</summary>
    public static ReportFormat? Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => ReportFormat.Html,
        ".csv" => ReportFormat.Csv,
        _ => null,
    };
}
