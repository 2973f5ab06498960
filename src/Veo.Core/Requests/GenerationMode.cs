namespace Veo.Core.Requests;

/// <summary>What a request makes a video from: text, an image, two frames, reference images or an earlier video.</summary>
/// <remarks>Based on long so ConvertTo-Json writes its name: see <see cref="Veo.Core.Tasks.VideoTaskStatus"/>.</remarks>
public enum GenerationMode : long
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
