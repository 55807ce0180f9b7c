"""redline: conflict news in, grounded escalation intelligence out."""

__version__ = "0.1.0"
