/*
 * Sends the chosen files in chunks, each resumable: on a lost connection or a 409 the server says how many bytes of
 * the file it holds and sending carries on from there. Then submits the form, whose answer lists what was received
 * or every refused file with its reason.
 */
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  var input = document.getElementById('files');
  var list = document.getElementById('file-list');
  var overall = document.getElementById('overall');
  var status = document.getElementById('upload-status');
  var chunkSize = Number(form.getAttribute('data-chunk'));
  var csrf = form.getAttribute('data-csrf');
  var t = form.querySelector('input[name=t]').value;
  var files = [];

  function add(chosen) {
    for (var i = 0; i < chosen.length; i++) {
      var f = chosen[i];
      if (files.some(function (x) { return x.file.name === f.name && x.file.size === f.size; })) { continue; }
      var li = document.createElement('li');
      var label = document.createElement('span');
      label.textContent = f.name + ' ';
      var bar = document.createElement('progress');
      bar.max = Math.max(1, f.size);
      bar.value = 0;
      li.appendChild(label);
      li.appendChild(bar);
      list.appendChild(li);
      files.push({ file: f, bar: bar, sent: 0 });
    }
    overall.max = Math.max(1, files.reduce(function (s, x) { return s + x.file.size; }, 0));
  }

  input.addEventListener('change', function () { add(input.files); });
  var zone = document.getElementById('drop-zone');
  zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    zone.classList.remove('over');
    add(e.dataTransfer.files);
  });

  function post(url, body, headers) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', body: body, headers: headers || {} });
  }

  function openSession() {
    var body = new URLSearchParams();
    body.append('csrf', csrf);
    body.append('t', t);
    return post('/upload/session', body).then(function (r) {
      if (!r.ok) { throw new Error('session'); }
      return r.json();
    }).then(function (j) { return j.session; });
  }

  function sendFile(session, entry) {
    if (entry.sent >= entry.file.size && entry.file.size > 0) { return Promise.resolve(); }
    var end = Math.min(entry.file.size, entry.sent + chunkSize);
    var url = '/upload/chunk?t=' + encodeURIComponent(t) + '&s=' + encodeURIComponent(session) + '&name='
      + encodeURIComponent(entry.file.name) + '&offset=' + entry.sent;
    return post(url, entry.file.slice(entry.sent, end), { 'X-CSRF-Token': csrf,
      'Content-Type': 'application/octet-stream' }).then(function (r) {
      if (r.ok || r.status === 409) {
        return r.json().then(function (j) {
          if (typeof j.received !== 'number') { throw new Error('refused'); }
          entry.sent = j.received;
          entry.bar.value = entry.sent;
          overall.value = files.reduce(function (s, x) { return s + x.sent; }, 0);
          if (entry.file.size === 0) { return undefined; }
          return sendFile(session, entry);
        });
      }
      throw new Error('HTTP ' + r.status);
    });
  }

  form.addEventListener('submit', function (e) {
    if (form.getAttribute('data-sent') === 'yes') { return; }
    e.preventDefault();
    if (!files.length) { return; }
    var sessionField = document.getElementById('upload-session');
    var ready = sessionField.value ? Promise.resolve(sessionField.value) : openSession();
    ready.then(function (session) {
      sessionField.value = session;
      var chain = Promise.resolve();
      files.forEach(function (entry, i) {
        chain = chain.then(function () {
          status.textContent = form.getAttribute('data-msg-sending').replace('{0}', i + 1)
            .replace('{1}', files.length);
          return sendFile(session, entry);
        });
      });
      return chain;
    }).then(function () {
      form.setAttribute('data-sent', 'yes');
      form.submit();
    }).catch(function () {
      status.textContent = form.getAttribute('data-msg-failed');
    });
  });
}());
