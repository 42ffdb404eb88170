// The pages work without this file; it adds copying a feed link and htmx's CSRF header for requests without a form.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.getAttribute('data-copy'));
      field.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(function () { button.textContent = 'Kopieret'; });
      }
    });
  });
});
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('input[name="_csrf"]');
  if (token) {
    event.detail.headers['X-CSRF-TOKEN'] = token.value;
  }
});

// Drag across free half hours of one row to book them together; a click still books one half hour, and the form lets
// anyone (keyboard included) change the times before sending.
(function () {
  var start = null;
  var cells = [];

  function freeCell(target) {
    var cell = target && target.closest ? target.closest('table.calendar td.free') : null;
    return cell && cell.querySelector('a[href]') ? cell : null;
  }

  function mark(to) {
    cells.forEach(function (c) { c.classList.remove('selecting'); });
    cells = [];
    var row = start.parentElement;
    var all = Array.prototype.slice.call(row.children);
    var a = all.indexOf(start);
    var b = all.indexOf(to);
    var step = a <= b ? 1 : -1;
    for (var i = a; ; i += step) {
      if (!freeCell(all[i])) { break; }
      cells.push(all[i]);
      if (i === b) { break; }
    }
    if (step < 0) { cells.reverse(); }
    cells.forEach(function (c) { c.classList.add('selecting'); });
  }

  function reset() {
    cells.forEach(function (c) { c.classList.remove('selecting'); });
    cells = [];
    start = null;
  }

  // A finger scrolls the calendar and taps a half hour; dragging is for a mouse.
  document.addEventListener('pointerdown', function (event) {
    var cell = freeCell(event.target);
    if (!cell || event.button !== 0 || event.pointerType !== 'mouse') { return; }
    start = cell;
    mark(cell);
    event.preventDefault();
  });
  document.addEventListener('pointerover', function (event) {
    if (!start) { return; }
    var cell = freeCell(event.target);
    if (cell && cell.parentElement === start.parentElement) { mark(cell); }
  });
  document.addEventListener('pointercancel', reset);
  // A link dragged would start the browser's own drag and drop instead.
  document.addEventListener('dragstart', function (event) {
    if (freeCell(event.target)) { event.preventDefault(); }
  });
  document.addEventListener('pointerup', function () {
    if (!start) { return; }
    var first = new URL(cells[0].querySelector('a').href);
    // One half hour is a click (the link's own hour); across several, the booking ends where the last half hour does.
    if (cells.length > 1) {
      first.searchParams.set('til', cells[cells.length - 1].querySelector('a').getAttribute('data-til'));
    }
    start = null;
    window.location.assign(first.toString());
  });
})();
