"""HTTP routes for contracts: metadata, PDF and trail for the parties; verification and the root for anyone."""

from __future__ import annotations

from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK

from market.accounts.auth import PUBLIC_ROUTE, AuthedRequest, session_user
from market.accounts.controllers import _address as client_address  # the login throttle's rule, kept in one place
from market.accounts.throttle import AttemptThrottle
from market.contracts import services
from market.contracts.authority import root_certificate_pem
from market.contracts.schemas import AuditTrail, ContractOut, VerificationOut
from market.contracts.verify_page import verify_page_html
from market.core.errors import Invalid
from market.core.i18n import pick_language
from market.core.schemas import Limit, Offset, Page, PathId

__all__ = ["ContractController", "VerifyPageController"]

MAX_PDF_BYTES = 2 * 1024 * 1024


def _channel(request: Request) -> str:
    return "station" if request.user.is_staff else "app"


class ContractController(Controller):
    """Signed contracts: the parties and staff read them; anyone verifies a PDF or fetches the root certificate."""

    path = "/api/contracts"
    tags = ["contracts"]

    @get("/", operation_id="ListContracts")
    async def list_all(self, request: AuthedRequest, limit: Limit = 20,
                       offset: Offset = 0) -> Page[ContractOut]:
        """The caller's contracts: a worker's own, an employer's jobs', all for staff."""
        return await services.list_contracts(request.user, limit, offset)

    @get("/{contract_id:int}", operation_id="GetContract")
    async def get_one(self, contract_id: PathId, request: AuthedRequest) -> ContractOut:
        """Metadata of a contract (recorded as viewed)."""
        return await services.get_contract(contract_id, request.user, _channel(request))

    @get("/{contract_id:int}/pdf", operation_id="GetContractPdf", media_type="application/pdf")
    async def pdf(self, contract_id: PathId, request: AuthedRequest) -> Response[bytes]:
        """The signed PDF (recorded as downloaded)."""
        name, pdf = await services.contract_pdf(contract_id, request.user, _channel(request))
        return Response(pdf, media_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="{name}"', "Cache-Control": "private"})

    @get("/{contract_id:int}/qr.svg", operation_id="GetContractQr", media_type="image/svg+xml")
    async def qr(self, contract_id: PathId, request: AuthedRequest) -> Response[str]:
        """The contract's QR code (its verify link) as an SVG image, for the screen and the print sheet."""
        svg = await services.contract_qr(contract_id, request.user)
        return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=86400"})

    @get("/{contract_id:int}/audit", operation_id="GetContractAudit")
    async def audit(self, contract_id: PathId, request: AuthedRequest) -> AuditTrail:
        """The audit trail, its hash chain checked as it is read."""
        return await services.get_trail(contract_id, request.user)

    @post("/verify", operation_id="VerifyContract", status_code=HTTP_200_OK, opt=PUBLIC_ROUTE,
          request_max_body_size=MAX_PDF_BYTES)
    async def verify(self, request: Request) -> VerificationOut:
        """Send the PDF as the raw body (`Content-Type: application/pdf`); answers valid or not, with reasons.
        Limited per client address (429 with Retry-After past `LINGGONG_VERIFY_ATTEMPTS_PER_ADDRESS_PER_MINUTE`)."""
        throttle: AttemptThrottle = request.app.state.verify_throttle
        await throttle.check("verify:" + client_address(request))  # its own counts, apart from logins'
        pdf = await request.body()
        if not pdf.startswith(b"%PDF"):
            raise Invalid.field("body", "pdf_required")
        return await services.verify_upload(pdf, pick_language(request.headers.get("accept-language")))

    @get("/root-certificate", operation_id="GetRootCertificate", opt=PUBLIC_ROUTE, media_type="application/x-pem-file")
    async def root_certificate(self) -> Response[bytes]:
        """The platform root certificate (PEM): the trust anchor to check a contract offline."""
        return Response(root_certificate_pem(), media_type="application/x-pem-file",
                        headers={"Content-Disposition": 'attachment; filename="linggong-root.pem"'})


class VerifyPageController(Controller):
    """The public page behind a contract's QR code."""

    path = "/verify"
    include_in_schema = False

    @get("/{token:str}", opt=PUBLIC_ROUTE, media_type="text/html")
    async def page(self, token: FromPath[str], request: Request) -> Response[str]:
        """Number, masked parties, status and hash of the contract behind `token`."""
        viewer = await session_user(request)
        status, html = await verify_page_html(token, request.headers.get("accept-language"),
                                              viewer.id if viewer else None)
        # the complaint box depends on who is signed in: no shared cache may keep one person's page for another
        return Response(html, status_code=status, media_type="text/html",
                        headers={"Cache-Control": "private, no-cache", "Vary": "Cookie, Accept-Language"})
