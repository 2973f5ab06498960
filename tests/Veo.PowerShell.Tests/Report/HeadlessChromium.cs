using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.PowerShell.Tests.Report;

/// <summary>
/// Debian's headless Chromium driven over the Chrome DevTools Protocol (a websocket of JSON commands, see
/// https://chromedevtools.github.io/devtools-protocol/ : Page.navigate, Runtime.evaluate, Page.captureScreenshot): a
/// page is opened as a person would open the file, a script's promise is awaited in it and a screenshot taken.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private HeadlessChromium(Process browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>The browser's path: chromium (Debian's package, which .ci/run installs) or another Chromium on PATH; null if none.</summary>
    public static string? Find() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    public static async Task<HeadlessChromium> StartAsync(string executable, int width = 1280, int height = 900)
    {
        var profile = Directory.CreateTempSubdirectory("veo-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start; the page is our own file.
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--mute-audio", "--remote-debugging-port=0",
                     $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank" })
            start.ArgumentList.Add(arg);
        var browser = Process.Start(start)!;
        browser.StandardOutput.ReadToEndAsync();
        var chromium = new HeadlessChromium(browser, profile);
        try
        {
            var endpoint = await DevToolsEndpointAsync(browser).WaitAsync(TimeSpan.FromSeconds(60));
            await chromium._socket.ConnectAsync(await PageSocketAsync(endpoint), CancellationToken.None);
            return chromium;
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    /// <summary>Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" once it listens.</summary>
    private static async Task<Uri> DevToolsEndpointAsync(Process browser)
    {
        var seen = new StringBuilder();
        while (await browser.StandardError.ReadLineAsync() is { } line)
        {
            seen.AppendLine(line);
            const string marker = "DevTools listening on ";
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                _ = browser.StandardError.ReadToEndAsync();
                return new Uri(line.Substring(marker.Length).Trim());
            }
        }
        throw new InvalidOperationException("Chromium ended without opening its DevTools port:\n" + seen);
    }

    /// <summary>The websocket of the browser's one page (the about:blank it started with), from its /json/list.</summary>
    private static async Task<Uri> PageSocketAsync(Uri browserSocket)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://{browserSocket.Authority}/json/list")))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        return new Uri((string)page["webSocketDebuggerUrl"]!);
    }

    /// <summary>Opens <paramref name="file"/> and waits for its load event.</summary>
    public async Task OpenAsync(string file)
    {
        await SendAsync("Page.enable");
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri });
        await EvaluateAsync("new Promise(r => document.readyState === 'complete' ? r(true) : addEventListener('load', () => r(true)))");
    }

    /// <summary>Evaluates JavaScript in the page, awaiting a promise; the value comes back as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException("The page's script failed: " + error.ToJsonString());
        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>A PNG of the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync() =>
        Convert.FromBase64String((string)(await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }))["data"]!);

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++_nextId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var message = JsonNode.Parse(await ReceiveAsync(timeout.Token))!;
            if ((int?)message["id"] != id) continue; // an event, or the answer to an earlier command
            if (message["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return message["result"]!;
        }
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("Chromium closed the DevTools connection.");
            message.Write(buffer, 0, received.Count);
        } while (!received.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open) await SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is InvalidOperationException or WebSocketException or TimeoutException)
        {
        }
        _socket.Dispose();
        if (!_browser.WaitForExit(5000)) _browser.Kill(entireProcessTree: true);
        _browser.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
