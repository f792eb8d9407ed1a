/* ankasam-pubs: share links work without this script. With it, the page link becomes a
   "Copy link" button and, where the browser has the Web Share API, a "Share…" button. */
(function () {
  "use strict";
  document.querySelectorAll("[data-ap-share]").forEach(function (nav) {
    var strings = { copy: "Copy link", copied: "Link copied", share: "Share…" };
    var template = nav.querySelector("template[data-ap-strings]");
    if (template) {
      try { Object.assign(strings, JSON.parse(template.innerHTML)); } catch (e) { /* defaults */ }
    }
    var url = nav.getAttribute("data-url") || window.location.href;
    var title = nav.getAttribute("data-title") || document.title;
    var status = nav.querySelector(".ap-share-status");
    var link = nav.querySelector("[data-ap-copy]");
    if (link && navigator.clipboard) {
      var copy = document.createElement("button");
      copy.type = "button";
      copy.className = "ap-share-copy";
      copy.textContent = strings.copy;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () {
          status.hidden = false;
          status.textContent = strings.copied;
        });
      });
      link.replaceWith(copy);
    }
    if (navigator.share) {
      var item = document.createElement("li");
      var native = document.createElement("button");
      native.type = "button";
      native.className = "ap-share-native";
      native.textContent = strings.share;
      native.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () { /* dismissed */ });
      });
      item.appendChild(native);
      nav.querySelector("ul").appendChild(item);
    }
  });
})();
