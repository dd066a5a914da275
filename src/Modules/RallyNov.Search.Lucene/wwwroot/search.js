// Search-box completions: an ARIA 1.2 combobox over /api/search/suggest.
// The form works without this script; it only adds suggestions while typing.
// Every search form of the page (the header's, the search page's) gets its own suggestions.
(function () {
  "use strict";
  if (!window.fetch) { return; }
  document.querySelectorAll("form[data-suggest-url]").forEach(setUp);

function setUp(form) {
  var input = form.querySelector("[role=combobox]");
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var url = form.getAttribute("data-suggest-url");
  var timer = null;
  var active = -1;
  var items = [];

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
    items = [];
  }

  function highlight(index) {
    items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
    else { input.removeAttribute("aria-activedescendant"); }
  }

  function choose(li) {
    if (li.dataset.url) { window.location.href = li.dataset.url; return; }
    input.value = li.textContent;
    close();
    form.submit();
  }

  function render(suggestions) {
    close();
    if (!suggestions.length) { return; }
    suggestions.forEach(function (s, i) {
      var li = document.createElement("li");
      li.id = list.id + "-" + i;
      li.setAttribute("role", "option");
      li.textContent = s.text;
      if (s.url) { li.dataset.url = s.url; }
      li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(li); });
      list.appendChild(li);
      items.push(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(function () {
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) { render(data.suggestions || []); } })
        .catch(close);
    }, 120);
  });

  input.addEventListener("keydown", function (e) {
    if (list.hidden) { return; }
    if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(items[active]); }
    else if (e.key === "Escape") { close(); }
  });

  input.addEventListener("blur", function () { setTimeout(close, 100); });
}
})();
