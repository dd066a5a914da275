// Site settings: enhancements only — every form works without this file.
(function () {
  'use strict';

  // WCAG 2 relative luminance and contrast, as the server computes them (ColorContrast).
  function luminance(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  function normalize(value) {
    var text = (value || '').trim();
    if (text && text[0] !== '#') { text = '#' + text; }
    if (/^#[0-9a-f]{3}$/i.test(text)) { text = '#' + text[1] + text[1] + text[2] + text[2] + text[3] + text[3]; }
    return /^#[0-9a-f]{6}$/i.test(text) ? text.toLowerCase() : null;
  }

  function ratioText(hex) {
    var l = luminance(hex);
    var ratio = Math.floor(((1.05) / (l + 0.05)) * 10) / 10;
    return ratio.toFixed(1).replace('.', ',') + ':1';
  }

  document.querySelectorAll('[data-color-field]').forEach(function (field) {
    var input = field.querySelector('[data-color-input]');
    var swatch = field.querySelector('.color-swatch');
    var contrast = field.querySelector('[data-color-contrast]');
    var picker = document.createElement('input');
    picker.type = 'color';
    picker.className = 'color-picker';
    picker.setAttribute('aria-label', 'Palette : ' + field.querySelector('label').textContent.trim());
    picker.value = normalize(input.value) || '#00609c';
    input.insertAdjacentElement('afterend', picker);

    function show(hex) {
      if (!hex) { return; }
      swatch.style.background = hex;
      var l = luminance(hex);
      var ratio = 1.05 / (l + 0.05);
      contrast.textContent = 'Contraste du blanc sur cette couleur : ' + ratioText(hex) + (ratio < 4.5 ? ' — trop faible, il faut au moins 4,5:1.' : '.');
    }

    input.addEventListener('input', function () {
      var hex = normalize(input.value);
      if (hex) { picker.value = hex; show(hex); }
    });
    picker.addEventListener('input', function () {
      input.value = picker.value;
      show(picker.value);
    });
  });

  // After a move, the server sends the page back with ?focus=entry-id&button=up|down#entry-id: keep the keyboard
  // where it was. The #fragment (there for browsers without this script) focuses the row itself once the page has
  // loaded, so the button gets the focus after that.
  var params = new URLSearchParams(window.location.search);
  var target = params.get('focus');
  var row = target && document.getElementById(target);
  if (row) {
    window.addEventListener('load', function () {
      window.setTimeout(function () {
        var button = row.querySelector('[data-move="' + params.get('button') + '"]:not([disabled])') || row.querySelector('[data-move]:not([disabled])');
        (button || row).focus();
      }, 0);
    });
  }
})();
