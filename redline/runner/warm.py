"""What the process pool's fork server loads once, before it forks the workers (``ProcessRunner``).

The fork server is a fresh Python process with no thread of the parent's (no progress bar, no database pool),
started by ``multiprocessing``; it imports this module, and every worker is forked from it with what it holds.
Without settings it imports the analysis code (spaCy and redline, about a second of CPU per worker saved).
With the settings of the run (``WARM_ENV``: the pickled Settings, set by the parent when it starts the server) it
also loads the pipeline context exactly as a worker would (``intake._context``, ``runner.batch._context``) and
analyses one short text, so that the lexicons and matchers built on the first article are built here, once: each
worker then starts with the model and the gazetteers in memory shared copy-on-write, instead of loading them
(about 3 s of CPU per worker). The worker's results are the same: its context is the one ``_context(settings)``
returns, keyed by equal settings, built the same way.

A failure here only costs the head start: a worker finds its context missing and loads it as before.
"""

from __future__ import annotations

import base64
import gc
import os
import pickle

from redline import intake
from redline.models import Article
from redline.runner import batch
from redline.runner.processes import WARM_ENV
from redline.settings import Settings

WARM_TEXT = ("Russian forces fired missiles at Kyiv on Monday, Ukrainian officials said. "
             "The president warned that the army would respond.")


def warm(settings: Settings) -> None:
    """Load the pipeline context of ``settings`` into this process's caches and analyse one short text."""
    batch._context(settings)
    article = Article(id="warm-up", title="Warm-up", text=WARM_TEXT, url=None, source=None, published=None,
                      language="en", origin="warm-up")
    intake.analyze_works((intake._Work(article, (), settings),))  # the workers' own path, context and all


def _from_env() -> None:
    data = os.environ.get(WARM_ENV)
    if not data:
        return
    try:
        settings = pickle.loads(base64.b64decode(data))  # noqa: S301 - written by the parent process itself
        warm(settings)
    except Exception:  # noqa: BLE001 - no head start: each worker loads its context itself, as with spawn
        return
    gc.freeze()  # the loaded tables stay out of the workers' collections: fewer pages copied after the fork


_from_env()
