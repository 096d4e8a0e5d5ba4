"""The ``deskbook/content`` MkDocs plugin: generated pages for every entity of the Manual."""
