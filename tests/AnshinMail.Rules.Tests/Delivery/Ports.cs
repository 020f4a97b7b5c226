using System.Net;
using System.Net.Sockets;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>
/// Free loopback ports for test servers. A port is never handed out twice in one process (tests run in
/// parallel: asking the OS for port 0 and releasing it lets two tests draw the same one), and the
/// range starts at a random place so that two test processes rarely meet.
/// </summary>
public static class Ports
{
    private static readonly HashSet<int> Given = [];
    private static int _next = Random.Shared.Next(20_000, 50_000);

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                var port = _next++;
                if (_next > 60_000) _next = 20_000;
                if (!Given.Add(port)) continue;
                try
                {
                    var probe = new TcpListener(IPAddress.Loopback, port);
                    probe.Start();
                    probe.Stop();
                    return port;
                }
                catch (SocketException)
                {
                    // In use: try the next one.
                }
            }
        }
    }
}
