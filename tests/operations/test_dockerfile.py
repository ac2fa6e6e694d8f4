"""The Dockerfile runs what CI runs, and its image holds what the runbook's commands need.
(No Docker engine runs here, so the file is read, not built.)"""

from pathlib import Path

DOCKERFILE = (Path(__file__).resolve().parents[2] / "Dockerfile").read_text()
CI = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text()


def stage(name: str) -> str:
    start = DOCKERFILE.index(f" AS {name}")
    end = DOCKERFILE.find("\nFROM ", start)
    return DOCKERFILE[start : end if end != -1 else None]


def test_the_image_is_built_by_the_make_target_ci_runs():
    assert "make build" in stage("build")
    assert "\nmake build\n" in CI


def test_the_runtime_image_has_pg_dump_for_the_backup_commands():
    runtime = stage("runtime")
    assert "postgresql-client" in runtime


def test_the_runtime_image_runs_gunicorn_as_an_unprivileged_user_with_a_health_check():
    runtime = stage("runtime")
    assert "USER portal" in runtime
    assert "/healthz" in runtime
    assert 'CMD ["gunicorn", "--config", "gunicorn.conf.py"]' in runtime
