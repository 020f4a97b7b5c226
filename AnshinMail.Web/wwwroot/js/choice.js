// Issue 16: keeps the counts and the summary of the resident's choice live. The form works without it.
(function () {
  var form = document.getElementById('categories') && document.getElementById('categories').form;
  if (!form) return;
  var summary = document.getElementById('summary');
  function boxes(name, root) { return Array.prototype.slice.call((root || form).querySelectorAll('input[name="' + name + '"]')); }
  // A part is a list of nodes and strings: a name is copied as shown, its furigana (ruby) included.
  function setHtml(id, parts, emptyHtml) {
    var dd = document.getElementById(id);
    if (!parts.length) { dd.innerHTML = emptyHtml; return; }
    dd.textContent = '';
    parts.forEach(function (part, i) {
      if (i) dd.append('、', document.createElement('wbr')); // ruby names leave no break of their own
      part.forEach(function (n) { dd.append(typeof n === 'string' ? n : n.cloneNode(true)); });
    });
  }
  function name(el) { return Array.prototype.slice.call(el.querySelector('.name').childNodes); }
  function refresh() {
    var cats = boxes('Categories');
    var chosen = cats.filter(function (b) { return b.checked; });
    form.querySelector('[data-count-of="Categories"]').textContent = '（' + chosen.length + '/' + cats.length + '）';
    setHtml('summary-categories', chosen.map(function (b) { return name(b.closest('label')); }),
      document.getElementById('summary-none').innerHTML);
    var areas = [];
    Array.prototype.forEach.call(form.querySelectorAll('details.station'), function (d) {
      var own = boxes('Areas', d), on = own.filter(function (b) { return b.checked; });
      var all = d.querySelector('input[name="Stations"]');
      all.checked = on.length === own.length && own.length > 0;
      d.querySelector('.count').textContent = on.length ? on.length + '/' + own.length : '';
      if (all.checked) areas.push(name(d.querySelector('summary')).concat([summary.dataset.allSuffix]));
      else on.forEach(function (b) { areas.push(name(b.closest('label'))); });
    });
    setHtml('summary-areas', areas, document.getElementById('summary-none').innerHTML);
    var from = form.querySelector('input[name="QuietFrom"]').value, to = form.querySelector('input[name="QuietTo"]').value;
    setHtml('summary-quiet', from && to ? [[from + '〜' + to]] : [], document.getElementById('summary-no-quiet').innerHTML);
  }
  form.addEventListener('change', function (e) {
    var t = e.target;
    if (t.name === 'Stations') boxes('Areas', t.closest('details')).forEach(function (b) { b.checked = t.checked; });
    refresh();
  });
  refresh();
})();
