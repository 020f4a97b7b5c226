using System.Text.Encodings.Web;
using System.Text.Unicode;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Templates;
using AnshinMail.Web;

var builder = WebApplication.CreateBuilder(args);

var bookPath = PolicyBookLocator.Find(builder.Configuration["AnshinMail:PolicyBook"], builder.Environment.ContentRootPath);
var book = PolicyBook.Load(bookPath);
builder.Services.AddSingleton(book);
builder.Services.AddSingleton(new PolicyEngine(book));
builder.Services.AddSingleton(new MessageRenderer(book));
builder.Services.AddSingleton(TimeProvider.System);
var storage = new StorageOptions
{
    Provider = builder.Configuration["AnshinMail:Database:Provider"] ?? "sqlite",
    ConnectionString = builder.Configuration["AnshinMail:Database:ConnectionString"]
        ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "anshinmail.db")}",
};
builder.Services.AddSingleton(storage);
builder.Services.AddDbContext<AnshinDbContext>(o => storage.Configure(o));
builder.Services.AddRazorPages();
// Japanese text stays readable in the HTML; Razor still escapes markup characters.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();
storage.Migrate();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    headers.XFrameOptions = "DENY";
    headers.XContentTypeOptions = "nosniff";
    headers["Referrer-Policy"] = "same-origin";
    await next();
});
app.UseStaticFiles();
app.UseRouting();
app.MapRazorPages();
app.MapGet("/healthz", async (PolicyBook b, AnshinDbContext db) =>
{
    var database = await db.Database.CanConnectAsync();
    var body = new { status = database ? "ok" : "degraded", policyBook = b.SourcePath, database };
    return database ? Results.Ok(body) : Results.Json(body, statusCode: 503);
});

app.Logger.LogInformation("AnshinMail: policy book {Book} ({Prefecture})", book.SourcePath, book.Prefecture);
app.Run();

public partial class Program;
