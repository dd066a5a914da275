// Sites admin: follows an installation's progress, and keeps module dependencies ticked together.
// Only an enhancement: without it the progress page has a link to refresh and the server resolves dependencies.
(function () {
  "use strict";

  var setup = document.getElementById("setup");
  if (setup && setup.dataset.status) {
    var progress = document.getElementById("setup-progress");
    var current = document.getElementById("setup-current");
    var noScript = setup.querySelector(".no-script");
    if (noScript) { noScript.hidden = true; }
    var poll = function () {
      fetch(setup.dataset.status, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) {
          if (!state) { return; }
          if (state.completed || state.ready) { window.location.reload(); return; }
          if (progress) { progress.max = state.steps; progress.value = state.step; progress.textContent = state.step + " sur " + state.steps; }
          if (current && state.current) { current.textContent = "Étape " + state.step + " sur " + state.steps + " : " + state.current + "…"; }
          window.setTimeout(poll, 400);
        })
        .catch(function () { window.setTimeout(poll, 1500); });
    };
    window.setTimeout(poll, 300);
  }

  // The creation form: the password fields only matter when the administrator does not get an invitation.
  var access = document.getElementById("admin-access");
  var passwords = document.getElementById("admin-password-fields");
  if (access && passwords) {
    var sync = function () {
      var invited = access.querySelector("input[value='invitation']").checked;
      passwords.hidden = invited;
      passwords.querySelectorAll("input").forEach(function (input) { input.disabled = invited; });
    };
    access.addEventListener("change", sync);
    sync();
  }

  var form = document.getElementById("tenant-edit");
  if (!form) { return; }
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name='Form.Modules']"));
  var notice = document.getElementById("modules-notice");
  var byId = {};
  boxes.forEach(function (box) { byId[box.value] = box; });
  var say = function (text) { if (notice) { notice.textContent = text; } };

  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      var messages = [];
      if (box.checked) {
        // Ticking a module ticks what it needs.
        var pending = [box];
        while (pending.length) {
          var module = pending.pop();
          (module.dataset.requires || "").split(" ").filter(Boolean).forEach(function (id) {
            var dependency = byId[id];
            if (dependency && !dependency.checked) {
              dependency.checked = true;
              messages.push(module.dataset.name + " nécessite " + dependency.dataset.name + " : " + dependency.dataset.name + " a été coché aussi.");
              pending.push(dependency);
            }
          });
        }
      } else {
        // Unticking a module unticks what cannot work without it.
        var removed = [box];
        while (removed.length) {
          var gone = removed.pop();
          boxes.forEach(function (other) {
            if (other.checked && (other.dataset.requires || "").split(" ").indexOf(gone.value) >= 0) {
              other.checked = false;
              messages.push(other.dataset.name + " nécessite " + gone.dataset.name + " : " + other.dataset.name + " a été décoché aussi.");
              removed.push(other);
            }
          });
        }
      }
      say(messages.join(" "));
    });
  });
})();
