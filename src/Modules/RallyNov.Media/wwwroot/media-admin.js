// Media library (RallyNov.Media): several files at once, dropped or chosen, each with its own alt
// text, progress bar and result. Without this script the form posts every chosen file at once with
// one alt text, and the page answers with a message.
(function () {
  'use strict';
  var form = document.querySelector('form[data-media-upload]');
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }

  var input = form.querySelector('input[type=file]');
  var zone = form.querySelector('[data-dropzone]');
  var queue = form.querySelector('[data-upload-queue]');
  var summary = form.querySelector('[data-upload-summary]');
  var single = form.querySelector('[data-single-fields]');
  var maxBytes = parseInt(form.getAttribute('data-max-bytes'), 10) || 0;
  var maxLabel = form.getAttribute('data-max-label') || '';
  var items = [];
  var counter = 0;
  var busy = false;

  // Each file gets its own alt text in the list, so the shared fields of the plain form go away.
  single.hidden = true;
  single.querySelectorAll('input').forEach(function (field) { field.disabled = true; });
  input.required = false;
  zone.classList.add('is-enhanced');
  form.querySelectorAll('[data-js-only]').forEach(function (element) { element.hidden = false; });

  function size(bytes) {
    return bytes >= 1048576
      ? (bytes / 1048576).toLocaleString('fr-FR', { maximumFractionDigits: 1 }) + ' Mo'
      : Math.ceil(bytes / 1024).toLocaleString('fr-FR') + ' Ko';
  }

  function isImage(file) {
    return /^image\//.test(file.type) || /\.(jpe?g|png|gif|webp|svg)$/i.test(file.name);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function setResult(item, text, ok) {
    item.result.textContent = text;
    item.result.className = 'upload-item-result ' + (ok ? 'is-ok' : 'is-error');
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      var id = 'upload-item-' + (++counter);
      var li = element('li', 'upload-item');
      var item = { file: file, li: li, done: false, alt: null };
      var preview;
      if (isImage(file) && window.URL && URL.createObjectURL) {
        preview = element('img', 'upload-item-preview');
        preview.alt = '';
        preview.src = URL.createObjectURL(file);
      } else {
        preview = element('span', 'upload-item-preview is-document', (file.name.split('.').pop() || '').toUpperCase());
        preview.setAttribute('aria-hidden', 'true');
      }
      li.appendChild(preview);
      var body = element('div', 'upload-item-body');
      body.appendChild(element('p', 'upload-item-name', file.name + ' (' + size(file.size) + ')'));
      if (isImage(file)) {
        var field = element('div', 'field');
        var label = element('label', null, 'Texte alternatif de « ' + file.name + ' » (obligatoire)');
        label.htmlFor = id + '-alt';
        item.alt = element('input');
        item.alt.id = id + '-alt';
        item.alt.maxLength = 500;
        item.alt.setAttribute('aria-describedby', id + '-result');
        field.appendChild(label);
        field.appendChild(item.alt);
        body.appendChild(field);
      }
      item.progress = element('progress');
      item.progress.max = 100;
      item.progress.value = 0;
      item.progress.id = id + '-progress';
      item.progress.setAttribute('aria-label', 'Progression de l’envoi de « ' + file.name + ' »');
      item.progress.hidden = true;
      body.appendChild(item.progress);
      item.result = element('p', 'upload-item-result');
      item.result.id = id + '-result';
      body.appendChild(item.result);
      var remove = element('button', 'button-link upload-item-actions', 'Retirer');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Retirer « ' + file.name + ' » de la liste');
      remove.addEventListener('click', function () {
        items = items.filter(function (other) { return other !== item; });
        li.remove();
        queue.hidden = items.length === 0;
        input.focus();
      });
      item.remove = remove;
      body.appendChild(remove);
      li.appendChild(body);
      if (maxBytes && file.size > maxBytes) {
        setResult(item, 'Trop volumineux : ' + size(file.size) + ' pour ' + maxLabel + ' au maximum. Ce fichier ne sera pas envoyé.', false);
        item.done = true;
        if (item.alt) { item.alt.disabled = true; }
      }
      items.push(item);
      queue.appendChild(li);
    });
    queue.hidden = items.length === 0;
    summary.textContent = items.length === 1 ? '1 fichier prêt à être envoyé.' : items.length + ' fichiers prêts à être envoyés.';
    var first = items.filter(function (item) { return !item.done && item.alt && !item.alt.value; })[0];
    if (first) { first.alt.focus(); }
  }

  function upload(item) {
    return new Promise(function (resolve) {
      var body = new FormData();
      body.append('folder', form.querySelector('input[name=folder]').value);
      body.append('__RequestVerificationToken', form.querySelector('input[name=__RequestVerificationToken]').value);
      body.append('file', item.file, item.file.name);
      if (item.alt) { body.append('alt', item.alt.value); }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'application/json');
      item.progress.hidden = false;
      item.progress.value = 0;
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) { item.progress.value = Math.round(event.loaded * 100 / event.total); }
      });
      xhr.addEventListener('load', function () {
        var answer = null;
        try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
        if (xhr.status === 200 && answer && answer.ok) {
          item.progress.value = 100;
          item.done = true;
          if (item.alt) { item.alt.disabled = true; }
          item.remove.hidden = true;
          setResult(item, answer.message, true);
          resolve(true);
        } else {
          item.progress.hidden = true;
          setResult(item, answer && answer.error ? answer.error
            : xhr.status === 413 ? 'Le fichier est trop volumineux.' : 'L’envoi a échoué (erreur ' + xhr.status + '). Réessayez.', false);
          resolve(false);
        }
      });
      xhr.addEventListener('error', function () {
        item.progress.hidden = true;
        setResult(item, 'L’envoi a échoué : le serveur ne répond pas. Vérifiez votre connexion et réessayez.', false);
        resolve(false);
      });
      xhr.send(body);
    });
  }

  // The list of files of the folder, read again from the page once uploads are done.
  function refreshFiles() {
    var section = document.getElementById('media-files');
    if (!section) { return; }
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('media-files');
        if (fresh) { section.replaceWith(document.importNode(fresh, true)); }
      })
      .catch(function () { /* the list stays as it was; reloading the page shows it */ });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) { return; }
    var pending = items.filter(function (item) { return !item.done; });
    if (pending.length === 0) {
      summary.textContent = items.length === 0 ? 'Choisissez au moins un fichier à envoyer.' : 'Tous les fichiers de la liste ont été traités.';
      input.focus();
      return;
    }
    var missing = pending.filter(function (item) { return item.alt && !item.alt.value.trim(); });
    pending.forEach(function (item) {
      if (item.alt) { item.alt.removeAttribute('aria-invalid'); }
    });
    if (missing.length > 0) {
      missing.forEach(function (item) {
        item.alt.setAttribute('aria-invalid', 'true');
        setResult(item, 'Décrivez cette image en quelques mots : le texte alternatif est obligatoire.', false);
      });
      summary.textContent = missing.length === 1 ? 'Une image n’a pas de texte alternatif.' : missing.length + ' images n’ont pas de texte alternatif.';
      missing[0].alt.focus();
      return;
    }
    busy = true;
    var sent = 0;
    var refused = 0;
    summary.textContent = 'Envoi en cours…';
    pending.reduce(function (chain, item) {
      return chain.then(function () { return upload(item).then(function (ok) { if (ok) { sent++; } else { refused++; } }); });
    }, Promise.resolve()).then(function () {
      busy = false;
      input.value = '';
      summary.textContent = (sent === 1 ? '1 fichier ajouté' : sent + ' fichiers ajoutés') + (refused ? ', ' + (refused === 1 ? '1 refusé' : refused + ' refusés') + ' (voir le détail ci-dessus).' : '.');
      if (sent > 0) { refreshFiles(); }
    });
  });

  input.addEventListener('change', function () {
    if (input.files && input.files.length) { add(input.files); }
  });

  zone.addEventListener('dragover', function (event) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('is-dragover');
  });
  zone.addEventListener('dragleave', function () { zone.classList.remove('is-dragover'); });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    zone.classList.remove('is-dragover');
    if (event.dataTransfer && event.dataTransfer.files.length) { add(event.dataTransfer.files); }
  });
  // A file dropped beside the zone must not make the browser leave the page to open it.
  ['dragover', 'drop'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0) { event.preventDefault(); }
    });
  });
})();
