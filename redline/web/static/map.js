// Event map: vendored world outlines (no tiles, no network) and the events of /api/v1/events as markers.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  var KINETIC = ["ASSAULT", "COERCE", "MOBILIZE"];
  var RHETORICAL = ["THREATEN", "ACCUSE", "REJECT", "PROTEST", "SANCTION"];
  var map = L.map(el, { worldCopyJump: true, attributionControl: true }).setView([45, 30], 3);
  el.leafletMap = map;  // for scripted checks of what is drawn where
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

  // Rings that cross the antimeridian (Chukotka, Fiji) or circle a pole (Antarctica) are cut into pieces at
  // most 180 degrees wide, each moved into -180..180; drawn as they come, they would band across the world.
  function unwrap(ring) {
    var out = [[ring[0][0], ring[0][1]]], shift = 0;
    for (var i = 1; i < ring.length; i++) {
      var step = ring[i][0] - ring[i - 1][0];
      if (step > 180) shift -= 360; else if (step < -180) shift += 360;
      out.push([ring[i][0] + shift, ring[i][1]]);
    }
    var first = out[0], last = out[out.length - 1];
    if (Math.abs(last[0] - first[0]) > 180) {
      var pole = first[1] < 0 ? -90 : 90;
      out.push([last[0], pole], [first[0], pole], [first[0], first[1]]);
    }
    return out;
  }

  function clipSide(ring, x, keepBelow) {
    var out = [];
    function inside(p) { return keepBelow ? p[0] <= x : p[0] >= x; }
    for (var i = 0; i < ring.length; i++) {
      var a = ring[i], b = ring[(i + 1) % ring.length];
      if (inside(a)) out.push(a);
      if (inside(a) !== inside(b)) out.push([x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])]);
    }
    return out;
  }

  function area(ring) {
    var sum = 0;
    for (var i = 0; i < ring.length; i++) {
      var a = ring[i], b = ring[(i + 1) % ring.length];
      sum += a[0] * b[1] - b[0] * a[1];
    }
    return Math.abs(sum) / 2;
  }

  function splitPolygon(rings) {
    // A ring along a pole (Antarctica has one) encloses nothing on a flat map: dropped
    var unwrapped = rings.filter(function (r) {
      return r.some(function (p) { return Math.abs(p[1]) < 89.9; });
    }).map(unwrap), lo = Infinity, hi = -Infinity;
    unwrapped.forEach(function (r) { r.forEach(function (p) { lo = Math.min(lo, p[0]); hi = Math.max(hi, p[0]); }); });
    if (!unwrapped.length) return [];
    if (lo >= -180 && hi <= 180 && hi - lo <= 180) return [rings];
    var pieces = [];
    for (var west = -180 + 180 * Math.floor((lo + 180) / 180); west < hi; west += 180) {
      var shift = -360 * Math.floor((west + 180) / 360);
      var piece = [];
      unwrapped.forEach(function (r) {  // Leaflet fills even-odd, so which ring is the outer one does not matter
        var cut = clipSide(clipSide(r, west, false), west + 180, true);
        if (area(cut) > 1e-9) piece.push(cut.map(function (p) { return [p[0] + shift, p[1]]; }));
      });
      if (piece.length) pieces.push(piece);
    }
    return pieces;
  }

  function splitAtAntimeridian(collection) {
    collection.features.forEach(function (f) {
      var g = f.geometry;
      if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) return;
      var polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      f.geometry = { type: "MultiPolygon", coordinates: [].concat.apply([], polygons.map(splitPolygon)) };
    });
    return collection;
  }

  function widestSpan(layer) {
    var widest = 0;
    layer.eachLayer(function (l) {
      (function walk(x) {
        if (!x.length) return;
        if (x[0].lng !== undefined) {
          var lngs = x.map(function (p) { return p.lng; });
          widest = Math.max(widest, Math.max.apply(null, lngs) - Math.min.apply(null, lngs));
        } else x.forEach(walk);
      })(l.getLatLngs());
    });
    return widest;
  }

  fetch("/static/vendor/world-atlas/countries-50m-un.json")
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      var outlines = L.geoJSON(splitAtAntimeridian(topojson.feature(topo, topo.objects.countries)), {
        style: { color: "#7a7a7a", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1, className: "outline" },
        interactive: false
      }).addTo(map);
      el.dataset.widestOutline = widestSpan(outlines).toFixed(2);
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
