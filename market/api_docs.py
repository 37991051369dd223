"""The interactive API docs, served with Swagger UI's and Redoc's files from an installed package, never a CDN."""

from __future__ import annotations

import importlib.util
from importlib import metadata
from pathlib import Path
from typing import Any

from litestar import Request, Router
from litestar.datastructures import CacheControlHeader
from litestar.openapi.plugins import JsonRenderPlugin, OpenAPIRenderPlugin, RedocRenderPlugin, SwaggerRenderPlugin
from litestar.static_files import create_static_files_router

__all__ = ["ASSETS_PATH", "docs_assets_router", "render_plugins"]

# fastapi-offline is the registry package that carries Swagger UI 5 and Redoc as plain files; we read its folder and
# never import it (importing it would load FastAPI). Its version is in the URL, so the files are cached for good.
_PACKAGE = "fastapi_offline"
_ASSETS_DIR = Path(next(iter(importlib.util.find_spec(_PACKAGE).submodule_search_locations or []))) / "static"  # type: ignore[union-attr]
ASSETS_PATH = f"/api/docs/assets/{metadata.version('fastapi-offline')}"
_NO_PRESET = f"{ASSETS_PATH}/no-standalone-preset.js"


class _OfflineSwagger(SwaggerRenderPlugin):
    """Swagger UI from our own files. The page Litestar writes uses the base layout, so the standalone preset's
    script (which the package does not carry) is left out instead of loaded."""

    def render(self, request: Request, openapi_schema: dict[str, Any]) -> bytes:
        """Litestar's page without the script tag of the preset."""
        return super().render(request, openapi_schema).replace(
            f'<script src="{_NO_PRESET}" crossorigin></script>'.encode(), b"")


def render_plugins() -> list[OpenAPIRenderPlugin]:
    """Swagger UI at /api/docs, Redoc at /api/docs/redoc, the schema at /api/docs/openapi.json."""
    favicon = f"<link rel='icon' type='image/png' href='{ASSETS_PATH}/favicon.png'>"
    swagger = _OfflineSwagger(path="/", js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
                              css_url=f"{ASSETS_PATH}/swagger-ui.css", standalone_preset_js_url=_NO_PRESET,
                              favicon=favicon)
    redoc = RedocRenderPlugin(path="/redoc", js_url=f"{ASSETS_PATH}/redoc.standalone.js", google_fonts=False,
                              favicon=favicon)
    return [swagger, redoc, JsonRenderPlugin()]


def docs_assets_router(opt: dict[str, Any], file_system: Any = None) -> Router:
    """The docs pages' scripts, styles and icon, cached for a year (the URL changes with the package's version)."""
    return create_static_files_router(
        path=ASSETS_PATH, directories=[_ASSETS_DIR], file_system=file_system, opt=opt, include_in_schema=False,
        name="docs-assets",
        cache_control=CacheControlHeader(public=True, max_age=31536000, immutable=True))
