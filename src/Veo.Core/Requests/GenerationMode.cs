namespace Veo.Core.Requests;

public enum GenerationMode
{
    TextToVideo,
    ImageToVideo,
    FirstLastFrame,
    ReferenceImages,
    /// <summary>Continues an earlier video of the same service (Gemini API: instances[0].video).</summary>
    Extension,
    /// <summary>Changes a video the service is given (Gemini Omni's edit task); Veo 3.1 has no such mode.</summary>
    Edit,
}
