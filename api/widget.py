"""The chat widget's script, served as it is (widget/widget.js): a site puts a public
assistant on its pages with one script tag. No key in it, nothing to build."""

from __future__ import annotations

from flask import Blueprint, Response

from api.openapi import Responses, document
from config import PROJECT_ROOT

bp = Blueprint("widget", __name__)
SCRIPT = PROJECT_ROOT / "widget" / "widget.js"


@bp.get("/widget.js")
@document(resp=Responses(HTTP_200=None), tags=["public"])
def widget_script() -> Response:
    """The widget (JavaScript): `<script src=".../widget.js" data-assistant="asst_..."
    async></script>`; see docs/widget.md."""
    response = Response(SCRIPT.read_bytes(), mimetype="text/javascript")
    response.headers["Cache-Control"] = "public, max-age=300"
    # Any site may load the script; what it may then ask is the assistant's rule.
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
