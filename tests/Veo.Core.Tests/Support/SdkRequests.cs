using System.Text.Json;
using Veo.Emulator;

namespace Veo.Core.Tests.Support;

/// <summary>
/// The create requests the official SDKs sent to the emulator (tests/conformance, refreshed with VEO_RECORD=1), committed
/// under Providers/GeminiSdkRequests and Providers/OpenAISdkRequests and copied next to the test assembly: what Veo's
/// providers must send, field for field. See the README in each folder.
/// </summary>
public static class SdkRequests
{
    public const string Gemini = "GeminiSdkRequests";
    public const string OpenAI = "OpenAISdkRequests";

    public static string Folder(string dialect) => Path.Combine(AppContext.BaseDirectory, "Providers", dialect);

    /// <summary>The recorded modes (file names without .json), for [MemberData].</summary>
    public static IEnumerable<object[]> Modes(string dialect) =>
        Directory.GetFiles(Folder(dialect), "*.json").Select(Path.GetFileNameWithoutExtension).OrderBy(m => m, StringComparer.Ordinal)
            .Select(m => new object[] { m! });

    public static JsonElement Load(string dialect, string mode)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(dialect), mode + ".json")));
        return document.RootElement.Clone();
    }

    /// <summary>A committed image a fixture names by its repository path (tests/TestData/images/x), as copied next to the tests.</summary>
    public static string ImagePath(string repositoryPath) => TestImages.PathOf(Path.GetFileName(repositoryPath));

    /// <summary>The element at a path such as instances[0].referenceImages[1].image.</summary>
    public static JsonElement At(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            current = current.GetProperty(bracket < 0 ? segment : segment[..bracket]);
            for (var i = bracket; i >= 0; i = segment.IndexOf('[', i + 1))
                current = current[int.Parse(segment[(i + 1)..segment.IndexOf(']', i)], System.Globalization.CultureInfo.InvariantCulture)];
        }
        return current;
    }

    /// <summary>A multipart request's parts in sending order, text with its value and files with their name, type and hash.</summary>
    public static IReadOnlyList<SentPart> PartsOf(RecordedRequest request)
    {
        var fields = request.Fields.ToList();
        var files = request.Files.ToList();
        var parts = new List<SentPart>();
        foreach (var part in request.Parts)
        {
            if (part.FileName is null)
            {
                var field = fields.First(f => f.Key == part.Name);
                fields.Remove(field);
                parts.Add(new SentPart(part.Name, field.Value, null, part.ContentType, null));
            }
            else
            {
                var file = files.First(f => f.FieldName == part.Name && f.FileName == part.FileName);
                files.Remove(file);
                parts.Add(new SentPart(part.Name, null, file.FileName, file.ContentType, file.Sha256));
            }
        }
        return parts;
    }
}

/// <summary>One multipart part as sent: Value for text, FileName and Sha256 for a file.</summary>
public sealed record SentPart(string Name, string? Value, string? FileName, string ContentType, string? Sha256);
