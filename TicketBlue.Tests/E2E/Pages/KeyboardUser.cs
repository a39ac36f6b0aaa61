using Microsoft.Playwright;
using Shouldly;

namespace TicketBlue.Tests.E2E.Pages;

/// <summary>
/// A person with a keyboard and no mouse: moves with Tab (and Shift+Tab), acts with Enter and Space. Every
/// stop on the way must show where focus is: an outline of at least 2px on the element or its ::before/::after
/// (WCAG 2.4.7), or the walk fails naming the element.
/// </summary>
public sealed class KeyboardUser(IPage page)
{
    /// <summary>The most Tab presses a walk to one control may take before the test calls the control unreachable.</summary>
    public const int MostPresses = 120;

    /// <summary>What <see cref="FocusAsync"/> names when focus is on no element of the page.</summary>
    public const string Outside = "(nothing)";

    private const string FocusScript = """
        () => {
            const element = document.activeElement;
            if (!element || element === document.body) return { name: '(nothing)', visible: false };
            const ring = style => style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            const visible = ring(getComputedStyle(element)) || ring(getComputedStyle(element, '::after')) || ring(getComputedStyle(element, '::before'));
            const text = (element.getAttribute('aria-label') || element.textContent || element.getAttribute('data-testid') || '').trim().slice(0, 60);
            return { name: `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}.${[...element.classList].slice(0, 3).join('.')} "${text}"`, visible };
        }
        """;

    /// <summary>Presses Tab until <paramref name="target"/> has focus, checking that each stop on the way shows its focus.</summary>
    public async Task TabToAsync(ILocator target, bool backwards = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var visited = new List<string>();
        for (var press = 0; press < MostPresses; press++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await FocusAsync();
            visited.Add(focus.Name);
            if (focus.Name == Outside)
            {
                // Tab from the page's last control goes to the browser's own controls, then back to the top.
                continue;
            }

            focus.Visible.ShouldBeTrue($"focus is not visible on {focus.Name} ({page.Url})");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement || element.contains(document.activeElement)"))
            {
                return;
            }
        }

        throw new ShouldAssertException($"{MostPresses} Tab presses did not reach {target} on {page.Url}; focus went: {string.Join(" → ", visited.TakeLast(15))}");
    }

    /// <summary>Tabs to the control, then presses <paramref name="key"/> on it (Enter follows a link or presses a button, Space ticks a box).</summary>
    public async Task ActivateAsync(ILocator target, string key = "Enter")
    {
        await TabToAsync(target);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>The focused element's short description and whether its focus can be seen.</summary>
    public async Task<FocusStop> FocusAsync() => await page.EvaluateAsync<FocusStop>(FocusScript);

    /// <summary>
    /// Waits while focus is on one of a MudBlazor focus trap's bumpers: the empty, tab-reachable divs at either end
    /// of a dialog (<c>.mud-focus-trap &gt; div.fixed.pointer-events-none</c>) whose focus handler, on the server,
    /// moves focus round to the dialog's first or last control. Tab lands on a bumper for the one round trip that
    /// handler takes, so what a person sees afterwards is where the handler put focus; that is what is checked.
    /// A bumper that keeps focus fails the wait.
    /// </summary>
    public async Task SettleOffFocusTrapBumperAsync() =>
        await page.WaitForFunctionAsync("""
            () => {
                const element = document.activeElement;
                return !(element && element.parentElement && element.parentElement.classList.contains('mud-focus-trap')
                    && element.classList.contains('fixed') && element.classList.contains('pointer-events-none'));
            }
            """);

    public static async Task<bool> FocusIsInsideAsync(ILocator container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return await container.EvaluateAsync<bool>("element => element.contains(document.activeElement)");
    }

    /// <summary>Where focus is (read back from the page, so settable properties).</summary>
    public sealed class FocusStop
    {
        public string Name { get; set; } = string.Empty;

        public bool Visible { get; set; }
    }
}
