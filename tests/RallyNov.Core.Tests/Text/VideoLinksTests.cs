using RallyNov.Core.Text;

namespace RallyNov.Core.Tests.Text;

public sealed class VideoLinksTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube:dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=abc", "youtube:dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "youtube:dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube:dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("https://vimeo.com/76979871", "vimeo:76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1")]
    [InlineData("https://vimeo.com/76979871/8272103f6e", "vimeo:76979871/8272103f6e", "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1&autoplay=1")]
    [InlineData("https://player.vimeo.com/video/76979871?h=8272103f6e", "vimeo:76979871/8272103f6e", "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1&autoplay=1")]
    [InlineData("https://vimeo.com/channels/staffpicks/76979871", "vimeo:76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1")]
    [InlineData("https://www.dailymotion.com/video/x7tgad0_un-titre", "dailymotion:x7tgad0", "https://www.dailymotion.com/embed/video/x7tgad0?autoplay=1")]
    [InlineData("https://dai.ly/x7tgad0", "dailymotion:x7tgad0", "https://www.dailymotion.com/embed/video/x7tgad0?autoplay=1")]
    [InlineData("https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv", "peertube:framatube.org/kkGMgK9ZtnKfYAgnEtQxbv", "https://framatube.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv?autoplay=1")]
    [InlineData("https://tube.example.fr/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d", "peertube:tube.example.fr/9c9de5e8-0a1e-484a-b099-e80766180a6d", "https://tube.example.fr/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1")]
    public void Known_addresses_give_a_key_and_a_player(string url, string key, string embed)
    {
        Assert.True(VideoLinks.TryParse(url, out var link));
        Assert.Equal(key, link.Key);
        Assert.Equal(embed, link.EmbedUrl);
        Assert.True(VideoLinks.TryParseKey(key, out var again));
        Assert.Equal(link, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pas une adresse")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://www.youtube.com/watch?v=court")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onload=")]
    [InlineData("https://vimeo.com/showcase/123456")]
    [InlineData("https://evil.example/w/")]
    [InlineData("https://127.0.0.1/w/kkGMgK9ZtnKfYAgnEtQxbv")]
    [InlineData("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ")]
    [InlineData("ftp://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    public void Other_addresses_are_not_videos(string url)
    {
        Assert.False(VideoLinks.TryParse(url, out _));
    }

    [Theory]
    [InlineData("youtube:dQw4w9WgXcQ\" onload=\"x")]
    [InlineData("vimeo:abc")]
    [InlineData("peertube:evil/x")]
    [InlineData("peertube:tube.example.fr/../../x")]
    [InlineData("other:x")]
    [InlineData("youtube")]
    public void Stored_keys_are_only_read_back_when_canonical(string key)
    {
        Assert.False(VideoLinks.TryParseKey(key, out _));
    }
}
