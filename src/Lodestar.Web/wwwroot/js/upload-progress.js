// The Data page's upload, with a progress bar: the form is sent with XMLHttpRequest (whose upload
// events give the bytes sent), then the browser follows to the check report the server redirected to,
// or shows the page the server answered (the refusal, or the error page for an upload over the limit).
// Without this script the form posts as a plain form and everything works the same, without the bar.
(function () {
  'use strict';
  if (!window.FormData || !window.XMLHttpRequest || !window.DOMParser) {
    return;
  }

  function show(progress, percent, text) {
    var bar = progress.querySelector('progress');
    bar.value = percent;
    bar.textContent = percent + '%';
    progress.querySelector('.lodestar-progress__percent').textContent = percent + '%';
    if (text) {
      progress.querySelector('.lodestar-progress__label').textContent = text;
    }
  }

  function replaceMain(html) {
    var answer = new DOMParser().parseFromString(html, 'text/html');
    var main = answer.querySelector('main');
    if (!main) {
      return false;
    }
    document.querySelector('main').replaceWith(document.importNode(main, true));
    document.title = answer.title;
    var summary = document.querySelector('.govuk-error-summary');
    if (summary) {
      summary.setAttribute('tabindex', '-1');
      summary.focus();
    }
    return true;
  }

  function fail(form, message) {
    var progress = form.querySelector('.lodestar-progress');
    progress.querySelector('.lodestar-progress__label').textContent = message;
    progress.querySelector('.lodestar-progress__percent').textContent = '';
    form.querySelector('button[type="submit"]').disabled = false;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.getAttribute('data-module') !== 'lodestar-upload') {
      return;
    }
    event.preventDefault();
    var progress = form.querySelector('.lodestar-progress');
    var button = form.querySelector('button[type="submit"]');
    var maxMb = Number(form.getAttribute('data-max-mb'));
    var files = form.querySelector('input[type="file"]').files;
    var total = 0;
    for (var i = 0; i < files.length; i++) {
      total += files[i].size;
    }
    progress.hidden = false;
    if (maxMb > 0 && total > maxMb * 1024 * 1024) {
      show(progress, 0);
      fail(form, 'These files are larger than ' + maxMb + ' MB together: nothing was uploaded.');
      return;
    }

    button.disabled = true;
    show(progress, 0, 'Uploading');
    var address = form.action || window.location.href;
    var request = new XMLHttpRequest();
    request.open('POST', address);
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        show(progress, Math.floor((e.loaded * 100) / e.total));
      }
    });
    request.upload.addEventListener('load', function () {
      show(progress, 100, 'Uploaded: checking the files');
    });
    request.addEventListener('load', function () {
      if (request.responseURL && request.responseURL.split('#')[0] !== address.split('#')[0]) {
        window.location.assign(request.responseURL);
      } else if (!replaceMain(request.responseText)) {
        fail(form, 'The upload did not complete (error ' + request.status + '). Try again.');
      }
    });
    request.addEventListener('error', function () {
      fail(form, 'The upload did not complete: the connection was closed. Files over ' + maxMb + ' MB together are refused.');
    });
    request.send(new FormData(form));
  });
})();
