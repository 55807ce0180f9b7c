#!/usr/bin/env bash
# Rebuild redline/web/static/vendor/ from npm: Leaflet, topojson-client and Natural Earth outlines from
# world-atlas, patched to the internationally recognised borders by tools/patch_borders.py.
# Needs npm and python3; run from anywhere: bash tools/vendor_assets.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/redline/web/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent leaflet@1.9.4 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null
for pkg in leaflet-1.9.4 topojson-client-3.1.0 world-atlas-2.0.2; do
    mkdir "$pkg" && tar xzf "$pkg.tgz" -C "$pkg" --strip-components=1
done

rm -rf "$OUT" && mkdir -p "$OUT/leaflet/images"
cp leaflet-1.9.4/dist/leaflet.js leaflet-1.9.4/dist/leaflet.css "$OUT/leaflet/"
cp leaflet-1.9.4/dist/images/*.png "$OUT/leaflet/images/"
cp leaflet-1.9.4/LICENSE "$OUT/leaflet/LICENSE"
mkdir -p "$OUT/topojson-client"
cp topojson-client-3.1.0/dist/topojson-client.min.js "$OUT/topojson-client/"
cp topojson-client-3.1.0/LICENSE "$OUT/topojson-client/LICENSE"
mkdir -p "$OUT/world-atlas"
cp world-atlas-2.0.2/LICENSE "$OUT/world-atlas/LICENSE"
python3 "$ROOT/tools/patch_borders.py" world-atlas-2.0.2/countries-50m.json "$OUT/world-atlas/countries-50m-un.json"
cat > "$OUT/SOURCE.md" <<'MD'
# Vendored web assets (rebuilt by `bash tools/vendor_assets.sh`; do not edit by hand)

| file | npm package | license |
|---|---|---|
| `leaflet/leaflet.js`, `leaflet/leaflet.css`, `leaflet/images/` | leaflet 1.9.4 (`dist/`) | BSD-2-Clause, `leaflet/LICENSE` |
| `topojson-client/topojson-client.min.js` | topojson-client 3.1.0 (`dist/`) | ISC, `topojson-client/LICENSE` |
| `world-atlas/countries-50m-un.json` | world-atlas 2.0.2 `countries-50m.json` (Natural Earth 1:50m, public domain) | ISC (packaging), `world-atlas/LICENSE` |

`countries-50m-un.json` is patched by `tools/patch_borders.py`: Natural Earth draws Crimea inside Russia;
the patch moves Crimea's polygon to Ukraine, as recognised by UN General Assembly resolution 68/262, and drops
the `land` object, which the dashboard does not use.
MD
echo "vendored into $OUT" >&2
