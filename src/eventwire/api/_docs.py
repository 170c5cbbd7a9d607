"""/docs (Swagger UI) and /redoc (ReDoc) from local files only: no CDN, no inline script.

The Swagger UI and ReDoc bundles come from the ``fastapi-offline`` package (a
dependency; MIT, it ships ``swagger-ui-bundle.js``, ``swagger-ui.css`` and
``redoc.standalone.js``) and are served at ``/docs/assets/``; Swagger UI is
started by ``/static/docs.js``. Without that package both pages say so and
point to ``/openapi.json``, which is always served.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs/assets"
_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")

_SWAGGER = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>eventwire API - Swagger UI</title>
  <link rel="icon" href="{ASSETS}/favicon.png">
  <link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="{ASSETS}/swagger-ui-bundle.js"></script>
  <script src="/static/docs.js"></script>
</body>
</html>
"""

_REDOC = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>eventwire API - ReDoc</title>
  <link rel="icon" href="{ASSETS}/favicon.png">
</head>
<body>
  <redoc spec-url="/openapi.json"></redoc>
  <script src="{ASSETS}/redoc.standalone.js"></script>
</body>
</html>
"""

_MISSING = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>eventwire API</title></head>
<body>
  <p>The interactive API documentation needs the <code>fastapi-offline</code> package
  (<code>pip install fastapi-offline</code>); eventwire loads nothing from the internet.</p>
  <p>The API's description is at <a href="/openapi.json">/openapi.json</a>.</p>
</body>
</html>
"""


def asset_dir() -> Traversable | None:
    """The folder with the Swagger UI and ReDoc files, or None when they are not installed."""
    try:
        folder = resources.files("fastapi_offline").joinpath("static")
    except ModuleNotFoundError:
        return None
    return folder if all(folder.joinpath(name).is_file() for name in _FILES) else None


def install_docs(app: FastAPI) -> None:
    """Add /docs, /redoc and their assets to ``app`` (created with ``docs_url=None, redoc_url=None``)."""
    folder = asset_dir()
    if folder is not None:
        app.mount(ASSETS, StaticFiles(directory=str(folder)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return HTMLResponse(_SWAGGER if folder is not None else _MISSING)

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return HTMLResponse(_REDOC if folder is not None else _MISSING)


__all__ = ["ASSETS", "asset_dir", "install_docs"]
