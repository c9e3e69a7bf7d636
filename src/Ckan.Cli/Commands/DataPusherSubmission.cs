using Ckan.Core.Actions;
using Ckan.DataPusher;
using Ckan.DataPusher.External;
using Ckan.Jobs;

namespace Ckan.Cli.Commands;

/// <summary>
/// The datapusher_submit of the CLI: posts to the service at <c>ckan.datapusher.url</c> when that is set, as the
/// portal does, and otherwise queues the in-process load on the job queue.
/// </summary>
internal sealed class DataPusherSubmission : IDisposable
{
    private readonly HttpClient? _http;
    private readonly Func<CkanServices, string, CancellationToken, Task<bool>> _submit;

    public DataPusherSubmission(CkanServices services, IJobQueue queue)
    {
        Options = DataPusherOptions.FromConfig(services.Config);
        var external = ExternalDataPusherOptions.FromConfig(services.Config);
        if (external is null)
        {
            _submit = new DataPusherActions(queue, Options).SubmitAsync;
            return;
        }

        _http = DataPusherServiceClient.CreateHttpClient(external);
        _submit = new ExternalDataPusherActions(new DataPusherServiceClient(_http, external), Options).SubmitAsync;
    }

    public DataPusherOptions Options { get; }

    /// <summary>Submits the resource and returns whether a load was queued or posted.</summary>
    public Task<bool> SubmitAsync(CkanServices services, string resourceId, CancellationToken cancellationToken) =>
        _submit(services, resourceId, cancellationToken);

    public void Dispose() => _http?.Dispose();
}
