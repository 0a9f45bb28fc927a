"""Document uploads, validated the same way whether they come as multipart files or as
JSON: the source and title rules, the size limit, and content that matches its type."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app, request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from api.audit_trail import audit_now
from api.deps import get_services
from api.errors import ApiError
from api.requests import form_flag, json_body
from knowledge.documents.attributes import BadAttributes, validated
from knowledge.documents.loaders import (
    DocumentParseError,
    UnsupportedFormatError,
    decode_text,
    kind_of,
)

SOURCE_PATTERN = r"^[^\x00-\x1f\x7f]+$"
TEXT_KINDS = ("markdown", "text", "html", "csv")
MAGIC = {
    "pdf": (b"%PDF",), "docx": (b"PK\x03\x04",), "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "image": (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"RIFF"),
}  # fmt: skip
MAX_FILES = 20
# What an upload route may answer besides success: a malformed request (400), an unknown
# knowledge base (404), a source that exists (409), too large (413), not a document kind
# it reads (415), invalid fields (422), the job queue unavailable (503).
UPLOAD_ERRORS = (400, 404, 409, 413, 415, 422, 503)


class DocumentFields(BaseModel):
    """What describes an uploaded document, for either route."""

    model_config = ConfigDict(extra="forbid")

    source: str | None = Field(None, min_length=1, max_length=500, pattern=SOURCE_PATTERN)
    title: str | None = Field(None, min_length=1, max_length=300, pattern=SOURCE_PATTERN)
    metadata: dict[str, Any] = Field(
        default_factory=dict,
        description="the document's own fields, kept on every chunk and usable as chat "
        'filters: {"category": "contracts", "year": 2024}',
    )
    replace: bool = False

    @field_validator("metadata", mode="before")
    @classmethod
    def attributes(cls, value: Any) -> dict[str, Any]:
        try:
            return validated(value)
        except BadAttributes as exc:
            raise ValueError(str(exc)) from exc


class DocumentIn(DocumentFields):
    """A document sent as JSON: Markdown or plain text (`title` and `text`), or a file of
    any kind the service reads (`filename` and `content_base64`)."""

    title: str | None = Field(None, min_length=1, max_length=300, pattern=SOURCE_PATTERN)
    text: str | None = Field(None, min_length=1)
    filename: str | None = Field(None, min_length=1, max_length=500, pattern=SOURCE_PATTERN)
    content_base64: str | None = Field(None, min_length=1)

    @model_validator(mode="after")
    def one_document(self) -> DocumentIn:
        if (self.text is None) == (self.content_base64 is None):
            raise ValueError("send either `title` and `text`, or `filename` and `content_base64`")
        if self.text is not None and self.title is None:
            raise ValueError("title: a text document needs a title")
        if self.content_base64 is not None and self.filename is None:
            raise ValueError("filename: content_base64 needs the file's name (its type)")
        return self


@dataclass(frozen=True)
class Upload:
    source: str
    title: str | None
    metadata: dict[str, Any]
    content: bytes
    replace: bool


def parse_uploads() -> list[Upload]:
    """The uploaded documents, or a 413/415/422 naming what is wrong."""
    limit = current_app.config["SETTINGS"].max_upload_bytes
    if (request.content_length or 0) > limit + 64 * 1024:  # multipart framing allowed
        raise ApiError(413, f"uploads are limited to {limit} bytes")
    if request.mimetype == "multipart/form-data":
        uploads = _multipart(limit)
    else:
        # Base64 takes 4 bytes for every 3 of the file.
        body = json_body(limit=limit * 4 // 3 + 64 * 1024)
        uploads = [_json_upload(DocumentIn.model_validate(body), limit)]
    for upload in uploads:
        _check_content(upload)
    return uploads


def _json_upload(document: DocumentIn, limit: int) -> Upload:
    if document.content_base64 is not None:
        try:
            content = base64.b64decode(document.content_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ApiError(422, "content_base64 is not base64") from exc
        if len(content) > limit:
            raise ApiError(413, f"uploads are limited to {limit} bytes")
        source = document.source or Path(document.filename or "").name
        return Upload(source, document.title, document.metadata, content, document.replace)
    source = document.source or f"api/{_slug(document.title or '')}.md"
    if not Path(source).suffix:
        source += ".md"
    text = document.text or ""
    return Upload(source, document.title, document.metadata, text.encode(), document.replace)


def queue_upload(item: Upload, *, org_id: str, kb_id: str) -> dict[str, Any]:
    """Record the document and queue its ingestion (crud.NotFound: no such knowledge base)."""
    job = get_services().documents.upload(
        org_id=org_id,
        kb_id=kb_id,
        source=item.source,
        title=item.title,
        metadata=item.metadata,
        content=item.content,
        replace=item.replace,
    )
    action = "document.replaced" if job["replaced"] else "document.created"
    audit_now(action, "document", job["document_id"],
              {"kb_id": kb_id, "source": item.source, "version": job["version"]})  # fmt: skip
    return job


def _multipart(limit: int) -> list[Upload]:
    files = [
        f for f in request.files.getlist("file") + request.files.getlist("files") if f.filename
    ]
    if not files:
        raise ApiError(422, "send the document in a multipart field named 'file'")
    if len(files) > MAX_FILES:
        raise ApiError(422, f"at most {MAX_FILES} files per upload")
    form = {k: v for k, v in request.form.items() if v != ""}
    if "metadata" in form:
        try:
            form["metadata"] = json.loads(form["metadata"])
        except RecursionError as exc:  # json.loads recurses once per level
            raise ApiError(422, "metadata: nested too deeply (fields hold plain values)") from exc
        except ValueError as exc:
            raise ApiError(422, "metadata: must be a JSON object") from exc
    if "replace" in form:
        form["replace"] = form_flag(form["replace"])
    try:
        fields = DocumentFields.model_validate(form)
    except ValidationError as exc:
        raise ApiError(422, _message(exc)) from exc
    if len(files) > 1 and (fields.source or fields.title):
        raise ApiError(422, "source and title name one document: send one file with them")
    uploads = []
    for upload in files:
        content = upload.read(limit + 1)
        if len(content) > limit:
            raise ApiError(413, f"{upload.filename}: uploads are limited to {limit} bytes")
        source = fields.source or Path(upload.filename or "").name
        try:
            DocumentFields(source=source)
        except ValidationError as exc:
            raise ApiError(422, f"{upload.filename!r}: {_message(exc)}") from exc
        uploads.append(Upload(source, fields.title, fields.metadata, content, fields.replace))
    return uploads


def _check_content(upload: Upload) -> None:
    try:
        kind = kind_of(upload.source)
    except UnsupportedFormatError as exc:
        raise ApiError(415, str(exc)) from exc
    if not upload.content.strip():
        raise ApiError(422, f"{upload.source}: the document is empty")
    if kind in TEXT_KINDS:
        try:  # as the loader will read it: UTF-16 from Windows Notepad is text too
            text = decode_text(upload.content)
        except DocumentParseError as exc:
            raise ApiError(
                415, f"{upload.source}: binary content in a {kind} file ({exc})"
            ) from exc
        if not text.strip():  # a byte-order mark alone
            raise ApiError(422, f"{upload.source}: the document is empty")
    elif not upload.content.startswith(MAGIC[kind]):
        raise ApiError(415, f"{upload.source}: the content is not a {kind.upper()} file")


def _slug(title: str) -> str:
    """The title as a source name: letters and digits of every script ("Столовая", "停车场"
    are names too: reduced to ASCII, every such title became "document" and the second
    was refused as a copy of the first)."""
    return re.sub(r"[\W_]+", "-", title.lower()).strip("-")[:80] or "document"


def _message(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()
    )
