namespace Veo.Core.Models;

/// <summary>A models.json that cannot be used, naming the file, the entry and the field at fault.</summary>
public sealed class ModelCatalogFormatException : FormatException
{
    public ModelCatalogFormatException(string fileName, int? entryNumber, string problem, Exception? inner = null)
        : base(entryNumber is { } n ? $"Model catalog '{fileName}', entry {n}: {problem}." : $"Model catalog '{fileName}': {problem}.", inner)
    {
        FileName = fileName;
        EntryNumber = entryNumber;
    }

    public string FileName { get; }

    /// <summary>1-based position of the bad entry in the file's array; null when the file as a whole is unreadable.</summary>
    public int? EntryNumber { get; }
}
