// Live preview of a draft: while typing, the form is posted to its Preview handler and the preview
// panel is replaced with the server's rendering (subject, body, findings). Without JavaScript the
// "プレビュー" button does the same with a full page load.
(function () {
  var form = document.getElementById('draft-form');
  var panel = document.getElementById('preview');
  if (!form || !panel || !window.fetch) return;
  var button = form.querySelector('button[formaction*="handler=Preview"]');
  if (!button) return;
  var timer = null, running = null;
  function refresh() {
    if (running) running.abort();
    running = new AbortController();
    fetch(button.getAttribute('formaction'), { method: 'POST', body: new FormData(form), signal: running.signal, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('preview');
        var current = document.getElementById('preview');
        if (next && current) current.replaceWith(next);
      })
      .catch(function () { /* offline or aborted: the button still works */ });
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(refresh, 700); }
  // Text fields are followed through 'input'; 'change' is only for selects and check boxes, so that
  // leaving a field (for instance to press 保存する) does not re-render the panel under the pointer.
  // Pressing a button (保存する, プレビュー) cancels any pending refresh: the page must not move under the pointer.
  form.addEventListener('pointerdown', function (e) {
    if (e.target.closest('button')) { clearTimeout(timer); if (running) running.abort(); }
  }, true);
  form.addEventListener('input', schedule);
  form.addEventListener('change', function (e) {
    var t = e.target;
    if (t.tagName === 'SELECT' || t.type === 'checkbox') schedule();
  });
})();
