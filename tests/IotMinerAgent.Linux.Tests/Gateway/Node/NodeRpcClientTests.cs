using System;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Tests.Mqtt;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class NodeRpcClientTests
{
    [Fact]
    public async Task A_port_without_a_node_is_unreachable_and_says_what_to_check()
    {
        var url = new Uri($"http://127.0.0.1:{MosquittoBroker.FreePort()}/");
        using var client = new NodeRpcClient(url, NodeRpcCredentials.FromPassword("u", "p"), TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<NodeRpcException>(() => client.CallAsync("getblockcount", [], CancellationToken.None));

        Assert.Equal(NodeRpcFailure.Unreachable, error.Failure);
        Assert.True(error.IsTransient);
        Assert.Contains($"The node at {url} is unreachable for getblockcount", error.Message);
        Assert.Contains("gateway:node:rpcUrl", error.Message);
    }

    [Fact]
    public void A_missing_cookie_file_means_the_node_is_not_up_yet()
    {
        string path = Path.Combine(Path.GetTempPath(), $"iotminer-no-such-{Guid.NewGuid():N}", ".cookie");

        var error = Assert.Throws<NodeRpcException>(() => NodeRpcCredentials.FromCookieFile(path).Header());

        Assert.True(error.IsTransient);
        Assert.Contains(path, error.Message);
        Assert.Contains("gateway:node:rpcCookieFile", error.Message);
    }

    [Fact]
    public void A_cookie_file_is_read_as_user_and_password()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "__cookie__:abc:def\n");
            Assert.Equal(Convert.ToBase64String("__cookie__:abc:def"u8.ToArray()), NodeRpcCredentials.FromCookieFile(path).Header().Parameter);

            File.WriteAllText(path, "no separator");
            var error = Assert.Throws<NodeRpcException>(() => NodeRpcCredentials.FromCookieFile(path).Header());
            Assert.Equal(NodeRpcFailure.Unauthorized, error.Failure);
            Assert.Contains("does not hold 'user:password'", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_node_error_message_with_terminal_controls_is_escaped_in_the_exception()
    {
        int port = MosquittoBroker.FreePort();
        using var node = new HttpListener();
        node.Prefixes.Add($"http://127.0.0.1:{port}/");
        node.Start();
        string body = JsonSerializer.Serialize(new { result = (string?)null, error = new { code = -25, message = "bad " + HostileText.All }, id = 1 });
        Task answer = Task.Run(async () =>
        {
            HttpListenerContext context = await node.GetContextAsync();
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        });
        using var client = new NodeRpcClient(new Uri($"http://127.0.0.1:{port}/"), NodeRpcCredentials.FromPassword("u", "p"), TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<NodeRpcException>(() => client.CallAsync("submitblock", [], CancellationToken.None));
        await answer;

        Assert.Equal(NodeRpcFailure.RpcError, error.Failure);
        HostileText.AssertNone(error.Message, "the node's error");
        Assert.Contains("bad " + HostileText.ClearScreenEscaped, error.Message);
    }
}
