"""The Draftail side of note references: editor entity and its conversion rules.

Imported from ``wagtail_hooks`` only: it needs Wagtail's admin, which needs models.
"""

from django.utils.translation import gettext_lazy as _
from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineEntityElementHandler
from wagtail.admin.rich_text.editors.draftail import features as draftail_features

from .richtext import ENTITY_TYPE, FEATURE, LINKTYPE, NoteLinkHandler


class NoteReferenceElementHandler(InlineEntityElementHandler):
    mutability = "IMMUTABLE"

    def get_attribute_data(self, attrs):
        return {"note": attrs.get("id", "")}


def note_reference_entity(props):
    return DOM.create_element(
        "a", {"linktype": LINKTYPE, "id": props.get("note", "")}, props["children"]
    )


def register_feature(features) -> None:
    features.register_link_type(NoteLinkHandler)
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        draftail_features.EntityFeature(
            {
                "type": ENTITY_TYPE,
                "icon": "doc-full",
                "description": str(_("Note reference")),
                "label": "[n]",
            },
            js=["ankasam_pubs/js/note-ref-draftail.js"],
            css={"all": ["ankasam_pubs/css/note-ref-draftail.css"]},
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FEATURE,
        {
            "from_database_format": {
                f'a[linktype="{LINKTYPE}"]': NoteReferenceElementHandler(ENTITY_TYPE)
            },
            "to_database_format": {"entity_decorators": {ENTITY_TYPE: note_reference_entity}},
        },
    )
