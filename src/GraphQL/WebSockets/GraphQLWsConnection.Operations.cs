using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>Operations: each runs on its own; its results become frames for the send queue.</summary>
internal sealed partial class GraphQLWsConnection
{
    private void Start(ProtocolStep.Start start)
    {
        var operation = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        lock (_gate)
        {
            _operations.Add(start.Ticket, operation);
        }

        _ = RunOperationAsync(start, operation.Token);
    }

    private void Stop(long ticket)
    {
        CancellationTokenSource? operation;
        lock (_gate)
        {
            // Whoever takes the source out of the map disposes of it.
            _operations.Remove(ticket, out operation);
        }

        operation?.Cancel();
        operation?.Dispose();
    }

    private async Task RunOperationAsync(ProtocolStep.Start start, CancellationToken cancellationToken)
    {
        var (id, ticket) = (start.Id, start.Ticket);
        try
        {
            ExecutionResult result;
            // The first execution gets a scope of its own; each later event of a subscription gets a fresh one
            // (ScopedSubscriptionExecutionStrategy), so no DbContext is shared between events or operations.
            var scope = _shared.Scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                result = await _shared.Executer.ExecuteAsync(new ExecutionOptions
                {
                    Query = start.Operation.Query,
                    OperationName = start.Operation.OperationName,
                    Variables = start.Operation.Variables ?? Inputs.Empty,
                    Extensions = start.Operation.Extensions ?? Inputs.Empty,
                    RequestServices = scope.ServiceProvider,
                    User = User,
                    CancellationToken = cancellationToken,
                }).ConfigureAwait(false);
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                await StreamAsync(id, ticket, streams.Values.First(), cancellationToken).ConfigureAwait(false);
            }
            else if (!result.Executed)
            {
                // Refused before it ran (parse, validation, limits, time-out): an error, and no complete after it.
                Fail(id, ticket, result.Errors is { Count: > 0 } errors ? errors : [new ExecutionError(ErrorClassifier.InternalMessage)]);
            }
            else
            {
                SendResult(id, ticket, result);
                Complete(id, ticket);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Completed by the client, or the socket is closing: nothing more is sent for it.
        }
        catch (Exception ex)
        {
            LogOperationFailed(_shared.Logger, ex, Id, id);
            Fail(id, ticket, [new ExecutionError(ErrorClassifier.InternalMessage, ex)]);
        }
        finally
        {
            CancellationTokenSource? operation;
            lock (_gate)
            {
                _protocol.Finish(id, ticket);
                _operations.Remove(ticket, out operation);
            }

            operation?.Dispose();
        }
    }

    private async Task StreamAsync(string id, long ticket, IObservable<ExecutionResult> stream, CancellationToken cancellationToken)
    {
        var observer = new OperationObserver(this, id, ticket);
        using (stream.Subscribe(observer))
        {
            await observer.Ended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void SendResult(string id, long ticket, ExecutionResult result)
    {
        var frame = _shared.Messages.Next(id, result);
        lock (_gate)
        {
            // The client may have completed it meanwhile; it then expects nothing more for this id.
            if (!_protocol.IsActive(id, ticket))
            {
                return;
            }
        }

        Send(frame);
    }

    private void Complete(string id, long ticket)
    {
        bool tell;
        lock (_gate)
        {
            // Freed before the complete goes out, so a client reusing the id at once is not taken for a duplicate.
            tell = _protocol.Finish(id, ticket);
        }

        if (tell)
        {
            Send(ServerMessages.Complete(id));
        }
    }

    private void Fail(string id, long ticket, IEnumerable<ExecutionError> errors)
    {
        bool tell;
        lock (_gate)
        {
            tell = _protocol.Finish(id, ticket);
        }

        if (tell)
        {
            Send(_shared.Messages.Error(id, errors));
        }
    }

    /// <summary>Turns a subscription's results into <c>next</c> messages, then <c>complete</c> or <c>error</c>.</summary>
    private sealed class OperationObserver(GraphQLWsConnection connection, string id, long ticket) : IObserver<ExecutionResult>
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ended => _ended.Task;

        public void OnNext(ExecutionResult value) => connection.SendResult(id, ticket, value);

        public void OnError(Exception error)
        {
            // The engine hands stream failures over as execution errors, already logged when unexpected.
            connection.Fail(id, ticket, [error as ExecutionError ?? new ExecutionError(ErrorClassifier.InternalMessage, error)]);
            _ended.TrySetResult();
        }

        public void OnCompleted()
        {
            connection.Complete(id, ticket);
            _ended.TrySetResult();
        }
    }
}
