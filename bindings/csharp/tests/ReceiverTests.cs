// The embedded receiver through the wrapper: started on 127.0.0.1, fed with
// the library's own SendCallback, drained with Next and Ack.
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace SmartbillSignup.Tests
{
    internal static class ReceiverTests
    {
        private static readonly HttpSettings Direct = new HttpSettings { Proxy = "off", Timeout = TimeSpan.FromSeconds(10) };
        private static readonly string[] Loopback = { "127.0.0.1" };
        private const string Custom = "http://127.0.0.1:1";

        private static string Body(string sbid, string token)
        {
            return "{\"USER_SBID\":\"" + sbid + "\",\"COM_REGNO\":\"1248100998\",\"COM_NAME\":\"\uc2a4\ub9c8\ud2b8\ube4c\"," +
                   "\"AUTH_CODE\":\"CODE-secret\",\"AUTH_TOKEN\":\"" + token + "\"}";
        }

        private static string TempStore()
        {
            string dir = Path.Combine(Path.GetTempPath(), "smartbill-cs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return Path.Combine(dir, "callbacks.db");
        }

        public static void RunAll()
        {
            Runner.Run("receiver: deliver, take, acknowledge", () =>
            {
                using (var receiver = new Receiver(TempStore(), "127.0.0.1", 0, Custom, Loopback))
                {
                    Assert.True(receiver.Port > 0, "a free port");
                    Assert.Equal("http://127.0.0.1:" + receiver.Port + "/smartbill/callback", receiver.Url, "url");
                    Assert.True(receiver.Next(TimeSpan.Zero) == null, "nothing yet");
                    Assert.Equal(200, Http.SendCallback(receiver.Url, Body("test1", "TOKEN-secret-1"), Direct).Status, "delivered");
                    Record record = receiver.Next(TimeSpan.FromSeconds(5));
                    Assert.True(record != null, "a record");
                    Assert.Equal(new RecordId(1, 1), record.Id, "id");
                    Assert.Equal("1.1", record.Id.ToString(), "id text");
                    Assert.Equal("test1", record.Callback.UserSbid, "sbid");
                    Assert.Equal("TOKEN-secret-1", record.Callback.AuthToken, "token");
                    Assert.Equal("\uc2a4\ub9c8\ud2b8\ube4c", record.Callback.ComName, "Korean name");
                    Assert.Equal("127.0.0.1", record.Peer, "peer");
                    Assert.True(Math.Abs((DateTimeOffset.UtcNow - record.ReceivedAt).TotalSeconds) < 60, "received now");
                    Assert.Equal(Body("test1", "TOKEN-secret-1"), System.Text.Encoding.UTF8.GetString(record.Body()), "raw body");
                    Assert.True(!record.ToString().Contains("secret"), record.ToString());
                    receiver.Ack(record.Id);
                    Assert.True(receiver.Next(TimeSpan.Zero) == null, "acknowledged");
                    Assert.Equal(1UL, receiver.Counts().Records, "records");
                    Assert.Equal(0UL, receiver.Counts().Pending, "pending");
                }
            });
            Runner.Run("receiver: new content is a new version", () =>
            {
                using (var receiver = new Receiver(TempStore(), "127.0.0.1", 0, Custom, Loopback))
                {
                    Http.SendCallback(receiver.Url, Body("test1", "T1"), Direct);
                    Record first = receiver.Next(TimeSpan.FromSeconds(5));
                    Assert.Equal(200, Http.SendCallback(receiver.Url, Body("test1", "T2"), Direct).Status, "new token");
                    receiver.Ack(first);
                    Record second = receiver.Next(TimeSpan.FromSeconds(5));
                    Assert.Equal(new RecordId(1, 2), second.Id, "version 2");
                    Assert.Equal("T2", second.Callback.AuthToken, "new token");
                    receiver.Ack(second);
                    Assert.Throws("INVALID_ARGUMENT", () => receiver.Ack(new RecordId(1, 3)), "a version never stored");
                    Assert.Throws("RECORD_UNKNOWN", () => receiver.Ack(new RecordId(99, 1)), "unknown record");
                }
            });
            Runner.Run("receiver: refusals are answered, not stored", () =>
            {
                string store = TempStore();
                using (var receiver = new Receiver(store, "127.0.0.1", 0, Custom, Loopback))
                {
                    HttpResponse r = Http.SendCallback(receiver.Url, "{\"USER_SBID\":\"x\",\"COM_REGNO\":\"1\",\"AUTH_CODE\":\"CODE-secret\"}", Direct);
                    Assert.Equal(400, r.Status, "missing token");
                    Assert.True(r.Body.StartsWith("CALLBACK_MISSING") && !r.Body.Contains("secret"), r.Body);
                    Assert.Equal(0UL, receiver.Counts().Records, "nothing stored");
                }
                using (var production = new Receiver(TempStore(), "127.0.0.1", 0))
                {
                    Assert.Equal(403, Http.SendCallback(production.Url, Body("x", "T"), Direct).Status, "loopback is not SmartBill");
                }
            });
            Runner.Run("receiver: a second handle drains the same store", () =>
            {
                string store = TempStore();
                using (var receiver = new Receiver(store, "127.0.0.1", 0, Custom, Loopback))
                using (var batch = Receiver.OpenStore(store, leaseSeconds: 30))
                {
                    Http.SendCallback(receiver.Url, Body("user0", "T"), Direct);
                    Http.SendCallback(receiver.Url, Body("user1", "T"), Direct);
                    Assert.True(batch.Port == null && batch.Url == null, "no server");
                    Record mine = receiver.Next(TimeSpan.FromSeconds(5));
                    Record theirs = batch.Next(TimeSpan.Zero);
                    Assert.True(mine != null && theirs != null && mine.Id.Number != theirs.Id.Number, "different records");
                    Assert.True(batch.Next(TimeSpan.Zero) == null, "the other one is reserved");
                    batch.Ack(mine);
                    batch.Ack(theirs);
                    Assert.Equal(0UL, batch.Counts().Pending, "all acknowledged");
                }
            });
            Runner.Run("receiver: options are checked by the library", () =>
            {
                string store = TempStore();
                var e = Assert.Throws("INVALID_ARGUMENT", () => new Receiver(store, "localhost", 0), "host name");
                Assert.Equal("host", e.Field, "field");
                e = Assert.Throws("INVALID_ARGUMENT", () => new Receiver(store, "127.0.0.1", 70000), "port");
                Assert.Equal("port", e.Field, "field");
                e = Assert.Throws("INVALID_ARGUMENT", () => new Receiver(store, "127.0.0.1", 0, options: new Dictionary<string, string> { { "colour", "red" } }), "unknown option");
                Assert.Equal("name", e.Field, "field");
                Assert.Throws("RECEIVER_TLS", () => new Receiver(store, "127.0.0.1", 0, tlsCert: "/nonexistent.pem", tlsKey: "/nonexistent-key.pem"), "certificate");
                Assert.Throws<ArgumentNullException>(() => new Receiver(store, null, 0), "host required");
                using (var first = new Receiver(store, "127.0.0.1", 0, Custom, Loopback))
                {
                    Assert.Throws("RECEIVER_BIND", () => new Receiver(store, "127.0.0.1", first.Port.Value, Custom, Loopback), "port in use");
                }
            });
            Runner.Run("receiver: Next waits while another thread stops", () =>
            {
                var receiver = new Receiver(TempStore(), "127.0.0.1", 0, Custom, Loopback);
                string url = receiver.Url;
                Record got = null;
                var waiter = new Thread(() => { got = receiver.Next(TimeSpan.FromSeconds(10)); });
                waiter.Start();
                Thread.Sleep(200);
                Assert.Equal(200, Http.SendCallback(url, Body("late", "T"), Direct).Status, "delivered");
                waiter.Join(10000);
                Assert.True(got != null && got.Callback.UserSbid == "late", "woken by the delivery");
                receiver.Stop(TimeSpan.FromSeconds(5));
                Assert.Throws("HTTP_CONNECT", () => Http.SendCallback(url, Body("x", "T"), Direct), "port closed");
                receiver.Ack(got);
                receiver.Dispose();
                receiver.Dispose();
                Assert.Throws<ObjectDisposedException>(() => receiver.Next(TimeSpan.Zero), "disposed");
            });
            Runner.Run("receiver: a receiver never disposed is finalized without waiting", () =>
            {
                StartAndForget();
                var started = DateTime.UtcNow;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Assert.True((DateTime.UtcNow - started).TotalSeconds < 5, "the finalizer did not wait");
            });
        }

        private static void StartAndForget()
        {
            new Receiver(TempStore(), "127.0.0.1", 0, Custom, Loopback);
        }
    }
}
