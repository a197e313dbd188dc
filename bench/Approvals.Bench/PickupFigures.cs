using System.Diagnostics;
using Approvals.Host.Mail;
using Approvals.Host.Options;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using MimeKit;

namespace Approvals.Bench;

/// <summary>
/// Mail to the pickup folder, per message, as the host writes it (every decision writes two: the stage cleared and the next
/// task), beside the same message written by MimeKit's own file writing and renamed into place as the host did before.
/// </summary>
internal static class PickupFigures
{
    public static async Task MeasureAsync(string folder, int messages)
    {
        var transport = new MailTransport(Microsoft.Extensions.Options.Options.Create(new SmtpOptions()),
            Microsoft.Extensions.Options.Options.Create(new ApprovalsOptions { DataDirectory = folder }), new BenchEnvironment(folder));
        var pickup = transport.PickupFolder;
        Directory.CreateDirectory(pickup);

        Task HostWrites(int from, int count)
        {
            for (var i = from; i < from + count; i++) transport.WriteToPickup(Message(i), CancellationToken.None);
            return Task.CompletedTask;
        }
        async Task MimeKitWrites(int from, int count)
        {
            for (var i = from; i < from + count; i++)
            {
                var message = Message(i);
                var path = Path.Combine(pickup, $"mimekit-{i}.eml");
                var writing = Path.Combine(pickup, $".mimekit-{i}.writing");
                await message.WriteToAsync(writing);
                File.Move(writing, path, overwrite: true);
            }
        }
        async Task ComposeOnly(int from, int count)
        {
            for (var i = from; i < from + count; i++) Message(i).WriteTo(Stream.Null);
            await Task.CompletedTask;
        }

        var next = 0;
        foreach (var round in Enumerable.Range(1, 3))
        foreach (var (name, write) in new (string, Func<int, int, Task>)[]
                 {
                     ("composed and serialized only", ComposeOnly), ("MimeKit's file writing + rename", MimeKitWrites),
                     ("the host's pickup writer", HostWrites),
                 })
        {
            await write(next, messages / 10);
            next += messages / 10;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await write(next, messages);
            next += messages;
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"pickup mail, round {round}, {name}: {clock.Elapsed.TotalMicroseconds / messages:F0} µs wall, " +
                $"{used.TotalMicroseconds / messages:F0} µs CPU per message");
        }
    }

    /// <summary>A task-assigned mail of the size the host sends: Chinese subject, text and HTML parts.</summary>
    private static MimeMessage Message(int i)
    {
        var message = new MimeMessage { MessageId = MailComposer.MessageIdOf(i) };
        message.From.Add(MailboxAddress.Parse("approvals@fao.example.gov.cn"));
        message.To.Add(new MailboxAddress("礼宾处 王明", "protocol@fao.example.gov.cn"));
        message.Subject = $"待办：礼宾处审核 — 外国代表团礼遇申请 LB-2026-{i:D5}";
        var lines = Enumerable.Repeat($"您有一项新的待办事项：礼宾处审核。申请编号 LB-2026-{i:D5}。", 12).ToList();
        message.Body = new BodyBuilder
        {
            TextBody = string.Join('\n', lines),
            HtmlBody = "<!DOCTYPE html><html><body>" + string.Concat(lines.Select(l => $"<p>{l}</p>")) + "</body></html>",
        }.ToMessageBody();
        return message;
    }

    private sealed class BenchEnvironment(string root) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = root;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "Approvals.Bench";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = root;
        public string EnvironmentName { get; set; } = "Production";
    }
}
