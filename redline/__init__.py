"""redline: conflict news in, grounded escalation intelligence out.

    >>> import redline
    >>> brief = redline.analyze(text, title="...", published="2024-11-19")
    >>> brief.to_dict()["threats"]
"""

from __future__ import annotations

from redline.errors import RedlineError
from redline.models import Brief, RawDocument, Skip
from redline.settings import Settings
from redline.store import Store, open_store

__version__ = "0.1.0"
__all__ = ["Brief", "RedlineError", "Settings", "Skip", "Store", "__version__", "analyze", "open_store"]


def analyze(text: str, *, title: str | None = None, url: str | None = None, published: str | None = None,
            settings: Settings | None = None) -> Brief:
    """The brief of one article text; raises IngestError when the text cannot be analysed."""
    from redline.ingest import normalize
    from redline.pipeline import Context, analyze_article

    ctx = Context.load(settings or Settings.load())
    article = normalize(RawDocument(origin="<text>", text=text, title=title, url=url, published=published),
                        ctx.settings)
    return analyze_article(article, ctx)

