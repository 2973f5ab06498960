namespace Veo.Emulator;

/// <summary>
/// Video bytes on a path without auth, as a CDN or signed storage URL serves them. The request log still shows
/// whether a client leaked its key here.
/// </summary>
internal static class Cdn
{
    public static EmulatorResponse Serve(EmulatorState state, VideoTask? task) =>
        task is not null && task.StateAt(state.Clock.Now).ContentReady
            ? Wire.Video(state, task.Order.Fixture)
            : Responses.Text("Not Found", "text/plain", statusCode: 404);
}
