namespace Veo.Emulator;

/// <summary>What a Vertex AI request asked for beyond the Gemini API's fields: where, how many, with sound or not, and where to.</summary>
/// <param name="StorageUri">The gs://bucket/folder/ the videos go to; null answers them inline.</param>
internal sealed record VertexOrder(string Project, string Location, int Samples, bool GenerateAudio, string? StorageUri);
