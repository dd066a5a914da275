// After a move the server sends the list back with ?focus=terme-slug&button=up|down#terme-slug: keep the keyboard on
// the same button. The #fragment (there for browsers without this script) focuses the row itself once the page has
// loaded, so the button gets the focus after that.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var row = params.get('focus') && document.getElementById(params.get('focus'));
  if (!row) { return; }
  function focusButton() {
    var button = row.querySelector('[data-move="' + params.get('button') + '"]:not([disabled])') || row.querySelector('button:not([disabled])');
    (button || row).focus();
  }
  window.addEventListener('load', function () { window.setTimeout(focusButton, 0); });
})();
