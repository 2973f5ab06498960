namespace Veo.Core.Tasks;

public sealed record SaveResult(VideoFile File, IReadOnlyList<string> Warnings);
