using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using Shouldly;
using TicketBlue.Infrastructure.Notifications.Email;
using TicketBlue.Web.Features.Admin.DevMailbox;

namespace TicketBlue.Tests.Web.Features.Admin.DevMailbox;

/// <summary>The dev mailbox reader on real .eml files in a temporary folder.</summary>
[Trait("Category", "Unit")]
public sealed class DevMailboxReaderTests : IDisposable
{
    // The mailbox is a folder inside the test's own root, so "../" has something to find and refuse.
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tb-dev-mailbox-" + Guid.NewGuid().ToString("N"));

    public DevMailboxReaderTests() => Directory.CreateDirectory(Folder);

    private string Folder => Path.Combine(_root, "mailbox");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldListNewestFirst_AndReadTheHtmlAndTextParts()
    {
        await WriteAsync("20261130-090000-cancelled-b.eml", "jun@example.com", "예매가 취소되었습니다", html: null, text: "취소 완료");
        await WriteAsync("20261201-101500-confirmed-a.eml", "minji@example.com", "예매가 완료되었습니다", html: "<p>완료</p>", text: "완료");
        await File.WriteAllTextAsync(Path.Combine(Folder, "20261201-101600-half.eml.partial"), "From: x", Cancel);
        var reader = Reader();

        var list = await reader.ListAsync(10, Cancel);
        var opened = await reader.ReadAsync(list[0].FileName, Cancel);

        list.Select(mail => mail.Subject).ShouldBe(["예매가 완료되었습니다", "예매가 취소되었습니다"]);
        list[0].To.ShouldContain("minji@example.com");
        list[0].Date.ShouldBe(new DateTimeOffset(2026, 12, 1, 10, 15, 0, TimeSpan.Zero));
        opened!.Html.ShouldBe("<p>완료</p>");
        opened.Text!.Trim().ShouldBe("완료");
        opened.From.ShouldContain("no-reply@ticketblue.local");
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("../secret.eml")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/mail.eml")]
    [InlineData("mail.txt")]
    public async Task ShouldRefuseAnythingButABareEmlNameInTheFolder(string name)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "secret.eml"), "Subject: secret\r\n\r\nbody", Cancel);

        (await Reader().ReadAsync(name, Cancel)).ShouldBeNull();
        DevMailboxReader.IsMailboxFileName(name).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldBeOffAndEmpty_WhenSmtpIsConfigured()
    {
        await WriteAsync("20261201-101500-confirmed-a.eml", "minji@example.com", "예매가 완료되었습니다", html: null, text: "완료");

        var reader = Reader(provider: "Smtp");

        reader.IsEnabled.ShouldBeFalse();
        (await reader.ListAsync(10, Cancel)).ShouldBeEmpty();
    }

    private DevMailboxReader Reader(string? provider = null) =>
        new(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:Email:Provider"] = provider }).Build(),
            Options.Create(new DevMailboxOptions { Path = Folder }));

    private async Task WriteAsync(string name, string to, string subject, string? html, string text)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("TicketBlue <no-reply@ticketblue.local>"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = name.StartsWith("20261201", StringComparison.Ordinal) ? new DateTimeOffset(2026, 12, 1, 10, 15, 0, TimeSpan.Zero) : new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody();
        await using var file = File.Create(Path.Combine(Folder, name));
        await message.WriteToAsync(file, Cancel);
    }
}
