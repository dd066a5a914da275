// Pasting from Word, LibreOffice or a web page into the rich text editor (RallyNov.Contents):
// the clipboard's HTML is reduced to the editor's tags before it enters the page. The server's
// sanitizer stays the authority on what is saved; this keeps the editor's view honest and clean.
(function () {
  'use strict';
  var E = window.RallyNovEditor = window.RallyNovEditor || {};

  var kept = ['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'U', 'S', 'SUB', 'SUP', 'H2', 'H3', 'H4', 'BLOCKQUOTE',
    'UL', 'OL', 'LI', 'A', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD'];
  var dropped = ['SCRIPT', 'STYLE', 'META', 'LINK', 'TITLE', 'HEAD', 'XML', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED',
    'SVG', 'MATH', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'NOSCRIPT', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'CANVAS'];
  var renamed = { H1: 'H2', H5: 'H4', H6: 'H4', DIV: 'P', DEL: 'S', STRIKE: 'S', INS: 'U', CODE: null };

  function safeHref(value) {
    var compact = (value || '').replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
    return /^(https?:|mailto:)/.test(compact) || (compact.charAt(0) === '/' && compact.charAt(1) !== '/' && compact.indexOf('\\') < 0);
  }

  function style(node) { return (node.getAttribute && node.getAttribute('style') || '').toLowerCase(); }

  // Word writes list items as paragraphs: <p class=MsoListParagraph style='mso-list:l0 level2 lfo1'>
  // with the bullet or number in a <span style='mso-list:Ignore'>. They become real nested lists.
  function wordListLevel(node) {
    if (node.nodeType !== 1 || node.tagName !== 'P') { return 0; }
    var match = /mso-list:\s*l\d+\s+level(\d+)/.exec(style(node));
    return match ? parseInt(match[1], 10) : 0;
  }

  function wordListMarker(node) {
    var marker = '';
    Array.prototype.forEach.call(node.querySelectorAll('span'), function (span) {
      if (/mso-list:\s*ignore/.test(style(span))) { marker += span.textContent; span.remove(); }
    });
    return marker.replace(/\u00a0/g, ' ').trim();
  }

  function rebuildWordLists(root) {
    var children = Array.prototype.slice.call(root.childNodes);
    var stack = [];
    children.forEach(function (node) {
      var level = wordListLevel(node);
      if (!level) {
        if (node.nodeType === 1 || (node.nodeType === 3 && node.textContent.trim())) { stack = []; }
        return;
      }
      var ordered = /^([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i.test(wordListMarker(node));
      while (stack.length > level) { stack.pop(); }
      while (stack.length < level) {
        var list = root.ownerDocument.createElement(ordered ? 'ol' : 'ul');
        if (stack.length === 0) {
          root.insertBefore(list, node);
        } else {
          var parentList = stack[stack.length - 1];
          var holder = parentList.lastElementChild || parentList.appendChild(root.ownerDocument.createElement('li'));
          holder.appendChild(list);
        }
        stack.push(list);
      }
      var li = root.ownerDocument.createElement('li');
      while (node.firstChild) { li.appendChild(node.firstChild); }
      stack[stack.length - 1].appendChild(li);
      node.remove();
    });
  }

  function unwrap(node) {
    var parent = node.parentNode;
    while (node.firstChild) { parent.insertBefore(node.firstChild, node); }
    parent.removeChild(node);
  }

  function rename(node, tag) {
    var replacement = node.ownerDocument.createElement(tag);
    while (node.firstChild) { replacement.appendChild(node.firstChild); }
    Array.prototype.forEach.call(node.attributes, function (attribute) {
      if (attribute.name === 'href' || attribute.name === 'colspan' || attribute.name === 'rowspan' || attribute.name === 'scope') {
        replacement.setAttribute(attribute.name, attribute.value);
      }
    });
    node.parentNode.replaceChild(replacement, node);
    return replacement;
  }

  function clean(node, report) {
    Array.prototype.slice.call(node.childNodes).forEach(function (child) {
      if (child.nodeType === 8) { child.remove(); return; } // comments (Word's conditional ones included)
      if (child.nodeType !== 1) { return; }
      var tag = child.tagName.toUpperCase();
      if (tag === 'IMG') { report.images++; }
      if (dropped.indexOf(tag) >= 0 || tag.indexOf(':') >= 0 && /^(V|W|M|XML):/.test(tag)) { child.remove(); return; }
      // Google Docs and some web pages write bold and italic as styles on spans.
      if (tag === 'SPAN') {
        var css = style(child);
        if (/font-weight:\s*(bold|[6-9]00)/.test(css)) { child = rename(child, 'strong'); tag = 'STRONG'; }
        else if (/font-style:\s*italic/.test(css)) { child = rename(child, 'em'); tag = 'EM'; }
      }
      if (Object.prototype.hasOwnProperty.call(renamed, tag)) {
        if (renamed[tag] === null) { clean(child, report); unwrap(child); return; }
        // A <div> that holds blocks is only a box: its blocks stay, the box goes.
        if (tag === 'DIV' && child.querySelector('p, div, ul, ol, table, h1, h2, h3, h4, h5, h6, blockquote')) { clean(child, report); unwrap(child); return; }
        child = rename(child, renamed[tag]);
        tag = renamed[tag];
      }
      clean(child, report);
      if (kept.indexOf(tag) < 0) { unwrap(child); return; }
      Array.prototype.slice.call(child.attributes).forEach(function (attribute) {
        var name = attribute.name.toLowerCase();
        var keep = (name === 'href' && tag === 'A' && safeHref(attribute.value))
          || ((name === 'colspan' || name === 'rowspan') && (tag === 'TD' || tag === 'TH') && /^[0-9]{1,2}$/.test(attribute.value))
          || (name === 'scope' && tag === 'TH' && /^(col|row)$/.test(attribute.value));
        if (!keep) { child.removeAttribute(attribute.name); }
      });
      if (tag === 'A' && !child.hasAttribute('href')) { unwrap(child); return; }
      // Word's empty lines (<p>&nbsp;</p>) and empty formatting.
      if (/^(P|STRONG|B|EM|I|U|S|H2|H3|H4|LI)$/.test(tag) && !child.textContent.replace(/\u00a0/g, ' ').trim() && !child.querySelector('br, table')) { child.remove(); return; }
      // Word wraps each table cell's text in a paragraph.
      if ((tag === 'TD' || tag === 'TH') && child.children.length === 1 && child.firstElementChild.tagName === 'P') { unwrap(child.firstElementChild); }
    });
  }

  /** Returns { html, images } : the cleaned HTML and how many pasted images were left out. */
  E.cleanPastedHtml = function (html) {
    // Parsed in a document without a window: no script runs and nothing loads while it is cleaned.
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var body = doc.body;
    rebuildWordLists(body);
    var report = { images: 0 };
    clean(body, report);
    return { html: body.innerHTML.replace(/\u00a0/g, ' ').replace(/\s{2,}/g, ' ').trim(), images: report.images };
  };

  /** Plain text as paragraphs: a blank line separates them, a single line break stays a <br>. */
  E.textToHtml = function (text) {
    var escape = function (value) { return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); };
    return text.replace(/\r\n?/g, '\n').split(/\n{2,}/).filter(function (block) { return block.trim(); })
      .map(function (block) { return '<p>' + escape(block.trim()).replace(/\n/g, '<br>') + '</p>'; }).join('');
  };
})();
