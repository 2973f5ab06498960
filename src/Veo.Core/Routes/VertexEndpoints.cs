using System.Text.RegularExpressions;

namespace Veo.Core.Routes;

/// <summary>
/// Where Vertex AI lives for a location, and where its project and location come from. The hosts are python-genai's
/// (google/genai/_api_client.py, BaseApiClient.__init__): "global" is https://aiplatform.googleapis.com/, the
/// multi-regions "us" and "eu" are https://aiplatform.{location}.rep.googleapis.com/, any other location
/// https://{location}-aiplatform.googleapis.com/.
/// </summary>
public static class VertexEndpoints
{
    /// <summary>The Google Cloud variables python-genai and gcloud read.</summary>
    public const string ProjectVariable = "GOOGLE_CLOUD_PROJECT";
    public const string LocationVariable = "GOOGLE_CLOUD_LOCATION";

    /// <summary>
    /// The variable Google's Terraform provider takes a raw OAuth access token from (its "access_token" setting): set it
    /// to the output of gcloud auth print-access-token. Tokens last about an hour; Veo never writes one anywhere.
    /// </summary>
    public const string TokenVariable = "GOOGLE_OAUTH_ACCESS_TOKEN";

    /// <summary>
    /// Google's Veo pages and examples use us-central1. python-genai falls back to "global" when none is given, but the
    /// Veo model pages name regional endpoints, so Veo does not guess "global": pass -Location global to use it.
    /// </summary>
    public const string DefaultLocation = "us-central1";

    private static readonly Regex LocationName = new("^[a-z][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant);

    /// <summary>Project ids are lower-case letters, digits and hyphens; older domain-scoped ones hold "example.com:name".</summary>
    private static readonly Regex ProjectName = new(@"^[a-z0-9][a-z0-9.:\-]{1,98}[a-z0-9]$", RegexOptions.CultureInvariant);

    public static Uri BaseUriFor(string location)
    {
        var checkedLocation = CheckLocation(location);
        return checkedLocation switch
        {
            "global" => new Uri("https://aiplatform.googleapis.com/"),
            "us" or "eu" => new Uri($"https://aiplatform.{checkedLocation}.rep.googleapis.com/"),
            _ => new Uri($"https://{checkedLocation}-aiplatform.googleapis.com/"),
        };
    }

    /// <summary>True for an address <see cref="BaseUriFor"/> gives for some location (Google's own Vertex AI hosts), over https.</summary>
    public static bool IsVertexHost(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps && (uri.Host.Equals("aiplatform.googleapis.com", StringComparison.OrdinalIgnoreCase)
            || VertexHost.IsMatch(uri.Host));

    private static readonly Regex VertexHost = new(@"^([a-z][a-z0-9-]{1,62}-aiplatform\.googleapis\.com|aiplatform\.(us|eu)\.rep\.googleapis\.com)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>A location goes into a host name and a path: only a real location's spelling is taken.</summary>
    public static string CheckLocation(string location)
    {
        var trimmed = (location ?? "").Trim().ToLowerInvariant();
        if (!LocationName.IsMatch(trimmed))
            throw new ArgumentException($"'{location}' is not a Google Cloud location; write it as us-central1, europe-west4, us, eu or global.");
        return trimmed;
    }

    /// <summary>A project id goes into the request path: one that could change the path is refused.</summary>
    public static string CheckProject(string project)
    {
        var trimmed = (project ?? "").Trim();
        if (!ProjectName.IsMatch(trimmed))
            throw new ArgumentException($"'{project}' is not a Google Cloud project id; it is the id (my-project-123) that gcloud config get-value project prints.");
        return trimmed;
    }

    /// <summary>The project given, else GOOGLE_CLOUD_PROJECT; null when neither is set.</summary>
    public static string? ProjectOf(string? given) =>
        Value(given) is { } project ? CheckProject(project) : Value(Environment.GetEnvironmentVariable(ProjectVariable)) is { } fromVariable ? CheckProject(fromVariable) : null;

    /// <summary>The location given, else GOOGLE_CLOUD_LOCATION, else <see cref="DefaultLocation"/>.</summary>
    public static string LocationOf(string? given) =>
        CheckLocation(Value(given) ?? Value(Environment.GetEnvironmentVariable(LocationVariable)) ?? DefaultLocation);

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
