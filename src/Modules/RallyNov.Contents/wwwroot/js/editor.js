// Progressive enhancement of the content editor form (RallyNov.Contents). Without this script
// every field still works: textareas, plain selects, a submit button for the Markdown preview.
(function () {
  'use strict';
  var form = document.querySelector('form.editor-form');
  if (!form) { return; }

  function token() {
    var input = form.querySelector('input[name="__RequestVerificationToken"]');
    return input ? input.value : '';
  }

  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // Markdown: the "Aperçu" button asks the server (same renderer and sanitizer as the site).
  function markdownPreview(button) {
    var textarea = document.getElementById(button.getAttribute('data-markdown-preview-for'));
    var output = document.getElementById(textarea.id + '-preview');
    button.addEventListener('click', function (event) {
      event.preventDefault();
      var body = new FormData();
      body.append('markdown', textarea.value);
      body.append('__RequestVerificationToken', token());
      fetch(form.getAttribute('data-markdown-preview'), { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (response) {
          if (response.status === 422) { // the server's French reason, as text
            return response.text().then(function (reason) { var error = new Error(reason); error.reason = reason; throw error; });
          }
          if (!response.ok) { throw new Error(response.status); }
          return response.text();
        })
        .then(function (html) {
          output.innerHTML = '<p class="hint">Aperçu :</p>' + (html || '<p><em>(vide)</em></p>'); // sanitized by the server
          output.hidden = false;
        })
        .catch(function (error) {
          output.textContent = error.reason || 'L’aperçu n’a pas pu être affiché.';
          output.hidden = false;
        });
    });
  }

  // Content picker: a title search that adds matching items to the select.
  function contentPicker(container) {
    var select = container.querySelector('select');
    var search = document.createElement('input');
    search.type = 'search';
    search.id = select.id + '-search';
    search.placeholder = 'Rechercher par titre…';
    search.setAttribute('aria-label', 'Rechercher un contenu à choisir');
    search.setAttribute('aria-controls', select.id);
    select.parentNode.insertBefore(search, select);
    var status = document.createElement('span');
    status.className = 'hint';
    status.setAttribute('aria-live', 'polite');
    select.parentNode.insertBefore(status, select.nextSibling);
    var url = form.getAttribute('data-picker');
    search.addEventListener('input', debounce(function () {
      var q = search.value.trim();
      fetch(url + '?types=' + encodeURIComponent(container.getAttribute('data-types') || '') + '&q=' + encodeURIComponent(q), { credentials: 'same-origin' })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          // Selected options stay; the others are replaced by the results.
          Array.prototype.slice.call(select.options).forEach(function (option) {
            if (!option.selected && option.value) { option.remove(); }
          });
          data.items.forEach(function (item) {
            if (select.querySelector('option[value="' + CSS.escape(item.id) + '"]')) { return; }
            var option = document.createElement('option');
            option.value = item.id;
            option.textContent = item.title + ' (' + item.type + ')';
            select.appendChild(option);
          });
          status.textContent = data.items.length === 0 ? 'Aucun contenu trouvé.' : data.items.length + ' contenu(s) trouvé(s).';
        })
        .catch(function () { status.textContent = 'La recherche n’a pas abouti.'; });
    }, 250));
  }

  // A textarea with a character limit: "123 / 300 caractères", the excess shown as it is typed (the
  // server refuses it); crossing the limit either way is announced once, not at every key.
  function characterCounter(textarea) {
    var limit = parseInt(textarea.getAttribute('data-char-limit'), 10);
    var output = document.getElementById(textarea.id + '-count');
    if (!limit || !output) { return; }
    var announce = document.createElement('span');
    announce.className = 'visually-hidden';
    announce.setAttribute('role', 'status');
    output.parentNode.insertBefore(announce, output.nextSibling);
    var over = null;
    function update() {
      var length = textarea.value.length;
      var excess = length - limit;
      output.textContent = length.toLocaleString('fr-FR') + ' / ' + limit.toLocaleString('fr-FR') + ' caractères'
        + (excess > 0 ? ' — ' + excess.toLocaleString('fr-FR') + ' de trop' : '');
      output.classList.toggle('is-over', excess > 0);
      if (over !== null && over !== excess > 0) {
        announce.textContent = excess > 0 ? 'Limite de ' + limit + ' caractères dépassée.' : 'Le texte tient de nouveau dans la limite.';
      }
      over = excess > 0;
    }
    textarea.addEventListener('input', update);
    update();
  }

  var E = window.RallyNovEditor || {};
  var ctx = { form: form, token: token, videoUrl: form.getAttribute('data-video-link') };
  if (E.probeMediaPicker) { E.probeMediaPicker(form); }
  if (E.richText) { Array.prototype.forEach.call(form.querySelectorAll('textarea[data-rich-text]'), function (textarea) { E.richText(textarea, ctx); }); }
  if (E.mediaFields) { E.mediaFields(form, Array.prototype.slice.call(form.querySelectorAll('[data-media-field]'))); }
  Array.prototype.forEach.call(form.querySelectorAll('[data-markdown-preview-for]'), markdownPreview);
  Array.prototype.forEach.call(form.querySelectorAll('[data-content-picker]'), contentPicker);
  Array.prototype.forEach.call(form.querySelectorAll('textarea[data-char-limit]'), characterCounter);
})();
