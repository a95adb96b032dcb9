/*
 * The portal's viewer: lists a package's series over QIDO-RS, fetches each image over WADO-URI with the session
 * cookie, parses it with dicom-parser and displays it with Cornerstone. Shows uncompressed little-endian
 * grayscale and RGB images; anything else is named as not viewable online (the package download has it all).
 */
(function () {
  'use strict';
  var root = document.getElementById('viewer');
  var element = document.getElementById('image');
  var status = document.getElementById('status');
  var base = root.getAttribute('data-base');
  var msg = function (name) { return root.getAttribute('data-msg-' + name); };
  var NATIVE = ['1.2.840.10008.1.2', '1.2.840.10008.1.2.1'];
  var stack = [];
  var current = 0;
  var displayed = false; // an image of this series is in the element: keep its window and zoom
  var awaitingDraw = 0; // the image (from 1) given to Cornerstone and not drawn yet

  function text(ds, tag) {
    var e = ds[tag];
    return e && e.Value && e.Value.length ? String(e.Value[0]) : '';
  }

  function json(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/dicom+json' } })
      .then(function (r) {
        if (r.status === 204) { return []; }
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      });
  }

  function first(value) {
    return value === undefined ? undefined : Number(String(value).split('\\')[0]);
  }

  /* Cornerstone image loader for "iep:<WADO-URI URL>#<frame>". */
  function loadImage(imageId) {
    var hash = imageId.lastIndexOf('#');
    var url = imageId.substring(4, hash);
    var frame = Number(imageId.substring(hash + 1));
    var promise = fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var ds = dicomParser.parseDicom(bytes);
      var ts = ds.string('x00020010');
      var photometric = ds.string('x00280004') || 'MONOCHROME2';
      if (NATIVE.indexOf(ts) < 0 || ['MONOCHROME1', 'MONOCHROME2', 'RGB'].indexOf(photometric) < 0) {
        throw new Error('unsupported');
      }
      var rows = ds.uint16('x00280010');
      var columns = ds.uint16('x00280011');
      var bits = ds.uint16('x00280100');
      var samples = ds.uint16('x00280002') || 1;
      var signed = ds.uint16('x00280103') === 1;
      var pixel = ds.elements.x7fe00010;
      var frameBytes = rows * columns * samples * bits / 8;
      var start = pixel.dataOffset + frame * frameBytes;
      var raw = bytes.slice(start, start + frameBytes).buffer;
      var color = photometric === 'RGB';
      var data;
      if (color) {
        var rgb = new Uint8Array(raw);
        var planar = ds.uint16('x00280006') === 1;
        data = new Uint8Array(rows * columns * 4);
        for (var i = 0, n = rows * columns; i < n; i++) {
          data[4 * i] = planar ? rgb[i] : rgb[3 * i];
          data[4 * i + 1] = planar ? rgb[n + i] : rgb[3 * i + 1];
          data[4 * i + 2] = planar ? rgb[2 * n + i] : rgb[3 * i + 2];
          data[4 * i + 3] = 255;
        }
      } else if (bits === 16) {
        data = signed ? new Int16Array(raw) : new Uint16Array(raw);
      } else if (bits === 8) {
        data = signed ? new Int8Array(raw) : new Uint8Array(raw);
      } else {
        throw new Error('unsupported');
      }
      var min = Infinity;
      var max = -Infinity;
      for (var k = 0; k < data.length; k++) {
        if (data[k] < min) { min = data[k]; }
        if (data[k] > max) { max = data[k]; }
      }
      var slope = ds.floatString('x00281053') || 1;
      var intercept = ds.floatString('x00281052') || 0;
      var center = first(ds.string('x00281050'));
      var width = first(ds.string('x00281051'));
      if (!(width > 0)) {
        width = (max - min) * slope || 1;
        center = min * slope + intercept + width / 2;
      }
      var spacing = (ds.string('x00280030') || '1\\1').split('\\').map(Number);
      return {
        imageId: imageId, minPixelValue: min, maxPixelValue: max, slope: slope, intercept: intercept,
        windowCenter: center, windowWidth: width, getPixelData: function () { return data; },
        rows: rows, columns: columns, height: rows, width: columns, color: color,
        columnPixelSpacing: spacing[1] || 1, rowPixelSpacing: spacing[0] || 1,
        invert: photometric === 'MONOCHROME1', sizeInBytes: data.byteLength
      };
    });
    return { promise: promise };
  }

  function show(index) {
    if (!stack.length) { return; }
    current = Math.max(0, Math.min(stack.length - 1, index));
    cornerstone.loadImage(stack[current]).then(function (image) {
      var keep = displayed ? cornerstone.getViewport(element) : undefined;
      awaitingDraw = current + 1;
      // Cornerstone draws on the next animation frame; the image counts as shown once it is drawn
      cornerstone.displayImage(element, image, keep);
      displayed = true;
    }, function (e) {
      status.textContent = e && e.message === 'unsupported' ? msg('unsupported') : msg('failed');
    });
  }

  function openSeries(study, series) {
    var path = base + '/studies/' + study + '/series/' + series;
    return json(path + '/instances').then(function (instances) {
      instances.sort(function (a, b) { return Number(text(a, '00200013')) - Number(text(b, '00200013')); });
      stack = [];
      instances.forEach(function (i) {
        var frames = Number(text(i, '00280008')) || 1;
        var url = base + '/wado?requestType=WADO&studyUID=' + study + '&seriesUID=' + series + '&objectUID='
          + text(i, '00080018') + '&contentType=application%2Fdicom';
        for (var f = 0; f < frames; f++) { stack.push('iep:' + url + '#' + f); }
      });
      element.removeAttribute('data-shown');
      displayed = false;
      show(0);
    });
  }

  function listSeries() {
    var list = document.getElementById('series-list');
    return json(base + '/studies').then(function (studies) {
      var chain = Promise.resolve();
      studies.forEach(function (s) {
        var study = text(s, '0020000D');
        chain = chain.then(function () { return json(base + '/studies/' + study + '/series'); })
          .then(function (all) {
            all.forEach(function (se) {
              var uid = text(se, '0020000E');
              var li = document.createElement('li');
              var button = document.createElement('button');
              button.type = 'button';
              button.className = 'secondary series';
              button.textContent = (text(se, '0008103E') || text(se, '00080060') || 'Series') + ' ('
                + text(se, '00201209') + ')';
              button.addEventListener('click', function () { openSeries(study, uid); });
              li.appendChild(button);
              list.appendChild(li);
            });
          });
      });
      return chain;
    }).then(function () {
      var firstButton = document.querySelector('#series-list button');
      if (firstButton) { firstButton.click(); }
    });
  }

  function adjust(change) {
    var vp = cornerstone.getViewport(element);
    change(vp);
    cornerstone.setViewport(element, vp);
  }

  var drag = null;
  element.addEventListener('mousedown', function (e) { drag = { x: e.clientX, y: e.clientY }; e.preventDefault(); });
  window.addEventListener('mouseup', function () { drag = null; });
  window.addEventListener('mousemove', function (e) {
    if (!drag || !displayed) { return; }
    var dx = e.clientX - drag.x;
    var dy = e.clientY - drag.y;
    drag = { x: e.clientX, y: e.clientY };
    adjust(function (vp) {
      vp.voi.windowWidth = Math.max(1, vp.voi.windowWidth + dx * Math.max(1, vp.voi.windowWidth / 200));
      vp.voi.windowCenter = vp.voi.windowCenter + dy * Math.max(1, vp.voi.windowWidth / 200);
    });
  });
  element.addEventListener('wheel', function (e) { e.preventDefault(); show(current + (e.deltaY > 0 ? 1 : -1)); },
    { passive: false });
  element.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') { show(current + 1); e.preventDefault(); }
    if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') { show(current - 1); e.preventDefault(); }
  });
  document.getElementById('prev').addEventListener('click', function () { show(current - 1); });
  document.getElementById('next').addEventListener('click', function () { show(current + 1); });
  document.getElementById('zoom-in').addEventListener('click', function () {
    adjust(function (vp) { vp.scale = vp.scale * 1.25; });
  });
  document.getElementById('zoom-out').addEventListener('click', function () {
    adjust(function (vp) { vp.scale = vp.scale / 1.25; });
  });
  document.getElementById('reset').addEventListener('click', function () { cornerstone.reset(element); });
  window.addEventListener('resize', function () { cornerstone.resize(element, true); });

  element.addEventListener('cornerstoneimagerendered', function () {
    if (!awaitingDraw) { return; }
    element.setAttribute('data-shown', String(awaitingDraw));
    status.textContent = msg('image').replace('{0}', awaitingDraw).replace('{1}', stack.length);
    awaitingDraw = 0;
  });
  cornerstone.registerImageLoader('iep', loadImage);
  cornerstone.enable(element);
  listSeries().catch(function () { status.textContent = msg('failed'); });
}());
