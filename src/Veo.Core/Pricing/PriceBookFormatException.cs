namespace Veo.Core.Pricing;

/// <summary>A price book file that cannot be used, with the file and the row at fault.</summary>
public sealed class PriceBookFormatException : FormatException
{
    public PriceBookFormatException(string fileName, int? rowNumber, string problem, Exception? inner = null)
        : base(rowNumber is { } n ? $"Price book '{fileName}', row {n}: {problem}." : $"Price book '{fileName}': {problem}.", inner)
    {
        FileName = fileName;
        RowNumber = rowNumber;
    }

    public string FileName { get; }

    /// <summary>1-based position of the bad row in the file's array; null when the file as a whole is unreadable.</summary>
    public int? RowNumber { get; }
}
