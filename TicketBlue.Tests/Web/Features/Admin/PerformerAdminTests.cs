using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Infrastructure.Files;
using TicketBlue.Web.Features;
using TicketBlue.Web.Features.Admin.Performers;

namespace TicketBlue.Tests.Web.Features.Admin;

[Trait("Category", "Integration")]
public sealed class PerformerAdminTests : AdminHandlerTestBase
{
    private SavePerformerHandler Save => new(Factory, new SavePerformerCommandValidator(Localizer, Clock), CurrentAdmin, Clock);

    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<string?> PhotoKeyAsync(long performerId)
    {
        await using var context = Database.CreateContext();
        return await context.Performers.Where(p => p.Id == performerId).Select(p => p.PhotoKey).SingleAsync();
    }

    [Fact]
    public async Task ShouldCreateAPerformerAndAuditIt_GivenAValidForm()
    {
        var result = await Save.HandleAsync(new SavePerformerCommand { Name = "윤지아", EnglishName = "Yoon Ji-a", Kind = "배우", BirthDate = new DateTime(1992, 3, 4), Bio = "무대 위의 목소리" }, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error);
        await using var context = Database.CreateContext();
        var performer = await context.Performers.SingleAsync(p => p.Id == result.Id, TestContext.Current.CancellationToken);
        performer.Name.ShouldBe("윤지아");
        performer.BirthDate.ShouldBe(new DateOnly(1992, 3, 4));
        var audit = await context.AuditLog.SingleAsync(TestContext.Current.CancellationToken);
        audit.Action.ShouldBe("performer.created");
        audit.ActorEmail.ShouldBe(Actor.Email);
        audit.AfterJson!.ShouldContain("윤지아");
        audit.BeforeJson.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldRefuseInKoreanAndSaveNothing_GivenABlankNameAndAFutureBirthDate()
    {
        var result = await Save.HandleAsync(new SavePerformerCommand { Name = " ", Kind = "배우", BirthDate = Now.UtcDateTime.AddYears(1) }, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.FieldErrors[nameof(SavePerformerCommand.Name)].ShouldContain("이름을 입력해 주세요.");
        result.FieldErrors[nameof(SavePerformerCommand.BirthDate)].Single().ShouldContain("1900-01-01");
        await using var context = Database.CreateContext();
        (await context.Performers.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await context.AuditLog.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldKeepEveryFieldAndRecordBeforeAndAfter_GivenAnEdit()
    {
        var created = await Save.HandleAsync(new SavePerformerCommand { Name = "한결", Kind = "가수", Bio = "긴 소개" }, CancellationToken.None);
        var form = (await new GetPerformerForEditHandler(Factory).HandleAsync(created.Id!.Value, CancellationToken.None))!;
        form.Name = "한결 밴드";

        (await Save.HandleAsync(form, CancellationToken.None)).Succeeded.ShouldBeTrue();

        await using var context = Database.CreateContext();
        var performer = await context.Performers.SingleAsync(TestContext.Current.CancellationToken);
        performer.Name.ShouldBe("한결 밴드");
        performer.Bio.ShouldBe("긴 소개");
        var update = await context.AuditLog.SingleAsync(entry => entry.Action == "performer.updated", TestContext.Current.CancellationToken);
        update.BeforeJson!.ShouldContain("\"Name\":\"한결\"");
        update.AfterJson!.ShouldContain("\"Name\":\"한결 밴드\"");
    }

    [Fact]
    public async Task ShouldHideArchivedPerformersFromTheListUnlessAsked()
    {
        var kept = await Save.HandleAsync(new SavePerformerCommand { Name = "가나다", Kind = "배우" }, CancellationToken.None);
        var archived = await Save.HandleAsync(new SavePerformerCommand { Name = "라마바", Kind = "배우" }, CancellationToken.None);
        (await new SetPerformerArchivedHandler(Factory, CurrentAdmin, Clock).HandleAsync(archived.Id!.Value, true, CancellationToken.None)).Succeeded.ShouldBeTrue();
        var list = new ListAdminPerformersHandler(Factory);

        var active = await list.HandleAsync(new PageRequest(0, 20), includeArchived: false, CancellationToken.None);
        var all = await list.HandleAsync(new PageRequest(0, 20, nameof(PerformerRow.Name), Descending: true), includeArchived: true, CancellationToken.None);

        active.Items.Select(row => row.Id).ShouldBe([kept.Id!.Value]);
        all.TotalCount.ShouldBe(2);
        all.Items.Select(row => row.Name).ShouldBe(["라마바", "가나다"]);
        all.Items[0].IsArchived.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldStoreAPhotoUnderAGeneratedKeyAndDeleteTheOldOne_GivenTwoUploads()
    {
        var root = Path.Combine(Path.GetTempPath(), "tb-photo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new FileSystemBlobStore(Options.Create(new FileSystemBlobStoreOptions { RootPath = root }));
            var upload = new UploadPerformerPhotoHandler(Factory, new ImageUploadService(store, Clock, NullLogger<ImageUploadService>.Instance), CurrentAdmin, Clock);
            var created = await Save.HandleAsync(new SavePerformerCommand { Name = "사진배우", Kind = "배우" }, CancellationToken.None);

            (await upload.HandleAsync(created.Id!.Value, new MemoryStream(TinyPng), "image/png", TinyPng.Length, CancellationToken.None)).Succeeded.ShouldBeTrue();
            var firstKey = await PhotoKeyAsync(created.Id.Value);
            (await upload.HandleAsync(created.Id.Value, new MemoryStream(TinyPng), "image/png", TinyPng.Length, CancellationToken.None)).Succeeded.ShouldBeTrue();
            var secondKey = await PhotoKeyAsync(created.Id.Value);

            firstKey.ShouldStartWith("performers/");
            secondKey.ShouldNotBe(firstKey);
            (await store.OpenAsync(firstKey!, CancellationToken.None)).ShouldBeNull();
            var photo = await store.OpenAsync(secondKey!, CancellationToken.None);
            photo.ShouldNotBeNull().ContentType.ShouldBe("image/png");
            await photo.Content.DisposeAsync();
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ShouldRefuseInKoreanAndKeepThePhoto_GivenAFileThatIsNotAnImage()
    {
        var root = Path.Combine(Path.GetTempPath(), "tb-photo-" + Guid.NewGuid().ToString("N"));
        var store = new FileSystemBlobStore(Options.Create(new FileSystemBlobStoreOptions { RootPath = root }));
        var upload = new UploadPerformerPhotoHandler(Factory, new ImageUploadService(store, Clock, NullLogger<ImageUploadService>.Instance), CurrentAdmin, Clock);
        var created = await Save.HandleAsync(new SavePerformerCommand { Name = "거절배우", Kind = "배우" }, CancellationToken.None);
        var html = System.Text.Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

        var result = await upload.HandleAsync(created.Id!.Value, new MemoryStream(html), "image/jpeg", html.Length, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldNotBeNullOrWhiteSpace();
        result.Error!.ShouldContain("JPEG");
        (await PhotoKeyAsync(created.Id.Value)).ShouldBeNull();
        (Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() : 0).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldSearchAndPageInTheDatabase()
    {
        for (var index = 0; index < 25; index++)
        {
            await Save.HandleAsync(new SavePerformerCommand { Name = $"배우{index:00}", EnglishName = $"Actor {index:00}", Kind = "배우" }, CancellationToken.None);
        }

        var list = new ListAdminPerformersHandler(Factory);
        var secondPage = await list.HandleAsync(new PageRequest(1, 10), includeArchived: false, CancellationToken.None);
        var search = await list.HandleAsync(new PageRequest(0, 10, Search: "Actor 07"), includeArchived: false, CancellationToken.None);

        secondPage.TotalCount.ShouldBe(25);
        secondPage.Items.Select(row => row.Name).ShouldBe(Enumerable.Range(10, 10).Select(index => $"배우{index:00}"));
        search.Items.Single().Name.ShouldBe("배우07");
    }
}
