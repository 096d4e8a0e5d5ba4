"""The ``deskbook/pdf`` MkDocs plugin: the handbook editions and the desk card, rendered after the build."""
