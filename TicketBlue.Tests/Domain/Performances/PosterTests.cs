using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;

namespace TicketBlue.Tests.Domain.Performances;

[Trait("Category", "Unit")]
public sealed class PosterTests
{
    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    [InlineData("image/webp")]
    public void ShouldAccept_GivenARasterImageType(string contentType)
    {
        var poster = new Poster(" posters/1.img ", contentType, 1);

        poster.Key.ShouldBe("posters/1.img");
        poster.ContentType.ShouldBe(contentType);
        poster.SizeBytes.ShouldBe(1);
    }

    [Theory]
    [InlineData("image/gif")]
    [InlineData("application/pdf")]
    [InlineData("text/html")]
    [InlineData("IMAGE/PNG")]
    [InlineData("")]
    public void ShouldRefuse_GivenAnotherContentType(string contentType)
    {
        Should.Throw<DomainException>(() => new Poster("posters/1.img", contentType, 1_000)).Code.ShouldBe("poster.type");
    }

    /// <summary>
    /// SVG is allowed on purpose: the demo catalogue's posters are generated SVG (README, PosterArt),
    /// and the media endpoint serves stored files under a sandboxing CSP. The refusal message still
    /// says "JPEG, PNG, WebP" only.
    /// </summary>
    [Fact]
    public void ShouldAcceptSvg_GivenGeneratedDemoPosters()
    {
        Poster.AllowedContentTypes.ShouldBe(["image/jpeg", "image/png", "image/webp", "image/svg+xml"], ignoreOrder: true);
        new Poster("posters/1.svg", "image/svg+xml", 1_000).ContentType.ShouldBe("image/svg+xml");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ShouldRefuse_GivenAnEmptyFile(long size)
    {
        Should.Throw<DomainException>(() => new Poster("posters/1.png", "image/png", size)).Code.ShouldBe("poster.size");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ShouldRefuse_GivenNoKey(string key)
    {
        Should.Throw<DomainException>(() => new Poster(key, "image/png", 1_000)).Code.ShouldBe("poster.key");
    }
}
