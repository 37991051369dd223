"""The web front end, served from memory: content-hashed URLs, an import map, precompressed bodies and 304s."""

from __future__ import annotations

import gzip
import hashlib
import json
import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import brotli
from litestar import Request, Response, route
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

from market.caching import etag_matches
from market.core.i18n import LANGUAGES
from market.core.messages import FRONT_END_CODES, MESSAGES
from market.core.zone import zone_label
from market.settings import get_settings

__all__ = [
    "CONFIG_ID",
    "IMMUTABLE",
    "REVALIDATE",
    "SERVICE_WORKER",
    "SKIP_COMPRESSION",
    "FrontEnd",
    "find_static_dir",
    "frontend_handlers",
    "shell_config",
]

IMMUTABLE = "public, max-age=31536000, immutable"
"""For a URL that carries the content's version: it can never change, so a phone keeps it a year unasked."""
REVALIDATE = "no-cache"
"""For the app shell and unversioned URLs: keep a copy, but ask (If-None-Match → 304) before each use."""
SKIP_COMPRESSION = "skip_compression"
"""`opt` key that keeps Litestar's compression middleware off answers that are compressed already."""

_PACKAGED = Path(__file__).resolve().parent / "static"
_SHELL = "index.html"
_TEXT_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".json": "application/json",
               ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json"}
# A local reference in the shell's HTML (`href="/app.css"`, `src="/js/app.js"`), to be given its version.
_LOCAL_REF = re.compile(r'(?P<attr>href|src)="(?P<path>/[^"?#:]+)"')
_FIRST_MODULE = re.compile(r'<link rel="modulepreload"|<script type="module"')
SERVICE_WORKER = "/sw.js"
"""The service worker's URL: at the root, so its scope is the whole app; never versioned (browsers check it)."""
CONFIG_ID = "market-config"
"""The id of the shell's JSON block that tells the app what only the server knows (`shell_config`)."""


def shell_config() -> dict[str, Any]:
    """What the web app must know before it draws anything: the market's zone (IANA name, and its name for people
    in each language), in both languages the catalogue's messages it shows for the server or the network, and the
    map tile source if one is configured (`map`: its URL template, datum and credit line; null draws no map)."""
    settings = get_settings()
    tiles = settings.map_tiles and {"tiles": settings.map_tiles, "datum": settings.map_tiles_datum,
                                    "attribution": settings.map_attribution}
    return {"zone": settings.timezone, "zone_label": {language: zone_label(language) for language in LANGUAGES},
            "messages": {code: dict(zip(LANGUAGES, MESSAGES[code], strict=True)) for code in FRONT_END_CODES},
            "map": tiles or None}


def find_static_dir(configured: Path | None) -> Path | None:
    """`LINGGONG_STATIC_DIR` when set, else the front end shipped inside the package (any install serves the UI)."""
    for directory in [configured] if configured else [_PACKAGED]:
        if (directory / _SHELL).is_file():
            return directory
    return None


@dataclass
class Asset:
    """One file of the front end: its bytes, its version and its compressed forms (made on first request)."""

    body: bytes
    media_type: str
    version: str
    compressible: bool
    encoded: dict[str, bytes] = field(default_factory=dict)

    @property
    def etag(self) -> str:
        """A weak validator: equal across encodings of the same content, as If-None-Match compares weakly."""
        return f'W/"{self.version}"'

    def body_for(self, encoding: str) -> bytes:
        """The body in `encoding` (`br`, `gzip` or `identity`), compressed once and kept."""
        if encoding == "identity":
            return self.body
        if encoding not in self.encoded:
            self.encoded[encoding] = (brotli.compress(self.body, quality=11) if encoding == "br"
                                      else gzip.compress(self.body, compresslevel=9, mtime=0))
        return self.encoded[encoding]


def _version(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:16]


def _asset(path: Path, body: bytes) -> Asset:
    suffix = path.suffix.lower()
    media_type = _TEXT_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    textual = media_type.startswith("text/") or suffix in _TEXT_TYPES
    return Asset(body=body, media_type=media_type, version=_version(body), compressible=textual and len(body) > 256)


class FrontEnd:
    """The files of one static directory, keyed by URL path, with the shell rewritten to versioned URLs.

    Every URL the shell names and every `import` between modules carries `?v=<content hash>`: the shell's own
    `href`/`src` are rewritten, and an import map from each module's plain URL to its versioned one makes
    `import './api.js'` inside any module (and the shell's inline `import '/js/app.js'`) load `/js/api.js?v=…`.
    Edit a file and its hash, the import map and so the shell change; nothing else does.
    """

    def __init__(self, directory: Path, config: dict[str, Any] | None = None) -> None:
        self.directory = directory
        self.config = shell_config() if config is None else config
        self._signature: tuple[tuple[str, int, int], ...] = ()
        self._assets: dict[str, Asset] = {}
        self.refresh()

    def _scan(self) -> tuple[tuple[str, int, int], ...]:
        files = sorted(p for p in self.directory.rglob("*") if p.is_file() and not p.name.startswith("."))
        return tuple((p.relative_to(self.directory).as_posix(), (s := p.stat()).st_mtime_ns, s.st_size)
                     for p in files)

    def refresh(self) -> None:
        """Reload when a file was added, removed or changed since the last look (cheap: one stat per file)."""
        signature = self._scan()
        if signature == self._signature:
            return
        assets = {f"/{name}": _asset(self.directory / name, (self.directory / name).read_bytes())
                  for name, _, _ in signature}
        shell = assets.pop(f"/{_SHELL}", None)
        worker = assets.pop(SERVICE_WORKER, None)
        if shell is not None:
            html = _versioned_shell(shell.body.decode("utf-8"), assets, self.config)
            assets[f"/{_SHELL}"] = _asset(Path(_SHELL), html.encode("utf-8"))
            if worker is not None:
                assets[SERVICE_WORKER] = _asset(Path(SERVICE_WORKER), _service_worker(worker.body, assets))
        self._assets, self._signature = assets, signature

    def asset(self, path: str) -> Asset | None:
        """The file served at URL `path` (`/` is the shell), or None; the shell and the service worker are checked
        against the directory first."""
        if path in ("/", f"/{_SHELL}", SERVICE_WORKER):  # the two a phone asks for to learn of a new version
            self.refresh()
            path = f"/{_SHELL}" if path != SERVICE_WORKER else path
        return self._assets.get(path)


def _service_worker(body: bytes, assets: dict[str, Asset]) -> bytes:
    """The service worker with what it must keep filled in: every versioned file's URL, and a version that changes
    whenever any of them (or the shell) does, so a phone installs the new set as soon as it is deployed."""
    urls = [f"{path}?v={asset.version}" for path, asset in sorted(assets.items()) if path != f"/{_SHELL}"]
    version = _version("\n".join([*urls, assets[f"/{_SHELL}"].version]).encode())
    text = body.decode("utf-8").replace("__VERSION__", version).replace(
        "/*PRECACHE*/[]", json.dumps(urls, separators=(",", ":")))
    return text.encode("utf-8")


def _versioned_shell(html: str, assets: dict[str, Asset], config: dict[str, Any]) -> str:
    def versioned(match: re.Match[str]) -> str:
        path = match["path"]
        if path not in assets:
            return match[0]
        return f'{match["attr"]}="{path}?v={assets[path].version}"'

    html = _LOCAL_REF.sub(versioned, html)
    modules = {path: f"{path}?v={asset.version}" for path, asset in sorted(assets.items()) if path.endswith(".js")}
    import_map = f'<script type="importmap">{json.dumps({"imports": modules}, separators=(",", ":"))}</script>\n'
    # Data, not script (a JSON block runs nothing); "</" escaped so no value can close the element.
    data = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    import_map = f'<script type="application/json" id="{CONFIG_ID}">{data}</script>\n' + import_map
    # The import map must come before the first module is requested (a modulepreload counts).
    first = _FIRST_MODULE.search(html)
    at = first.start() if first else html.index("</head>")
    return html[:at] + import_map + html[at:]


def _accepted_encoding(accept_encoding: str) -> str:
    offered: dict[str, float] = {}
    for item in accept_encoding.split(","):
        name, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        offered[name.strip().lower()] = quality
    for encoding in ("br", "gzip"):
        if offered.get(encoding, offered.get("*", 0.0)) > 0:
            return encoding
    return "identity"


def frontend_handlers(front_end: FrontEnd, opt: dict[str, Any]) -> list[Any]:
    """The routes that serve `front_end` at `/`; the API's own paths always win over them."""
    route_opt = {**opt, SKIP_COMPRESSION: True}

    def answer(request: Request[Any, Any, Any], path: str) -> Response[bytes]:
        asset = front_end.asset(path)
        if asset is None:
            raise NotFoundException()
        versioned = path not in ("/", f"/{_SHELL}") and request.query_params.get("v") == asset.version
        headers = {"Cache-Control": IMMUTABLE if versioned else REVALIDATE, "ETag": asset.etag}
        if asset.compressible:
            headers["Vary"] = "Accept-Encoding"
        if etag_matches(request.headers.get("if-none-match"), asset.etag):
            return Response(content=b"", status_code=304, headers=headers)
        encoding = _accepted_encoding(request.headers.get("accept-encoding", "")) if asset.compressible else "identity"
        if encoding != "identity":
            headers["Content-Encoding"] = encoding
        return Response(content=asset.body_for(encoding), media_type=asset.media_type, headers=headers)

    @route("/", http_method=["GET", "HEAD"], name="frontend-shell", include_in_schema=False, opt=route_opt,
           sync_to_thread=False)
    def serve_shell(request: Request[Any, Any, Any]) -> Response[bytes]:
        return answer(request, "/")

    @route("/{file_path:path}", http_method=["GET", "HEAD"], name="frontend", include_in_schema=False,
           opt=route_opt, sync_to_thread=False)
    def serve_file(request: Request[Any, Any, Any], file_path: FromPath[str]) -> Response[bytes]:
        return answer(request, file_path)

    return [serve_shell, serve_file]
