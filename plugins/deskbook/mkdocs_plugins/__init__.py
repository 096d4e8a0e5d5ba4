"""Thin MkDocs adapters over the content core: one package per plugin.

They import ``mkdocs.*``, which is ProperDocs when that is the engine (see ``deskbook.engine``): imported
first by either engine, this keeps the engine it finds; imported on its own (``check`` reading the
plugins' options), it takes MkDocs when installed, else ProperDocs.
"""

from .. import engine

engine.use()
