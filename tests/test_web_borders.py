"""The vendored outlines show internationally recognised borders: Crimea is part of Ukraine."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
VENDORED = ROOT / "redline" / "web" / "static" / "vendor" / "world-atlas" / "countries-50m-un.json"


def patch_borders() -> ModuleType:
    spec = importlib.util.spec_from_file_location("patch_borders", ROOT / "tools" / "patch_borders.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outer_rings_containing(tool: ModuleType, topo: dict, country: str, lon: float, lat: float) -> int:
    geometry = next(g for g in topo["objects"]["countries"]["geometries"] if g.get("id") == country)
    return sum(tool.contains(tool.ring_points(topo, polygon[0]), lon, lat) for polygon in tool.polygons(geometry))


def test_web_borders_crimea_is_in_ukraine() -> None:
    tool = patch_borders()
    topo = json.loads(VENDORED.read_text("utf-8"))
    for lon, lat in [(34.10, 44.95), (33.52, 44.62), (36.47, 45.36)]:  # Simferopol, Sevastopol, Kerch
        assert outer_rings_containing(tool, topo, tool.UKRAINE, lon, lat) == 1
        assert outer_rings_containing(tool, topo, tool.RUSSIA, lon, lat) == 0
    assert outer_rings_containing(tool, topo, tool.RUSSIA, 37.62, 55.75) == 1  # Moscow stays in Russia
    assert outer_rings_containing(tool, topo, tool.UKRAINE, 30.52, 50.45) == 1  # Kyiv


def test_web_borders_merge_rings_drops_the_shared_boundary() -> None:
    tool = patch_borders()
    # Ukraine's ring runs 281, 282, 283; Crimea's runs ~282 (the isthmus, backwards), 639.
    assert tool.merge_rings([281, 282, 283], [~282, 639]) == [283, 281, 639]
