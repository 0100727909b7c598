(function () {
  "use strict";
  // Without this script every panel stays open, which is how the report prints and how it
  // reads in a viewer that runs no scripts; the script only adds the interactions.
  var doc = document;
  doc.documentElement.classList.add("js");

  function each(selector, fn) {
    Array.prototype.forEach.call(doc.querySelectorAll(selector), fn);
  }

  function markFor(id) {
    var mark = doc.getElementById(id);
    return mark && mark.classList.contains("claim") ? mark : null;
  }

  function setOpen(mark, open) {
    var panel = doc.getElementById(mark.getAttribute("aria-controls"));
    if (!panel) return;
    panel.hidden = !open;
    mark.setAttribute("aria-expanded", open ? "true" : "false");
  }

  // The claim sentences are inline text that wraps across lines, so they are marks with the
  // button role (a <button> would lay each sentence out as one block).
  each("mark.claim[data-panel]", function (mark) {
    mark.setAttribute("role", "button");
    mark.setAttribute("tabindex", "0");
    mark.setAttribute("aria-controls", mark.getAttribute("data-panel"));
    setOpen(mark, false);
    mark.addEventListener("click", function () {
      setOpen(mark, mark.getAttribute("aria-expanded") !== "true");
    });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        setOpen(mark, mark.getAttribute("aria-expanded") !== "true");
      }
    });
  });

  each(".panel", function (panel) {
    panel.addEventListener("keydown", function (event) {
      var mark = markFor(panel.getAttribute("data-claim"));
      if (event.key === "Escape" && mark) {
        setOpen(mark, false);
        mark.focus();
      }
    });
  });

  each("button[data-close]", function (button) {
    button.addEventListener("click", function () {
      var mark = markFor(button.getAttribute("data-close"));
      if (mark) {
        setOpen(mark, false);
        mark.focus();
      }
    });
  });

  each("button[data-expand]", function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("data-expand") === "open";
      each("mark.claim[aria-controls]", function (mark) { setOpen(mark, open); });
    });
  });

  // Following a link to a claim (from the matrix, or a shared #c12 address) opens its panel.
  function reveal(id) {
    var mark = markFor(id);
    if (!mark) return;
    setOpen(mark, true);
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "center" });
  }
  each("a[data-open]", function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var id = link.getAttribute("data-open");
      if (history.replaceState) history.replaceState(null, "", "#" + id);
      reveal(id);
    });
  });
  window.addEventListener("hashchange", function () { reveal(location.hash.slice(1)); });
  if (location.hash) reveal(location.hash.slice(1));

  // The claims matrix: sort by any column, filter by text and severity.
  var table = doc.getElementById("matrix-table");
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var filter = doc.getElementById("matrix-filter");
    var severity = doc.getElementById("matrix-severity");
    var count = doc.getElementById("matrix-count");
    var empty = doc.getElementById("matrix-empty");

    var applyFilter = function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var level = severity.value;
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = (!level || row.getAttribute("data-severity") === level) &&
          words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " rows";
      empty.hidden = shown !== 0;
    };
    filter.addEventListener("input", applyFilter);
    severity.addEventListener("change", applyFilter);
    applyFilter();

    var key = function (row, column) {
      var cell = row.cells[column];
      var value = cell.getAttribute("data-sort");
      return value !== null ? Number(value) : cell.textContent.trim().toLowerCase();
    };
    var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    each("#matrix-table .sort", function (button) {
      button.addEventListener("click", function () {
        var column = Number(button.getAttribute("data-col"));
        var header = button.parentNode;
        var direction = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        each("#matrix-table th[aria-sort]", function (th) { th.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", direction);
        var sign = direction === "ascending" ? 1 : -1;
        var order = rows.map(function (row, i) { return { row: row, i: i, k: key(row, column) }; });
        order.sort(function (a, b) {
          var c = typeof a.k === "number" ? a.k - b.k : collator.compare(a.k, b.k);
          return c * sign || a.i - b.i;
        });
        order.forEach(function (item) { body.appendChild(item.row); });
      });
    });
  }

  doc.body.setAttribute("data-ready", "1");
})();
