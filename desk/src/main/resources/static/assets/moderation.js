// The moderation queue from the keyboard: j/k move between comments, a approves the current one,
// r goes to its reason field (Enter there rejects). A static file (the Content-Security-Policy
// allows scripts from the desk only); without it every button and field still works.
(function () {
  'use strict';
  var current = 0;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-queue-item]'));
  }

  function select(index, focus) {
    var all = items();
    all.forEach(function (item) { item.classList.remove('current'); item.removeAttribute('aria-current'); });
    if (all.length === 0) { return; }
    current = Math.max(0, Math.min(index, all.length - 1));
    var item = all[current];
    item.classList.add('current');
    item.setAttribute('aria-current', 'true');
    if (focus) { item.focus(); item.scrollIntoView({ block: 'nearest' }); }
  }

  function typing(target) {
    return target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'
      || target.isContentEditable);
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var all = items();
    if (all.length === 0) { return; }
    if (all.indexOf(document.activeElement) >= 0) { current = all.indexOf(document.activeElement); }
    var item = all[Math.min(current, all.length - 1)];
    if (event.key === 'j') { select(current + 1, true); }
    else if (event.key === 'k') { select(current - 1, true); }
    else if (event.key === 'a') { item.querySelector('form.approve button').click(); }
    else if (event.key === 'r') { item.querySelector('[data-key="r"]').focus(); }
    else { return; }
    event.preventDefault();
  });

  // After a decision the comment's place shows what happened: the next one becomes the current one
  document.addEventListener('htmx:afterSettle', function () { select(current, true); });
  document.addEventListener('DOMContentLoaded', function () { select(0, false); });
})();
