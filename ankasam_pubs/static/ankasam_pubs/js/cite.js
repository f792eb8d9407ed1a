/* ankasam-pubs: "Cite this analysis" works without this script (select the text, or
   download a file). With it and a clipboard, each style gets a Copy button. */
(function () {
  "use strict";
  if (!navigator.clipboard) { return; }
  document.querySelectorAll(".ap-cite [data-copy-target]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) { return; }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.textContent = "\u2713 " + label;
      });
    });
  });
})();
