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
    untitled: "(no source yet)", unreferenced: "not referenced in the text",
    more: "More fields (%(count)s)", fewer: "Fewer fields",
    newNote: "New note", newTitle: "Title of the source", add: "Add and reference",
    ibid: "Same source as previous (Ibid.)",
    confirmDelete: "Note [%(number)s] “%(label)s” is referenced in the text (%(count)s). Delete it anyway?",
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

  function liveSources(child) {
    // The note's source blocks still on the form (a deleted block keeps its inputs).
    var blocks = [];
    child.querySelectorAll(".ap-source-block").forEach(function (block) {
      var title = block.querySelector('[name$="-value-title"]');
      if (!title) return;
      var prefix = title.name.slice(0, -"-value-title".length);
      var deleted = document.querySelector('input[name="' + prefix + '-deleted"]');
      if (deleted && deleted.value === "1") return;
      blocks.push({ block: block, prefix: prefix });
    });
    return blocks;
  }

  function value(scope, prefix, name) {
    var input = scope.querySelector('[name="' + prefix + "-value-" + name + '"]');
    return input ? input.value.trim() : "";
  }

  function summary(child) {
    // Who, what and where, as an editor tells two notes apart (first source; a
    // comment-only note by its first words). Not a citation: the page formats those.
    var sources = liveSources(child);
    if (sources.length) {
      var first = sources[0];
      var author = value(first.block, first.prefix, "authors").split("\n")[0].split(",")[0].trim();
      var title = value(first.block, first.prefix, "title") ||
        value(first.block, first.prefix, "container_title");
      var locator = value(first.block, first.prefix, "locator");
      var kind = first.block.querySelector('[name="' + first.prefix + '-value-locator_label"]');
      var parts = [author, title].filter(Boolean);
      if (locator) {
        var label = kind && kind.selectedIndex >= 0 ? kind.options[kind.selectedIndex].text : "";
        parts.push((label && label !== "---------" ? label + " " : "") + locator);
      }
      var text = parts.join(", ");
      if (sources.length > 1) text += " (+" + (sources.length - 1) + ")";
      if (text) return text;
    }
    var comment = child.querySelector('input[name$="-comment"]');
    if (comment && comment.value) {
      try {
        // Draftail keeps its contentstate JSON in the hidden input.
        var state = JSON.parse(comment.value);
        return (state.blocks || []).map(function (b) { return b.text; }).join(" ").trim().slice(0, 80);
      } catch (e) {
        return comment.value.replace(/<[^>]*>/g, "").slice(0, 80);
      }
    }
    return "";
  }

  function noteForms() {
    // The page's notes inline panel: one child form per note, each with its key input.
    var inputs = document.querySelectorAll('input[name^="notes-"][name$="-uid"]');
    var notes = [];
    inputs.forEach(function (input) {
      var prefix = input.name.slice(0, -"-uid".length);
      var deleted = document.querySelector('input[name="' + prefix + '-DELETE"]');
      if (deleted && deleted.value && deleted.value !== "false" && deleted.value !== "") return;
      if (!input.value || input.name.indexOf("__prefix__") !== -1) return;
      var child = input.closest("[data-inline-panel-child]");
      notes.push({ uid: input.value, label: child ? summary(child) : "", child: child });
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
    headPanels(order, words);
  }

  function headPanels(order, words) {
    // Each note in the Notes panel is headed by the number it has in the text now.
    var cited = {};
    document.querySelectorAll("[data-ap-note-ref]").forEach(function (el) {
      cited[el.getAttribute("data-ap-note-ref")] = true;
    });
    noteForms().forEach(function (note) {
      var heading = note.child && note.child.querySelector("[data-panel-heading-text]");
      if (!heading) return;
      var word = heading.firstChild;
      if (word && word.nodeType === Node.TEXT_NODE && word.data.trim()) {
        // Wagtail 7.0 prints the label ("note") as it is; 8 capitalises it.
        var text0 = word.data.trim();
        var capital = text0.charAt(0).toLocaleUpperCase() + text0.slice(1);
        if (word.data !== capital) word.data = capital;
      }
      var span = heading.querySelector(".ap-note-summary");
      if (!span) {
        span = document.createElement("span");
        span.className = "ap-note-summary";
        heading.appendChild(span);
      }
      var number = order.indexOf(note.uid) + 1;
      var text = " [" + number + "] " + (note.label || words.untitled);
      if (!cited[note.uid]) text += " — " + words.unreferenced;
      if (span.textContent !== text) span.textContent = text;
      note.child.classList.toggle("ap-note--unreferenced", !cited[note.uid]);
    });
  }

  // Secondary source fields stay out of the way until filled or asked for.
  var SECONDARY = ["publisher", "volume", "issue", "pages", "doi", "locator_label"];
  function tidySources() {
    var words = strings();
    document.querySelectorAll(".ap-source-block").forEach(function (block) {
      var any = block.querySelector('[name$="-value-title"]');
      if (!any || any.name.indexOf("__prefix__") !== -1) return;
      var prefix = any.name.slice(0, -"-value-title".length);
      var hidden = 0;
      SECONDARY.forEach(function (name) {
        var input = block.querySelector('[name="' + prefix + "-value-" + name + '"]');
        var wrapper = input && input.closest("[data-contentpath]");
        if (!wrapper) return;
        var empty = name === "locator_label"
          ? !value(block, prefix, "locator") && (input.value === "page" || !input.value)
          : !input.value.trim();
        var invalid = wrapper.querySelector(".error-message, [aria-invalid=true]");
        var secondary = empty && !invalid;
        wrapper.classList.toggle("ap-source-field--secondary", secondary);
        if (secondary) hidden += 1;
      });
      var toggle = block.querySelector(":scope > .ap-source-more");
      if (!toggle) {
        toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "button button-small button-secondary ap-source-more";
        toggle.setAttribute("aria-expanded", "false");
        toggle.addEventListener("click", function () {
          var open = block.classList.toggle("ap-source-block--all");
          toggle.setAttribute("aria-expanded", open ? "true" : "false");
          toggle.textContent = open ? strings().fewer : strings().more.replace("%(count)s", hidden);
        });
        block.appendChild(toggle);
      }
      var open = block.classList.contains("ap-source-block--all");
      toggle.hidden = !hidden && !open;
      var label = open ? words.fewer : words.more.replace("%(count)s", hidden);
      if (toggle.textContent !== label) toggle.textContent = label;
    });
  }

  function collapseWrittenNotes() {
    // Opening a page: written notes fold to their heading ([n] and who/what), so the
    // text and the list of notes fit on a screen; a note with an error stays open.
    noteForms().forEach(function (note) {
      if (!note.child || !note.label) return;
      if (note.child.querySelector(".error-message, .w-field--error, [aria-invalid=true]")) return;
      var toggle = note.child.querySelector("[data-panel-toggle]");
      if (toggle && toggle.getAttribute("aria-expanded") === "true") toggle.click();
    });
  }

  var scheduled = false;
  function scheduleRenumber() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      renumber();
      tidySources();
    });
  }
  new MutationObserver(scheduleRenumber).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["value"],
  });
  document.addEventListener("input", scheduleRenumber);
  document.addEventListener("change", scheduleRenumber);

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
  // Deleting a note the text still cites asks first (before Wagtail's own handler).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest('button[id^="id_notes-"][id$="-DELETE-button"]');
    if (!button) return;
    var child = button.closest("[data-inline-panel-child]");
    var key = child && child.querySelector('input[name$="-uid"]');
    if (!key || !key.value) return;
    var count = document.querySelectorAll('[data-ap-note-ref="' + key.value + '"]').length;
    if (!count) return;
    var words = strings();
    var order = referencedOrder();
    var question = words.confirmDelete
      .replace("%(number)s", order.indexOf(key.value) + 1)
      .replace("%(label)s", summary(child) || words.untitled)
      .replace("%(count)s", count);
    if (!window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  window.addEventListener("load", function () {
    renumber();
    tidySources();
    collapseWrittenNotes();
    document.documentElement.setAttribute("data-ap-notes-ready", "");
  });
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

    // The note cited just before the cursor: in this field first, else in the fields
    // above it. "Ibid." copies its source into a new note.
    var root = React.useState(function () {
      var active = document.activeElement;
      return active && active.closest ? active.closest(".Draftail-Editor") : null;
    })[0];
    function previousNote() {
      var content = editorState.getCurrentContent();
      var selection = editorState.getSelection();
      var found = null;
      var blocks = content.getBlocksAsArray();
      for (var i = 0; i < blocks.length; i++) {
        var block = blocks[i];
        var stop = block.getKey() === selection.getStartKey() ? selection.getStartOffset() : block.getLength();
        for (var offset = 0; offset < stop; offset++) {
          var key = block.getEntityAt(offset);
          if (key && content.getEntity(key).getType() === entityType.type) {
            found = content.getEntity(key).getData().note;
          }
        }
        if (block.getKey() === selection.getStartKey()) break;
      }
      if (found || !root) return found;
      document.querySelectorAll("[data-ap-note-ref]").forEach(function (el) {
        if (root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) {
          found = el.getAttribute("data-ap-note-ref");
        }
      });
      return found;
    }

    function setField(input, text) {
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function whenFound(find, then) {
      // Wagtail builds the new note's fields a moment after its "Add" button is clicked.
      var tries = 0;
      (function look() {
        var found = find();
        if (found) then(found);
        else if (tries++ < 100) window.setTimeout(look, 20);
      })();
    }

    function addNote(title, copyFrom) {
      // The Notes panel's own "Add note" and "+" buttons, so the new note is exactly
      // what the editor would have made there. Its reference goes in once it exists.
      var add = document.getElementById("id_notes-ADD");
      if (!add) return;
      var before = document.querySelectorAll("#id_notes-FORMS > [data-inline-panel-child]").length;
      add.click();
      whenFound(function () {
        var children = document.querySelectorAll("#id_notes-FORMS > [data-inline-panel-child]");
        var child = children.length > before ? children[children.length - 1] : null;
        return child && child.querySelector(".c-sf-add-button") ? child : null;
      }, function (child) {
        ensureUniqueKeys();
        child.querySelector(".c-sf-add-button").click();
        whenFound(function () { return liveSources(child)[0]; }, function (target) {
          var origin = copyFrom ? liveSources(copyFrom)[0] : null;
          if (origin) {
            origin.block.querySelectorAll('[name^="' + origin.prefix + '-value-"]').forEach(function (input) {
              var name = input.name.slice((origin.prefix + "-value-").length);
              if (name === "locator") return; // the place cited is this note's own
              var twin = target.block.querySelector('[name="' + target.prefix + "-value-" + name + '"]');
              if (twin) setField(twin, input.value);
            });
          } else if (title) {
            setField(target.block.querySelector('[name="' + target.prefix + '-value-title"]'), title);
          }
          choose(child.querySelector('input[name$="-uid"]').value);
        });
      });
    }

    var h = React.createElement;
    var titleInput = React.useRef(null);
    var previous = previousNote();
    var previousForm = null;
    notes.forEach(function (note) { if (note.uid === previous) previousForm = note; });
    var items = notes.length
      ? notes.map(function (note) {
          return h("li", { key: note.uid },
            h("button", { type: "button", className: "button button-small button-secondary ap-note-choice",
              "data-note": note.uid, onClick: function () { choose(note.uid); } },
              "[" + (order.indexOf(note.uid) + 1) + "] " +
              (note.label || words.note.replace("%(number)s", order.indexOf(note.uid) + 1))));
        })
      : [h("li", { key: "none" }, words.empty)];
    function addFromTitle() {
      addNote(titleInput.current ? titleInput.current.value.trim() : "", null);
    }
    // Rendered into <body>: the editor's wrapper must not clip or cover the dialog.
    return window.ReactDOM.createPortal(h("div", { className: "ap-note-chooser", role: "dialog", "aria-modal": "true", "aria-label": words.dialog },
      h("div", { className: "ap-note-chooser__box" },
        h("h2", null, words.title),
        h("ol", null, items),
        previousForm ? h("p", null, h("button", {
          type: "button", className: "button button-small ap-note-ibid",
          onClick: function () { addNote("", previousForm.child); },
        }, words.ibid + ": [" + (order.indexOf(previous) + 1) + "] " + (previousForm.label || ""))) : null,
        h("div", { className: "ap-note-new" },
          h("label", { htmlFor: "ap-note-new-title" }, words.newNote),
          h("input", { id: "ap-note-new-title", type: "text", ref: titleInput, placeholder: words.newTitle,
            onKeyDown: function (event) { if (event.key === "Enter") { event.preventDefault(); addFromTitle(); } } }),
          h("button", { type: "button", className: "button button-small", onClick: addFromTitle }, words.add)),
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
