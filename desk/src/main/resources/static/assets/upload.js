/*
 * The library's uploads with a progress bar per file: files dropped on the upload form, or chosen
 * and sent with its button, go one request per file (XMLHttpRequest, whose upload events give the
 * progress), three at a time, each with its own line that becomes the desk's answer for that file
 * (saved, or why not). When all are done the library's grid is read again. A static file (the
 * Content-Security-Policy allows no inline script); without it the form sends all the files in
 * one request and the page lists the results, as before.
 */
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var AT_ONCE = 3;
  var input = document.getElementById('upload-files');
  var csrf = form.querySelector('input[type=hidden]');
  document.documentElement.classList.add('has-upload');

  function text(name, value) {
    var t = form.getAttribute('data-text-' + name) || '';
    return value === undefined ? t : t.replace('{0}', value);
  }

  function resultList() {
    var list = document.querySelector('ul.uploads');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'uploads';
      list.setAttribute('aria-label', text('results'));
      form.parentNode.insertBefore(list, form.nextSibling);
    }
    list.textContent = '';
    return list;
  }

  function pendingLine(file) {
    var line = document.createElement('li');
    line.className = 'upload-result pending';
    var name = document.createElement('strong');
    name.textContent = file.name;
    var state = document.createElement('span');
    state.className = 'state';
    state.textContent = text('sending');
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', text('progress', file.name));
    line.appendChild(name);
    line.appendChild(document.createTextNode(': '));
    line.appendChild(state);
    line.appendChild(document.createTextNode(' '));
    line.appendChild(bar);
    return line;
  }

  function finish(line, status, html) {
    var holder = document.createElement('template');
    holder.innerHTML = html || ''; // the desk's own fragment, escaped by its templates
    var answer = holder.content.querySelector('li.upload-result');
    if (answer) {
      line.replaceWith(answer);
      return;
    }
    line.classList.remove('pending');
    line.classList.add('notice-problem');
    line.querySelector('.state').textContent = status === 413 ? text('too-large') : text('failed');
    var bar = line.querySelector('progress');
    if (bar) {
      bar.remove();
    }
  }

  function sendOne(file, line) {
    return new Promise(function (resolve) {
      var body = new FormData();
      if (csrf) {
        body.append(csrf.name, csrf.value);
      }
      body.append('files', file, file.name);
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('X-Desk-Upload', 'one');
      var bar = line.querySelector('progress');
      request.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) {
          bar.value = Math.round(event.loaded * 100 / event.total);
        }
      });
      request.addEventListener('load', function () {
        bar.value = 100;
        finish(line, request.status, request.responseText);
        resolve();
      });
      request.addEventListener('error', function () {
        finish(line, 0, null);
        resolve();
      });
      request.send(body);
    });
  }

  function refreshGrid() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (answer) { return answer.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('library-grid');
        var grid = document.getElementById('library-grid');
        if (fresh && grid) {
          grid.replaceWith(document.importNode(fresh, true));
        }
      })
      .catch(function () { /* the grid stays; the results are shown */ });
  }

  function send(files) {
    files = Array.prototype.slice.call(files);
    if (files.length === 0) {
      return;
    }
    var list = resultList();
    var queue = files.map(function (file) {
      var line = pendingLine(file);
      list.appendChild(line);
      return { file: file, line: line };
    });
    function next() {
      var item = queue.shift();
      return item ? sendOne(item.file, item.line).then(next) : Promise.resolve();
    }
    var workers = [];
    for (var i = 0; i < Math.min(AT_ONCE, files.length); i++) {
      workers.push(next());
    }
    Promise.all(workers).then(refreshGrid);
  }

  form.addEventListener('submit', function (event) {
    if (!input.files || input.files.length === 0) {
      return; // the server says that nothing was chosen
    }
    event.preventDefault();
    send(input.files);
    input.value = '';
  });

  ['dragenter', 'dragover'].forEach(function (type) {
    form.addEventListener(type, function (event) {
      event.preventDefault();
      form.classList.add('dragging');
    });
  });
  ['dragleave', 'dragend'].forEach(function (type) {
    form.addEventListener(type, function () {
      form.classList.remove('dragging');
    });
  });
  form.addEventListener('drop', function (event) {
    event.preventDefault();
    form.classList.remove('dragging');
    if (event.dataTransfer && event.dataTransfer.files) {
      send(event.dataTransfer.files);
    }
  });
})();
