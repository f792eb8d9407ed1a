/* ankasam-pubs: the "Note reference" entity of Wagtail's Draftail editor.
   The toolbar button opens a list of the page's notes; the chosen note is inserted as an
   immutable entity. References show their real number, computed in document order over
   every rich-text field of the form, exactly as the published page numbers them. */
(function () {
  "use strict";
  var React = window.React;
  var DraftJS = window.DraftJS;
  var ENTITY = "NOTE_REF";
  var STRINGS = {
    title: "Reference a note", cancel: "Cancel", dialog: "Choose a note", note: "Note %(number)s",
    empty: "Add a note in the Notes panel first, then reference it here.",
    missing: "This note is not on the page.",
  };
  var translated = false;
  function strings() {
    // Read once: renumbering (every edit) asks for the words too.
    var node = translated ? null : document.getElementById("ap-note-ref-strings");
    if (node) {
      try { Object.assign(STRINGS, JSON.parse(node.textContent)); } catch (e) { /* keep defaults */ }
      translated = true;
    }
    return STRINGS;
  }

  function noteForms() {
    // The page's notes inline panel: one child form per note, each with its key input.
    var inputs = document.querySelectorAll('input[name^="notes-"][name$="-uid"]');
    var notes = [];
    inputs.forEach(function (input) {
      var prefix = input.name.slice(0, -"-uid".length);
      var deleted = document.querySelector('input[name="' + prefix + '-DELETE"]');
      if (deleted && deleted.value && deleted.value !== "false" && deleted.value !== "") return;
      if (!input.value) return;
      var panel = input.closest("[data-inline-panel-child], .w-panel, li") || input.parentElement;
      var label = "";
      if (panel) {
        var title = panel.querySelector('input[name*="-title"]');
        var container = panel.querySelector('input[name*="-container_title"]');
        var comment = panel.querySelector('input[name$="-comment"]');
        label = (title && title.value) || (container && container.value) ||
          (comment && comment.value.replace(/<[^>]*>/g, "").slice(0, 80)) || "";
      }
      notes.push({ uid: input.value, label: label });
    });
    return notes;
  }

  function referencedOrder() {
    var order = [];
    document.querySelectorAll("[data-ap-note-ref]").forEach(function (el) {
      var uid = el.getAttribute("data-ap-note-ref");
      if (order.indexOf(uid) === -1) order.push(uid);
    });
    noteForms().forEach(function (note) {
      if (order.indexOf(note.uid) === -1) order.push(note.uid);
    });
    return order;
  }

  function renumber() {
    var order = referencedOrder();
    var labels = {};
    noteForms().forEach(function (n) { labels[n.uid] = n.label; });
    var words = strings();
    document.querySelectorAll("[data-ap-note-ref]").forEach(function (el) {
      var uid = el.getAttribute("data-ap-note-ref");
      var missing = !Object.prototype.hasOwnProperty.call(labels, uid);
      var number = missing ? "?" : String(order.indexOf(uid) + 1);
      el.setAttribute("data-ap-number", number);
      el.classList.toggle("ap-note-ref--missing", missing);
      // Hovering a reference says which note it is, as the chooser lists it.
      var name = missing ? "" : labels[uid] || words.note.replace("%(number)s", number);
      el.setAttribute("title", missing ? words.missing : "[" + number + "] " + name);
    });
  }

  var scheduled = false;
  function scheduleRenumber() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      renumber();
    });
  }
  new MutationObserver(scheduleRenumber).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["value"],
  });
  document.addEventListener("input", scheduleRenumber);

  // New inline notes are cloned from a template: give each its own key.
  function freshKey() {
    var bytes = new Uint8Array(4);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function ensureUniqueKeys() {
    var seen = {};
    document.querySelectorAll('input[name^="notes-"][name$="-uid"]').forEach(function (input) {
      if (input.name.indexOf("__prefix__") !== -1) return;
      if (!input.value || seen[input.value]) input.value = freshKey();
      seen[input.value] = true;
    });
  }
  document.addEventListener("w-formset:added", ensureUniqueKeys);
  document.addEventListener("DOMContentLoaded", ensureUniqueKeys);
  new MutationObserver(ensureUniqueKeys).observe(document.documentElement, { childList: true, subtree: true });

  function NoteSource(props) {
    var editorState = props.editorState;
    var entityType = props.entityType;
    var onComplete = props.onComplete;
    var onClose = props.onClose;
    var notes = noteForms();
    var words = strings();
    var order = referencedOrder();

    function choose(uid) {
      var content = editorState.getCurrentContent();
      var withEntity = content.createEntity(entityType.type, "IMMUTABLE", { note: uid });
      var key = withEntity.getLastCreatedEntityKey();
      // Insert after the selection (never over the editor's selected words).
      var selection = editorState.getSelection();
      var end = selection.merge({
        anchorKey: selection.getEndKey(), anchorOffset: selection.getEndOffset(),
        focusKey: selection.getEndKey(), focusOffset: selection.getEndOffset(), isBackward: false,
      });
      var inserted = DraftJS.Modifier.insertText(withEntity, end, "*", null, key);
      var next = DraftJS.EditorState.push(editorState, inserted, "insert-characters");
      onComplete(next);
      scheduleRenumber();
    }

    var h = React.createElement;
    var items = notes.length
      ? notes.map(function (note) {
          return h("li", { key: note.uid },
            h("button", { type: "button", className: "button button-small button-secondary ap-note-choice",
              "data-note": note.uid, onClick: function () { choose(note.uid); } },
              "[" + (order.indexOf(note.uid) + 1) + "] " +
              (note.label || words.note.replace("%(number)s", order.indexOf(note.uid) + 1))));
        })
      : [h("li", { key: "none" }, words.empty)];
    // Rendered into <body>: the editor's wrapper must not clip or cover the dialog.
    return window.ReactDOM.createPortal(h("div", { className: "ap-note-chooser", role: "dialog", "aria-modal": "true", "aria-label": words.dialog },
      h("div", { className: "ap-note-chooser__box" },
        h("h2", null, words.title),
        h("ol", null, items),
        h("button", { type: "button", className: "button button-secondary", onClick: onClose }, words.cancel))),
      document.body);
  }

  function NoteDecorator(props) {
    var data = props.contentState.getEntity(props.entityKey).getData();
    return React.createElement("span", {
      className: "ap-note-ref", "data-ap-note-ref": data.note, "data-ap-number": "?",
    }, props.children);
  }

  window.draftail.registerPlugin({ type: ENTITY, source: NoteSource, decorator: NoteDecorator }, "entityTypes");
})();
