// The hours editor, improved: "copy Monday" without a round trip (site.js focuses the error
// summary).
// Without JavaScript the copy button posts the form and the server copies (WeekFormSet).
(function () {
  "use strict";
  var FIELDS = ["opens_1", "closes_1", "opens_2", "closes_2", "note_de", "note_en"];

  function copyMonday(grid) {
    var prefix = grid.getAttribute("data-prefix");
    FIELDS.forEach(function (name) {
      var source = grid.querySelector('[name="' + prefix + "-0-" + name + '"]');
      for (var day = 1; day <= 4; day++) {
        var target = grid.querySelector('[name="' + prefix + "-" + day + "-" + name + '"]');
        if (source && target) {
          target.value = source.value;
          if (name.indexOf("note") === 0 && source.value) {
            target.closest("details").open = true;
          }
        }
      }
    });
    var status = grid.querySelector("[data-copy-status]");
    status.textContent = grid.getAttribute("data-copied-message");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-monday]");
    if (!button) {
      return;
    }
    event.preventDefault();
    copyMonday(button.closest("[data-week-grid]"));
  });
})();
