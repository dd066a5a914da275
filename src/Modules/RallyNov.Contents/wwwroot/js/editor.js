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

  // What the rich text editor may show. The server sanitizes what it saves, but a refused save
  // comes back with the body as it was posted: it is cleaned here before the editor renders it.
  var keptTags = ['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'SUB', 'SUP', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE',
    'UL', 'OL', 'LI', 'A', 'IMG', 'FIGURE', 'FIGCAPTION', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD',
    'DIV', 'SPAN', 'HR', 'CODE', 'PRE', 'ABBR', 'CITE', 'Q', 'SMALL', 'MARK', 'DL', 'DT', 'DD'];
  var droppedTags = ['SCRIPT', 'STYLE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'TEMPLATE', 'NOSCRIPT',
    'SVG', 'MATH', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'LINK', 'META', 'BASE', 'TITLE', 'XMP', 'NOEMBED', 'NOFRAMES'];
  var keptAttributes = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'cite', 'datetime', 'width', 'height'];

  function safeUrl(value) {
    var compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
    if (compact.indexOf('/\\') === 0 || compact.indexOf('\\') >= 0) { return false; }
    return !/^[a-z][a-z0-9+.-]*:/.test(compact) || /^(https?|mailto):/.test(compact);
  }

  function cleanNode(node) {
    Array.prototype.slice.call(node.childNodes).forEach(function (child) {
      if (child.nodeType === 8) { child.remove(); return; } // comment
      if (child.nodeType !== 1) { return; } // text
      var tag = child.tagName.toUpperCase();
      if (droppedTags.indexOf(tag) >= 0) { child.remove(); return; }
      cleanNode(child);
      if (keptTags.indexOf(tag) < 0) {
        while (child.firstChild) { node.insertBefore(child.firstChild, child); }
        child.remove();
        return;
      }
      Array.prototype.slice.call(child.attributes).forEach(function (attribute) {
        var name = attribute.name.toLowerCase();
        if (keptAttributes.indexOf(name) < 0 || ((name === 'href' || name === 'src' || name === 'cite') && !safeUrl(attribute.value))) {
          child.removeAttribute(attribute.name);
        }
      });
    });
  }

  // Parsed in a document without a window: no script runs and nothing loads while it is cleaned;
  // the clean nodes are then moved into the page, never parsed a second time.
  function setCleanHtml(target, html) {
    var doc = new DOMParser().parseFromString('<!DOCTYPE html><html><body>' + html, 'text/html');
    cleanNode(doc.body);
    target.replaceChildren.apply(target, Array.prototype.map.call(doc.body.childNodes, function (child) { return document.importNode(child, true); }));
  }

  // Rich text: pell edits a copy, the textarea (hidden) keeps the value that is posted.
  function richText(textarea) {
    if (!window.pell) { return; }
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    var holder = document.createElement('div');
    holder.className = 'rich-text-editor';
    textarea.parentNode.insertBefore(holder, textarea.nextSibling);
    var exec = window.pell.exec;
    var editor = window.pell.init({
      element: holder,
      defaultParagraphSeparator: 'p',
      onChange: function (html) { textarea.value = html; },
      actions: [
        { name: 'bold', title: 'Gras' },
        { name: 'italic', title: 'Italique' },
        { name: 'heading2', title: 'Intertitre H2' },
        { name: 'h3', icon: '<b>H3</b>', title: 'Sous-intertitre H3', result: function () { exec('formatBlock', '<h3>'); } },
        { name: 'paragraph', title: 'Paragraphe' },
        { name: 'quote', title: 'Citation' },
        { name: 'ulist', title: 'Liste à puces' },
        { name: 'olist', title: 'Liste numérotée' },
        {
          name: 'link', title: 'Lien',
          result: function () { var url = window.prompt('Adresse du lien (https://…)'); if (url) { exec('createLink', url); } }
        }
      ]
    });
    var content = editor.content;
    setCleanHtml(content, textarea.value);
    content.id = textarea.id + '-editor';
    content.setAttribute('role', 'textbox');
    content.setAttribute('aria-multiline', 'true');
    if (label) {
      label.id = label.id || textarea.id + '-label';
      content.setAttribute('aria-labelledby', label.id);
      label.setAttribute('for', content.id);
      label.addEventListener('click', function () { content.focus(); });
    }
    ['aria-describedby', 'aria-invalid'].forEach(function (name) {
      if (textarea.hasAttribute(name)) { content.setAttribute(name, textarea.getAttribute(name)); }
    });
    Array.prototype.forEach.call(holder.querySelectorAll('.pell-button'), function (button) {
      button.setAttribute('aria-label', button.title);
    });
    textarea.hidden = true;
    form.addEventListener('submit', function () { textarea.value = content.innerHTML === '<br>' ? '' : content.innerHTML; });
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

  // Media: a picker over the media library, when the media module answers.
  function mediaFields(fields) {
    if (fields.length === 0) { return; }
    var url = form.getAttribute('data-media-picker');
    var base = form.getAttribute('data-media-base');

    function thumb(field, path) {
      var box = field.querySelector('[data-media-thumb]');
      box.innerHTML = '';
      if (path && path.indexOf('..') < 0 && path.charAt(0) !== '/') {
        var img = document.createElement('img');
        img.alt = '';
        img.src = base + path.split('/').map(encodeURIComponent).join('/');
        box.appendChild(img);
      }
    }

    function load(field, q) {
      var list = field.querySelector('[data-media-list]');
      return fetch(url + '?q=' + encodeURIComponent(q) + '&page=1', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (data) {
          var ul = list.querySelector('ul');
          ul.innerHTML = '';
          data.items.forEach(function (item) {
            var li = document.createElement('li');
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'media-choice';
            if (item.isImage) {
              var img = document.createElement('img');
              img.src = item.url;
              img.alt = '';
              button.appendChild(img);
            }
            button.appendChild(document.createTextNode(item.name));
            button.addEventListener('click', function () {
              field.querySelector('[data-media-path]').value = item.path;
              var alt = field.querySelector('[data-media-alt]');
              if (!alt.value && item.alt) { alt.value = item.alt; }
              thumb(field, item.path);
              list.hidden = true;
              alt.focus();
            });
            li.appendChild(button);
            ul.appendChild(li);
          });
          if (data.items.length === 0) { ul.innerHTML = '<li>Aucun média trouvé.</li>'; }
        });
    }

    fetch(url + '?q=&page=1', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        var json = (response.headers.get('content-type') || '').indexOf('json') >= 0;
        if (!response.ok || !json) { return; } // no media module here: the button stays hidden
        fields.forEach(function (field) {
          var choose = field.querySelector('[data-media-choose]');
          var list = field.querySelector('[data-media-list]');
          list.innerHTML = '<input type="search" placeholder="Rechercher un média…" aria-label="Rechercher un média"><ul class="media-choices"></ul>';
          var search = list.querySelector('input');
          search.addEventListener('input', debounce(function () { load(field, search.value.trim()); }, 250));
          choose.hidden = false;
          choose.addEventListener('click', function () {
            list.hidden = !list.hidden;
            if (!list.hidden) { load(field, '').then(function () { search.focus(); }); }
          });
        });
      })
      .catch(function () { /* keep the plain inputs */ });

    fields.forEach(function (field) {
      var path = field.querySelector('[data-media-path]');
      path.addEventListener('change', function () { thumb(field, path.value.trim()); });
    });
  }

  Array.prototype.forEach.call(form.querySelectorAll('textarea[data-rich-text]'), richText);
  Array.prototype.forEach.call(form.querySelectorAll('[data-markdown-preview-for]'), markdownPreview);
  Array.prototype.forEach.call(form.querySelectorAll('[data-content-picker]'), contentPicker);
  mediaFields(Array.prototype.slice.call(form.querySelectorAll('[data-media-field]')));
})();
