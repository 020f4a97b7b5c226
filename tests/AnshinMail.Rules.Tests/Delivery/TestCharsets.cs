using System.Runtime.CompilerServices;
using System.Text;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>Tests parse mail with MimeKit, sometimes before the library is loaded: register ISO-2022-JP first here too.</summary>
internal static class TestCharsets
{
#pragma warning disable CA2255 // Deliberate: the provider must be in place before any MimeKit charset lookup.
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
#pragma warning restore CA2255
}
