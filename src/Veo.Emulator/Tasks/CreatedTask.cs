namespace Veo.Emulator;

/// <summary>
/// A task the emulator made, as a test or a soak sees it from outside: what was billed, whatever
/// the client heard back. <paramref name="Api"/> is the dialect (OpenAIVideos, UnifiedVideo, Gemini);
/// <paramref name="Id"/> is the id a client is given (for Gemini, the operation name).
/// </summary>
public sealed record CreatedTask(string Api, string Id, string Model, string Prompt, DateTimeOffset CreatedAt, bool WillFail);
