// "Who decides?" on the escalation page: from a kind of request and an amount, the role that may approve
// it, the chain the case climbs, how fast that role answers, what to say, and the first-answer targets.
// Everything comes from two JSON blocks the build writes into the page (the data and the words), so it
// works with no network and from a folder, and speaks the manual's language.
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

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

  // A decimal digit of any script as its value: Unicode keeps each script's digits 0-9 in a row, so the
  // digits before it in the row say which it is (٢ is the third of ٠١٢...).
  function digitValue(digit) {
    var code = digit.codePointAt(0), before = 0;
    while (before < 9 && /\p{Nd}/u.test(String.fromCodePoint(code - before - 1))) before++;
    return String(before);
  }

  // An amount typed the locale's way (1.500 in German, 1’500 in Swiss German, ٢٥٠ in Arabic) as a number.
  function readAmount(typed, numbers) {
    var text = String(typed).replace(/\p{Nd}/gu, digitValue).replace(/[\s'\u2019\u066c]/g, "");
    text = text.split(numbers.group).join("").split(numbers.decimal).join(".").replace("\u066b", ".");
    return /^\d+(\.\d+)?$/.test(text) ? parseFloat(text) : NaN;
  }

  function Helper(root) {
    this.data = JSON.parse(root.querySelector(".deskbook-who-decides-data").textContent);
    this.words = JSON.parse(root.querySelector(".deskbook-who-decides-words").textContent);
    this.form = root.querySelector("form");
    this.answer = root.querySelector(".deskbook-who-decides-answer");
    this.amountRow = root.querySelector(".deskbook-who-decides-amount");
    this.roles = {};
    for (var i = 0; i < this.data.roles.length; i++) this.roles[this.data.roles[i].id] = this.data.roles[i];
  }

  Helper.prototype.find = function (list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  };

  // The first chain, in reading order, that passes through the role.
  Helper.prototype.chainThrough = function (roleId) {
    for (var i = 0; i < this.data.chains.length; i++) {
      var levels = this.data.chains[i].levels;
      for (var j = 0; j < levels.length; j++) if (levels[j].role === roleId) return this.data.chains[i];
    }
    return null;
  };

  Helper.prototype.decide = function (request, amount) {
    var measured = this.find(this.data.measured, request);
    if (measured) {
      if (isNaN(amount)) return { message: this.words.amount };
      if (measured.unit === "money") {
        for (var t = 0; t < this.data.thresholds.length; t++) {
          var threshold = this.data.thresholds[t];
          if (amount > threshold.over && threshold.role) {
            var over = this.roles[threshold.role];
            return {
              message: fill(this.words.over, { amount: threshold.shown, role: over.title }),
              role: over,
              chain: this.find(this.data.chains, threshold.chain),
            };
          }
        }
      }
      for (var r = 0; r < this.data.roles.length; r++) {
        var role = this.data.roles[r];
        var limit = role.limits[measured.limit];
        if (limit === null || amount > limit) continue;
        var shown = role.shown[measured.limit];
        if (r === 0) return { message: fill(this.words.yourself, { limit: shown }) };
        return { message: fill(this.words.approver, { role: role.title, limit: shown }), role: role,
                 chain: this.chainThrough(role.id) };
      }
      return { message: this.words.nobody, chain: this.chainThrough(this.data.roles[this.data.roles.length - 1].id) };
    }
    var rule = this.find(this.data.routed, request);
    var target = rule.role ? this.roles[rule.role] : null;
    return {
      message: fill(this.words.routed, { role: target ? target.title : this.words.account }),
      role: target,
      chain: this.find(this.data.chains, rule.chain),
      note: rule.note,
      targets: rule.targets,
    };
  };

  Helper.prototype.show = function (decision) {
    var answer = this.answer;
    answer.textContent = "";
    answer.appendChild(element("p", decision.message)).className = "deskbook-who-decides-verdict";
    if (decision.note) answer.appendChild(element("p", decision.note));
    var chain = decision.chain;
    if (chain) {
      var path = element("p");
      path.appendChild(element("strong", this.words.chain + " "));
      path.appendChild(link(chain.title, chain.href));
      // Each role its own bidi isolate, the arrow pointing the way the language reads.
      path.appendChild(document.createTextNode(": "));
      for (var i = 0; i < chain.levels.length; i++) {
        if (i) path.appendChild(document.createTextNode(" " + this.words.arrow + " "));
        path.appendChild(element("bdi", this.roles[chain.levels[i].role].title));
      }
      answer.appendChild(path);
      for (var j = 0; decision.role && j < chain.levels.length; j++) {
        if (chain.levels[j].role === decision.role.id) {
          answer.appendChild(element("p", fill(this.words.responds,
            { role: decision.role.title, within: chain.levels[j].within })));
        }
      }
      if (chain.scripts.length) {
        var say = element("p");
        say.appendChild(element("strong", this.words.script + " "));
        for (var k = 0; k < chain.scripts.length; k++) {
          if (k) say.appendChild(document.createTextNode(", "));
          say.appendChild(link(chain.scripts[k].title, chain.scripts[k].href));
        }
        answer.appendChild(say);
      }
    }
    if (decision.targets && decision.targets.length) {
      answer.appendChild(element("p", this.words.targets)).className = "deskbook-who-decides-targets";
      var list = answer.appendChild(element("ul"));
      for (var n = 0; n < decision.targets.length; n++) {
        list.appendChild(element("li", decision.targets[n].channel + ": " + decision.targets[n].within));
      }
    }
  };

  Helper.prototype.update = function () {
    var request = this.form.elements.request.value;
    this.amountRow.hidden = !this.find(this.data.measured, request);
    var amount = readAmount(this.form.elements.amount.value, this.data.numbers);
    this.show(this.decide(request, amount));
  };

  Helper.prototype.attach = function () {
    var helper = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      helper.update();
    });
    this.form.elements.request.addEventListener("change", function () { helper.update(); });
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

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(attach);
  } else {
    document.addEventListener("DOMContentLoaded", attach);
  }
})();
