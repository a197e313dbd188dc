namespace Approvals.Browser.Tests.Support;

/// <summary>Filling our generated form the way a person does: type, pick from the list, Tab to the next field.</summary>
public static class FormFilling
{
    public static ILocator Field(this IPage page, string name) => page.Locator("body").Field(name);

    /// <summary>A field inside a group (a table's column in its first row), or on the page.</summary>
    public static ILocator Field(this ILocator scope, string name) => scope.Locator($"[data-field={name}]").First;

    public static Task TypeIntoAsync(this IPage page, string field, string value) => page.Locator("body").TypeIntoAsync(field, value);

    public static async Task TypeIntoAsync(this ILocator scope, string field, string value)
    {
        var input = scope.Field(field).Locator("input, textarea").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Opens a drop-down and picks the item showing <paramref name="text"/>.</summary>
    public static Task ChooseAsync(this IPage page, string field, string text) => page.Locator("body").ChooseAsync(page, field, text);

    public static async Task ChooseAsync(this ILocator scope, IPage page, string field, string text)
    {
        await scope.Field(field).Locator(".mud-select, .mud-input-control").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First.ClickAsync();
    }

    /// <summary>Types into a searching picker (the country picker) and picks the first match containing <paramref name="pick"/>.</summary>
    public static Task SearchAndChooseAsync(this IPage page, string field, string search, string pick) =>
        page.Locator("body").SearchAndChooseAsync(page, field, search, pick);

    public static async Task SearchAndChooseAsync(this ILocator scope, IPage page, string field, string search, string pick)
    {
        var input = scope.Field(field).Locator("input").First;
        await input.ClickAsync();
        await input.PressSequentiallyAsync(search);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = pick }).First.ClickAsync();
    }
}
