using System.Text;
using Veo.Core.Http;

namespace Veo.Core.Tests.Vertex;

/// <summary>Vertex AI answers the videos inside the operation's JSON: they are streamed out of it, never held.</summary>
public class InlineBase64FieldTests
{
    private static readonly byte[] First = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
    private static readonly byte[] Second = Enumerable.Range(0, 90_001).Select(i => (byte)(i * 13 + 1)).ToArray();

    private static string Operation(string firstBase64, string secondBase64) =>
        "{\"name\":\"projects/p/locations/l/publishers/google/models/m/operations/o\",\"done\":true,\"response\":{\"@type\":\"x\",\"videos\":[" +
        $"{{\"bytesBase64Encoded\" : \"{firstBase64}\",\"mimeType\":\"video/mp4\"}},{{\"mimeType\":\"video/mp4\",\"bytesBase64Encoded\":\"{secondBase64}\"}}]}}}}";

    private static (InlineBase64Field Scanner, MemoryStream Video) Scan(string json, int occurrence, int chunk = 4096, long maxKept = 1 << 20, long maxTotal = 1 << 30)
    {
        var video = new MemoryStream();
        var scanner = new InlineBase64Field("bytesBase64Encoded", occurrence, video, maxKept, maxTotal);
        var bytes = Encoding.UTF8.GetBytes(json);
        for (var at = 0; at < bytes.Length; at += chunk) scanner.Write(bytes, at, Math.Min(chunk, bytes.Length - at));
        return (scanner, video);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 7)]
    [InlineData(1, 65_536)]
    public void The_chosen_video_is_decoded_whatever_the_chunks_and_the_json_kept_has_no_base64(int occurrence, int chunk)
    {
        var (scanner, video) = Scan(Operation(Convert.ToBase64String(First), Convert.ToBase64String(Second)), occurrence, chunk);

        Assert.Equal(occurrence == 0 ? First : Second, video.ToArray());
        Assert.True(scanner.Decoded);
        Assert.Equal(2, scanner.Occurrences);
        var kept = Encoding.UTF8.GetString(scanner.KeptJson());
        Assert.True(kept.Length < 400, kept);
        using var parsed = System.Text.Json.JsonDocument.Parse(kept);
        Assert.Equal("", parsed.RootElement.GetProperty("response").GetProperty("videos")[1].GetProperty("bytesBase64Encoded").GetString());
    }

    [Fact]
    public void An_escaped_slash_is_read_as_a_slash()
    {
        var base64 = Convert.ToBase64String(First);
        Assert.Contains('/', base64);

        var (_, video) = Scan(Operation(base64.Replace("/", "\\/"), "AAAA"), 0);

        Assert.Equal(First, video.ToArray());
    }

    [Fact]
    public void The_field_name_inside_a_string_value_is_not_taken_for_the_field()
    {
        var json = "{\"message\":\"no \\\"bytesBase64Encoded\\\": \\\"AAAA\\\" here\",\"list\":[\"bytesBase64Encoded\",\"QUJD\"],\"v\":{\"bytesBase64Encoded\":\"QUJD\"}}";

        var (scanner, video) = Scan(json, 0);

        Assert.Equal("ABC", Encoding.ASCII.GetString(video.ToArray()));
        Assert.Equal(1, scanner.Occurrences);
        using var parsed = System.Text.Json.JsonDocument.Parse(scanner.KeptJson());
        Assert.Equal("QUJD", parsed.RootElement.GetProperty("list")[1].GetString());
    }

    [Fact]
    public void An_answer_past_the_limit_is_stopped()
    {
        var json = Operation(Convert.ToBase64String(First), Convert.ToBase64String(Second));

        Assert.Throws<AnswerTooLargeException>(() => Scan(json, 0, maxTotal: 100_000));
        Assert.Throws<AnswerTooLargeException>(() => Scan("{\"a\":\"" + new string('x', 5000) + "\"}", 0, maxKept: 1000));
    }

    [Fact]
    public void Base64_that_is_not_whole_is_an_error_not_a_short_video()
    {
        Assert.Throws<InvalidDataException>(() => Scan(Operation("QUJDRA", "AAAA"), 0));
        Assert.Throws<InvalidDataException>(() => Scan(Operation("QU\\nJD", "AAAA"), 0));
    }
}
