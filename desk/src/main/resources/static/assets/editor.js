/*
 * The desk's story editor: a contenteditable per text block with a small toolbar, blocks added,
 * moved and removed from the keyboard, pastes cleaned with DOMPurify (the server cleans again with
 * jsoup, and that is the check that counts), live word count, the slug suggested from the headline,
 * autosave a few seconds after typing stops, and a question before leaving with unsaved changes.
 * Without this file the form still posts headline, standfirst and the body as plain paragraphs.
 * No inline script anywhere (the desk's Content-Security-Policy): texts come from data-* attributes.
 */
(function () {
  'use strict';
  var form = document.getElementById('story-form');
  if (!form) {
    return;
  }
  var AUTOSAVE_AFTER_MS = 3000;
  var blocks = document.getElementById('blocks');
  var editor = form.querySelector('.blocks-editor');
  var plain = form.querySelector('.plain-body');
  var json = document.getElementById('blocks-json');
  var status = document.getElementById('save-status');
  var revision = form.querySelector('input[name=verzija]');
  var dirty = false;
  var changes = 0;
  var timer = null;
  var saving = null;
  var conflicted = false;
  var savedRange = null;

  // the block editor replaces the plain textarea, which then posts nothing
  editor.hidden = false;
  plain.hidden = true;
  var plainText = plain.querySelector('textarea');
  plainText.disabled = true;
  json.disabled = false;

  function text(name, value) {
    var t = form.getAttribute('data-text-' + name) || '';
    return value === undefined ? t : t.replace('{0}', value);
  }

  function say(message) {
    status.textContent = message;
  }

  // --- blocks as the server reads them ------------------------------------------------------
  function field(li, name) {
    var input = li.querySelector('.f-' + name);
    return input ? input.value : '';
  }

  function blockData(li) {
    var type = li.getAttribute('data-type');
    var editable = li.querySelector('.text');
    switch (type) {
      case 'paragraph':
        return { type: type, html: editable.innerHTML };
      case 'heading':
        return { type: type, level: Number(field(li, 'level')) || 2, html: editable.innerHTML };
      case 'quote':
        return { type: type, html: editable.innerHTML, attribution: field(li, 'attribution') };
      case 'list':
        var items = Array.prototype.map.call(editable.querySelectorAll('li'), function (item) {
          return item.innerHTML;
        });
        if (items.length === 0) {
          items = [editable.innerHTML];
        }
        return { type: type, ordered: li.querySelector('.f-ordered').checked, items: items };
      case 'image':
        return { type: type, mediaId: field(li, 'mediaId'), caption: field(li, 'caption'),
          credit: field(li, 'credit'), alt: field(li, 'alt') };
      case 'embed':
        return { type: type, url: field(li, 'url'), provider: field(li, 'provider'), title: field(li, 'title') };
      default:
        return { type: type, articleId: field(li, 'articleId'), url: field(li, 'url'), title: field(li, 'title') };
    }
  }

  function serialise() {
    json.value = JSON.stringify(Array.prototype.map.call(blocks.children, blockData));
  }

  // --- word count and reading time, as article-service counts them ---------------------------
  function countWords(value) {
    var matches = (value || '').match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu);
    return matches ? matches.length : 0;
  }

  function updateStats() {
    var words = countWords(form.querySelector('#headline').value) + countWords(form.querySelector('#standfirst').value);
    Array.prototype.forEach.call(blocks.querySelectorAll('.text'), function (el) {
      words += countWords(el.innerText);
    });
    document.getElementById('word-count').textContent = String(words);
    document.getElementById('reading-minutes').textContent = String(Math.max(1, Math.ceil(words / 200)));
  }

  // --- the slug, with the Croatian transliteration article-service uses ----------------------
  var slugInput = document.getElementById('slug');
  var slugHint = document.getElementById('slug-hint');
  var slugTouched = slugInput.value !== '';

  function slugOf(headline) {
    var s = headline.replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/ß/g, 'ss').replace(/æ/g, 'ae')
      .replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/œ/g, 'oe')
      .normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (s.length > 120) {
      var cut = s.lastIndexOf('-', 120);
      s = (cut > 0 ? s.substring(0, cut) : s.substring(0, 120)).replace(/-+$/, '');
    }
    return s;
  }

  function updateSlug() {
    var suggestion = slugOf(form.querySelector('#headline').value);
    slugHint.textContent = text('slug', suggestion);
    if (!slugTouched && !form.hasAttribute('data-autosave')) {
      slugInput.value = suggestion;
    }
  }
  slugInput.addEventListener('input', function () {
    slugTouched = true;
  });

  // --- saving -------------------------------------------------------------------------------
  function changed() {
    dirty = true;
    changes++;
    updateStats();
    if (form.hasAttribute('data-autosave') && !conflicted) {
      clearTimeout(timer);
      timer = setTimeout(autosave, AUTOSAVE_AFTER_MS);
    }
  }

  function autosave() {
    if (saving || conflicted) {
      return saving || Promise.resolve(false);
    }
    serialise();
    var sent = changes;
    var body = new URLSearchParams(new FormData(form));
    say(text('saving'));
    saving = fetch(form.getAttribute('data-autosave'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().catch(function () {
        return { state: response.status === 403 ? 'invalid' : 'unavailable' };
      });
    }).then(function (answer) {
      saving = null;
      clearMarks();
      if (answer.state === 'saved') {
        revision.value = String(answer.revision);
        if (changes === sent) {
          dirty = false;
        }
        say(text('saved', answer.savedAt));
        return true;
      }
      if (answer.state === 'conflict') {
        conflicted = true;
        say(text('conflict'));
      } else if (answer.state === 'invalid') {
        mark(answer.fields || {});
        say(text('invalid') + (answer.detail ? ' ' + answer.detail : ''));
      } else {
        say(text('unavailable'));
        clearTimeout(timer);
        timer = setTimeout(autosave, AUTOSAVE_AFTER_MS * 3);
      }
      return false;
    }, function () {
      saving = null;
      say(text('unavailable'));
      return false;
    });
    return saving;
  }

  function clearMarks() {
    Array.prototype.forEach.call(form.querySelectorAll('[data-autosave-mark]'), function (el) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('data-autosave-mark');
    });
  }

  function mark(fields) {
    Object.keys(fields).forEach(function (name) {
      var target = null;
      var block = /^body\[(\d+)\]$/.exec(name);
      if (block && blocks.children[Number(block[1])]) {
        target = blocks.children[Number(block[1])].querySelector('.text, input');
      } else {
        target = form.querySelector('#' + CSS.escape(name));
      }
      if (target) {
        target.setAttribute('aria-invalid', 'true');
        target.setAttribute('data-autosave-mark', '');
      }
    });
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.querySelector('#headline').addEventListener('input', updateSlug);
  form.addEventListener('submit', function () {
    serialise();
    clearTimeout(timer);
    dirty = false;
  });

  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // a workflow action saves what was typed first; a delete asks first
  Array.prototype.forEach.call(document.querySelectorAll('form.action'), function (actionForm) {
    actionForm.addEventListener('submit', function (event) {
      var question = actionForm.getAttribute('data-confirm');
      if (question && !window.confirm(question)) {
        event.preventDefault();
        return;
      }
      if (dirty && form.hasAttribute('data-autosave')) {
        event.preventDefault();
        clearTimeout(timer);
        autosave().then(function (ok) {
          if (ok) {
            dirty = false;
            actionForm.submit();
          }
        });
      }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('.previews form, .inline-form'), function (other) {
    other.addEventListener('submit', function () {
      if (!dirty) {
        return;
      }
      serialise();
    });
  });

  // --- the toolbar --------------------------------------------------------------------------
  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    if (selection.rangeCount > 0) {
      var node = selection.getRangeAt(0).commonAncestorContainer;
      var element = node.nodeType === 1 ? node : node.parentElement;
      if (element && element.closest && element.closest('#blocks .text')) {
        savedRange = selection.getRangeAt(0).cloneRange();
      }
    }
  });

  function restoreSelection() {
    if (!savedRange) {
      return false;
    }
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(savedRange);
    return true;
  }

  var toolbar = form.querySelector('.toolbar');
  toolbar.addEventListener('mousedown', function (event) {
    // keep the selection in the text when a button is pressed
    if (event.target.closest('button')) {
      event.preventDefault();
    }
  });
  toolbar.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-command]');
    if (!button || !restoreSelection()) {
      return;
    }
    var command = button.getAttribute('data-command');
    var inHeading = savedRange && (savedRange.commonAncestorContainer.nodeType === 1
      ? savedRange.commonAncestorContainer : savedRange.commonAncestorContainer.parentElement).closest('.plain-text');
    if (inHeading) {
      return; // a heading takes no formatting
    }
    if (command === 'link') {
      var href = document.getElementById('link-href').value.trim();
      if (href) {
        document.execCommand('createLink', false, href);
      }
    } else {
      document.execCommand(command, false, null);
    }
    changed();
  });

  // --- pastes -------------------------------------------------------------------------------
  blocks.addEventListener('paste', function (event) {
    var target = event.target.closest && event.target.closest('.text');
    if (!target) {
      return;
    }
    event.preventDefault();
    var data = event.clipboardData;
    var html = data.getData('text/html');
    if (html && !target.classList.contains('plain-text') && window.DOMPurify) {
      var clean = window.DOMPurify.sanitize(html, {
        ALLOWED_TAGS: ['b', 'strong', 'i', 'em', 'a', 'br', 'p', 'li'],
        ALLOWED_ATTR: ['href']
      });
      document.execCommand('insertHTML', false, clean);
    } else {
      document.execCommand('insertText', false, data.getData('text/plain'));
    }
    changed();
  });

  // --- blocks from the keyboard -------------------------------------------------------------
  function focusBlock(li) {
    // the text first: the block's own buttons come before it in the document
    var target = li && (li.querySelector('.text') || li.querySelector('input, select, button'));
    if (target) {
      target.focus();
    }
  }

  function move(li, direction) {
    if (direction < 0 && li.previousElementSibling) {
      blocks.insertBefore(li, li.previousElementSibling);
    } else if (direction > 0 && li.nextElementSibling) {
      blocks.insertBefore(li.nextElementSibling, li);
    } else {
      return;
    }
    changed();
  }

  function remove(li) {
    var next = li.previousElementSibling || li.nextElementSibling;
    li.remove();
    if (blocks.children.length === 0) {
      add('paragraph', null);
    } else {
      focusBlock(next);
    }
    changed();
  }

  function add(type, after) {
    var template = document.getElementById('template-' + type);
    var li = template.content.firstElementChild.cloneNode(true);
    if (after && after.parentNode === blocks) {
      blocks.insertBefore(li, after.nextElementSibling);
    } else {
      blocks.appendChild(li);
    }
    focusBlock(li);
    changed();
    return li;
  }

  var lastBlock = null;
  blocks.addEventListener('focusin', function (event) {
    lastBlock = event.target.closest('.block');
  });
  blocks.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    var li = event.target.closest('.block');
    if (!button || !li) {
      return;
    }
    if (button.classList.contains('move-up')) {
      move(li, -1);
      button.focus();
    } else if (button.classList.contains('move-down')) {
      move(li, 1);
      button.focus();
    } else if (button.classList.contains('remove')) {
      remove(li);
    }
  });
  blocks.addEventListener('keydown', function (event) {
    var li = event.target.closest('.block');
    if (!li || !event.altKey) {
      return;
    }
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      move(li, event.key === 'ArrowUp' ? -1 : 1);
      event.target.focus();
    } else if (event.key === 'Delete') {
      event.preventDefault();
      remove(li);
    }
  });
  document.getElementById('add-block').addEventListener('click', function () {
    add(document.getElementById('new-block-type').value, lastBlock);
  });

  updateStats();
  updateSlug();
})();
