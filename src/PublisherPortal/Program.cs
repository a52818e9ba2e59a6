using PublisherPortal.Composition;
using PublisherPortal.Infrastructure;

var builder = WebApplication.CreateBuilder(AppContentRoot.Options(args));
builder.Configuration.UseRepositorySettings(builder.Environment);
builder.AddPortal();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePortal();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
