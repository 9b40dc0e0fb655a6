using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>Submitting found blocks.</summary>
public sealed partial class NodeUpstream
{
    private const int SubmitAttempts = 3;
    private static readonly TimeSpan SubmitRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Assembles the block of the submission's template, work unit and nonce and hands it to submitblock. A lost
    /// connection is retried twice; the result is <see cref="ShareVerdict.Unreachable"/> only when every attempt
    /// failed, or cancellation came first.
    /// </summary>
    public async Task<UpstreamResult> SubmitAsync(UpstreamSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Template is not NodeTemplate template || !ReferenceEquals(template.Issuer, this))
        {
            return new UpstreamResult(ShareVerdict.Rejected, $"template {submission.Template.Id} was not issued by {DisplayName}");
        }

        byte[] header = template.Header(submission.WorkUnit, submission.Nonce);
        if (!header.AsSpan().SequenceEqual(submission.Header))
        {
            return new UpstreamResult(ShareVerdict.Rejected,
                $"the submitted header is not template {template.Id}'s header for work unit {submission.WorkUnit} and nonce {submission.Nonce:x8}");
        }

        string blockId = Hex.Encode(Reversed(DoubleSha256.Hash(header)));
        string block = Convert.ToHexStringLower(template.AssembleBlock(submission.WorkUnit, submission.Nonce));
        UpstreamResult result = await SubmitBlockAsync(block, blockId, cancellationToken).ConfigureAwait(false);
        LogSubmitted(_logger, blockId, template.Id, result.Verdict, result.Reason);
        if (result.Verdict == ShareVerdict.BlockAccepted)
        {
            _fetchNow.Writer.TryWrite(true);
        }

        return result;
    }

    private async Task<UpstreamResult> SubmitBlockAsync(string blockHex, string blockId, CancellationToken cancellationToken)
    {
        NodeRpcException? lastFailure = null;
        for (int attempt = 1; attempt <= SubmitAttempts; attempt++)
        {
            try
            {
                JsonElement answer = await _rpc.CallAsync("submitblock", [(JsonNode?)JsonValue.Create(blockHex)], cancellationToken).ConfigureAwait(false);
                return SubmitBlockAnswer.Judge(answer, earlierAttemptMayHaveArrived: lastFailure is not null);
            }
            catch (NodeRpcException e) when (e.Failure == NodeRpcFailure.RpcError)
            {
                return new UpstreamResult(ShareVerdict.Rejected, e.Message);
            }
            catch (NodeRpcException e) when (e.Failure == NodeRpcFailure.Unreachable && attempt < SubmitAttempts)
            {
                lastFailure = e;
                LogSubmitRetry(_logger, blockId, attempt, e.Message);
                try
                {
                    await Task.Delay(SubmitRetryDelay * attempt, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            catch (NodeRpcException e)
            {
                lastFailure = e;
                break;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        string why = lastFailure?.Message ?? "cancelled before the node answered";
        return new UpstreamResult(ShareVerdict.Unreachable, $"block {blockId} was not judged by the node: {why}");
    }

    private static byte[] Reversed(byte[] hash)
    {
        Array.Reverse(hash);
        return hash;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Block {BlockId} on template {TemplateId} submitted: {Verdict} {Reason}")]
    private static partial void LogSubmitted(ILogger logger, string blockId, string templateId, ShareVerdict verdict, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submitting block {BlockId} failed (attempt {Attempt}), retrying: {Problem}")]
    private static partial void LogSubmitRetry(ILogger logger, string blockId, int attempt, string problem);
}
