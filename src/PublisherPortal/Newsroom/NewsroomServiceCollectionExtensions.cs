using PublisherPortal.Newsroom.Images;
using PublisherPortal.Newsroom.Preview;
using PublisherPortal.Newsroom.Publishing;
using PublisherPortal.Newsroom.Stories;
using PublisherPortal.Newsroom.Taxonomy;

namespace PublisherPortal.Newsroom;

public static class NewsroomServiceCollectionExtensions
{
    /// <summary>
    /// The newsroom's services: singletons that open a database context per operation, because a staff circuit lives
    /// long (as the admin screens do); and the scheduled publisher, which every instance runs.
    /// </summary>
    public static IServiceCollection AddNewsroom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NewsroomOptions>().Bind(configuration.GetSection(NewsroomOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NewsroomChanges>();
        services.AddSingleton<StoryQueries>();
        services.AddSingleton<StoryCommands>();
        services.AddSingleton<StoryLifecycle>();
        services.AddSingleton<ReaderPreview>();
        services.AddSingleton<ReaderPageRenderer>();
        services.AddSingleton<TaxonomyCommands>();
        services.AddSingleton<ImageUploads>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        return services;
    }
}
