// After a move the server sends the list back with ?focus=terme-slug&button=up|down: keep the keyboard on the same button.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var row = params.get('focus') && document.getElementById(params.get('focus'));
  if (row) {
    var button = row.querySelector('[data-move="' + params.get('button') + '"]:not([disabled])') || row.querySelector('button:not([disabled])');
    (button || row).focus();
  }
})();
