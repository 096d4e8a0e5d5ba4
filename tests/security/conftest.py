"""Fixtures the security browser tests share: the session's browser comes from tests/conftest.py."""
