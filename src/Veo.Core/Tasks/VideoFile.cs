namespace Veo.Core.Tasks;

/// <summary>A saved, verified video: the facts come from the MP4's own boxes, not from the request.</summary>
public sealed record VideoFile
{
    public string Path { get; init; } = "";
    public string Name => System.IO.Path.GetFileName(Path);
    public long Length { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public TimeSpan Duration { get; init; }
    public bool HasAudio { get; init; }
    public string TaskId { get; init; } = "";
    /// <summary>Which of the task's videos this is, from 1: a Vertex AI task asked for several (-VideoCount) holds them all.</summary>
    public int Sample { get; init; } = 1;
    public string Route { get; init; } = "";
    public string Model { get; init; } = "";
    public string? Prompt { get; init; }
    public string Resolution => $"{Width}x{Height}";

    public override string ToString() => Path;
}
