"""The dashboard and REST API (the ``redline[web]`` extra): ``create_app(settings, store) -> FastAPI``.

    from redline.web.app import create_app
    app = create_app(settings, store)      # serve with uvicorn

Importing ``redline.web`` itself needs no extra; ``require_web()`` names the install command when
FastAPI or uvicorn is missing.
"""

from __future__ import annotations

import importlib

from redline.errors import RedlineError

__all__ = ["WEB_EXTRA", "require_web"]

WEB_EXTRA = "pip install 'redline[web]'"


def require_web(what: str = "redline serve") -> None:
    """Raise RedlineError naming the install command if a package of the web extra is missing."""
    for name in ("fastapi", "uvicorn"):
        try:
            importlib.import_module(name)
        except ImportError:
            raise RedlineError(f"{what}: the web extra is not installed ({WEB_EXTRA})") from None
