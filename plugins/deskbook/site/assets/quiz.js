// Knowledge checks: mark each chosen answer right or wrong, show the explanation, keep a score against the
// pass mark, and remember the answers in this browser (localStorage) until "Start again". No network, no
// libraries. The right answer's number is in each form's data-answer; every word shown comes from the page
// (a JSON block the build writes), so the quiz speaks the manual's language.
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  function storageKey() {
    return "deskbook-quiz:" + location.pathname;
  }

  function loadAnswers() {
    try {
      return JSON.parse(localStorage.getItem(storageKey())) || {};
    } catch (error) {
      return {}; // storage refused (private window, file:// policy): the quiz still works, it just forgets
    }
  }

  function saveAnswers(answers) {
    try {
      localStorage.setItem(storageKey(), JSON.stringify(answers));
    } catch (error) {
      // as above: nothing to remember with
    }
  }

  function Quiz(root) {
    this.root = root;
    this.words = JSON.parse(root.querySelector(".deskbook-quiz-words").textContent);
    this.passMark = parseInt(root.getAttribute("data-pass-mark"), 10) || null;
    this.forms = Array.prototype.slice.call(root.querySelectorAll("form.deskbook-question"));
    this.score = root.querySelector(".deskbook-score");
    this.answers = loadAnswers();
  }

  Quiz.prototype.mark = function (form, announce) {
    var chosen = form.querySelector("input[type=radio]:checked");
    var feedback = form.querySelector(".deskbook-feedback");
    if (!chosen) {
      feedback.textContent = this.words.choose;
      feedback.className = "deskbook-feedback";
      return;
    }
    var right = chosen.value === form.getAttribute("data-answer");
    this.answers[form.id] = chosen.value;
    feedback.textContent = right ? this.words.right : this.words.wrong;
    feedback.className = "deskbook-feedback " + (right ? "deskbook-right" : "deskbook-wrong");
    form.querySelector(".deskbook-explanation").hidden = false;
    if (announce) saveAnswers(this.answers);
    this.updateScore();
  };

  Quiz.prototype.updateScore = function () {
    var right = 0;
    var answered = 0;
    for (var i = 0; i < this.forms.length; i++) {
      var given = this.answers[this.forms[i].id];
      if (given === undefined) continue;
      answered += 1;
      if (given === this.forms[i].getAttribute("data-answer")) right += 1;
    }
    if (!answered) {
      this.score.textContent = "";
      return;
    }
    var values = { right: right, total: this.forms.length, pass_mark: this.passMark };
    var passed = this.passMark !== null && right >= this.passMark;
    var text = fill(passed ? this.words.passed : this.words.score, values);
    if (this.passMark !== null && !passed) text += " " + fill(this.words.to_pass, values);
    this.score.textContent = text;
    this.score.classList.toggle("deskbook-right", passed);
  };

  Quiz.prototype.restore = function () {
    for (var i = 0; i < this.forms.length; i++) {
      var form = this.forms[i];
      var given = this.answers[form.id];
      var input = given && form.querySelector("input[type=radio][value='" + given + "']");
      if (input) {
        input.checked = true;
        this.mark(form, false);
      }
    }
  };

  Quiz.prototype.reset = function () {
    this.answers = {};
    saveAnswers(this.answers);
    for (var i = 0; i < this.forms.length; i++) {
      var form = this.forms[i];
      form.reset();
      form.querySelector(".deskbook-feedback").textContent = "";
      form.querySelector(".deskbook-explanation").hidden = true;
    }
    this.updateScore();
    if (this.forms.length) this.forms[0].querySelector("input").focus();
  };

  Quiz.prototype.attach = function () {
    var quiz = this;
    this.forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        quiz.mark(form, true);
      });
    });
    var reset = this.root.querySelector(".deskbook-quiz-reset");
    if (reset) reset.addEventListener("click", function () { quiz.reset(); });
    this.restore();
  };

  function attach() {
    var roots = document.querySelectorAll(".deskbook-quiz");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].dataset.deskbookReady) continue;
      roots[i].dataset.deskbookReady = "1";
      new Quiz(roots[i]).attach();
    }
  }

  // Material's instant navigation swaps pages without reloading; document$ announces each new page.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(attach);
  } else {
    document.addEventListener("DOMContentLoaded", attach);
  }
})();
