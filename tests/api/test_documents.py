"""The admin document API: uploads become background jobs recorded in Redis."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient

from tests.api.conftest import KEY_A, ask
from tests.app_fixtures import services_of
from tests.knowledge.files import pdf_bytes

ADMIN = {"X-API-Key": "admin-key"}


@pytest.fixture
def docs_app(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Flask:
    return make_app(qdrant=empty_qdrant)


def wait_for_job(client: FlaskClient, job_id: str) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = client.get(f"/v1/documents/jobs/{job_id}", headers=ADMIN).get_json()
        if job["status"] in ("completed", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish: {job}")


def upload_json(client: FlaskClient, title: str, text: str, source: str | None = None,
                replace: bool = False):  # type: ignore[no-untyped-def]  # fmt: skip
    body = {
        "title": title,
        "text": text,
        "replace": replace,
        **({"source": source} if source else {}),
    }
    return client.post("/v1/documents", json=body, headers=ADMIN)


def test_json_upload_is_ingested_in_the_background(docs_app: Flask) -> None:
    client = docs_app.test_client()
    response = upload_json(client, "Parking rules", "# Parking rules\n\nVisitors park in bay C "
                           "behind the library, from 8 am to 6 pm.")  # fmt: skip
    assert response.status_code == 202
    accepted = response.get_json()
    assert accepted["status"] == "pending" and response.headers["Location"].endswith(
        accepted["job_id"]
    )
    job = wait_for_job(client, accepted["job_id"])
    assert job["status"] == "completed" and job["embedded"] >= 1 and job["errors"] == []
    answer = ask(client, "Where do visitors park?", conversation="parking").get_json()
    assert answer["found"] and "bay C" in answer["answer"]
    assert answer["citations"][0]["title"] == "Parking rules"


def test_multipart_upload_of_a_pdf(docs_app: Flask) -> None:
    client = docs_app.test_client()
    data = {
        "file": (io.BytesIO(pdf_bytes(["The boiler is serviced every October."])), "boiler.pdf")
    }
    response = client.post(
        "/v1/documents", data=data, headers=ADMIN, content_type="multipart/form-data"
    )
    assert response.status_code == 202
    job = wait_for_job(client, response.get_json()["job_id"])
    assert job["status"] == "completed"
    listed = client.get("/v1/documents", headers=ADMIN).get_json()["documents"]
    assert [(d["source"], d["chunks"]) for d in listed] == [("boiler.pdf", 1)]


def test_a_csv_price_list_is_answered_row_by_row(docs_app: Flask) -> None:
    """A spreadsheet export in Windows-1252 with semicolons, as Excel writes it in
    Europe: each row is quoted with its column names."""
    client = docs_app.test_client()
    sheet = "Product;Price;Stock\nGarden hose 20 m;24,90 €;in stock\nWatering can;9,50 €;sold out\n"
    response = multipart(client, [(sheet.encode("cp1252"), "prices.csv")])
    assert response.status_code == 202
    assert wait_for_job(client, response.get_json()["job_id"])["status"] == "completed"
    answer = ask(client, "How much is the watering can?", conversation="csv").get_json()
    assert answer["found"], answer["answer"]
    assert "Product: Watering can; Price: 9,50 €; Stock: sold out." in answer["answer"]
    assert answer["citations"][0]["source"] == "prices.csv"


def test_reupload_embeds_nothing_and_delete_removes_the_document(docs_app: Flask) -> None:
    client = docs_app.test_client()
    text = "# Keys\n\nThe spare keys are in the safe in room 12."
    first = wait_for_job(client, upload_json(client, "Keys", text, "keys.md").get_json()["job_id"])
    assert upload_json(client, "Keys", text, "keys.md").status_code == 409  # a second copy
    again = wait_for_job(
        client, upload_json(client, "Keys", text, "keys.md", replace=True).get_json()["job_id"]
    )
    assert first["embedded"] == 1 and again["embedded"] == 0 and again["unchanged"] == 1
    document_id = again["document_id"]
    deleted = client.delete(f"/v1/documents/{document_id}", headers=ADMIN)
    assert deleted.status_code == 200 and deleted.get_json()["chunks"] == 1
    assert client.get("/v1/documents", headers=ADMIN).get_json()["documents"] == []
    assert client.delete(f"/v1/documents/{document_id}", headers=ADMIN).status_code == 404


def test_a_bad_file_fails_its_job_with_the_reason(docs_app: Flask) -> None:
    client = docs_app.test_client()
    data = {"file": (io.BytesIO(b"%PDF-1.4 not really"), "broken.pdf")}
    response = client.post(
        "/v1/documents", data=data, headers=ADMIN, content_type="multipart/form-data"
    )
    job = wait_for_job(client, response.get_json()["job_id"])
    assert job["status"] == "failed" and "broken.pdf" in job["errors"][0]


def test_upload_limits_and_types(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant, max_upload_bytes=2048).test_client()
    too_big = {"file": (io.BytesIO(b"x" * 5000), "big.md")}
    response = client.post(
        "/v1/documents", data=too_big, headers=ADMIN, content_type="multipart/form-data"
    )
    assert (
        response.status_code == 413 and response.get_json()["error"]["code"] == "payload_too_large"
    )
    exe = {"file": (io.BytesIO(b"MZ"), "tool.exe")}
    response = client.post(
        "/v1/documents", data=exe, headers=ADMIN, content_type="multipart/form-data"
    )
    assert response.status_code == 415 and ".exe" in response.get_json()["error"]["message"]
    assert upload_json(client, "", "text").status_code == 422
    no_file = client.post("/v1/documents", data={"title": "x"}, headers=ADMIN,
                          content_type="multipart/form-data")  # fmt: skip
    assert no_file.status_code == 422


def test_document_api_needs_an_admin_key(docs_app: Flask) -> None:
    client = docs_app.test_client()
    assert client.get("/v1/documents", headers=KEY_A).status_code == 403
    assert client.get("/v1/documents").status_code == 401
    assert client.get("/v1/documents/jobs/" + "0" * 32, headers=ADMIN).status_code == 404


def test_jobs_survive_a_restart(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> None:
    # The first process accepts the upload and dies before running it...
    stopped = make_app(qdrant=empty_qdrant, run_jobs=False, checkpoint_prefix="restart-jobs")
    job_id = upload_json(stopped.test_client(), "Fire drill",
                         "# Fire drill\n\nThe assembly point is the car park by gate 2.").get_json()["job_id"]  # fmt: skip
    assert (
        stopped.test_client()
        .get(f"/v1/documents/jobs/{job_id}", headers=ADMIN)
        .get_json()["status"]
        == "pending"
    )
    # It had got as far as starting the job: the record says "processing".
    services_of(stopped).documents.jobs.update(job_id, status="processing")
    # ...and the next process (same Redis) finds the job and finishes it.
    restarted = make_app(qdrant=empty_qdrant, checkpoint_prefix="restart-jobs")
    client = restarted.test_client()
    client.get("/health")  # the service (and its job runner) starts with the first request
    job = wait_for_job(client, job_id)
    assert job["status"] == "completed" and job["embedded"] == 1


def multipart(client: FlaskClient, files: list[tuple[bytes, str]], **form: str):  # type: ignore[no-untyped-def]
    data: dict = {"file": [(io.BytesIO(content), name) for content, name in files], **form}
    return client.post(
        "/v1/documents", data=data, headers=ADMIN, content_type="multipart/form-data"
    )


def test_multipart_fields_are_validated_like_json(docs_app: Flask) -> None:
    client = docs_app.test_client()
    text = b"# Doc\n\nSome words about the garden shed."
    for form in (
        {"source": "bad\x01name.md"},
        {"source": "a" * 10_000 + ".md"},
        {"title": "t" * 100_000},
    ):
        response = multipart(client, [(text, "doc.md")], **form)
        assert response.status_code == 422, form
    assert upload_json(client, "t" * 100_000, "text").status_code == 422


def test_binary_content_under_a_text_name_is_415(docs_app: Flask) -> None:
    client = docs_app.test_client()
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06" * 20
    for content in (bytes(range(256)) * 8, png):
        response = multipart(client, [(content, "notes.md")])
        assert response.status_code == 415 and "binary" in response.get_json()["error"]["message"]
    fake_pdf = multipart(client, [(b"just text", "report.pdf")])
    assert fake_pdf.status_code == 415
    bom_only = multipart(client, [(b"\xff\xfe", "empty.txt")])
    assert bom_only.status_code == 422 and "empty" in bom_only.get_json()["error"]["message"]
    assert client.get("/v1/documents", headers=ADMIN).get_json()["documents"] == []


def test_a_windows_unicode_text_file_is_read_as_written(docs_app: Flask) -> None:
    """Notepad's "Unicode" is UTF-16 with a byte-order mark: its NUL bytes are text."""
    client = docs_app.test_client()
    written = "Wi-Fi for guests: the password is Espiga2026, the router is in the back office.\r\n"
    response = multipart(client, [(written.encode("utf-16"), "wifi.txt")])
    assert response.status_code == 202, response.get_json()
    assert wait_for_job(client, response.get_json()["job_id"])["status"] == "completed"
    answer = ask(client, "What is the guest Wi-Fi password?", conversation="wifi").get_json()
    assert answer["found"] and "Espiga2026" in answer["answer"], answer


def test_a_second_document_with_the_same_source_is_409_unless_replaced(docs_app: Flask) -> None:
    client = docs_app.test_client()
    first = multipart(client, [(b"# Keys\n\nThe keys are in room 12.", "keys.md")])
    assert first.status_code == 202 and first.get_json()["replaced"] is False
    wait_for_job(client, first.get_json()["job_id"])
    second = multipart(client, [(b"# Keys\n\nThe keys moved to room 14.", "keys.md")])
    assert second.status_code == 409 and "replace=true" in second.get_json()["error"]["message"]
    replaced = multipart(
        client, [(b"# Keys\n\nThe keys moved to room 14.", "keys.md")], replace="true"
    )
    body = replaced.get_json()
    assert replaced.status_code == 202 and body["replaced"] is True and body["version"] == 2
    job = wait_for_job(client, body["job_id"])
    assert job["status"] == "completed" and job["document_id"] == first.get_json()["document_id"]
    listed = client.get("/v1/documents", headers=ADMIN).get_json()
    assert [d["source"] for d in listed["documents"]] == ["keys.md"] and listed["request_id"]


def test_an_upload_of_exactly_the_limit_is_accepted(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant, max_upload_bytes=2048).test_client()
    content = b"# Big\n\n" + b"word " * ((2048 - 7) // 5)
    content += b"x" * (2048 - len(content))
    assert multipart(client, [(content, "big.md")]).status_code == 202
    assert multipart(client, [(content + b"x", "bigger.md")]).status_code == 413


def test_a_separate_worker_process_type_runs_the_jobs(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient, embeddings
) -> None:
    """With INGESTION_IN_API=false the API only records jobs; a worker runs them."""
    import threading

    from worker import run_worker

    app = make_app(qdrant=empty_qdrant, ingestion_in_api=False)
    client = app.test_client()
    accepted = upload_json(client, "Bike shed", "# Bike shed\n\nBikes go in the shed by gate 4.")
    time.sleep(1.5)  # longer than a runner's poll: nobody in the API takes it
    job_url = f"/v1/documents/jobs/{accepted.get_json()['job_id']}"
    assert client.get(job_url, headers=ADMIN).get_json()["status"] == "pending"

    stop = threading.Event()
    settings = services_of(app).settings
    worker = threading.Thread(
        target=run_worker,
        kwargs={
            "settings": settings,
            "stop": stop,
            "qdrant": empty_qdrant,
            "embeddings": embeddings,
        },
    )
    worker.start()
    try:
        job = wait_for_job(client, accepted.get_json()["job_id"])
        assert job["status"] == "completed" and job["embedded"] >= 1
        answer = ask(client, "Where do bikes go?", conversation="bikes").get_json()
        assert answer["found"] and "gate 4" in answer["answer"]
        documents = client.get("/v1/documents", headers=ADMIN).get_json()["documents"]
        assert [d["title"] for d in documents] == ["Bike shed"]
    finally:
        stop.set()
        worker.join(timeout=30)
    assert not worker.is_alive()


def test_the_worker_refuses_embedded_qdrant(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(root / "worker.py")],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "QDRANT_URL": "", "DATA_DIR": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 2
    assert "needs a Qdrant server (set QDRANT_URL)" in done.stderr
