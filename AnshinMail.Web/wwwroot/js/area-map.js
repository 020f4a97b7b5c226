// Issue 16: recolours the draft form's map of target areas as their boxes are ticked. The server draws the
// same colours on every load; this only saves a round trip. Each path's data-relations maps the book's areas
// inside that municipality to own / neighbour / outside; a municipality shows its farthest ticked area.
(function () {
  var map = document.getElementById('area-map');
  if (!map || !window.JSON) return;
  var form = map.closest('form') || document;
  var rank = { own: 0, neighbour: 1, outside: 2 };
  var paths = Array.prototype.slice.call(map.querySelectorAll('path[data-relations]'));
  function refresh() {
    var ticked = {};
    form.querySelectorAll('input[name="Form.Areas"]:checked').forEach(function (box) { ticked[box.value] = true; });
    paths.forEach(function (path) {
      var relations = JSON.parse(path.getAttribute('data-relations'));
      var chosen = null;
      Object.keys(relations).forEach(function (area) {
        if (ticked[area] && (chosen === null || rank[relations[area]] > rank[chosen])) chosen = relations[area];
      });
      path.setAttribute('class', chosen === null ? path.getAttribute('data-base') : 'sel-' + chosen);
    });
  }
  form.addEventListener('change', function (e) {
    if (e.target && e.target.name === 'Form.Areas') refresh();
  });
})();
