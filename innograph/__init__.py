"""innograph: who leads and who participates in Chinese innovation policy."""

__version__ = "0.1.0"
