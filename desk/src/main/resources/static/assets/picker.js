/*
 * The story editor's photo picker: "Choose from the library" beside the hero's media-id field and
 * each image block's opens a modal <dialog> (focus stays inside, Esc closes, focus returns to the
 * button) that searches the library (the desk's /fotografije/odabir, which asks media-service's
 * GET /api/v1/media?q=) and lists the pictures as buttons; choosing one fills the field (an image
 * block's empty caption, credit and alt text too) and tells editor.js (an input event, so it
 * autosaves). The chosen pictures' thumbnails come from the same endpoint with ids= (media-service's
 * ?ids=). A static file: the Content-Security-Policy allows no inline script. Without it the
 * fields take a media id as typed.
 */
(function () {
  'use strict';
  var dialog = document.getElementById('photo-picker');
  if (!dialog || typeof dialog.showModal !== 'function' || !window.fetch) {
    return;
  }
  document.documentElement.classList.add('has-picker');
  var address = dialog.getAttribute('data-url');
  var results = document.getElementById('picker-results');
  var words = document.getElementById('picker-q');
  var target = null;
  var opener = null;
  // only the newest request may fill the list: the listing asked for on opening can answer after
  // the search typed a moment later and would otherwise replace its results
  var newest = 0;

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } }).then(function (answer) {
      return answer.text();
    });
  }

  function load(url, focusFirst, query) {
    var request = ++newest;
    results.setAttribute('aria-busy', 'true');
    results.removeAttribute('data-query');
    results.textContent = dialog.getAttribute('data-text-loading');
    get(url).then(function (html) {
      if (request !== newest) {
        return;
      }
      results.innerHTML = html; // the desk's own fragment, escaped by its templates
      results.removeAttribute('aria-busy');
      results.setAttribute('data-query', query);
      var first = results.querySelector('button.pick');
      if (focusFirst && first) {
        first.focus();
      }
    }).catch(function () {
      if (request !== newest) {
        return;
      }
      results.removeAttribute('aria-busy');
      results.textContent = dialog.getAttribute('data-text-failed');
    });
  }

  function fieldOf(button) {
    var id = button.getAttribute('data-target');
    if (id) {
      return document.getElementById(id);
    }
    var block = button.closest('li.block');
    return block ? block.querySelector('.f-mediaId') : null;
  }

  function thumbOf(input) {
    var holder = input.closest('li.block') || input.closest('.picked');
    return holder ? holder.querySelector('.picked-thumb') : null;
  }

  function showThumb(input, src, alt) {
    var thumb = thumbOf(input);
    if (!thumb) {
      return;
    }
    if (src) {
      thumb.src = src;
      thumb.alt = alt || '';
      thumb.hidden = false;
    } else {
      thumb.removeAttribute('src');
      thumb.hidden = true;
    }
  }

  // the pictures the story names now: one ids= request for all of them
  function refreshThumbs() {
    var inputs = Array.prototype.filter.call(document.querySelectorAll('#heroMediaId, .f-mediaId'), function (input) {
      return /^[0-9a-f]{24}$/.test(input.value.trim());
    });
    if (inputs.length === 0) {
      return;
    }
    var ids = inputs.map(function (input) { return input.value.trim(); });
    get(address + '?ids=' + encodeURIComponent(ids.slice(0, 100).join(','))).then(function (html) {
      var found = {};
      var holder = document.createElement('template');
      holder.innerHTML = html;
      Array.prototype.forEach.call(holder.content.querySelectorAll('button.pick'), function (pick) {
        found[pick.getAttribute('data-media-id')] = pick;
      });
      inputs.forEach(function (input) {
        var pick = found[input.value.trim()];
        showThumb(input, pick ? pick.getAttribute('data-thumb') : null, pick ? pick.getAttribute('data-alt') : '');
      });
    }).catch(function () { /* thumbnails are a help only */ });
  }

  function choose(pick) {
    if (!target) {
      return;
    }
    target.value = pick.getAttribute('data-media-id');
    var block = target.closest('li.block');
    if (block) {
      ['caption', 'credit', 'alt'].forEach(function (name) {
        var input = block.querySelector('.f-' + name);
        if (input && !input.value) {
          input.value = pick.getAttribute('data-' + name) || '';
        }
      });
    }
    showThumb(target, pick.getAttribute('data-thumb'), pick.getAttribute('data-alt'));
    target.dispatchEvent(new Event('input', { bubbles: true }));
    dialog.close();
  }

  document.addEventListener('click', function (event) {
    var open = event.target.closest('.pick-photo');
    if (open) {
      target = fieldOf(open);
      opener = open;
      if (!target) {
        return;
      }
      dialog.showModal();
      words.focus();
      var typed = words.value.trim();
      load(address + (typed ? '?q=' + encodeURIComponent(typed) : ''), false, typed);
      return;
    }
    var clear = event.target.closest('.unpick-photo');
    if (clear) {
      var field = fieldOf(clear);
      if (field && field.value) {
        field.value = '';
        showThumb(field, null);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return;
    }
    if (!dialog.contains(event.target)) {
      return;
    }
    var pick = event.target.closest('button.pick');
    if (pick) {
      choose(pick);
    } else if (event.target.closest('.picker-close')) {
      dialog.close();
    } else if (event.target.closest('.picker-more')) {
      load(event.target.closest('.picker-more').getAttribute('data-url'), true, results.getAttribute('data-query') || '');
    }
  });

  dialog.querySelector('form').addEventListener('submit', function (event) {
    event.preventDefault();
    load(address + '?q=' + encodeURIComponent(words.value.trim()), true, words.value.trim());
  });

  dialog.addEventListener('close', function () {
    if (opener && document.contains(opener)) {
      opener.focus();
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('#heroMediaId, .f-mediaId')) {
      refreshThumbs();
    }
  });

  refreshThumbs();
})();
