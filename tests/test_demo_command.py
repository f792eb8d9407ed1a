"""The demo command on a fresh database: the login it prints and the Site it sets."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_prints_the_admin_login(db, capsys, settings):
    # scripts/demo sets WAGTAILADMIN_BASE_URL from PORT; the login follows it.
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8765"
    call_command("load_demo_content")
    out = capsys.readouterr().out
    assert "Admin login: http://127.0.0.1:8765/admin/  user admin  password ankasam-demo" in out
    assert "8000" not in out
    assert get_user_model().objects.get(username="admin").check_password("ankasam-demo")


def test_the_site_follows_the_port_on_every_run(db, settings, client):
    """Absolute URLs come from the Wagtail Site: a demo restarted on another PORT must
    not keep linking to the first one."""
    from wagtail.models import Site

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8765"
    call_command("load_demo_content", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8765"
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:9123"
    call_command("load_demo_content", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:9123"
    html = client.get("/en/analysis/").content.decode()
    assert 'href="http://127.0.0.1:9123/en/analysis/"' in html
