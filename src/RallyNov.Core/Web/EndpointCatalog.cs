using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RallyNov.Core.Web;

/// <summary>
/// Every endpoint of the host (modules' minimal APIs and controllers), available as soon as the
/// pipeline is configured, also to command-line verbs that never start the server: tenant prefixes
/// are checked against the first segment of every route, and the isolation tests walk them all.
/// </summary>
public sealed class EndpointCatalog
{
    private IReadOnlyList<EndpointDataSource> _sources = [];

    public IReadOnlyList<Endpoint> Endpoints => _sources.SelectMany(s => s.Endpoints).ToList();

    public IEnumerable<RouteEndpoint> RouteEndpoints => Endpoints.OfType<RouteEndpoint>();

    /// <summary>Lower-case first literal segments of every route ("admin", "initiatives", "feed.xml"...).</summary>
    public IReadOnlySet<string> FirstSegments()
    {
        var segments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in RouteEndpoints)
        {
            if (endpoint.RoutePattern.PathSegments is [var first, ..] && first.IsSimple
                && first.Parts[0] is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal)
            {
                segments.Add(literal.Content.ToLowerInvariant());
            }
        }

        return segments;
    }

    internal void Capture(IEndpointRouteBuilder endpoints) => _sources = [.. endpoints.DataSources];
}
