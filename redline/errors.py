"""Errors raised by redline. Every message reads ``<input>: <problem> (<what to do>)``.

    RedlineError
    ├── SourceError          a source cannot be read (missing file, directory, bad encoding)
    │   └── FetchError       a URL cannot be fetched (HTTP error, timeout, refused address, too big)
    ├── IngestError          a document was read but is not analysable (empty, binary, language, size)
    ├── ModelNotInstalled    the spaCy model package is missing
    ├── ConfigError          a setting is unknown or has a bad value
    ├── StoreError           the store cannot be opened or written
    │   └── MigrationError   the schema cannot be brought to the current version
    └── RunnerError          the worker pool cannot run (bad worker count, a worker died)
"""

from __future__ import annotations


class RedlineError(Exception):
    """Base of every error redline raises on purpose."""


class SourceError(RedlineError):
    pass


class FetchError(SourceError):
    pass


class IngestError(RedlineError):
    pass


class ModelNotInstalled(RedlineError):
    pass


class ConfigError(RedlineError):
    pass


class StoreError(RedlineError):
    pass


class MigrationError(StoreError):
    pass


class RunnerError(RedlineError):
    pass
