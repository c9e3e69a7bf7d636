using System.Text.Json.Nodes;
using Ckan.Web.Ui;

namespace Ckan.Web.Tests.Ui;

public sealed class DataPusherStatusViewTests
{
    [Fact]
    public void Progress_read_from_task_info()
    {
        var status = JsonNode.Parse("""
            {"status": "pending", "last_updated": "2026-12-04T10:00:00.000000",
             "task_info": {"logs": [{"level": "INFO", "message": "Loading", "timestamp": "2026-12-04T10:00:01"}],
                           "progress": {"rows_done": 250000, "rows_total": 1000000}},
             "error": {}}
            """)!.AsObject();

        var view = DataPusherStatusView.FromStatus(status);

        Assert.Equal(250000, view.RowsDone);
        Assert.Equal(1000000, view.RowsTotal);
        Assert.True(view.IsRunning);
        Assert.Equal("Loading", Assert.Single(view.Logs).Message);
    }

    [Fact]
    public void Status_without_progress_shows_none()
    {
        var status = JsonNode.Parse("""
            {"status": "error", "last_updated": "2026-12-04T10:00:00.000000", "task_info": null,
             "error": {"message": "Could not connect to DataPusher."}}
            """)!.AsObject();

        var view = DataPusherStatusView.FromStatus(status);

        Assert.Null(view.RowsDone);
        Assert.Null(view.RowsTotal);
        Assert.False(view.IsRunning);
        Assert.Equal("Could not connect to DataPusher.", view.Error);
    }
}
