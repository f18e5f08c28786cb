"""Clio: turn history revision notes into a complete, offline study kit."""

from clio.errors import ClioError, InputError

__all__ = ["ClioError", "InputError", "__version__"]
__version__ = "0.1.0"
