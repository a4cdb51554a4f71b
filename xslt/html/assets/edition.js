/*
 * tei-edition — progressive enhancement of the reading edition (no library, no build step).
 * The pages work without it: the view switch is then a link to #source-view (CSS :target) and
 * note popovers open on :hover and :focus-within.
 *  - the view toggle (#view-toggle, aria-pressed) switches body.view-reading / body.view-source
 *    and remembers the choice (localStorage);
 *  - Escape closes an open note popover; a popover that would leave the screen opens leftwards;
 *  - the "how to cite" address is shown in full (absolute URL).
 */
(function () {
  'use strict';
  var STORAGE_KEY = 'tei-edition-view';
  document.documentElement.classList.add('js');

  function stored() {
    try { return window.localStorage.getItem(STORAGE_KEY); } catch (e) { return null; }
  }
  function store(view) {
    try { window.localStorage.setItem(STORAGE_KEY, view); } catch (e) { /* private mode: not remembered */ }
  }

  function setupViewToggle() {
    var button = document.getElementById('view-toggle');
    if (!button) return;
    var body = document.body;
    function show(view, remember) {
      var source = view === 'source';
      body.classList.toggle('view-source', source);
      body.classList.toggle('view-reading', !source);
      button.setAttribute('aria-pressed', source ? 'true' : 'false');
      if (remember) store(view);
    }
    show(window.location.hash === '#source-view' || stored() === 'source' ? 'source' : 'reading', false);
    button.hidden = false;
    var links = document.querySelector('.view-links');
    if (links) links.hidden = true;
    button.addEventListener('click', function () {
      show(body.classList.contains('view-source') ? 'reading' : 'source', true);
    });
    window.addEventListener('hashchange', function () {
      if (window.location.hash === '#source-view') show('source', true);
      else if (window.location.hash === '#reading-view') show('reading', true);
    });
  }

  function setupPopovers() {
    function refOf(node) {
      return node && node.closest ? node.closest('.note-ref') : null;
    }
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape') return;
      var open = document.querySelectorAll('.note-ref:hover, .note-ref:focus-within');
      for (var i = 0; i < open.length; i++) open[i].classList.add('popover-dismissed');
    });
    function reset(event) {
      var ref = refOf(event.target);
      if (ref && !ref.contains(event.relatedTarget)) ref.classList.remove('popover-dismissed');
    }
    document.addEventListener('mouseout', reset);
    document.addEventListener('focusout', reset);
    function place(event) {
      var ref = refOf(event.target);
      if (!ref) return;
      var popover = ref.querySelector('.note-popover');
      if (!popover) return;
      ref.classList.remove('popover-left');
      var rect = popover.getBoundingClientRect();
      if (rect.width && rect.right > document.documentElement.clientWidth - 8) ref.classList.add('popover-left');
    }
    document.addEventListener('mouseover', place);
    document.addEventListener('focusin', place);
  }

  /* Relative "how to cite" addresses (no baseUrl in the config) are shown as the page's full address. */
  function setupCitation() {
    var links = document.querySelectorAll('a.cite-url');
    for (var i = 0; i < links.length; i++) {
      var relative = links[i].getAttribute('href') || '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) continue;
      links[i].textContent = links[i].href;
      var codes = document.querySelectorAll('.cite-para code');
      for (var j = 0; j < codes.length; j++) codes[j].textContent = codes[j].textContent.replace(relative, links[i].href);
    }
  }

  function start() {
    setupViewToggle();
    setupPopovers();
    setupCitation();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
