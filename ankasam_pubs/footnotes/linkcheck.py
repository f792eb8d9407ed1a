"""Find the dead links among the sources cited by live analyses.

Plain functions and frozen dataclasses, no output: the ``check_footnote_links``
management command parses options and prints. Only ``http``/``https`` URLs are ever
requested; anything else is reported as unusable without touching the network. Nothing
here writes to the database.

* :func:`collect_links` reads the notes of live analysis pages (drafts are skipped);
* :func:`check_url` checks one URL (``HEAD``, then ``GET`` if ``HEAD`` is refused);
* :func:`check_all` checks distinct URLs with bounded concurrency;
* :func:`build_report` groups the dead (and redirected) citations per page.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urldefrag, urlsplit, urlunsplit

from django.utils.encoding import iri_to_uri
from wagtail.models import Page

from ..registry import analysis_models

USER_AGENT = "ankasam-pubs-linkcheck/1.0"
SCHEMES = ("http", "https")
#: Statuses some servers give a HEAD request they do not support; GET is tried next.
HEAD_REFUSED = frozenset({400, 403, 405, 406, 501})
#: A GET reads no more of the body than this.
MAX_BODY_BYTES = 4096
DEFAULT_TIMEOUT = 10.0
DEFAULT_CONCURRENCY = 8
MAX_REDIRECTS = 10


class LinkError(StrEnum):
    """Why a link is dead."""

    HTTP = "http"  # the final answer was a status >= 400
    TIMEOUT = "timeout"
    REFUSED = "refused"  # connection refused
    DNS = "dns"  # host name not resolved
    TLS = "tls"  # certificate or handshake failure
    REDIRECT = "redirect"  # a loop, too many hops, or a redirect to a non-HTTP URL
    SCHEME = "scheme"  # not an http(s) URL: never requested
    INVALID = "invalid"  # not a usable URL: never requested
    CONNECTION = "connection"  # reset, closed, malformed answer…


@dataclass(frozen=True)
class LinkResult:
    """What checking one URL found. ``final_url`` is set only when a redirect moved it."""

    url: str
    status: int | None = None
    final_url: str = ""
    error: LinkError | None = None
    detail: str = ""
    method: str = ""  # the request that decided the result: "HEAD", "GET" or "" (none)

    @property
    def dead(self) -> bool:
        return self.error is not None

    @property
    def redirected(self) -> bool:
        return bool(self.final_url)

    @property
    def reason(self) -> str:
        """A short English reason ("HTTP 404", "timed out"); "" for a live link."""
        if self.error is None:
            return ""
        if self.error == LinkError.HTTP:
            return f"HTTP {self.status}"
        fixed = {
            LinkError.TIMEOUT: "timed out",
            LinkError.REFUSED: "connection refused",
            LinkError.DNS: "host not found",
            LinkError.SCHEME: "not an http(s) URL",
        }
        if self.error in fixed:
            return fixed[self.error]
        label = {
            LinkError.TLS: "TLS error",
            LinkError.REDIRECT: "redirect error",
            LinkError.INVALID: "invalid URL",
            LinkError.CONNECTION: "connection error",
        }[self.error]
        return f"{label}: {self.detail}" if self.detail else label


@dataclass(frozen=True)
class CitedLink:
    """One URL cited by one note of a page."""

    url: str
    note_uid: str
    note_number: int | None
    source_title: str = ""


@dataclass(frozen=True)
class PageLinks:
    """The URLs a live analysis cites, in note order."""

    page_id: int
    title: str
    url_path: str
    url: str  # the public URL (relative on the page's own site), or url_path
    locale: str
    links: tuple[CitedLink, ...] = ()


@dataclass(frozen=True)
class PageReport:
    page: PageLinks
    dead: tuple[tuple[CitedLink, LinkResult], ...] = ()
    redirected: tuple[tuple[CitedLink, LinkResult], ...] = ()


@dataclass(frozen=True)
class Report:
    pages: tuple[PageReport, ...]  # only pages with a dead or redirected link
    links_checked: int  # distinct URLs
    pages_checked: int  # pages citing at least one URL
    pages_scanned: int  # live pages looked at, with or without URLs
    dead: int  # distinct dead URLs
    redirected: int  # distinct live URLs that redirect elsewhere


# -- collecting ----------------------------------------------------------------------------


def live_analysis_pages(*, locale: str | None = None, page_id: int | None = None):
    """Live analysis pages (any concrete analysis class, private ones included)."""
    models = analysis_models()
    if not models:
        return Page.objects.none()
    pages = Page.objects.live().type(*models)
    if locale is not None:
        pages = pages.filter(locale__language_code=locale)
    if page_id is not None:
        pages = pages.filter(pk=page_id)
    return (
        pages.select_related("locale").order_by("locale__language_code", "title", "pk").specific()
    )


def page_links(page) -> PageLinks:
    """The cited URLs of one analysis page, numbered as the page numbers its notes."""
    numbering = page.get_numbering()
    links = []
    for note in page.get_notes():
        number = numbering.number_of(note.uid)
        for source in note.get_sources():
            if source.url:
                links.append(CitedLink(source.url, note.uid, number, source.title))
    return PageLinks(
        page_id=page.pk,
        title=page.title,
        url_path=page.url_path,
        url=page.get_url() or page.url_path,
        locale=page.locale.language_code,
        links=tuple(links),
    )


def collect_links(*, locale: str | None = None, page_id: int | None = None) -> list[PageLinks]:
    """Every live analysis in scope with the URLs it cites (pages without URLs included)."""
    return [page_links(page) for page in live_analysis_pages(locale=locale, page_id=page_id)]


def distinct_urls(pages: Iterable[PageLinks]) -> list[str]:
    return list(dict.fromkeys(link.url for page in pages for link in page.links))


# -- checking one URL ------------------------------------------------------------------------


class UnusableURL(ValueError):
    def __init__(self, error: LinkError, detail: str = ""):
        super().__init__(detail)
        self.error = error
        self.detail = detail


def request_url(url: str) -> str:
    """``url`` as sent on the wire: IDNA host, percent-encoded path, no fragment.

    Raises :class:`UnusableURL` for anything that is not an absolute http(s) URL.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError as error:
        raise UnusableURL(LinkError.INVALID, str(error)) from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise UnusableURL(LinkError.SCHEME, scheme)
    host = parts.hostname
    if not host:
        raise UnusableURL(LinkError.INVALID, "no host")
    try:
        port = parts.port
    except ValueError:
        raise UnusableURL(LinkError.INVALID, "bad port") from None
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise UnusableURL(LinkError.INVALID, "bad host name") from None
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    netloc = f"{host}:{port}" if port is not None else host
    path = iri_to_uri(parts.path or "/")
    query = iri_to_uri(parts.query)
    return urlunsplit((scheme, netloc, path, query, ""))


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects keeping HEAD a HEAD, and only to http(s) URLs."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise urllib.error.HTTPError(
                newurl, code, f"redirect to a non-HTTP URL {newurl}", headers, fp
            )
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


def _opener() -> urllib.request.OpenerDirector:
    """HTTP(S) only: no file:, ftp: or data: handlers (proxies from the environment)."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _RedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _failure(url: str, method: str, error: BaseException) -> LinkResult:
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, BaseException):
            return _failure(url, method, reason)
        return LinkResult(url, error=LinkError.CONNECTION, detail=str(reason), method=method)
    if isinstance(error, TimeoutError):
        kind, detail = LinkError.TIMEOUT, ""
    elif isinstance(error, ConnectionRefusedError):
        kind, detail = LinkError.REFUSED, ""
    elif isinstance(error, socket.gaierror):
        kind, detail = LinkError.DNS, ""
    elif isinstance(error, ssl.SSLError | ssl.CertificateError):
        kind, detail = LinkError.TLS, getattr(error, "reason", None) or str(error)
    elif isinstance(error, http.client.InvalidURL | UnicodeError):
        kind, detail = LinkError.INVALID, str(error)
    else:
        kind = LinkError.CONNECTION
        detail = str(error) or type(error).__name__
    return LinkResult(url, error=kind, detail=str(detail), method=method)


def _request(url: str, method: str, timeout: float, opener) -> LinkResult:
    # Only http(s) URLs get here (see request_url), and the opener has no other handler.
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            if method == "GET":
                response.read(MAX_BODY_BYTES)
            status, final = response.status, response.geturl()
    except urllib.error.HTTPError as error:
        status, final = error.code, error.geturl() or url
        error.close()
        if status < 400:  # a redirect urllib would not follow: a loop, no Location…
            return LinkResult(
                url, status, error=LinkError.REDIRECT, detail=str(error.reason), method=method
            )
    except (OSError, http.client.HTTPException, ValueError) as error:
        return _failure(url, method, error)
    return LinkResult(
        url,
        status,
        final_url=final if final != url else "",
        error=LinkError.HTTP if status >= 400 else None,
        method=method,
    )


def check_url(url: str, timeout: float = DEFAULT_TIMEOUT) -> LinkResult:
    """Check one URL: HEAD first, GET (a few KB at most) when HEAD is refused.

    ``timeout`` applies to each blocking socket operation (connect, each read).
    """
    try:
        target = request_url(url)
    except UnusableURL as error:
        return LinkResult(url, error=error.error, detail=error.detail)
    opener = _opener()
    result = _request(target, "HEAD", timeout, opener)
    if result.status in HEAD_REFUSED:
        result = _request(target, "GET", timeout, opener)
    final_url = result.final_url
    if final_url == target or final_url == url:
        final_url = ""
    return LinkResult(
        url,
        result.status,
        final_url=final_url,
        error=result.error,
        detail=result.detail,
        method=result.method,
    )


# -- checking many ---------------------------------------------------------------------------

Progress = Callable[[int, int, LinkResult], None]


def check_all(
    urls: Iterable[str],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Progress | None = None,
    checker: Callable[[str, float], LinkResult] = check_url,
) -> dict[str, LinkResult]:
    """Check each distinct URL once, ``concurrency`` at a time; results keyed by URL.

    URLs differing only by their fragment are one request. ``progress(done, total,
    result)`` is called in the calling thread after each check.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    by_key: dict[str, list[str]] = {}
    for url in urls:
        key = urldefrag(url.strip())[0]
        group = by_key.setdefault(key, [])
        if url not in group:
            group.append(url)
    results: dict[str, LinkResult] = {}
    total = len(by_key)
    if not total:
        return results
    with ThreadPoolExecutor(max_workers=min(concurrency, total)) as pool:
        futures = {pool.submit(checker, group[0], timeout): group for group in by_key.values()}
        for done, future in enumerate(as_completed(futures), start=1):
            group = futures[future]
            result = future.result()
            for url in group:
                results[url] = result if url == result.url else _for_url(result, url)
            if progress is not None:
                progress(done, total, result)
    return results


def _for_url(result: LinkResult, url: str) -> LinkResult:
    return LinkResult(
        url,
        result.status,
        final_url=result.final_url,
        error=result.error,
        detail=result.detail,
        method=result.method,
    )


# -- the report ------------------------------------------------------------------------------


def build_report(pages: Iterable[PageLinks], results: dict[str, LinkResult]) -> Report:
    pages = list(pages)
    reports = []
    for page in pages:
        dead, redirected = [], []
        for link in page.links:
            result = results.get(link.url)
            if result is None:
                continue
            if result.dead:
                dead.append((link, result))
            elif result.redirected:
                redirected.append((link, result))
        if dead or redirected:
            reports.append(PageReport(page, tuple(dead), tuple(redirected)))
    checked = {url: results[url] for url in distinct_urls(pages) if url in results}
    return Report(
        pages=tuple(reports),
        links_checked=len(checked),
        pages_checked=sum(1 for page in pages if page.links),
        pages_scanned=len(pages),
        dead=sum(1 for result in checked.values() if result.dead),
        redirected=sum(1 for result in checked.values() if result.redirected and not result.dead),
    )


def report_as_dict(
    report: Report, describe: Callable[[LinkResult], str] = lambda result: result.reason
) -> dict:
    """The report as JSON-ready data; ``describe`` words each reason (e.g. translated)."""

    def entry(link: CitedLink, result: LinkResult) -> dict:
        return {
            "note_number": link.note_number,
            "note_uid": link.note_uid,
            "source_title": link.source_title,
            "url": link.url,
            "final_url": result.final_url or None,
            "status": result.status,
            "error": str(result.error) if result.error else None,
            "reason": describe(result) if result.dead else "",
        }

    return {
        "summary": {
            "links_checked": report.links_checked,
            "pages_checked": report.pages_checked,
            "pages_scanned": report.pages_scanned,
            "dead": report.dead,
            "redirected": report.redirected,
        },
        "pages": [
            {
                "id": item.page.page_id,
                "title": item.page.title,
                "url_path": item.page.url_path,
                "url": item.page.url,
                "locale": item.page.locale,
                "dead": [entry(link, result) for link, result in item.dead],
                "redirected": [entry(link, result) for link, result in item.redirected],
            }
            for item in report.pages
        ],
    }
