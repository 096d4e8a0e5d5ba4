// Small fixes to Material's page furniture, for keyboards and screen readers. No network, no libraries,
// and no words of its own: names are borrowed from labels the page already has, in its language.
(function () {
  "use strict";

  // Material's search is a dialog without a name; it takes the name of its own search box.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
    }
  }

  // A table too wide for the screen scrolls in its own frame; keyboard users must be able to reach the
  // frame to scroll it, and a screen reader should say what it holds (the heading above it).
  function focusableScrollFrames() {
    var frames = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.scrollWidth <= frame.clientWidth || frame.hasAttribute("tabindex")) continue;
      frame.setAttribute("tabindex", "0");
      frame.setAttribute("role", "region");
      var heading = precedingHeading(frame);
      if (heading) frame.setAttribute("aria-label", heading.textContent.replace(/¶$/, "").trim());
    }
  }

  function precedingHeading(element) {
    var headings = document.querySelectorAll(".md-typeset h1, .md-typeset h2, .md-typeset h3");
    var found = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) found = headings[i];
    }
    return found;
  }

  // Material reads the search box on key presses only, so a query pasted with the mouse, dropped in, or
  // filled in by the browser never ran. Any change of the text now counts as a key press.
  function searchOnEveryInput() {
    var input = document.querySelector(".md-search__input");
    if (!input || input.dataset.deskbookInput) return;
    input.dataset.deskbookInput = "1";
    input.addEventListener("input", function () {
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }

  function attach() {
    nameSearchDialog();
    searchOnEveryInput();
    focusableScrollFrames();
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(attach);
  } else {
    document.addEventListener("DOMContentLoaded", attach);
  }
  window.addEventListener("resize", focusableScrollFrames);
})();
