namespace Veo.Core.Tests.Pricing;

/// <summary>A JSON file on disk for the length of a test.</summary>
internal sealed class TempJsonFile : IDisposable
{
    public TempJsonFile(string json)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"veo-prices-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, json);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
