"""numretire: retire a mobile phone number safely."""

__version__ = "0.1.0"
