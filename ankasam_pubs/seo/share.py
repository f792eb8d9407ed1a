"""Share links: plain URLs of each network's share form. No script, tracker or cookie."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

# name -> (label, url builder). Each builder gets the page's absolute URL and title.
NETWORKS = {
    "x": (
        "X",
        lambda url, title: "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
    ),
    "facebook": (
        "Facebook",
        lambda url, title: "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
    ),
    "linkedin": (
        "LinkedIn",
        lambda url, title: (
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})
        ),
    ),
    "telegram": (
        "Telegram",
        lambda url, title: "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
    ),
    "whatsapp": (
        "WhatsApp",
        lambda url, title: "https://wa.me/?" + urlencode({"text": f"{title} {url}"}),
    ),
    "vk": (
        "VK",
        lambda url, title: "https://vk.com/share.php?" + urlencode({"url": url, "title": title}),
    ),
    "email": (
        _("E-mail"),
        lambda url, title: (
            "mailto:?" + urlencode({"subject": title, "body": url}).replace("+", "%20")
        ),
    ),
}


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str
    opens_window: bool


def share_links(url: str, title: str, networks) -> list[ShareLink]:
    """The configured networks' share URLs for one page, in the configured order."""
    links = []
    for network in networks:
        label, build = NETWORKS[network]
        links.append(
            ShareLink(
                network=network,
                label=str(label),
                href=build(url, title),
                opens_window=network != "email",
            )
        )
    return links
