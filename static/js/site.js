// The header's "Menu" is a <details>: on a phone it folds the navigation, on wide screens the
// CSS shows it anyway (::details-content); this opens it where that selector is unknown.
// On a phone, Escape folds it again and gives the focus back to "Menu".
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48em)");
  document.querySelectorAll("[data-site-menu]").forEach(function (menu) {
    if (wide.matches) {
      menu.open = true;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || wide.matches) {
      return;
    }
    document.querySelectorAll("[data-site-menu][open]").forEach(function (menu) {
      var inside = menu.contains(document.activeElement);
      menu.open = false;
      if (inside) {
        menu.querySelector("summary").focus();
      }
    });
  });
})();

// A form sent back with errors: the focus goes to the summary of its errors (each a link to
// its field), where a screen reader starts reading.
(function () {
  "use strict";
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
})();
