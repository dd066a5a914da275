// Dialogs of the content editor (RallyNov.Contents): a modal <dialog> with its own small form (so
// Enter never submits the content form), and the media library picker built on it.
(function () {
  'use strict';
  var E = window.RallyNovEditor = window.RallyNovEditor || {};
  var count = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  E.element = element;

  /**
   * Opens a modal dialog. options: title, build(body, api), submitLabel (null: no submit button),
   * onSubmit(api), onClose(). api: body, error(text), clear(), close(), setSubmit(label|null).
   * Focus goes back where it was when the dialog closes.
   */
  E.openDialog = function (options) {
    var id = 'editor-dialog-' + (++count);
    var opener = document.activeElement;
    var dialog = element('dialog', 'editor-dialog' + (options.wide ? ' editor-dialog-wide' : ''));
    dialog.setAttribute('aria-labelledby', id + '-title');
    var form = element('form', 'editor-dialog-form');
    form.noValidate = true;
    var head = element('div', 'editor-dialog-head');
    var title = element('h2', null, options.title);
    title.id = id + '-title';
    head.appendChild(title);
    var close = element('button', 'button-link', 'Fermer');
    close.type = 'button';
    close.setAttribute('aria-label', 'Fermer la fenêtre « ' + options.title + ' »');
    head.appendChild(close);
    form.appendChild(head);
    var body = element('div', 'editor-dialog-body');
    form.appendChild(body);
    var error = element('p', 'field-error editor-dialog-error');
    error.id = id + '-error';
    error.setAttribute('role', 'alert');
    form.appendChild(error);
    var actions = element('div', 'form-actions');
    var submit = element('button', 'button button-primary');
    submit.type = 'submit';
    var cancel = element('button', 'button', 'Annuler');
    cancel.type = 'button';
    actions.appendChild(submit);
    actions.appendChild(cancel);
    form.appendChild(actions);
    dialog.appendChild(form);

    var closed = false;
    var api = {
      id: id,
      dialog: dialog,
      body: body,
      error: function (text) { error.textContent = text; },
      clear: function () { error.textContent = ''; },
      setSubmit: function (label) {
        submit.hidden = !label;
        if (label) { submit.textContent = label; }
      },
      close: function () {
        if (closed) { return; }
        closed = true;
        if (dialog.open) { dialog.close(); }
        dialog.remove();
        if (options.onClose) { options.onClose(); }
        if (opener && opener.focus && document.contains(opener)) { opener.focus(); }
      }
    };
    api.setSubmit(options.submitLabel || null);
    close.addEventListener('click', api.close);
    cancel.addEventListener('click', api.close);
    dialog.addEventListener('cancel', function (event) { event.preventDefault(); api.close(); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      api.clear();
      if (options.onSubmit) { options.onSubmit(api); }
    });
    document.body.appendChild(dialog);
    options.build(body, api);
    dialog.showModal();
    var first = body.querySelector('input, select, textarea, button');
    if (first) { first.focus(); }
    return api;
  };

  /** A labelled input for a dialog body; returns the input. */
  E.dialogField = function (body, id, labelText, type, hint) {
    var field = element('div', 'field');
    var label = element('label', null, labelText);
    label.htmlFor = id;
    var input = element('input');
    input.id = id;
    input.type = type || 'text';
    field.appendChild(label);
    field.appendChild(input);
    if (hint) {
      var help = element('p', 'hint', hint);
      help.id = id + '-hint';
      input.setAttribute('aria-describedby', help.id);
      field.appendChild(help);
    }
    body.appendChild(field);
    return input;
  };

  function mediaUrl(item) { return item.thumb || item.url; }

  /**
   * The media library picker: search, folders, thumbnails, more pages. options: url (the picker's
   * JSON endpoint), kinds ("images" or "images,svg"), title, askAlt (a second step asks the alt
   * text, required), onChoose(item, alt).
   */
  E.pickMedia = function (options) {
    var state = { q: '', folder: '', all: true, page: 1 };
    E.openDialog({
      title: options.title || 'Choisir dans la médiathèque',
      wide: true,
      build: function (body, api) {
        function step1() {
          body.innerHTML = '';
          api.setSubmit(null);
          api.clear();
          var search = E.dialogField(body, api.id + '-search', 'Rechercher (nom, texte alternatif ou titre)', 'search');
          var folders = element('div', 'media-dialog-folders');
          folders.setAttribute('role', 'group');
          folders.setAttribute('aria-label', 'Dossiers');
          body.appendChild(folders);
          var status = element('p', 'media-dialog-status');
          status.setAttribute('role', 'status');
          body.appendChild(status);
          var list = element('ul', 'media-choices');
          body.appendChild(list);
          var more = element('button', 'button', 'Afficher plus de médias');
          more.type = 'button';
          more.hidden = true;
          body.appendChild(more);

          function folderButton(label, folder, all, pressed, icon) {
            var button = element('button', 'button media-dialog-folder', label);
            button.type = 'button';
            if (icon) {
              // Drawn in CSS: an emoji folder shows as an empty box where no emoji font is installed.
              var picture = element('span', 'folder-icon', '');
              picture.setAttribute('aria-hidden', 'true');
              button.insertBefore(picture, button.firstChild);
            }
            button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
            button.addEventListener('click', function () {
              state.folder = folder;
              state.all = all;
              load(true);
            });
            folders.appendChild(button);
          }

          function load(reset) {
            if (reset) { state.page = 1; }
            var query = '?q=' + encodeURIComponent(state.q) + '&folder=' + encodeURIComponent(state.all ? '' : state.folder)
              + '&kinds=' + encodeURIComponent(options.kinds || '') + '&page=' + state.page;
            status.textContent = 'Chargement…';
            fetch(options.url + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
              .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
              .then(function (data) {
                if (reset) { list.innerHTML = ''; }
                folders.innerHTML = '';
                folderButton('Tous les dossiers', '', true, state.all);
                if (!state.all && state.folder) {
                  var parent = state.folder.indexOf('/') < 0 ? '' : state.folder.slice(0, state.folder.lastIndexOf('/'));
                  folderButton('Racine de la médiathèque', '', false, false);
                  if (parent) { folderButton('Dossier parent (' + parent + ')', parent, false, false); }
                  folderButton('Dossier « ' + state.folder + ' »', state.folder, false, true);
                } else if (!state.all) {
                  folderButton('Racine de la médiathèque', '', false, true);
                } else {
                  folderButton('Racine de la médiathèque', '', false, false);
                }
                data.folders.forEach(function (folder) { folderButton(folder.name, folder.path, false, false, true); });
                data.items.forEach(function (item) {
                  var li = element('li');
                  var button = element('button', 'media-choice');
                  button.type = 'button';
                  var src = mediaUrl(item);
                  if (src) {
                    var img = element('img');
                    img.src = src;
                    img.alt = '';
                    img.loading = 'lazy';
                    button.appendChild(img);
                  }
                  button.appendChild(element('span', 'media-choice-name', item.name));
                  if (item.alt) { button.appendChild(element('span', 'media-choice-alt', item.alt)); }
                  button.addEventListener('click', function () {
                    if (options.askAlt) { step2(item); } else { api.close(); options.onChoose(item, item.alt); }
                  });
                  li.appendChild(button);
                  list.appendChild(li);
                });
                var shown = list.children.length;
                status.textContent = data.total === 0 ? 'Aucun média trouvé.'
                  : (data.total === 1 ? '1 média' : data.total + ' médias') + (shown < data.total ? ' (' + shown + ' affichés).' : '.');
                more.hidden = shown >= data.total;
              })
              .catch(function () { status.textContent = 'La médiathèque n’a pas répondu. Réessayez.'; });
          }

          var timer;
          search.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(function () { state.q = search.value.trim(); load(true); }, 250);
          });
          more.addEventListener('click', function () { state.page++; load(false); });
          load(true);
        }

        function step2(item) {
          body.innerHTML = '';
          api.clear();
          var figure = element('figure', 'media-dialog-preview');
          var img = element('img');
          img.src = mediaUrl(item);
          img.alt = '';
          figure.appendChild(img);
          figure.appendChild(element('figcaption', null, item.name));
          body.appendChild(figure);
          var alt = E.dialogField(body, api.id + '-alt', 'Texte alternatif (obligatoire)', 'text', 'Décrivez l’image pour les personnes qui ne la voient pas. Proposé depuis la médiathèque : adaptez-le au texte qui l’entoure.');
          alt.value = item.alt || '';
          alt.maxLength = 500;
          var back = element('button', 'button-link', 'Choisir une autre image');
          back.type = 'button';
          back.addEventListener('click', step1);
          body.appendChild(back);
          api.setSubmit(options.submitLabel || 'Insérer l’image');
          api.chosen = { item: item, alt: alt };
          alt.focus();
        }

        step1();
      },
      onSubmit: function (api) {
        if (!api.chosen) { return; }
        var text = api.chosen.alt.value.trim();
        if (!text) {
          api.chosen.alt.setAttribute('aria-invalid', 'true');
          api.chosen.alt.setAttribute('aria-describedby', api.id + '-alt-hint ' + api.id + '-error');
          api.error('Le texte alternatif est obligatoire : décrivez l’image en quelques mots.');
          api.chosen.alt.focus();
          return;
        }
        api.close();
        options.onChoose(api.chosen.item, text);
      }
    });
  };
})();
