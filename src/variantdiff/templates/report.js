(function () {
  "use strict";
  var body = document.body;
  var boxes = Array.prototype.slice.call(document.querySelectorAll("nav.filters input[data-kind]"));

  function apply(box) {
    body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
  }
  boxes.forEach(function (box) {
    box.addEventListener("change", function () { apply(box); });
    apply(box);  /* a reloaded page keeps the boxes' state */
  });
  Array.prototype.forEach.call(document.querySelectorAll("nav.filters button[data-all]"), function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("data-all") === "1";
      boxes.forEach(function (box) { box.checked = on; apply(box); });
    });
  });

  /* hovering a highlight outlines its counterpart; clicking it selects its list row */
  function same(mark) {
    return document.querySelectorAll('mark.v[data-v="' + mark.getAttribute("data-v") + '"]');
  }
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest("mark.v");
    if (mark) { Array.prototype.forEach.call(same(mark), function (m) { m.classList.add("hl"); }); }
  });
  document.addEventListener("mouseout", function (event) {
    var mark = event.target.closest && event.target.closest("mark.v");
    if (mark) { Array.prototype.forEach.call(same(mark), function (m) { m.classList.remove("hl"); }); }
  });
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark.v");
    if (!mark) { return; }
    var row = document.getElementById(mark.getAttribute("data-v"));
    if (!row) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("tr.selected"), function (r) { r.classList.remove("selected"); });
    row.classList.add("selected");
    row.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });

  /* #test-filter: uncheck "punctuation" and record what the page then shows (for tests) */
  if (location.hash === "#test-filter") {
    body.classList.add("no-anim");  /* measure the end state, not a transition */
    boxes.forEach(function (box) {
      if (box.getAttribute("data-kind") === "punctuation") { box.checked = false; apply(box); }
    });
    var marks = document.querySelectorAll('mark.v[data-kind="punctuation"]');
    var shown = 0;
    Array.prototype.forEach.call(marks, function (m) {
      var style = getComputedStyle(m);
      if (style.display !== "none" && style.backgroundColor !== "rgba(0, 0, 0, 0)") { shown += 1; }
    });
    var rows = document.querySelectorAll('tr[data-kind="punctuation"]');
    var rowsShown = 0;
    Array.prototype.forEach.call(rows, function (r) {
      if (getComputedStyle(r).display !== "none") { rowsShown += 1; }
    });
    body.setAttribute("data-test-filter", "marks " + marks.length + " highlighted " + shown +
                      " rows " + rows.length + " shown " + rowsShown);
  }
})();
