// The optional map of a result list: Leaflet and its tiles load only when the visitor asks.
(function () {
  "use strict";

  function loadLeaflet(section) {
    if (window.L) {
      return Promise.resolve(window.L);
    }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = section.dataset.leafletCss;
    document.head.appendChild(css);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = section.dataset.leafletJs;
      script.onload = function () { resolve(window.L); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function showMap(section, button) {
    var markers = JSON.parse(document.getElementById("map-markers").textContent);
    var canvas = section.querySelector("[data-map-canvas]");
    loadLeaflet(section).then(function (L) {
      canvas.hidden = false;
      button.hidden = true;
      var map = L.map(canvas);
      L.tileLayer(section.dataset.tileUrl, {
        attribution: section.dataset.attribution,
        maxZoom: 18
      }).addTo(map);
      var bounds = [];
      markers.forEach(function (m) {
        if (m.lat === null || m.lon === null) { return; }
        var link = document.createElement("a");
        link.href = m.url;
        link.textContent = m.name;
        L.marker([m.lat, m.lon], { title: m.name, alt: m.name }).addTo(map).bindPopup(link);
        bounds.push([m.lat, m.lon]);
      });
      if (bounds.length) {
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
      } else {
        map.setView([51.16, 10.45], 5);
      }
    });
  }

  document.querySelectorAll("[data-map]").forEach(function (section) {
    var button = section.querySelector("[data-map-show]");
    button.hidden = false;
    button.addEventListener("click", function () { showMap(section, button); });
  });
})();
