// "Who decides?" on the escalation page. The build writes the decision of deskbook/decisions.py as a
// table into the page (thresholds per kind of request, rules with their conditions, every answer already
// in the manual's words); this script only reads the amount and looks the answer up, the way
// decisions.decide does, so the two cannot disagree. It works with no network and from a folder.
// window.deskbookWhoDecides(requests) answers a list of requests at once, for the test that compares the
// page with Python.
(function () {
  "use strict";

  var SPACING = /[ \t\r\n\u00a0\u2009\u202f'\u2019\u066c]/g;

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(title, href) {
    var anchor = element("a", title);
    anchor.href = href;
    return anchor;
  }

  function find(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }

  // A decimal digit of any script as its value: Unicode keeps each script's digits 0-9 in a row, so the
  // digits before it in the row say which it is (٢ is the third of ٠١٢...).
  function digitValue(digit) {
    var code = digit.codePointAt(0), before = 0;
    while (before < 9 && /\p{Nd}/u.test(String.fromCodePoint(code - before - 1))) before++;
    return String(before);
  }

  // An amount as typed (1.500 in German, 1’500, ٢٥٠) as plain digits and a point, or what is wrong with
  // it, read exactly as decisions.read_amount reads it.
  function readAmount(typed, marks) {
    var text = String(typed).replace(/\p{Nd}/gu, digitValue).replace(SPACING, "");
    if (!text) return { problem: "empty" };
    var negative = text[0] === "-" || text[0] === "\u2212";
    if (negative) text = text.slice(1);
    text = text.split(marks.group).join("").split(marks.decimal).join(".").split("\u066b").join(".");
    if (!/^[0-9]+(\.[0-9]+)?$/.test(text)) return { problem: "number" };
    if (/^[0.]+$/.test(text)) return { problem: "zero" };
    return negative ? { problem: "negative" } : { amount: text };
  }

  // Two amounts of plain digits compared exactly (no rounding to a float): -1, 0 or 1.
  function compare(a, b) {
    var left = a.split("."), right = b.split(".");
    var whole = [left[0].replace(/^0+/, ""), right[0].replace(/^0+/, "")];
    if (whole[0].length !== whole[1].length) return whole[0].length < whole[1].length ? -1 : 1;
    if (whole[0] !== whole[1]) return whole[0] < whole[1] ? -1 : 1;
    var size = Math.max((left[1] || "").length, (right[1] || "").length);
    var parts = [(left[1] || "").padEnd(size, "0"), (right[1] || "").padEnd(size, "0")];
    return parts[0] === parts[1] ? 0 : parts[0] < parts[1] ? -1 : 1;
  }

  // A key of the data itself, not of every object ("constructor" is no urgency).
  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function refusal(sentence) {
    return { refusal: sentence, approver: null, rule: null, chain: null, path: [], sentences: [],
             responds: null, note: null, targets: [] };
  }

  function holds(rule, kind, amount, request) {
    if (rule.over !== null && !(kind.unit === "money" && amount !== null && compare(amount, rule.over) > 0)) return false;
    if (rule.tiers !== null && rule.tiers.indexOf(request.tier) < 0) return false;
    return rule.category === null || request.category === rule.category;
  }

  // The two sides of an answer put together as decisions._finish does.
  function finish(table, request, approval, routed) {
    var lead = routed && (routed.chain || !approval) ? routed : approval;
    var category = (routed && routed.category) || request.category || null;
    var responds = own(lead.responds, request.urgency || "") ? lead.responds[request.urgency || ""] : lead.responds[""];
    return {
      refusal: null,
      approver: approval ? approval.approver : null,
      rule: routed ? routed.rule : null,
      chain: lead.chain,
      path: lead.path,
      sentences: (routed ? routed.sentences : []).concat(approval ? approval.sentences : []),
      responds: responds === undefined ? null : responds,
      note: routed ? routed.note : null,
      targets: category && own(table.targets, category) ? table.targets[category] : [],
    };
  }

  function evaluate(table, request) {
    var kind = find(table.kinds, request.kind);
    if (!kind) return finish(table, request, null, table.answers[find(table.rules, request.kind).answer]);
    var amount = null;
    if (kind.unit !== "held") {
      var read = readAmount(request.amount || "", table.numbers);
      if (read.problem) return refusal(table.refusals[read.problem]);
      if (kind.unit === "percent" && compare(read.amount, "100") > 0) return refusal(table.refusals.percent);
      amount = read.amount;
    }
    var answer = kind.beyond;
    for (var i = 0; i < kind.steps.length; i++) {
      if (compare(amount, kind.steps[i].upTo) <= 0) { answer = kind.steps[i].answer; break; }
    }
    var routed = null;
    for (var r = 0; r < table.rules.length; r++) {
      var rule = table.rules[r];
      if (rule.auto && holds(rule, kind, amount, request)) { routed = table.answers[rule.answer]; break; }
    }
    return finish(table, request, table.answers[answer], routed);
  }

  function Helper(root) {
    this.data = JSON.parse(root.querySelector(".deskbook-who-decides-data").textContent);
    this.words = JSON.parse(root.querySelector(".deskbook-who-decides-words").textContent);
    this.form = root.querySelector("form");
    this.answer = root.querySelector(".deskbook-who-decides-answer");
    this.amountRow = root.querySelector(".deskbook-who-decides-amount");
  }

  Helper.prototype.show = function (decision) {
    var answer = this.answer, words = this.words, data = this.data;
    answer.textContent = "";
    if (decision.refusal) {
      answer.appendChild(element("p", decision.refusal)).className = "deskbook-who-decides-verdict";
      return;
    }
    answer.appendChild(element("p", decision.sentences[0])).className = "deskbook-who-decides-verdict";
    for (var s = 1; s < decision.sentences.length; s++) answer.appendChild(element("p", decision.sentences[s]));
    if (decision.note) answer.appendChild(element("p", decision.note));
    var chain = decision.chain ? data.chains[decision.chain] : null;
    if (chain) {
      var path = element("p");
      path.appendChild(element("strong", words.chain + " "));
      path.appendChild(link(chain.title, chain.href));
      path.appendChild(document.createTextNode(words.colon));
      // Each role its own bidi isolate, the arrow pointing the way the language reads.
      for (var i = 0; i < decision.path.length; i++) {
        if (i) path.appendChild(document.createTextNode(" " + words.arrow + " "));
        path.appendChild(element("bdi", data.roles[decision.path[i]]));
      }
      answer.appendChild(path);
      if (decision.responds) answer.appendChild(element("p", decision.responds));
      if (chain.scripts.length) {
        var say = element("p");
        say.appendChild(element("strong", words.script + " "));
        for (var k = 0; k < chain.scripts.length; k++) {
          if (k) say.appendChild(document.createTextNode(words.comma));
          say.appendChild(link(chain.scripts[k].title, chain.scripts[k].href));
        }
        answer.appendChild(say);
      }
    }
    if (decision.targets.length) {
      answer.appendChild(element("p", words.targets)).className = "deskbook-who-decides-targets";
      var list = answer.appendChild(element("ul"));
      for (var n = 0; n < decision.targets.length; n++) list.appendChild(element("li", decision.targets[n]));
    }
  };

  Helper.prototype.request = function () {
    var fields = this.form.elements;
    return {
      kind: fields.request.value,
      amount: fields.amount.value,
      tier: fields.tier ? fields.tier.value || null : null,
      category: fields.category ? fields.category.value || null : null,
      urgency: fields.urgency ? fields.urgency.value || null : null,
    };
  };

  Helper.prototype.update = function () {
    var request = this.request();
    var kind = find(this.data.table.kinds, request.kind);
    this.amountRow.hidden = !kind || kind.unit === "held";
    this.show(evaluate(this.data.table, request));
  };

  Helper.prototype.attach = function () {
    var helper = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      helper.update();
    });
    this.form.addEventListener("change", function (event) {
      if (event.target.name !== "amount") helper.update();
    });
    this.form.elements.amount.addEventListener("input", function () {
      if (helper.form.elements.amount.value !== "") helper.update();
    });
  };

  function attach() {
    var roots = document.querySelectorAll(".deskbook-who-decides");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].dataset.deskbookReady) continue;
      roots[i].dataset.deskbookReady = "1";
      new Helper(roots[i]).attach();
    }
  }

  window.deskbookWhoDecides = function (requests) {
    var table = JSON.parse(document.querySelector(".deskbook-who-decides-data").textContent).table;
    return requests.map(function (request) { return evaluate(table, request); });
  };

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(attach);
  } else {
    document.addEventListener("DOMContentLoaded", attach);
  }
})();
