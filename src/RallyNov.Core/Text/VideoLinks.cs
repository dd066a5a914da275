using System.Text.RegularExpressions;
using System.Web;

namespace RallyNov.Core.Text;

public enum VideoProvider
{
    YouTube,
    Vimeo,
    PeerTube,
    Dailymotion,
}

/// <summary>
/// A video of a known provider, reduced to what identifies it. Rich text stores only its
/// <see cref="Key"/> (<c>&lt;figure data-video="youtube:ID"&gt;</c>); every address shown or loaded
/// is rebuilt from it here, never taken from what was pasted.
/// </summary>
public sealed record VideoLink(VideoProvider Provider, string Id, string? Host = null)
{
    /// <summary>"youtube:ID", "vimeo:123", "vimeo:123/hash", "dailymotion:x7tgad0", "peertube:host/ID".</summary>
    public string Key => Provider switch
    {
        VideoProvider.PeerTube => "peertube:" + Host + "/" + Id,
        _ => Provider.ToString().ToLowerInvariant() + ":" + Id,
    };

    public string ProviderName => Provider switch
    {
        VideoProvider.YouTube => "YouTube",
        VideoProvider.Vimeo => "Vimeo",
        VideoProvider.Dailymotion => "Dailymotion",
        _ => "PeerTube",
    };

    /// <summary>The host the player is loaded from once the visitor asks for it.</summary>
    public string PlayerHost => Provider switch
    {
        VideoProvider.YouTube => "www.youtube-nocookie.com",
        VideoProvider.Vimeo => "player.vimeo.com",
        VideoProvider.Dailymotion => "www.dailymotion.com",
        _ => Host!,
    };

    /// <summary>The page of the video on its provider's site (the link shown without the player).</summary>
    public string WatchUrl => Provider switch
    {
        VideoProvider.YouTube => "https://www.youtube.com/watch?v=" + Id,
        VideoProvider.Vimeo => "https://vimeo.com/" + Id,
        VideoProvider.Dailymotion => "https://www.dailymotion.com/video/" + Id,
        _ => Id.Length == 36 ? $"https://{Host}/videos/watch/{Id}" : $"https://{Host}/w/{Id}",
    };

    /// <summary>The player, started at once: it is only ever loaded after a click.</summary>
    public string EmbedUrl => Provider switch
    {
        VideoProvider.YouTube => $"https://www.youtube-nocookie.com/embed/{Id}?autoplay=1",
        VideoProvider.Vimeo when Id.Split('/') is [var number, var hash] => $"https://player.vimeo.com/video/{number}?h={hash}&dnt=1&autoplay=1",
        VideoProvider.Vimeo => $"https://player.vimeo.com/video/{Id}?dnt=1&autoplay=1",
        VideoProvider.Dailymotion => $"https://www.dailymotion.com/embed/video/{Id}?autoplay=1",
        _ => $"https://{Host}/videos/embed/{Id}?autoplay=1",
    };
}

/// <summary>Recognises the address of a YouTube, Vimeo, PeerTube or Dailymotion video.</summary>
public static partial class VideoLinks
{
    /// <summary>French help shown when an address is not recognised.</summary>
    public const string Help = "Collez l'adresse d'une vidéo YouTube, Vimeo, Dailymotion ou PeerTube, par exemple https://www.youtube.com/watch?v=… ou https://vimeo.com/123456.";

    /// <summary>Reads an address as pasted from a browser's address bar or a share button.</summary>
    public static bool TryParse(string? url, out VideoLink link)
    {
        link = null!;
        if (string.IsNullOrWhiteSpace(url) || url.Length > 500)
        {
            return false;
        }

        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !uri.IsDefaultPort)
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = HttpUtility.ParseQueryString(uri.Query);
        var found = host switch
        {
            "youtu.be" when segments.Length >= 1 => YouTube(segments[0]),
            "youtube.com" or "www.youtube.com" or "m.youtube.com" or "music.youtube.com" or "youtube-nocookie.com" or "www.youtube-nocookie.com" => segments switch
            {
                ["watch", ..] => YouTube(query["v"]),
                ["embed" or "shorts" or "live" or "v", var id, ..] => YouTube(id),
                _ => null,
            },
            "vimeo.com" or "www.vimeo.com" or "player.vimeo.com" => Vimeo(segments, query["h"]),
            "dailymotion.com" or "www.dailymotion.com" => segments switch
            {
                ["video", var id, ..] => Dailymotion(id),
                ["embed", "video", var id, ..] => Dailymotion(id),
                _ => null,
            },
            "dai.ly" when segments.Length >= 1 => Dailymotion(segments[0]),
            "geo.dailymotion.com" when segments is ["player.html"] || segments.Length == 2 && segments[1].EndsWith(".html", StringComparison.Ordinal) => Dailymotion(query["video"]),
            _ => PeerTube(host, segments),
        };
        if (found is null)
        {
            return false;
        }

        link = found;
        return true;
    }

    /// <summary>Reads a stored key ("youtube:ID"…); false for anything else.</summary>
    public static bool TryParseKey(string? key, out VideoLink link)
    {
        link = null!;
        if (string.IsNullOrEmpty(key) || key.Length > 300 || key.IndexOf(':', StringComparison.Ordinal) is var colon && colon <= 0)
        {
            return false;
        }

        var value = key[(colon + 1)..];
        var found = key[..colon] switch
        {
            "youtube" => YouTube(value),
            "vimeo" => Vimeo(["video", .. value.Split('/')], null),
            "dailymotion" => Dailymotion(value),
            "peertube" when value.IndexOf('/', StringComparison.Ordinal) is var slash && slash > 0 => PeerTube(value[..slash], ["w", value[(slash + 1)..]]),
            _ => null,
        };
        if (found is null || found.Key != key)
        {
            return false;
        }

        link = found;
        return true;
    }

    private static VideoLink? YouTube(string? id) => id is not null && YouTubeId().IsMatch(id) ? new VideoLink(VideoProvider.YouTube, id) : null;

    private static VideoLink? Vimeo(string[] segments, string? hashFromQuery)
    {
        // vimeo.com/123, vimeo.com/123/abcdef (unlisted), vimeo.com/channels/x/123, player.vimeo.com/video/123?h=abcdef;
        // a showcase, an album or a person is a list of videos, not one.
        if (segments is ["showcase" or "album" or "user" or "event", ..])
        {
            return null;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (VimeoNumber().IsMatch(segments[i]))
            {
                var hash = i + 1 < segments.Length && VimeoHash().IsMatch(segments[i + 1]) ? segments[i + 1]
                    : hashFromQuery is not null && VimeoHash().IsMatch(hashFromQuery) ? hashFromQuery : null;
                return new VideoLink(VideoProvider.Vimeo, hash is null ? segments[i] : segments[i] + "/" + hash);
            }
        }

        return null;
    }

    private static VideoLink? Dailymotion(string? id)
    {
        // www.dailymotion.com/video/x7tgad0_un-titre: the id ends at the first underscore.
        id = id?.Split('_')[0];
        return id is not null && DailymotionId().IsMatch(id) ? new VideoLink(VideoProvider.Dailymotion, id) : null;
    }

    /// <summary>Any PeerTube instance: /w/{short id}, /videos/watch/{uuid}, /videos/embed/{id}, over https on a real host name.</summary>
    private static VideoLink? PeerTube(string host, string[] segments)
    {
        if (!HostName().IsMatch(host) || !host.Contains('.', StringComparison.Ordinal) || Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            return null;
        }

        var id = segments switch
        {
            ["w", var value] => value,
            ["videos", "watch" or "embed", var value] => value,
            _ => null,
        };
        return id is not null && (PeerTubeShortId().IsMatch(id) || PeerTubeUuid().IsMatch(id)) ? new VideoLink(VideoProvider.PeerTube, id, host) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex VimeoNumber();

    [GeneratedRegex("^[0-9a-f]{6,20}$")]
    private static partial Regex VimeoHash();

    [GeneratedRegex("^x[0-9a-zA-Z]{4,12}$")]
    private static partial Regex DailymotionId();

    [GeneratedRegex("^[1-9A-HJ-NP-Za-km-z]{20,24}$")]
    private static partial Regex PeerTubeShortId();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex PeerTubeUuid();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)+$")]
    private static partial Regex HostName();
}
