// "How fast must I answer?" on the response-times page. The build writes the service levels as
// deskbook/decisions.py answers them (each level's values and its answer, already in the manual's words);
// this script only finds the level that applies to the case, the way decisions.how_fast does, so the two
// cannot disagree. It works with no network and from a folder.
// window.deskbookHowFast(cases) answers a list of cases at once, for the test that compares the page with
// Python.
(function () {
  "use strict";

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A key of the data itself, not of every object ("constructor" is no dimension).
  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function refusal(sentence) {
    return { refusal: sentence, level: null, targets: [], sentences: [], note: null };
  }

  // A level applies when the case has every value it names; of those, the one naming the most dimensions
  // decides, the first of equals (decisions.how_fast).
  function evaluate(table, someCase) {
    var given = {}, any = false;
    for (var key in someCase) {
      if (own(someCase, key) && someCase[key] !== null && someCase[key] !== "") { given[key] = someCase[key]; any = true; }
    }
    if (!any) return refusal(table.refusals.empty);
    var chosen = null, named = -1;
    for (var i = 0; i < table.levels.length; i++) {
      var when = table.levels[i].when, count = 0, applies = true;
      for (var dimension in when) {
        if (!own(when, dimension)) continue;
        count++;
        if (!own(given, dimension) || given[dimension] !== when[dimension]) { applies = false; break; }
      }
      if (applies && count > named) { chosen = table.levels[i]; named = count; }
    }
    return chosen ? chosen.answer : refusal(table.refusals.uncovered);
  }

  function Helper(root) {
    this.table = JSON.parse(root.querySelector(".deskbook-how-fast-data").textContent);
    this.form = root.querySelector("form");
    this.answer = root.querySelector(".deskbook-how-fast-answer");
  }

  Helper.prototype.show = function (timing) {
    var answer = this.answer;
    answer.textContent = "";
    if (timing.refusal) {
      answer.appendChild(element("p", timing.refusal)).className = "deskbook-how-fast-verdict";
      return;
    }
    var list = answer.appendChild(element("ul"));
    list.className = "deskbook-how-fast-targets";
    for (var t = 0; t < timing.targets.length; t++) {
      var item = list.appendChild(element("li", timing.targets[t].text));
      if (!timing.targets[t].offered) item.className = "deskbook-not-taken";
    }
    for (var s = 0; s < timing.sentences.length; s++) answer.appendChild(element("p", timing.sentences[s]));
    if (timing.note) answer.appendChild(element("p", timing.note));
  };

  Helper.prototype.update = function () {
    // By each select's name, not form.elements[name]: a dimension called "length" is the form's own.
    var someCase = {}, selects = this.form.querySelectorAll("select");
    for (var i = 0; i < selects.length; i++) someCase[selects[i].name] = selects[i].value || null;
    this.show(evaluate(this.table, someCase));
  };

  Helper.prototype.attach = function () {
    var helper = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      helper.update();
    });
    this.form.addEventListener("change", function () { helper.update(); });
  };

  function attach() {
    var roots = document.querySelectorAll(".deskbook-how-fast");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].dataset.deskbookReady) continue;
      roots[i].dataset.deskbookReady = "1";
      new Helper(roots[i]).attach();
    }
  }

  window.deskbookHowFast = function (cases) {
    var table = JSON.parse(document.querySelector(".deskbook-how-fast-data").textContent);
    return cases.map(function (someCase) { return evaluate(table, someCase); });
  };

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(attach);
  } else {
    document.addEventListener("DOMContentLoaded", attach);
  }
})();
