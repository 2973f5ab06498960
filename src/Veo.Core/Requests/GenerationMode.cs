namespace Veo.Core.Requests;

public enum GenerationMode
{
    TextToVideo,
    ImageToVideo,
    FirstLastFrame,
    ReferenceImages,
}
