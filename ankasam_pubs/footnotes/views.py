"""Admin view: paste a legacy notes list into an analysis (saved as a new draft revision)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Page

from .legacy_import import apply_legacy_notes, preview_rows


class LegacyNotesForm(forms.Form):
    notes = forms.CharField(
        label=gettext_lazy("Notes list"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=gettext_lazy(
            'Paste the old list, e.g. “[1] "Title", Outlet, url, (Date of Accession: '
            "15.03.2023).” Plain text or HTML copied from Word or WordPress."
        ),
    )
    link_markers = forms.BooleanField(
        label=gettext_lazy("Link the [1], [2]… markers in the text to the new notes"),
        required=False,
        initial=True,
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


def paste_legacy_notes(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not hasattr(page, "note_fields") or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    # As Wagtail's edit view: a page locked against this user (by someone else, by a
    # workflow, by a scheduled publication) is not changed here either.
    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(request, lock.get_message(request.user))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    draft = page.get_latest_revision_as_object()
    form = LegacyNotesForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        result = apply_legacy_notes(
            draft, form.cleaned_data["notes"], link_markers=form.cleaned_data["link_markers"]
        )
        if form.cleaned_data["confirm"] and result.created:
            # One transaction: Wagtail 7's save_revision writes the revision, the page and
            # the log entry separately; a failure between them must leave nothing behind.
            with transaction.atomic():
                draft.save_revision(user=request.user, log_action=True)
            messages.success(
                request,
                ngettext(
                    "%(count)d note added and %(linked)d marker linked; saved as a draft.",
                    "%(count)d notes added and %(linked)d markers linked; saved as a draft.",
                    len(result.created),
                )
                % {"count": len(result.created), "linked": result.linked},
            )
            for problem in result.problems:
                messages.warning(request, _problem_text(problem))
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        # First submission (or nothing parsed): show what would happen, change nothing.
        preview = result
        form = LegacyNotesForm(initial={**form.cleaned_data, "confirm": True})
    return TemplateResponse(
        request,
        "ankasam_pubs/admin/paste_legacy_notes.html",
        {
            "page": page,
            "form": form,
            "preview": preview,
            "rows": preview_rows(preview.parsed) if preview else [],
            "problems": [_problem_text(p) for p in preview.problems] if preview else [],
        },
    )


def _problem_text(problem) -> str:
    if problem.line:
        return _("Line %(line)s: %(reason)s “%(text)s”") % {
            "line": problem.line,
            "reason": problem.reason,
            "text": problem.text,
        }
    return f"{problem.reason} “{problem.text}”"
