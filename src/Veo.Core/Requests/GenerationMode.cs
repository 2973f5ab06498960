namespace Veo.Core.Requests;

public enum GenerationMode
{
    TextToVideo,
    ImageToVideo,
    FirstLastFrame,
    ReferenceImages,
    /// <summary>Continues an earlier video of the same service (Gemini API: instances[0].video).</summary>
    Extension,
}
