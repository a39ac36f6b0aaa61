using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TicketBlue.Tests.E2E.Pages;

/// <summary>How a person operates MudBlazor's inputs: by their visible labels and the options they show.</summary>
public static class MudControls
{
    /// <summary>
    /// Chooses a file in a Blazor file input once the framework has wired it up: the input is on the page a
    /// moment before Blazor's script initialises it (after the render, through the circuit), and a file chosen
    /// in between never reaches the server — as a person's could not, since the picker only opens once it is wired.
    /// </summary>
    public static async Task ChooseFileAsync(this ILocator fileInput, FilePayload file)
    {
        ArgumentNullException.ThrowIfNull(fileInput);
        await fileInput.EvaluateAsync("""
            input => new Promise((resolve, reject) => {
                const until = Date.now() + 15000;
                const ready = () => input._blazorInputFileNextFileId !== undefined ? resolve()
                    : Date.now() > until ? reject(new Error('Blazor never initialised the file input'))
                    : setTimeout(ready, 50);
                ready();
            })
            """);
        await fileInput.SetInputFilesAsync(file);
    }

    /// <summary>Navigates and waits until the page's circuit is connected, so clicks reach the server.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForInteractiveAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive=true]").WaitForAsync();

    /// <summary>Types into a text, number or date field found by its label, then leaves it (so bound values update).</summary>
    public static async Task FillFieldAsync(this IPage page, string label, string value, ILocator? scope = null)
    {
        var field = (scope ?? page.Locator("body")).GetByLabel(Label(label));
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>
    /// Opens a MudSelect by its label and picks the option with this text, then waits for the pick to
    /// travel to the server and back (the list closes): a field typed into while the list still closes
    /// and the form re-renders for the pick loses what was typed.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string label, string option)
    {
        await page.GetByLabel(Label(label)).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = false }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>Types into a MudAutocomplete and picks the first suggestion that contains the text.</summary>
    public static async Task AutocompleteAsync(this IPage page, ILocator field, string text)
    {
        await field.ClickAsync();
        await field.FillAsync(text);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First.ClickAsync();
    }

    public static Task ClickButtonAsync(this IPage page, string name, ILocator? scope = null) =>
        (scope ?? page.Locator("body")).GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>
    /// The input of a Mud field marked with data-testid: Mud puts the attribute on the input itself
    /// for some components and on the wrapper for others.
    /// </summary>
    public static ILocator TestInput(this IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    /// <summary>The label exactly, allowing the "*" MudBlazor adds to required fields.</summary>
    private static Regex Label(string label) => new($"^{Regex.Escape(label)}\\s*\\*?$");

    /// <summary>The open MudDialog (form dialogs and confirmations).</summary>
    public static ILocator MudDialog(this IPage page) => page.Locator(".mud-dialog").Last;
}
