// gitpypi: small enhancements for the pages for people; every page works without them.
(function () {
  "use strict";
  // The index URL in install lines, when the site was built without --base-url: computed from this page's address.
  var lines = document.querySelectorAll("[data-index-url]");
  for (var i = 0; i < lines.length; i++) {
    var target = lines[i].querySelector(".index-url");
    if (target) {
      target.textContent = new URL(lines[i].getAttribute("data-index-url"), document.baseURI).href;
      lines[i].hidden = false;
    }
  }
  // The project filter on the front page: shows the rows whose text holds what was typed.
  var form = document.getElementById("filter");
  var table = document.getElementById("projects");
  if (!form || !table) {
    return;
  }
  var input = form.querySelector("input");
  var status = document.getElementById("filter-status");
  var rows = table.tBodies[0].rows;
  var texts = [];
  for (var r = 0; r < rows.length; r++) {
    texts.push(rows[r].textContent.toLowerCase().replace(/[-_.]+/g, "-"));
  }
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase().replace(/[-_.]+/g, "-");
    var shown = 0;
    for (var k = 0; k < rows.length; k++) {
      var hit = q === "" || texts[k].indexOf(q) >= 0;
      rows[k].hidden = !hit;
      if (hit) {
        shown++;
      }
    }
    status.textContent = q === "" ? "" : shown + (shown === 1 ? " project matches" : " projects match");
  });
})();
