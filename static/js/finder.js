// The finder: on wide screens the extra filters are open; on a phone they stay folded so
// that the first result is on the first screen. Without JavaScript the <details> just works.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48em)");
  document.querySelectorAll("[data-finder-filters]").forEach(function (details) {
    if (wide.matches) {
      details.open = true;
    }
  });
})();
