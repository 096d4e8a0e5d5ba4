"""Deskbook: customer-service knowledge as YAML, rendered into a training site and a printed handbook.

The content core (``load``, ``model``, ``check``, ``manual``) knows nothing about MkDocs; the adapters in
``mkdocs_plugins`` translate MkDocs events into calls of the core and of the renderers in ``site`` and
``handbook``.
"""

__version__ = "0.1.0"
