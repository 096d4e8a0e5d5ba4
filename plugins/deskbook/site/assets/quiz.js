// Knowledge checks: mark the chosen answer right or wrong and show the explanation. No network, no
// libraries; the right answer's number is in the form's data-answer attribute, and every word it shows comes
// from the page (data-right, data-wrong, data-unanswered), written in the manual's language by the build.
(function () {
  "use strict";
  function check(event) {
    event.preventDefault();
    var form = event.currentTarget;
    var chosen = form.querySelector("input[type=radio]:checked");
    var feedback = form.querySelector(".deskbook-feedback");
    var explanation = form.querySelector(".deskbook-explanation");
    if (!chosen) {
      feedback.textContent = feedback.getAttribute("data-unanswered");
      feedback.hidden = false;
      return;
    }
    var right = chosen.value === form.getAttribute("data-answer");
    feedback.textContent = right ? feedback.getAttribute("data-right") : feedback.getAttribute("data-wrong");
    feedback.className = "deskbook-feedback " + (right ? "deskbook-right" : "deskbook-wrong");
    feedback.hidden = false;
    explanation.hidden = false;
  }
  function attach() {
    var forms = document.querySelectorAll("form.deskbook-question");
    for (var i = 0; i < forms.length; i++) {
      if (!forms[i].dataset.deskbookReady) {
        forms[i].addEventListener("submit", check);
        forms[i].dataset.deskbookReady = "1";
      }
    }
  }
  // Material's instant navigation swaps pages without reloading; document$ announces each new page.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(attach);
  } else {
    document.addEventListener("DOMContentLoaded", attach);
  }
})();
