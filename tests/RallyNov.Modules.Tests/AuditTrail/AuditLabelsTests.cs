using RallyNov.AuditTrail.Services;

namespace RallyNov.Modules.Tests.AuditTrail;

/// <summary>Details recorded with a UTC time (events written before they spoke Paris time) are shown in Paris time.</summary>
public sealed class AuditLabelsTests
{
    [Theory]
    [InlineData("Type : News, publication prévue le 2026-07-01 08:00 UTC", "Type : News, publication prévue le 01/07/2026 à 10:00 (heure de Paris)")]
    [InlineData("publication prévue le 2026-01-15 09:05 UTC", "publication prévue le 15/01/2026 à 10:05 (heure de Paris)")]
    [InlineData("tâche du 2026-03-29 00:59:30 UTC", "tâche du 29/03/2026 à 01:59:30 (heure de Paris)")]
    [InlineData("tâche du 2026-03-29 01:00:00 UTC", "tâche du 29/03/2026 à 03:00:00 (heure de Paris)")]
    [InlineData("Rôles : Éditeur", "Rôles : Éditeur")]
    [InlineData(null, "")]
    public void Utc_times_in_details_are_shown_in_Paris_time(string? details, string shown) =>
        Assert.Equal(shown, AuditLabels.Details(details));
}
