from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from demo.loader import DEMO_PASSWORD, DemoLoader


class Command(BaseCommand):
    help = "Build the demo research centre (idempotent: running it twice changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument(
            "--admin-password",
            default="ankasam-demo",
            help="Password given to the admin account when it is created (demo only).",
        )

    def handle(self, *args, admin_username, admin_password, **options):
        created = DemoLoader(log=self.stdout.write).load()
        User = get_user_model()
        if not User.objects.filter(username=admin_username).exists():
            User.objects.create_superuser(admin_username, "admin@example.org", admin_password)
            created.append("admin user")
            password_note = admin_password
        else:
            password_note = "(unchanged: the account already existed)"
        self.stdout.write(
            self.style.SUCCESS(f"Demo content: {len(created)} objects created.")
            if created
            else "Demo content already loaded: nothing changed."
        )
        # The address the demo is served on: scripts/demo derives it from PORT.
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        self.stdout.write(
            f"Admin login: {admin_url}  user {admin_username}  password {password_note}"
        )
        self.stdout.write(f"The password-protected demo analysis opens with: {DEMO_PASSWORD}")
