using System.Globalization;
using System.Runtime.InteropServices;
using Veo.Emulator;

const string Usage =
    "usage: Veo.Emulator.Server [--port 5080] [--key emulator-key] [--queue-seconds 1] [--render-seconds 6] [--render-spread-seconds 0]\n" +
    "                           [--content-lag-seconds 2] [--large-video-bytes N] [--seed 1] [--requests-per-minute N] [--max-running N]\n" +
    "                           [--list-videos true|false] [--gemini-veo-served true]\n" +
    "                           [--interactions-delivery inline|uri]";

var options = new EmulatorOptions { Port = 5080 };
for (var i = 0; i < args.Length; i += 2)
{
    if (i + 1 >= args.Length || !TryApply(options, args[i], args[i + 1]))
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

await using var server = await EmulatorServer.StartAsync(options);
Console.WriteLine($"Veo emulator listening on {server.BaseUri} (key: {options.ApiKey})");

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopped.TrySetResult();
});
await stopped.Task;
return 0;

static bool TryApply(EmulatorOptions options, string name, string value)
{
    switch (name)
    {
        case "--port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535:
            options.Port = port;
            return true;
        case "--key" when value.Length > 0:
            options.ApiKey = value;
            return true;
        case "--seed" when int.TryParse(value, out var seed):
            options.Seed = seed;
            return true;
        case "--queue-seconds" when TrySeconds(value, out var queue):
            options.QueueTime = queue;
            return true;
        case "--render-seconds" when TrySeconds(value, out var render):
            options.RenderTime = render;
            return true;
        case "--render-spread-seconds" when TrySeconds(value, out var spread):
            options.RenderTimeSpread = spread;
            return true;
        case "--large-video-bytes" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes):
            options.LargeVideoBytes = bytes;
            return true;
        case "--requests-per-minute" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute):
            options.RequestsPerMinute = perMinute;
            return true;
        case "--max-running" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var running):
            options.MaxRunning = running;
            return true;
        case "--list-videos" when bool.TryParse(value, out var list):
            options.ListVideos = list;
            return true;
        case "--content-lag-seconds" when TrySeconds(value, out var lag):
            options.ContentLag = lag;
            return true;
        case "--gemini-veo-served" when bool.TryParse(value, out var served):
            options.GeminiVeoServed = served;
            return true;
        case "--interactions-delivery" when value is "inline" or "uri":
            options.InteractionsDelivery = value;
            return true;
        default:
            return false;
    }
}

static bool TrySeconds(string text, out TimeSpan value)
{
    var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds);
    value = ok ? TimeSpan.FromSeconds(seconds) : default;
    return ok;
}
