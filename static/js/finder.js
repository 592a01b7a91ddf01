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

// A live update swaps each select's options out of band (fresh counts). Options moved into a
// select do not take their `selected` attribute as the choice; this makes them.
document.addEventListener("htmx:oobAfterSwap", function (event) {
  var select = event.detail.target;
  if (select && select.tagName === "SELECT") {
    select.selectedIndex = 0;
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.defaultSelected) {
        option.selected = true;
      }
    });
  }
});
