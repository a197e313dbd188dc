namespace Approvals.Browser.Tests.Support;

/// <summary>Filling our generated form the way a person does: type, pick from the list, Tab to the next field.</summary>
public static class FormFilling
{
    public static ILocator Field(this IPage page, string name) => page.Locator($"[data-field={name}]").First;

    public static async Task TypeIntoAsync(this IPage page, string field, string value)
    {
        var input = page.Field(field).Locator("input, textarea").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Opens a drop-down and picks the item showing <paramref name="text"/>.</summary>
    public static async Task ChooseAsync(this IPage page, string field, string text)
    {
        await page.Field(field).Locator(".mud-select, .mud-input-control").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First.ClickAsync();
    }

    /// <summary>Types into a searching picker (the country picker) and picks the first match containing <paramref name="pick"/>.</summary>
    public static async Task SearchAndChooseAsync(this IPage page, string field, string search, string pick)
    {
        var input = page.Field(field).Locator("input").First;
        await input.ClickAsync();
        await input.PressSequentiallyAsync(search);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = pick }).First.ClickAsync();
    }
}
