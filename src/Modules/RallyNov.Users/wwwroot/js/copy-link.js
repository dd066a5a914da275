// "Copier le lien" beside a link shown once. Without JavaScript the read-only field is still
// selectable by hand; the button only appears when it can work.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.closest(".field") && button.closest(".field").querySelector("[data-copy-status]");
    if (!field) {
      return;
    }

    button.hidden = false;
    field.addEventListener("focus", function () { field.select(); });
    button.addEventListener("click", function () {
      var done = function () { if (status) { status.textContent = "Lien copié dans le presse-papiers."; } };
      var fallback = function () {
        field.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        if (status) { status.textContent = ok ? "Lien copié dans le presse-papiers." : "Copie impossible : sélectionnez le lien et copiez-le (Ctrl+C)."; }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
})();
