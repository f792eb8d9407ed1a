/* ankasam-pubs: in-place preview of a note when its reference is hovered or focused.
   Progressive enhancement only: without this script references are plain links. */
(function () {
  "use strict";
  var tip = null;
  var owner = null;

  function noteFor(link) {
    var id = (link.getAttribute("href") || "").slice(1);
    return id ? document.getElementById(id) : null;
  }

  function hide() {
    if (tip) {
      tip.remove();
      tip = null;
    }
    if (owner) {
      owner.removeAttribute("aria-describedby");
      owner = null;
    }
  }

  function show(link) {
    var note = noteFor(link);
    if (!note) return;
    hide();
    var text = note.querySelector(".ap-note-text");
    tip = document.createElement("div");
    tip.id = "ap-note-preview";
    tip.className = "ap-note-preview";
    tip.setAttribute("role", "tooltip");
    tip.innerHTML = "";
    var number = document.createElement("strong");
    number.textContent = note.getAttribute("value") + ". ";
    tip.appendChild(number);
    tip.appendChild((text || note).cloneNode(true));
    document.body.appendChild(tip);
    var box = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    link.setAttribute("aria-describedby", tip.id);
    owner = link;
  }

  function isReference(element) {
    return element && element.closest && element.closest('a[role="doc-noteref"]');
  }

  document.addEventListener("mouseover", function (event) {
    var link = isReference(event.target);
    if (link) show(link);
  });
  document.addEventListener("mouseout", function (event) {
    if (isReference(event.target)) hide();
  });
  document.addEventListener("focusin", function (event) {
    var link = isReference(event.target);
    if (link) show(link); else hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();
