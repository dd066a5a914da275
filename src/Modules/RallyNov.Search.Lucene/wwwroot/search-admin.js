// While a rebuild runs, refresh its progress every second; the page works without this script.
(function () {
  "use strict";
  var table = document.getElementById("search-status");
  var progress = document.querySelector("#rebuild-progress progress");
  if (!table || !progress || !window.fetch) { return; }
  var url = table.getAttribute("data-state-url");
  function set(root, field, value) {
    var el = root.querySelector("[data-field=" + field + "]");
    if (el) { el.textContent = value; }
  }
  var timer = setInterval(function () {
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        set(table, "documents", s.documents.toLocaleString("fr-FR"));
        set(table, "cursor", s.cursor);
        set(table, "pending", s.pending);
        if (s.rebuild && s.rebuild.running) {
          progress.max = Math.max(s.rebuild.total, 1);
          progress.value = s.rebuild.done;
          set(document, "done", s.rebuild.done);
          set(document, "total", s.rebuild.total);
        } else {
          clearInterval(timer);
          window.location.reload();
        }
      })
      .catch(function () { clearInterval(timer); });
  }, 1000);
})();
