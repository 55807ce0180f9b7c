"""Patch Natural Earth outlines (world-atlas TopoJSON) to internationally recognised borders.

Natural Earth draws Crimea inside Russia. UN General Assembly resolution 68/262 affirms Ukraine's
territorial integrity within its internationally recognised borders, which include Crimea, so this moves
Crimea's polygon from Russia (ISO 3166 numeric 643) to Ukraine (804) and merges it into Ukraine's outline.

Crimea is identified as the one polygon of Russia whose outer ring contains Simferopol (34.10 E, 44.95 N)
and whose bounding box lies inside 32-37 E, 44-47 N; the script also checks that the polygon shares its
boundary with Ukraine only (the Perekop isthmus), and fails loudly if the data ever stops matching.

    python tools/patch_borders.py countries-50m.json countries-50m-un.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SIMFEROPOL = (34.10, 44.95)
CRIMEA_BOX = (32.0, 44.0, 37.0, 47.0)
RUSSIA, UKRAINE = "643", "804"


def decode_arc(topo: dict[str, Any], index: int) -> list[tuple[float, float]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in topo["arcs"][~index if index < 0 else index]:
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points[::-1] if index < 0 else points


def ring_points(topo: dict[str, Any], ring: list[int]) -> list[tuple[float, float]]:
    return [p for index in ring for p in decode_arc(topo, index)]


def contains(points: list[tuple[float, float]], x: float, y: float) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    return [geometry["arcs"]] if geometry["type"] == "Polygon" else list(geometry["arcs"])


def merge_rings(a: list[int], b: list[int]) -> list[int]:
    """Join two rings that share one contiguous run of arcs (traversed in opposite directions)."""
    shared = {i for i in a if ~i in b}
    if not shared:
        raise SystemExit("patch_borders: Crimea shares no boundary with Ukraine's outline")

    def rotate_after_run(ring: list[int], run: set[int]) -> list[int]:
        start = next(k for k, i in enumerate(ring) if i in run and ring[k - 1] not in run)
        rotated = ring[start:] + ring[:start]
        rest = [i for i in rotated if i not in run]
        if rotated[: len(rotated) - len(rest)] != [i for i in rotated if i in run]:
            raise SystemExit("patch_borders: the shared boundary is not one contiguous run of arcs")
        return rest

    return rotate_after_run(a, shared) + rotate_after_run(b, {~i for i in shared})


def patch(topo: dict[str, Any]) -> dict[str, Any]:
    countries = {g.get("id"): g for g in topo["objects"]["countries"]["geometries"]}
    russia, ukraine = countries[RUSSIA], countries[UKRAINE]
    candidates = []
    for polygon in polygons(russia):
        points = ring_points(topo, polygon[0])
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        in_box = CRIMEA_BOX[0] <= min(xs) and max(xs) <= CRIMEA_BOX[2] and CRIMEA_BOX[1] <= min(ys) <= CRIMEA_BOX[3]
        if in_box and contains(points, *SIMFEROPOL):
            candidates.append(polygon)
    if len(candidates) != 1:
        raise SystemExit(f"patch_borders: expected one Crimea polygon in Russia, found {len(candidates)}")
    crimea = candidates[0]
    ukraine_polygons = polygons(ukraine)
    for other in topo["objects"]["countries"]["geometries"]:
        if other.get("id") not in (RUSSIA, UKRAINE) and any(
            ~i in ring for poly in polygons(other) for ring in poly for i in crimea[0]
        ):
            raise SystemExit(f"patch_borders: Crimea also borders {other['properties']['name']}")
    host = next(p for p in ukraine_polygons if any(~i in p[0] for i in crimea[0]))
    host[0] = merge_rings(host[0], crimea[0])
    host.extend(crimea[1:])
    russia_polygons = [p for p in polygons(russia) if p is not crimea]
    russia["type"], russia["arcs"] = "MultiPolygon", russia_polygons
    ukraine["type"], ukraine["arcs"] = "MultiPolygon", ukraine_polygons
    topo["objects"] = {"countries": topo["objects"]["countries"]}
    if contains(ring_points(topo, host[0]), *SIMFEROPOL) is False:
        raise SystemExit("patch_borders: Simferopol is not inside Ukraine after the patch")
    return topo


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    topo = patch(json.loads(source.read_text("utf-8")))
    target.write_text(json.dumps(topo, separators=(",", ":")), encoding="utf-8")
    print(f"patch_borders: Crimea moved from Russia to Ukraine in {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
