// Event map: vendored world outlines (no tiles, no network) and the events of /api/v1/events as markers.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  var KINETIC = ["ASSAULT", "COERCE", "MOBILIZE"];
  var RHETORICAL = ["THREATEN", "ACCUSE", "REJECT", "PROTEST", "SANCTION"];
  var map = L.map(el, { worldCopyJump: true, attributionControl: true }).setView([45, 30], 3);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth; borders per UN GA res. 68/262");

  function colour(type) {
    if (KINETIC.indexOf(type) >= 0) return "#c0392b";
    if (RHETORICAL.indexOf(type) >= 0) return "#e67e22";
    return "#2e86c1";
  }

  function line(text, strong) {
    var p = document.createElement("p");
    if (strong) { var b = document.createElement("strong"); b.textContent = strong + " "; p.appendChild(b); }
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function popup(e) {
    var div = document.createElement("div");
    div.appendChild(line((e.source || "?") + " \u2192 " + (e.target || "?") + (e.date ? " (" + e.date + ")" : ""), e.type));
    if (e.location) div.appendChild(line(e.location));
    if (e.weapons && e.weapons.length) div.appendChild(line(e.weapons.join(", "), "weapons"));
    if (e.evidence && e.evidence.length) {
      var ev = e.evidence[0];
      var q = line("\u201c" + ev.quote + "\u201d");
      div.appendChild(q);
      var a = document.createElement("a");
      a.href = "/articles/" + encodeURIComponent(e.article_id) + "#ev-" + ev.start + "-" + ev.end;
      a.textContent = "Read in the article";
      div.appendChild(a);
    }
    return div;
  }

  var params = new URLSearchParams({ located: "true", limit: "1000" });
  ["since", "until", "actor", "type", "weapon"].forEach(function (k) {
    var v = el.dataset[k];
    if (v) params.set(k, v);
  });

  fetch("/static/vendor/world-atlas/countries-50m-un.json")
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        style: { color: "#7a7a7a", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false
      }).addTo(map);
      el.dataset.outlines = "loaded";
      return loadEvents(0, []);
    })
    .catch(function (err) { status.textContent = "Could not load the map: " + err; });

  function loadEvents(offset, all) {
    params.set("offset", String(offset));
    return fetch("/api/v1/events?" + params.toString())
      .then(function (r) { return r.json(); })
      .then(function (page) {
        if (page.error) throw new Error(page.error.message);
        all = all.concat(page.items);
        if (page.next_offset !== null && all.length < 5000) return loadEvents(page.next_offset, all);
        draw(all);
      });
  }

  function draw(events) {
    var layer = L.featureGroup();
    events.forEach(function (e) {
      var m = L.circleMarker([e.geo.lat, e.geo.lon], {
        radius: 4 + Math.abs(e.intensity) * 0.8, color: "#222", weight: 1,
        fillColor: colour(e.type), fillOpacity: 0.8, className: "event-marker"
      });
      m.bindPopup(popup(e));
      layer.addLayer(m);
    });
    layer.addTo(map);
    if (events.length) map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 6, animate: false });
    el.dataset.markers = String(events.length);
    status.textContent = events.length + " located event" + (events.length === 1 ? "" : "s") + " shown.";
  }
})();
