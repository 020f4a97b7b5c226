using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;

// A delivery worker in its own process, for the crash test: it delivers the pending alerts of a
// SQLite database to an SMTP server and is killed with SIGKILL part-way by the test.
// Usage: AnshinMail.DeliveryProbe <policy-book> <database-file> <smtp-port> <batch-size> <connections>
var book = PolicyBook.Load(args[0]);
var storage = new StorageOptions { ConnectionString = $"Data Source={args[1]}" };
var options = new DeliveryOptions
{
    Transport = "smtp", Host = "127.0.0.1", Port = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
    BatchSize = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
    Connections = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture),
};
var runner = new DeliveryRunner(() => new AnshinDbContext(storage.Build()), MailTransports.Create(options), new AlertMessageFactory(book, options), options, TimeProvider.System);
Console.WriteLine("started");
var pass = await runner.RunOnceAsync();
Console.WriteLine($"delivered {pass.Delivered}");
