// Deskbook's ranking, added to the end of Material's search worker (which exposes Lunr as self.lunr).
// Material turns every word typed into a prefix ("line" -> line*), and a prefix of a title word weighs as
// much as the word itself, so "supervisor line" put "Linen apron" first. Each word now also counts as
// typed, stemmed the language's way, with far more weight than the longer words it begins; a word that
// begins no word of the index is read as a slip of one letter ("refnd" finds "refund"). Japanese,
// Chinese and Korean are written without spaces: the index holds the words Lunr's segmenter cut the text
// into, so a typed run of kana or kanji (あいさつ, お客様へのあいさつ) is cut at the index's own words,
// every one of them required.
(function () {
  "use strict";
  var lunr = self.lunr;
  if (!lunr || !lunr.Index || lunr.Index.prototype.deskbookRanking) return;

  var WHOLE_WORD = 8; // how much more a word as typed weighs than a longer word it begins
  var SLIP_LENGTH = 4; // shorter words have too many neighbours one letter away to guess from
  var PLAIN_PREFIX = /^([^+\-~^:*]+)\*$/; // a word Material made a prefix of, with no modifier of its own
  var UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30fc]/u; // scripts written without spaces

  var search = lunr.Index.prototype.search;

  function begins(index, word) {
    return index.tokenSet.intersect(lunr.TokenSet.fromString(word + "*")).toArray().length > 0;
  }

  // The index's words that ``word`` matches as typed: its stems, which a longer typed word ("refunds")
  // does not begin.
  function stems(index, word) {
    return index.pipeline.runString(word).filter(function (stem) { return stem in index.invertedIndex; });
  }

  function slips(index, word) {
    return index.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(word, 1)).toArray();
  }

  // A run of unspaced script as the index's words, longest first from the left; the last may be the
  // beginning of a longer word. Null where the run holds something the index has no word for.
  function segments(index, run) {
    var pieces = [];
    for (var start = 0; start < run.length;) {
      var end = run.length;
      while (end > start && !(run.slice(start, end) in index.invertedIndex)) end--;
      if (end === start) {
        var rest = run.slice(start);
        if (!begins(index, rest)) return null;
        pieces.push(rest + "*");
        break;
      }
      pieces.push(run.slice(start, end));
      start = end;
    }
    return pieces;
  }

  // The query Lunr runs, and for each index word it may match that the typed word does not begin, the
  // typed word: Material marks a word "missing" from a result unless a matched word begins with it.
  function refine(index, query) {
    var typed = {};
    var parts = query.split(/\s+/).map(function (part) {
      var plain = PLAIN_PREFIX.exec(part);
      if (!plain) return part;
      var word = plain[1].toLowerCase();
      if (UNSPACED.test(word) && !(word in index.invertedIndex)) {
        var pieces = segments(index, word);
        if (pieces && pieces.length > 1) {
          pieces.forEach(function (piece) { typed[piece.replace(/\*$/, "")] = word; });
          return pieces.map(function (piece) { return "+" + piece; }).join(" ");
        }
      }
      var found = stems(index, word);
      if (found.length || begins(index, word)) {
        found.forEach(function (stem) { typed[stem] = word; });
        return part + " " + word + "^" + WHOLE_WORD;
      }
      if (word.length < SLIP_LENGTH) return part;
      slips(index, word).forEach(function (near) { typed[near] = word; });
      return word + "~1";
    });
    return { query: parts.join(" "), typed: typed };
  }

  // Matched words renamed to the word typed, positions kept, so highlighting and "missing" stay right.
  function asTyped(results, typed) {
    results.forEach(function (result) {
      var metadata = result.matchData.metadata;
      Object.keys(metadata).forEach(function (term) {
        var word = typed[term];
        if (word === undefined || term.indexOf(word) === 0) return;
        var fields = metadata[term];
        delete metadata[term];
        var into = metadata[word] || (metadata[word] = {});
        Object.keys(fields).forEach(function (name) {
          var positions = (fields[name].position || []);
          if (!into[name]) into[name] = { position: [] };
          into[name].position = (into[name].position || []).concat(positions);
        });
      });
    });
    return results;
  }

  lunr.Index.prototype.search = function (query) {
    var refined;
    try {
      refined = refine(this, query);
    } catch (error) {
      return search.call(this, query);
    }
    return asTyped(search.call(this, refined.query), refined.typed);
  };
  lunr.Index.prototype.deskbookRanking = true;
})();
