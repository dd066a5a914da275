using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Cluster;
using RallyNov.Core.Content;

namespace RallyNov.Core.Indexing;

public static class IndexingServiceCollectionExtensions
{
    /// <summary>New IndexingTasks announced here and on the change bus, and heard from other nodes.</summary>
    internal static IServiceCollection AddRallyNovIndexingSignal(this IServiceCollection services)
    {
        services.AddSingleton<IIndexingSignal, IndexingSignal>();
        services.AddScoped<IContentHandler, IndexingTasksContentHandler>();
        services.AddSingleton<IChangeHandler, IndexingTasksChangeHandler>();
        return services;
    }
}
