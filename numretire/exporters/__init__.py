"""Exporters: a report or a calendar made from plain data, one module per format."""
