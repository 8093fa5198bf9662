// selaras diff page: filters and keyboard navigation. Reads only the data-*
// attributes the renderer wrote; never builds HTML from page text, so text
// in the page cannot become markup. Without JavaScript the page is still
// complete; only the filter bar stays hidden.
(function () {
  'use strict';
  var RANK = { info: 1, warning: 2, error: 3 };
  // Bead rows and the lines of folded blocks, in page order.
  var rows = Array.prototype.slice.call(document.querySelectorAll('#beads tbody tr[data-bead], #beads tbody tr[data-block]'));
  var expanded = {};
  var findingsCount = document.getElementById('findings-count');
  var controls = document.getElementById('controls');
  var onlyFindings = document.getElementById('only-findings');
  var severity = document.getElementById('severity');
  var family = document.getElementById('family');
  var onlyChanged = document.getElementById('only-changed');
  var status = document.getElementById('status');
  var listItems = Array.prototype.slice.call(document.querySelectorAll('#findings li[data-rule]'));
  var current = -1;

  function findingMatches(item) {
    if (severity.value && (RANK[item.getAttribute('data-severity')] || 0) < RANK[severity.value]) return false;
    if (family.value && item.getAttribute('data-family') !== family.value) return false;
    return true;
  }

  function rowVisible(row) {
    var block = row.getAttribute('data-in-block');
    if (block && !expanded[block]) return false;
    var findings = row.querySelectorAll('li[data-rule]');
    var needsFinding = onlyFindings.checked || severity.value || family.value;
    if (needsFinding && !Array.prototype.some.call(findings, findingMatches)) return false;
    if (onlyChanged && onlyChanged.checked && row.getAttribute('data-changed') !== 'true') return false;
    return true;
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = rowVisible(row);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var listed = 0;
    listItems.forEach(function (item) {
      item.hidden = !findingMatches(item);
      if (!item.hidden) listed += 1;
    });
    if (findingsCount) {
      findingsCount.textContent = listed === listItems.length ? String(listed) : listed + ' of ' + listItems.length;
    }
    var total = rows.filter(function (row) {
      var block = row.getAttribute('data-in-block');
      return !block || expanded[block];
    }).length;
    status.textContent = 'Showing ' + shown + ' of ' + total + ' rows';
  }

  function setExpanded(block, open) {
    expanded[block] = open;
    var button = document.querySelector('button[data-expands="' + block + '"]');
    if (button) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      var n = rows.filter(function (row) { return row.getAttribute('data-in-block') === block; }).length;
      button.textContent = (open ? 'hide ' : 'show ') + n + (n === 1 ? ' bead' : ' beads');
    }
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll('button[data-expands]'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var block = button.getAttribute('data-expands');
      setExpanded(block, !expanded[block]);
    });
  });

  // A link to a bead inside a folded block unfolds the block first.
  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var block = target && target.getAttribute('data-in-block');
    if (block && !expanded[block]) {
      setExpanded(block, true);
      target.scrollIntoView({ block: 'start' });
    }
  }
  window.addEventListener('hashchange', revealTarget);

  function findingRows() {
    return rows.filter(function (row) {
      return !row.hidden && row.querySelector('li[data-rule]') !== null;
    });
  }

  function move(step) {
    var targets = findingRows();
    if (targets.length === 0) return;
    var at = targets.indexOf(rows[current]);
    var next = at === -1 ? (step > 0 ? 0 : targets.length - 1) : (at + step + targets.length) % targets.length;
    if (current >= 0) rows[current].classList.remove('current');
    current = rows.indexOf(targets[next]);
    var row = rows[current];
    row.classList.add('current');
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'center' });
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Letters typed into a select or a text field are theirs; a checkbox
    // has no use for them, so j/k still move from the filter checkboxes.
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'SELECT' || tag === 'TEXTAREA') return;
    if (tag === 'INPUT' && target.type !== 'checkbox') return;
    if (event.key === 'j' || event.key === 'n') { move(1); event.preventDefault(); }
    if (event.key === 'k' || event.key === 'p') { move(-1); event.preventDefault(); }
  });

  [onlyFindings, severity, family, onlyChanged].forEach(function (control) {
    if (control) control.addEventListener('change', apply);
  });
  controls.hidden = false;
  apply();
  revealTarget();
})();
