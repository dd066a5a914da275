// Click-to-load videos in rich text (RallyNov.Contents): the page shows a preview that names the
// provider and loads nothing from it; the player (an iframe) is created only when the visitor asks.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('figure[data-video-embed]'), function (figure) {
    var button = figure.querySelector('.video-embed-play');
    var source = figure.getAttribute('data-video-embed') || '';
    if (!button || source.indexOf('https://') !== 0) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var frame = figure.querySelector('.video-embed-frame');
      var player = document.createElement('iframe');
      player.src = source;
      player.title = figure.getAttribute('data-video-title') || 'Vidéo';
      player.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
      player.allowFullscreen = true;
      player.referrerPolicy = 'strict-origin-when-cross-origin';
      frame.classList.add('is-playing');
      frame.replaceChildren(player);
      player.focus();
    });
  });
})();
