"""Thin MkDocs adapters over the content core: one package per plugin."""
