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

  // The popup: the name as a link to the page, and the address (built as nodes, not HTML).
  function popup(m) {
    var box = document.createElement("div");
    var title = document.createElement(m.url ? "a" : "strong");
    title.textContent = m.name;
    if (m.url) { title.href = m.url; }
    box.appendChild(title);
    if (m.address) {
      var address = document.createElement("div");
      address.textContent = m.address;
      box.appendChild(address);
    }
    return box;
  }

  function addMarker(L, map, m) {
    if (m.role === "place") {
      return L.circleMarker([m.lat, m.lon], {
        radius: 9, weight: 4, color: "#131525", fillColor: "#ffffff", fillOpacity: 1
      }).addTo(map).bindPopup(popup(m));
    }
    var options = { title: m.name, alt: m.name };
    if (m.role === "responsible") {
      options.icon = new L.Icon.Default({ className: "portal-map__marker--responsible" });
      options.zIndexOffset = 1000;
    }
    return L.marker([m.lat, m.lon], options).addTo(map).bindPopup(popup(m));
  }

  function showMap(section, controls) {
    var markers = JSON.parse(document.getElementById("map-markers").textContent);
    var canvas = section.querySelector("[data-map-canvas]");
    loadLeaflet(section).then(function (L) {
      canvas.hidden = false;
      controls.hidden = true;
      section.querySelector("[data-map-legend]").hidden = false;
      section.classList.add("portal-map--open");
      var map = L.map(canvas);
      L.tileLayer(section.dataset.tileUrl, {
        attribution: section.dataset.attribution,
        maxZoom: 18
      }).addTo(map);
      var bounds = [];
      markers.forEach(function (m) {
        if (m.lat === null || m.lon === null) { return; }
        addMarker(L, map, m);
        bounds.push([m.lat, m.lon]);
      });
      if (bounds.length) {
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
      } else {
        map.setView([51.16, 10.45], 5);
      }
      canvas.focus();
    });
  }

  document.querySelectorAll("[data-map]").forEach(function (section) {
    var controls = section.querySelector("[data-map-controls]");
    controls.hidden = false;
    controls.querySelector("[data-map-show]").addEventListener("click", function () {
      showMap(section, controls);
    });
  });
})();
