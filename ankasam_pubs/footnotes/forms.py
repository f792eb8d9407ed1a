"""Validation of note references when an editor saves an analysis."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from ..registry import NOTES, notes_model
from ..text import isolate, plain_text
from .numbering import iter_rich_texts, source_of
from .richtext import reference_places


def live_note_uids(formset) -> list[str]:
    """Keys of the notes the editor is saving (deleted ones excluded).

    The page form is cleaned before its formsets, so validate the formset here; a note
    with other errors still counts with the key it was submitted with.
    """
    formset.is_valid()
    uids = []
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            continue
        data = getattr(form, "cleaned_data", None) or {}
        uid = data.get("uid") or form.data.get(form.add_prefix("uid"), "")
        if uid and (data or form.has_changed() or form.instance.pk):
            uids.append(uid)
    return uids


def dangling_message(
    uid: str, elsewhere: dict[str, tuple[str, str]], places: list[tuple[int, str]] = ()
) -> str:
    """Says which reference (it shows as [?] in the editor), where, and what it cites."""
    where = "; ".join(
        _("paragraph %(number)d, “%(words)s”") % {"number": number, "words": isolate(words)}
        for number, words in places
        if number
    )
    if uid in elsewhere:
        note, page = elsewhere[uid]
        message = _(
            "A reference [?] points to the note “%(note)s” of the page “%(page)s”, which "
            "this page does not have (key %(key)s). Add the note to this page or remove "
            "the reference."
        ) % {"note": isolate(note), "page": isolate(page), "key": uid}
    else:
        message = _(
            "A reference [?] points to a note that does not exist (key %(key)s). Add the "
            "note or remove the reference."
        ) % {"key": uid}
    if where:
        message = _("%(where)s: %(message)s") % {"where": capfirst(where), "message": message}
    return message


class NotesPageForm(WagtailAdminPageForm):
    """Refuses references to notes the page does not have, naming each one."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get(NOTES) if hasattr(self, "formsets") else None
        if formset is None:
            return cleaned_data
        uids = live_note_uids(formset)
        duplicates = sorted({uid for uid in uids if uids.count(uid) > 1})
        for uid in duplicates:
            self.add_error(
                None,
                ValidationError(
                    _("Two notes share the reference key %(key)s; give one of them a new key.")
                    % {"key": uid}
                ),
            )
        self._refuse_empty_notes(formset)
        known = set(uids)
        deleted = self._deleted_notes(formset)
        fields = getattr(self.instance, "note_fields", ())
        for name in fields:
            if name not in cleaned_data:
                continue
            missing: list[str] = []
            places: dict[str, list[tuple[int, str]]] = {}
            texts = [source_of(text) for text in iter_rich_texts([cleaned_data[name]])]
            for uid, number, words in reference_places(texts):
                if uid not in known:
                    if uid not in missing:
                        missing.append(uid)
                    places.setdefault(uid, []).append((number, words))
            if missing:
                # A note deleted in this form is not "elsewhere": it is this page's own.
                for uid in [uid for uid in missing if uid in deleted]:
                    self.add_error(name, self._restore(formset, deleted[uid]))
                    missing.remove(uid)
                elsewhere = self._notes_elsewhere(missing)
                for uid in missing:
                    self.add_error(name, dangling_message(uid, elsewhere, places[uid][:3]))
        return cleaned_data

    def _refuse_empty_notes(self, formset) -> None:
        """A note with no source and no comment would print as a blank numbered line."""
        position = 0
        for form in formset.forms:
            if formset.can_delete and formset._should_delete_form(form):
                continue
            data = getattr(form, "cleaned_data", None)
            if not data:
                continue  # an untouched extra form, or one with errors of its own
            position += 1
            sources = data.get("sources") or []
            if len(sources) or plain_text([data.get("comment") or ""]).strip():
                continue
            message = _(
                "Note %(position)d in the Notes panel has neither a source nor a comment: "
                "fill it in or delete it."
            ) % {"position": position}
            form.add_error("comment", message)
            self.add_error(None, message)

    @staticmethod
    def _deleted_notes(formset) -> dict:
        """The notes this form deletes, by key."""
        deleted = {}
        for form in formset.forms:
            if formset.can_delete and formset._should_delete_form(form) and form.instance.pk:
                deleted[form.instance.uid] = form
        return deleted

    @staticmethod
    def _restore(formset, form) -> str:
        """Put back a deleted note that the text still references (the form is shown
        again with the note in place), and say why."""
        data = formset.data.copy()  # the request's data is immutable
        data[form.add_prefix("DELETE")] = ""
        formset.data = data
        for each in formset.forms:
            each.data = data
        return _(
            "The note “%(note)s” is still referenced in the text, so it was not deleted. "
            "Remove its references first, then delete the note."
        ) % {"note": type(form.instance).objects.filter(pk=form.instance.pk).first()}

    def _notes_elsewhere(self, uids: list[str]) -> dict[str, tuple[str, str]]:
        """Where pasted references came from, so the message can say so."""
        model = notes_model(type(self.instance))
        found = {}
        for note in model.objects.filter(uid__in=uids).select_related("page")[:50]:
            found.setdefault(note.uid, (str(note), note.page.title))
        return found
