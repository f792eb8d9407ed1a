"""The built wheel carries everything a site needs, and the example project runs on it."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=900, **kwargs)


def test_wheel_contents(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [
        "ankasam_pubs/templates/ankasam_pubs/analysis_page.html",
        "ankasam_pubs/templates/ankasam_pubs/includes/translations.html",
        "ankasam_pubs/static/ankasam_pubs/css/ankasam_pubs.css",
        "ankasam_pubs/migrations/0001_initial.py",
        "ankasam_pubs/locale/tr/LC_MESSAGES/django.mo",
        "ankasam_pubs/locale/ru/LC_MESSAGES/django.po",
    ]
    for name in expected:
        assert name in names, name
    assert not any(name.startswith(("tests/", "example_project/")) for name in names)
    # The licence pyproject.toml announces travels with the package.
    licences = [name for name in names if ".dist-info/" in name and name.endswith("LICENSE")]
    assert licences, sorted(names)[-10:]


def test_example_project_checks_and_migrates_against_the_wheel(wheel, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    # Same Django and Wagtail as this run, so the wheel is tested with the versions under test.
    import django
    import wagtail

    run(
        str(python),
        "-m",
        "pip",
        "install",
        "-q",
        str(wheel),
        f"django=={django.__version__}",
        f"wagtail=={wagtail.__version__}",
    )
    env = {
        **{
            k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE")
        },
        "DATABASE_URL": f"sqlite:///{tmp_path / 'wheel.sqlite3'}",
    }
    project = ROOT / "example_project"
    where = run(
        str(python),
        "manage.py",
        "shell",
        "-c",
        "import ankasam_pubs; print(ankasam_pubs.__file__)",
        cwd=project,
        env=env,
    ).stdout
    assert str(venv) in where, where
    run(str(python), "manage.py", "check", "--fail-level", "WARNING", cwd=project, env=env)
    run(str(python), "manage.py", "migrate", "--noinput", cwd=project, env=env)
    run(str(python), "manage.py", "check", "--database", "default", cwd=project, env=env)
