"""Exporters: the report (numretire.report.build) rendered in one format each. A new format is one
module and one line here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# format -> (module under numretire.exporters, function taking the report and returning bytes)
FORMATS: dict[str, str] = {
    "md": "markdown",
    "html": "html_page",
    "json": "json_doc",
    "csv": "csv_table",
}


def renderer(fmt: str) -> Callable[[dict[str, Any]], bytes]:
    import importlib

    return importlib.import_module(f"numretire.exporters.{FORMATS[fmt]}").render
