// Serves, at each captured path, exactly the bytes (and content type) the real site answered there.
var directory = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Floor <captured-pages-directory>");
var pages = Directory.GetFiles(directory, "*.body").ToDictionary(
    file => Uri.UnescapeDataString(Path.GetFileNameWithoutExtension(file)),
    file => (Body: File.ReadAllBytes(file), Type: File.ReadAllText(Path.ChangeExtension(file, ".type")).Trim()));

// The directory is positional; the rest (--urls) is configuration. ("/path" alone would read as a "/key value" switch.)
var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    if (!pages.TryGetValue(context.Request.Path + context.Request.QueryString, out var page))
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    context.Response.ContentType = page.Type;
    context.Response.ContentLength = page.Body.Length;
    return context.Response.Body.WriteAsync(page.Body).AsTask();
});
app.Run();
