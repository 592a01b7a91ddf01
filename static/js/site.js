// The header's "Menu" is a <details>: on a phone it folds the navigation, on wide screens the
// CSS shows it anyway (::details-content); this opens it where that selector is unknown.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48em)");
  document.querySelectorAll("[data-site-menu]").forEach(function (menu) {
    if (wide.matches) {
      menu.open = true;
    }
  });
})();
