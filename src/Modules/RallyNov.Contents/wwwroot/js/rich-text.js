// Rich text fields of the content editor (RallyNov.Contents), on pell 1.0.6: formatting, an image
// from the media library (alt text required, resized variants in srcset), a video link (stored as
// a placeholder the public page turns into a click-to-load player), tables, paste from Word or
// LibreOffice cleaned on the way in, and a word counter. The hidden textarea keeps what is posted;
// the server sanitizes it either way.
(function () {
  'use strict';
  var E = window.RallyNovEditor = window.RallyNovEditor || {};

  // What the rich text editor may show. The server sanitizes what it saves, but a refused save
  // comes back with the body as it was posted: it is cleaned here before the editor renders it.
  var keptTags = ['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'SUB', 'SUP', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE',
    'UL', 'OL', 'LI', 'A', 'IMG', 'FIGURE', 'FIGCAPTION', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD',
    'DIV', 'SPAN', 'HR', 'CODE', 'PRE', 'ABBR', 'CITE', 'Q', 'SMALL', 'MARK', 'DL', 'DT', 'DD'];
  var droppedTags = ['SCRIPT', 'STYLE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'TEMPLATE', 'NOSCRIPT',
    'SVG', 'MATH', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'LINK', 'META', 'BASE', 'TITLE', 'XMP', 'NOEMBED', 'NOFRAMES'];
  var keptAttributes = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'cite', 'datetime', 'width', 'height',
    'srcset', 'sizes', 'loading', 'data-video', 'contenteditable'];

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

  // The widths the media library makes (RallyNov.Media, MediaVariantCache.AllowedWidths).
  var widths = [480, 768, 1024, 1600];
  var sizes = '(min-width: 52rem) 48rem, 100vw';

  function escape(value) {
    return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  /** The <img> of a media library item: a resized variant with srcset when the library makes them. */
  E.imageHtml = function (item, alt) {
    var url = item.url;
    var attributes;
    if (item.kind === 'jpeg' || item.kind === 'png' || item.kind === 'webp') {
      var usable = widths.filter(function (w) { return !item.width || w <= item.width; });
      if (usable.length === 0) { usable = [widths[0]]; }
      attributes = 'src="' + escape(url + '?w=' + usable[Math.min(1, usable.length - 1)]) + '" srcset="'
        + escape(usable.map(function (w) { return url + '?w=' + w + ' ' + w + 'w'; }).join(', ')) + '" sizes="' + sizes + '"';
    } else {
      attributes = 'src="' + escape(url) + '"'; // GIF (animated) and SVG (drawn at any size) as they are
    }
    if (item.width && item.height) { attributes += ' width="' + item.width + '" height="' + item.height + '"'; }
    return '<img ' + attributes + ' alt="' + escape(alt) + '" loading="lazy">';
  };

  function videoHtml(video) {
    return '<figure data-video="' + escape(video.key) + '" contenteditable="false"><a href="' + escape(video.watchUrl) + '">Vidéo '
      + escape(video.provider) + ' : ' + escape(video.watchUrl) + '</a></figure><p><br></p>';
  }

  function tableHtml(rows, columns, header) {
    var cells = function (tag, scope) {
      var html = '';
      for (var c = 0; c < columns; c++) { html += '<' + tag + (scope ? ' scope="col"' : '') + '><br></' + tag + '>'; }
      return '<tr>' + html + '</tr>';
    };
    var html = '<table>';
    if (header) { html += '<thead>' + cells('th', true) + '</thead>'; }
    html += '<tbody>';
    for (var r = 0; r < rows; r++) { html += cells('td', false); }
    return html + '</tbody></table><p><br></p>';
  }

  function words(content) {
    var copy = content.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll('figure[data-video]'), function (figure) { figure.remove(); });
    // Block ends separate words even without spaces between them.
    Array.prototype.forEach.call(copy.querySelectorAll('p, li, td, th, h2, h3, h4, br, blockquote'), function (block) { block.append(' '); });
    return (copy.textContent || '').split(/\s+/).filter(function (word) { return /[0-9A-Za-zÀ-ÿ]/.test(word); }).length;
  }

  E.richText = function (textarea, ctx) {
    if (!window.pell) { return; }
    var exec = window.pell.exec;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    var holder = E.element('div', 'rich-text-editor');
    textarea.parentNode.insertBefore(holder, textarea.nextSibling);
    var saved = null;
    var content;

    function sync() { textarea.value = content.innerHTML === '<br>' ? '' : content.innerHTML; count(); }

    function remember() {
      var selection = window.getSelection();
      if (selection.rangeCount && content.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        saved = selection.getRangeAt(0).cloneRange();
      }
    }

    // Dialogs take the focus: the caret is put back where it was before inserting.
    function insert(html) {
      content.focus();
      var selection = window.getSelection();
      selection.removeAllRanges();
      if (saved && content.contains(saved.commonAncestorContainer)) {
        selection.addRange(saved);
      } else {
        var end = document.createRange();
        end.selectNodeContents(content);
        end.collapse(false);
        selection.addRange(end);
      }
      exec('insertHTML', html);
      lockVideos();
      sync();
    }

    function insertImage() {
      if (!E.mediaPickerUrl) {
        say('La médiathèque n’est pas disponible sur ce site.');
        return;
      }
      E.pickMedia({
        url: E.mediaPickerUrl,
        kinds: 'images,svg',
        askAlt: true,
        title: 'Insérer une image de la médiathèque',
        onChoose: function (item, alt) { insert(E.imageHtml(item, alt)); say('Image « ' + item.name + ' » insérée.'); }
      });
    }

    function insertVideo() {
      var input;
      E.openDialog({
        title: 'Insérer une vidéo',
        submitLabel: 'Insérer la vidéo',
        build: function (body, api) {
          input = E.dialogField(body, api.id + '-url', 'Adresse de la vidéo', 'url',
            'YouTube, Vimeo, Dailymotion ou PeerTube. Sur le site, la vidéo n’est chargée depuis son hébergeur qu’au clic du visiteur.');
          input.setAttribute('aria-describedby', api.id + '-url-hint ' + api.id + '-error');
        },
        onSubmit: function (api) {
          var url = input.value.trim();
          if (!url) { api.error('Collez l’adresse de la vidéo.'); input.focus(); return; }
          fetch(ctx.videoUrl + '?url=' + encodeURIComponent(url), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (response) { return response.json(); })
            .then(function (video) {
              if (!video.ok) { input.setAttribute('aria-invalid', 'true'); api.error(video.error); input.focus(); return; }
              api.close();
              insert(videoHtml(video));
              say('Vidéo ' + video.provider + ' insérée.');
            })
            .catch(function () { api.error('La vérification de l’adresse a échoué. Réessayez.'); });
        }
      });
    }

    function insertTable() {
      var rows;
      var columns;
      var header;
      E.openDialog({
        title: 'Insérer un tableau',
        submitLabel: 'Insérer le tableau',
        build: function (body, api) {
          rows = E.dialogField(body, api.id + '-rows', 'Nombre de lignes (hors en-tête)', 'number');
          rows.min = 1; rows.max = 50; rows.value = 2;
          columns = E.dialogField(body, api.id + '-columns', 'Nombre de colonnes', 'number');
          columns.min = 1; columns.max = 10; columns.value = 3;
          var check = E.element('div', 'field field-check');
          header = E.element('input');
          header.type = 'checkbox';
          header.id = api.id + '-header';
          header.checked = true;
          var text = E.element('label', null, 'Première ligne d’en-têtes de colonnes');
          text.htmlFor = header.id;
          check.appendChild(header);
          check.appendChild(text);
          body.appendChild(check);
        },
        onSubmit: function (api) {
          var r = parseInt(rows.value, 10);
          var c = parseInt(columns.value, 10);
          if (!(r >= 1 && r <= 50) || !(c >= 1 && c <= 10)) { api.error('Entre 1 et 50 lignes, entre 1 et 10 colonnes.'); return; }
          api.close();
          insert(tableHtml(r, c, header.checked));
          say('Tableau de ' + r + ' ligne(s) et ' + c + ' colonne(s) inséré.');
        }
      });
    }

    var editor = window.pell.init({
      element: holder,
      defaultParagraphSeparator: 'p',
      onChange: function () { sync(); },
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
          icon: 'Lien', result: function () { var url = window.prompt('Adresse du lien (https://…)'); if (url) { exec('createLink', url); } }
        },
        { name: 'image', icon: 'Image', title: 'Insérer une image de la médiathèque', result: insertImage },
        { name: 'video', icon: 'Vidéo', title: 'Insérer une vidéo (YouTube, Vimeo, Dailymotion, PeerTube)', result: insertVideo },
        { name: 'table', icon: 'Tableau', title: 'Insérer un tableau', result: insertTable }
      ]
    });
    content = editor.content;
    // A refused save comes back with the body as posted: cleaned before the editor shows it.
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
    var toolbar = holder.querySelector('.pell-actionbar');
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Mise en forme de « ' + (label ? label.textContent.trim() : textarea.name) + ' »');
    Array.prototype.forEach.call(holder.querySelectorAll('.pell-button'), function (button) {
      button.setAttribute('aria-label', button.title);
      if (button.textContent.length > 3) { button.classList.add('pell-button-text'); }
    });

    // A video placeholder is one block: it can be deleted, not typed into.
    function lockVideos() {
      Array.prototype.forEach.call(content.querySelectorAll('figure[data-video]'), function (figure) { figure.setAttribute('contenteditable', 'false'); });
    }
    lockVideos();

    // Table tools, shown while the caret is in a table.
    var tools = E.element('div', 'rich-text-table-tools');
    tools.setAttribute('role', 'toolbar');
    tools.setAttribute('aria-label', 'Tableau');
    tools.hidden = true;
    holder.insertBefore(tools, content);
    function cellAtCaret() {
      var selection = window.getSelection();
      var node = selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
      var element = node && (node.nodeType === 1 ? node : node.parentElement);
      var cell = element && element.closest ? element.closest('td, th') : null;
      return cell && content.contains(cell) ? cell : null;
    }
    function tool(text, action) {
      var button = E.element('button', 'button', text);
      button.type = 'button';
      // The caret stays in the cell: the button does not take the focus on mouse down.
      button.addEventListener('mousedown', function (event) { event.preventDefault(); });
      button.addEventListener('click', function () {
        var cell = cellAtCaret();
        if (!cell) { say('Placez d’abord le curseur dans une case du tableau.'); return; }
        action(cell, cell.closest('table'), cell.parentElement);
        sync();
      });
      tools.appendChild(button);
    }
    function newCell(tag) {
      var cell = document.createElement(tag);
      if (tag === 'th') { cell.setAttribute('scope', 'col'); }
      cell.appendChild(document.createElement('br'));
      return cell;
    }
    tool('Ajouter une ligne', function (cell, table, row) {
      var copy = document.createElement('tr');
      Array.prototype.forEach.call(row.cells, function () { copy.appendChild(newCell('td')); });
      if (row.parentElement.tagName === 'THEAD') {
        var body = table.tBodies[0] || table.appendChild(document.createElement('tbody'));
        body.insertBefore(copy, body.firstChild);
      } else {
        row.parentElement.insertBefore(copy, row.nextSibling);
      }
      say('Ligne ajoutée.');
    });
    tool('Ajouter une colonne', function (cell, table) {
      var index = cell.cellIndex;
      Array.prototype.forEach.call(table.rows, function (row) {
        var tag = row.parentElement.tagName === 'THEAD' ? 'th' : 'td';
        row.insertBefore(newCell(tag), row.cells[index + 1] || null);
      });
      say('Colonne ajoutée.');
    });
    tool('Supprimer la ligne', function (cell, table, row) {
      row.remove();
      if (table.rows.length === 0) { table.remove(); }
      say('Ligne supprimée.');
    });
    tool('Supprimer la colonne', function (cell, table) {
      var index = cell.cellIndex;
      Array.prototype.slice.call(table.rows).forEach(function (row) { if (row.cells[index]) { row.deleteCell(index); } });
      if (!table.querySelector('td, th')) { table.remove(); }
      say('Colonne supprimée.');
    });
    tool('Ligne d’en-têtes', function (cell, table) {
      var head = table.tHead;
      if (head) {
        var body = table.tBodies[0] || table.appendChild(document.createElement('tbody'));
        Array.prototype.slice.call(head.rows).reverse().forEach(function (row) {
          Array.prototype.slice.call(row.cells).forEach(function (th) {
            var td = document.createElement('td');
            while (th.firstChild) { td.appendChild(th.firstChild); }
            row.replaceChild(td, th);
          });
          body.insertBefore(row, body.firstChild);
        });
        head.remove();
        say('La première ligne n’est plus une ligne d’en-têtes.');
      } else {
        var first = table.rows[0];
        Array.prototype.slice.call(first.cells).forEach(function (td) {
          var th = newCell('th');
          th.innerHTML = '';
          while (td.firstChild) { th.appendChild(td.firstChild); }
          first.replaceChild(th, td);
        });
        table.createTHead().appendChild(first);
        say('La première ligne est une ligne d’en-têtes.');
      }
    });
    document.addEventListener('selectionchange', function () {
      remember();
      if (document.activeElement === content) { tools.hidden = !cellAtCaret(); }
    });

    // Word counter and a status line for what the editor did (paste cleaned, item inserted).
    var counter = E.element('p', 'hint rich-text-count');
    counter.id = textarea.id + '-count';
    var status = E.element('p', 'rich-text-status');
    status.setAttribute('role', 'status');
    holder.parentNode.insertBefore(counter, holder.nextSibling);
    holder.parentNode.insertBefore(status, counter.nextSibling);
    content.setAttribute('aria-describedby', ((content.getAttribute('aria-describedby') || '') + ' ' + counter.id).trim());
    function count() {
      var n = words(content);
      counter.textContent = n === 0 ? 'Aucun mot' : n === 1 ? '1 mot' : n.toLocaleString('fr-FR') + ' mots';
    }
    function say(text) { status.textContent = text; }
    count();

    content.addEventListener('paste', function (event) {
      var data = event.clipboardData;
      if (!data) { return; }
      var html = data.getData('text/html');
      var text = data.getData('text/plain');
      event.preventDefault();
      if (!html && !text) {
        say('Pour insérer une image, utilisez le bouton « Image » : elle sera ajoutée depuis la médiathèque.');
        return;
      }
      var cleaned = html ? E.cleanPastedHtml(html) : { html: E.textToHtml(text), images: 0 };
      exec('insertHTML', cleaned.html);
      lockVideos();
      sync();
      say('Texte collé' + (html ? ' et nettoyé (mise en forme de traitement de texte retirée)' : '') + '.'
        + (cleaned.images ? ' ' + (cleaned.images === 1 ? 'Une image n’a pas été reprise' : cleaned.images + ' images n’ont pas été reprises')
          + ' : insérez-les avec le bouton « Image ».' : ''));
    });
    content.addEventListener('input', count);

    textarea.hidden = true;
    ctx.form.addEventListener('submit', sync);
  };
})();
