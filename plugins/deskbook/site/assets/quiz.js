// Knowledge checks: mark each chosen answer right or wrong, show the right choice and the explanation,
// keep the score in view against the pass mark, remember the answers in this browser (localStorage) until
// "Start again", and make a result a rep can hand in (a short text and a file, made here). No network, no
// libraries. The right answer's number is in each form's data-answer; every word shown comes from the page
// (a JSON block the build writes), so the quiz speaks the manual's language.
(function () {
  "use strict";

  // A count is written in the manual's digits (the page gives its ten: "٠١٢٣٤٥٦٧٨٩" in an Arabic manual).
  var manualDigits = null;

  function numeral(count) {
    return manualDigits === null ? String(count) : String(count).replace(/[0-9]/g, function (digit) {
      return manualDigits[Number(digit)];
    });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      if (!(name in values)) return whole;
      return typeof values[name] === "number" ? numeral(values[name]) : values[name];
    });
  }

  function storageKey() {
    return "deskbook-quiz:" + location.pathname;
  }

  function loadAnswers() {
    try {
      var stored = JSON.parse(localStorage.getItem(storageKey()));
      // Another script of the same origin may have stored anything JSON: only an object holds answers.
      return stored !== null && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
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
    // Array.from: a numbering system's digits may lie outside the Basic Multilingual Plane.
    var digits = Array.from(String(this.words.digits || ""));
    if (digits.length === 10) manualDigits = digits;
    this.passMark = parseInt(root.getAttribute("data-pass-mark"), 10) || null;
    this.forms = Array.prototype.slice.call(root.querySelectorAll("form.deskbook-question"));
    this.score = root.querySelector(".deskbook-score");
    this.progress = root.querySelector(".deskbook-quiz-progress");
    var edition = root.querySelector(".deskbook-quiz-edition");
    this.edition = edition ? JSON.parse(edition.textContent) : {};
    this.answers = loadAnswers();
  }

  function choiceText(form, value) {
    var input = form.querySelector("input[type=radio][value='" + value + "']");
    var text = input && input.parentNode.querySelector(".deskbook-choice");
    return text ? text.textContent.trim() : "";
  }

  // The right choice is marked on the question itself, and the one chosen wrongly too, so a rep sees
  // what the answer is, not only that theirs was not it.
  function markChoices(form, chosen) {
    var inputs = form.querySelectorAll("input[type=radio]");
    for (var i = 0; i < inputs.length; i++) {
      var label = inputs[i].parentNode;
      label.classList.toggle("deskbook-choice-right", chosen !== null && inputs[i].value === form.getAttribute("data-answer"));
      label.classList.toggle("deskbook-choice-wrong", chosen !== null && inputs[i].value === chosen &&
        chosen !== form.getAttribute("data-answer"));
    }
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
    feedback.textContent = right ? this.words.right : this.words.wrong + " " +
      fill(this.words.right_answer, { choice: choiceText(form, form.getAttribute("data-answer")) });
    feedback.className = "deskbook-feedback " + (right ? "deskbook-right" : "deskbook-wrong");
    markChoices(form, chosen.value);
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
    if (this.progress) {
      this.progress.textContent = answered ? fill(this.words.progress, { answered: answered, total: this.forms.length }) : "";
    }
    this.right = right;
    this.answered = answered;
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
      // Compared, not put in a selector: a stored value with a quote in it would make the selector throw.
      var input = Array.prototype.find.call(form.querySelectorAll("input[type=radio]"), function (radio) {
        return radio.value === given;
      });
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
      markChoices(form, null);
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
    var make = this.root.querySelector(".deskbook-quiz-make-result");
    if (make) make.addEventListener("click", function () { quiz.makeResult(); });
    this.restore();
  };

  function isoDate(date) {
    function two(number) { return (number < 10 ? "0" : "") + number; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  // What a rep hands in: who, which manual and edition, for which audience, the score, the date, and
  // each answer right or wrong. Made here, as text to copy and as a file to save.
  Quiz.prototype.resultText = function (name, audience, today) {
    var words = this.words;
    var passed = this.passMark !== null && this.right >= this.passMark;
    var score = fill(words.result_score_value, { right: this.right, total: this.forms.length });
    var lines = [
      words.result_title,
      words.result_name + ": " + name,
      words.result_manual + ": " + this.edition.manual,
      words.result_edition + ": " + this.edition.edition + " (" + this.edition.edition_date + ")",
      words.result_audience + ": " + audience,
      words.result_score + ": " + score,
    ];
    if (this.passMark !== null) lines.push(words.result_outcome + ": " + (passed ? words.result_passed : words.result_not_passed));
    lines.push(words.result_date + ": " + isoDate(today));
    lines.push("", words.result_answers + ":");
    for (var i = 0; i < this.forms.length; i++) {
      var given = this.answers[this.forms[i].id];
      var verdict = given === undefined ? words.result_unanswered
        : given === this.forms[i].getAttribute("data-answer") ? words.result_right : words.result_wrong;
      lines.push((i + 1) + ". " + verdict);
    }
    return lines.join("\n") + "\n";
  };

  Quiz.prototype.makeResult = function () {
    var section = this.root.querySelector(".deskbook-quiz-result");
    var name = section.querySelector("#quiz-result-name").value.trim();
    var message = section.querySelector(".deskbook-quiz-result-message");
    if (!name) {
      message.textContent = this.words.name_first;
      section.querySelector("#quiz-result-name").focus();
      return;
    }
    message.textContent = "";
    this.updateScore();
    var audience = section.querySelector("#quiz-result-audience");
    var today = new Date();
    var text = this.resultText(name, audience.options[audience.selectedIndex].text, today);
    var area = section.querySelector(".deskbook-quiz-result-text");
    area.value = text;
    area.hidden = false;
    var file = section.querySelector(".deskbook-quiz-result-file");
    if (file.href && file.href.indexOf("blob:") === 0) URL.revokeObjectURL(file.href);
    file.href = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    var slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "") || "result";
    file.setAttribute("download", "knowledge-check-" + slug + "-" + isoDate(today) + ".txt");
    file.hidden = false;
    area.focus();
    area.select();
    area.scrollTop = 0;
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
