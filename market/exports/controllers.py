"""HTTP routes of the exports: what is on offer, and one export as a CSV download (the bureau and admins)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from litestar import Controller, get
from litestar.openapi.spec import OpenAPIFormat, OpenAPIMediaType, OpenAPIResponse, OpenAPIType, Operation
from litestar.openapi.spec import Schema as OpenAPISchema
from litestar.params import Parameter, QueryParameter
from litestar.response import Stream

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role
from market.accounts.policy import EXPORT_ROLES
from market.core.i18n import pick_language, translate
from market.core.schemas import Limit, Offset, Page, QueryId
from market.exports.filters import Filters, read_day
from market.exports.registry import EXPORTS
from market.exports.schemas import ExportOffer, ExportRecordOut
from market.exports.services import export_log, take_export
from market.exports.xlsx import XLSX_MEDIA_TYPE

__all__ = ["ExportController"]

_DAY = "a day on the market's clocks, YYYY-MM-DD (included)"
DayFrom = Annotated[str | None, QueryParameter(name="from", description=_DAY)]
DayTo = Annotated[str | None, QueryParameter(name="to", description=_DAY)]
District = Annotated[str | None, Parameter(min_length=1, max_length=50)]
Language = Annotated[Literal["zh-CN", "en"] | None, Parameter(
    description="the header row's language; by default the request's Accept-Language")]
FileName = Annotated[str, Parameter(max_length=80, description="`orders.csv`, `jobs.csv`, `contracts.csv`, "
                                                               "`warnings.csv`, `cases.csv`, and each as `.xlsx`")]


@dataclass
class _CsvOrXlsx(Operation):
    """The export route's OpenAPI operation: its 200 answer is a CSV or, for a `.xlsx` name, a workbook."""

    def __post_init__(self) -> None:
        answer = (self.responses or {}).get("200")
        if isinstance(answer, OpenAPIResponse):
            binary = OpenAPISchema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
            answer.content = {kind: OpenAPIMediaType(schema=binary) for kind in ("text/csv", XLSX_MEDIA_TYPE)}
            answer.description = "The export: CSV for a `.csv` name, an .xlsx workbook for a `.xlsx` name."


def _language(request: AuthedRequest, lang: str | None) -> str:
    return lang or pick_language(request.headers.get("accept-language"))


class ExportController(Controller):
    """CSV exports of the raw lists (and, registered by the figures, of each figure), masked and logged."""

    path = "/api/exports"
    tags = ["exports"]
    guards = [requires_role(*sorted(EXPORT_ROLES))]

    @get("/", operation_id="ListExports")
    async def list_all(self, request: AuthedRequest, lang: Language = None, limit: Limit = 50,
                       offset: Offset = 0) -> Page[ExportOffer]:
        """The exports on offer, with their titles and header rows in the reader's language."""
        language = _language(request, lang)
        offers = [ExportOffer(name=f"{e.name}.csv", xlsx=f"{e.name}.xlsx",
                              title=translate(f"exports.name.{e.name}", language), filters=sorted(e.filters),
                              columns=[c.header(language) for c in e.columns])
                  for e in EXPORTS.values()]
        return Page(items=offers[offset:offset + limit], total=len(offers), limit=limit, offset=offset)

    @get("/log", operation_id="ListExportRecords")
    async def log(self, limit: Limit = 50, offset: Offset = 0) -> Page[ExportRecordOut]:
        """The export log, newest first: who took which export, with which filters, how many rows, what personal
        data it showed in full, and when (append-only; the bureau and admins read it)."""
        records, total = await export_log(limit, offset)
        return Page(items=records, total=total, limit=limit, offset=offset)

    # No media_type here: Litestar lets the handler's override the Stream's own, and an .xlsx is no CSV.
    @get("/{name:str}", operation_id="TakeExport", operation_class=_CsvOrXlsx)
    async def take(self, name: FileName, request: AuthedRequest, day_from: DayFrom = None, day_to: DayTo = None,
                   district: District = None, station_id: QueryId = None, lang: Language = None) -> Stream:
        """One export as CSV (UTF-8 with BOM, header row in the reader's language), streamed, or as .xlsx (typed
        cells); recorded in the export log with the reader, the filters and the row count (`X-Export-Rows`)."""
        filters = Filters(day_from=read_day("from", day_from), day_to=read_day("to", day_to), district=district,
                          station_id=station_id)
        download = await take_export(request.user, name, filters, _language(request, lang))
        return Stream(download.body, media_type=download.media_type, headers={
            "Content-Disposition": f'attachment; filename="{download.filename}"',
            "Cache-Control": "private, no-store", "X-Export-Rows": str(download.rows),
            "X-Export-Record": str(download.record_id)})
