// Image fields of the content editor (RallyNov.Contents): « Téléverser » (file input or drag and
// drop, the alt text asked on the spot, a progress bar) and « Choisir dans la médiathèque ».
// Uploading goes to the media library by itself; it never submits or changes the rest of the form.
(function () {
  'use strict';
  var E = window.RallyNovEditor = window.RallyNovEditor || {};
  var element = function (tag, className, text) { return E.element(tag, className, text); };

  function size(bytes) {
    return bytes >= 1048576
      ? (bytes / 1048576).toLocaleString('fr-FR', { maximumFractionDigits: 1 }) + ' Mo'
      : Math.ceil(bytes / 1024).toLocaleString('fr-FR') + ' Ko';
  }

  function safePath(path) { return path && path.indexOf('..') < 0 && path.charAt(0) !== '/' && path.indexOf(':') < 0; }

  /** Whether the media library's picker answers JSON here (the module may be off for this site); asked once. */
  E.probeMediaPicker = function (form) {
    if (!E.pickerProbe) {
      var url = form.getAttribute('data-media-picker');
      E.pickerProbe = fetch(url + '?q=&page=1', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          var json = (response.headers.get('content-type') || '').indexOf('json') >= 0;
          if (response.ok && json) { E.mediaPickerUrl = url; return true; }
          return false;
        })
        .catch(function () { return false; });
    }
    return E.pickerProbe;
  };

  E.mediaFields = function (form, fields) {
    if (fields.length === 0) { return; }
    var pickerUrl = form.getAttribute('data-media-picker');
    var uploadUrl = form.getAttribute('data-media-upload');
    var base = form.getAttribute('data-media-base');
    var maxBytes = parseInt(form.getAttribute('data-max-bytes'), 10) || 0;
    var maxLabel = form.getAttribute('data-max-label') || '';

    function preview(field, path, src) {
      var box = field.querySelector('[data-media-thumb]');
      box.innerHTML = '';
      if (src || safePath(path)) {
        var img = element('img');
        img.alt = '';
        img.src = src || base + path.split('/').map(encodeURIComponent).join('/') + '?w=320';
        box.appendChild(img);
      } else {
        box.appendChild(element('p', 'hint', 'Aucune image choisie.'));
      }
    }

    function choose(field, path, alt, src, message) {
      field.querySelector('[data-media-path]').value = path;
      var altInput = field.querySelector('[data-media-alt]');
      if (alt) { altInput.value = alt; }
      preview(field, path, src);
      field.querySelector('[data-media-status]').textContent = message;
      altInput.focus();
    }

    function enhanceUpload(field) {
      var input = field.querySelector('[data-media-file]');
      if (!input || !uploadUrl || !window.FormData) { return; }
      var panel = field.querySelector('[data-media-pending]');
      var status = field.querySelector('[data-media-status]');
      var legend = field.querySelector('legend').textContent;
      field.classList.add('is-enhanced');
      Array.prototype.forEach.call(field.querySelectorAll('[data-js-only]'), function (node) { node.hidden = false; });
      var pending = null;

      function close(keepFile) {
        if (pending && pending.objectUrl) { URL.revokeObjectURL(pending.objectUrl); }
        pending = null;
        panel.innerHTML = '';
        panel.hidden = true;
        // Emptied once the file was sent or given up, so that it does not leave with the form too.
        if (!keepFile) { input.value = ''; }
      }

      function open(file) {
        close(true);
        status.textContent = '';
        var id = input.id + '-pending';
        pending = { file: file };
        panel.setAttribute('role', 'group');
        panel.setAttribute('aria-labelledby', id + '-title');
        var title = element('p', 'media-field-pending-title', 'Nouvelle image : ' + file.name + ' (' + size(file.size) + ')');
        title.id = id + '-title';
        panel.appendChild(title);
        if (window.URL && URL.createObjectURL && /^image\//.test(file.type)) {
          pending.objectUrl = URL.createObjectURL(file);
          var img = element('img', 'media-field-pending-preview');
          img.alt = '';
          img.src = pending.objectUrl;
          panel.appendChild(img);
        }
        var label = element('label', null, 'Texte alternatif de cette image (obligatoire)');
        label.htmlFor = id + '-alt';
        var alt = element('input');
        alt.id = id + '-alt';
        alt.type = 'text';
        alt.maxLength = 500;
        alt.setAttribute('aria-describedby', id + '-error');
        panel.appendChild(label);
        panel.appendChild(alt);
        var progress = element('progress');
        progress.max = 100;
        progress.value = 0;
        progress.hidden = true;
        progress.setAttribute('aria-label', 'Progression de l’envoi de « ' + file.name + ' »');
        panel.appendChild(progress);
        var error = element('p', 'field-error');
        error.id = id + '-error';
        error.setAttribute('role', 'alert');
        panel.appendChild(error);
        var actions = element('div', 'media-field-pending-actions');
        var send = element('button', 'button button-primary', 'Envoyer l’image');
        send.type = 'button';
        var cancel = element('button', 'button-link', 'Annuler');
        cancel.type = 'button';
        actions.appendChild(send);
        actions.appendChild(cancel);
        panel.appendChild(actions);
        pending.alt = alt;
        panel.hidden = false;
        if (maxBytes && file.size > maxBytes) {
          error.textContent = 'Cette image est trop volumineuse : ' + size(file.size) + ' pour ' + maxLabel + ' au maximum. Réduisez-la puis choisissez-la à nouveau.';
          send.disabled = true;
          alt.disabled = true;
          input.value = '';
          cancel.focus();
        } else {
          alt.focus();
        }

        function upload() {
          error.textContent = '';
          if (!alt.value.trim()) {
            alt.setAttribute('aria-invalid', 'true');
            error.textContent = 'Décrivez l’image en quelques mots : le texte alternatif est obligatoire.';
            alt.focus();
            return;
          }
          alt.removeAttribute('aria-invalid');
          var body = new FormData();
          body.append('__RequestVerificationToken', form.querySelector('input[name=__RequestVerificationToken]').value);
          body.append('folder', '');
          body.append('kinds', field.getAttribute('data-media-kinds') || 'images');
          body.append('alt', alt.value.trim());
          body.append('file', file, file.name);
          var xhr = new XMLHttpRequest();
          xhr.open('POST', uploadUrl);
          xhr.setRequestHeader('Accept', 'application/json');
          send.disabled = true;
          progress.hidden = false;
          xhr.upload.addEventListener('progress', function (event) {
            if (event.lengthComputable) { progress.value = Math.round(event.loaded * 100 / event.total); }
          });
          xhr.addEventListener('load', function () {
            var answer = null;
            try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
            if (xhr.status === 200 && answer && answer.ok) {
              var text = alt.value.trim();
              close();
              choose(field, answer.path, text, answer.thumb ? answer.thumb.replace(/\?w=\d+$/, '?w=320') : answer.url,
                answer.message + ' Elle est choisie pour « ' + legend + ' » : enregistrez le contenu pour la garder.');
              field.querySelector('[data-media-alt]').value = text;
            } else {
              send.disabled = false;
              progress.hidden = true;
              // The refused file is dropped: it must not leave with the content form either.
              input.value = '';
              error.textContent = answer && answer.error ? answer.error
                : xhr.status === 413 ? 'Cette image est trop volumineuse.' : 'L’envoi a échoué (erreur ' + xhr.status + '). Réessayez.';
              if (!answer || !answer.error || /alternatif/.test(answer.error)) { alt.focus(); } else { send.disabled = true; cancel.focus(); }
            }
          });
          xhr.addEventListener('error', function () {
            send.disabled = false;
            progress.hidden = true;
            error.textContent = 'L’envoi a échoué : le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
          });
          xhr.send(body);
        }

        send.addEventListener('click', upload);
        cancel.addEventListener('click', function () { close(); input.focus(); });
        // Enter in the alt text sends the image, never the content form.
        alt.addEventListener('keydown', function (event) {
          if (event.key === 'Enter') { event.preventDefault(); upload(); }
        });
      }

      input.addEventListener('change', function () {
        if (input.files && input.files.length) { open(input.files[0]); }
      });
      field.addEventListener('dragover', function (event) {
        if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          field.classList.add('is-dragover');
        }
      });
      field.addEventListener('dragleave', function () { field.classList.remove('is-dragover'); });
      field.addEventListener('drop', function (event) {
        field.classList.remove('is-dragover');
        if (!event.dataTransfer || !event.dataTransfer.files.length) { return; }
        event.preventDefault();
        // In the input too: if the form is saved before « Envoyer l'image », the file goes with it.
        try { input.files = event.dataTransfer.files; } catch (e) { /* older browsers: the script's upload only */ }
        open(event.dataTransfer.files[0]);
        if (event.dataTransfer.files.length > 1) {
          status.textContent = 'Un seul fichier par champ : seul « ' + event.dataTransfer.files[0].name + ' » est pris.';
        }
      });
      // A file chosen but not sent yet leaves with the form (the server stores it); its alt text goes with it.
      form.addEventListener('submit', function () {
        var fieldAlt = field.querySelector('[data-media-alt]');
        if (pending && pending.alt && pending.alt.value.trim() && !fieldAlt.value.trim()) { fieldAlt.value = pending.alt.value.trim(); }
      });
    }

    fields.forEach(function (field) {
      var path = field.querySelector('[data-media-path]');
      path.addEventListener('change', function () { preview(field, path.value.trim()); });
      enhanceUpload(field);
    });

    // A file dropped beside a field must not make the browser leave the page (and lose the form) to open it.
    ['dragover', 'drop'].forEach(function (type) {
      document.addEventListener(type, function (event) {
        if (!event.defaultPrevented && event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0) { event.preventDefault(); }
      });
    });

    // The picker, when the media module answers here.
    E.probeMediaPicker(form).then(function (available) {
      if (!available) { return; }
      fields.forEach(function (field) {
        var button = field.querySelector('[data-media-choose]');
        button.hidden = false;
        button.addEventListener('click', function () {
          E.pickMedia({
            url: pickerUrl,
            kinds: field.getAttribute('data-media-kinds'),
            title: 'Choisir une image pour « ' + field.querySelector('legend').textContent + ' »',
            onChoose: function (item) {
              var alt = field.querySelector('[data-media-alt]');
              choose(field, item.path, alt.value ? null : item.alt, item.thumb ? item.thumb.replace(/\?w=\d+$/, '?w=320') : item.url,
                '« ' + item.name + ' » est choisie : enregistrez le contenu pour la garder.');
            }
          });
        });
      });
    });
  };
})();
