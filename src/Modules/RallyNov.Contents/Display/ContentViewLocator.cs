using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ViewEngines;

namespace RallyNov.Contents.Display;

/// <summary>
/// Finds the view that displays a content type: the theme's override
/// (Views/Shared/Content/{Type}.{Display}.cshtml) first, then the module's
/// (Views/Content/{Type}.{Display}.cshtml), then the generic one. The answer is cached.
/// </summary>
public sealed class ContentViewLocator(ICompositeViewEngine viewEngine)
{
    private readonly ConcurrentDictionary<(string Type, string Display), string> _cache = new();

    public string Locate(string contentType, string display) =>
        _cache.GetOrAdd((contentType, display), key =>
        {
            string[] candidates =
            [
                $"/Views/Shared/Content/{key.Type}.{key.Display}.cshtml",
                $"/Views/Content/{key.Type}.{key.Display}.cshtml",
                $"/Views/Content/Default.{key.Display}.cshtml",
            ];
            return candidates.FirstOrDefault(path => viewEngine.GetView(executingFilePath: null, path, isMainPage: false).Success)
                ?? throw new InvalidOperationException($"No view displays {key.Type} as {key.Display}.");
        });
}
