using System.Runtime.CompilerServices;
using System.Text;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// ISO-2022-JP (older Japanese phones) lives in the code-pages provider. It must be registered before
/// MimeKit first looks charsets up (MimeKit caches what it finds), so it is done when this library loads.
/// </summary>
internal static class Charsets
{
#pragma warning disable CA2255 // Deliberate: the provider must be in place before any MimeKit charset lookup.
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
#pragma warning restore CA2255
}
