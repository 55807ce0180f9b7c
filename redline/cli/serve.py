"""`redline serve`: the dashboard and REST API over a store."""

from __future__ import annotations

import click

from redline.cli._options import InputError, db_option, load_settings, settings_option
from redline.errors import RedlineError


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep 127.0.0.1 unless others must reach the dashboard.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@settings_option
def serve_cli(db: str | None, host: str, port: int, settings_pairs: tuple[tuple[str, str], ...]) -> None:
    """Serve the dashboard (overview, map, articles, scenarios, ledger, search) and the REST API.

    Everything is served from this machine: no CDN, no map tiles, no network. The API lives under
    /api/v1 (OpenAPI spec at /api/v1/openapi.json); writes need REDLINE_API_TOKEN set on the server and
    sent as "Authorization: Bearer TOKEN". Needs the web extra: pip install 'redline[web]'.

    Example:

        redline serve --db sqlite:///redline.db --port 8000
    """
    from redline.web import require_web

    settings = load_settings(settings_pairs, db)
    try:
        require_web()
        from redline.store import open_store

        store = open_store(settings.db or None)
    except RedlineError as e:
        raise InputError(str(e)) from None
    import uvicorn

    from redline.web.app import create_app

    app = create_app(settings, store)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"redline dashboard on {store.url}: http://{shown}:{port}/  (Ctrl+C to stop)")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()
