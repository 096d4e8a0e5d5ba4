"""Lighter than plain Material: Deskbook's page scripts only where they run, a sized logo, the styles a
page uses inside it, white space squeezed, the search shim only from a folder."""

from __future__ import annotations

import re
import struct

import pytest

from deskbook.site.offline import with_folder_shim
from deskbook.site.theme import LOGO_HEIGHT, logo_size
from deskbook.site.weight import (
    deferred_scripts,
    inline_stylesheet,
    lighter_script,
    minify_css,
    squeeze_whitespace,
    styles_for_page,
    stylesheet_rules,
    words_of,
)

SCRIPT = re.compile(r'<script src="([^"]+)"')
BUNDLE = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'


def test_white_space_between_tags_is_one_character_and_pre_script_and_attributes_keep_theirs():
    html = ('<nav>\n        <ul>\n          <li><a title="two  spaces">Refunds</a>   and\t returns</li>\n'
            '<pre>  keep\n\n   this</pre>\n   <textarea>  as typed  </textarea>'
            '<script>var a = "x  y";\n\n  go()</script>  <!--  note  -->\n\n</ul></nav>')
    assert squeeze_whitespace(html) == (
        '<nav>\n<ul>\n<li><a title="two  spaces">Refunds</a> and returns</li>\n'
        '<pre>  keep\n\n   this</pre>\n<textarea>  as typed  </textarea>'
        '<script>var a = "x  y";\n\n  go()</script> <!--  note  -->\n</ul></nav>')


def test_minified_css_keeps_strings_and_the_spaces_that_mean_something():
    css = """/* a comment */
.md-typeset :is(p, li) > a:not(.md-button) { text-decoration: underline; }
td[data-label]::before { content: attr(data-label) ":  /* not a comment */ "; }
@media screen and (max-width: 44.9375em) {
  .a + .b { width: calc(1px + 2px); }
}
"""
    assert minify_css(css) == (
        '.md-typeset :is(p,li)>a:not(.md-button){text-decoration:underline}'
        'td[data-label]::before{content:attr(data-label) ":  /* not a comment */ "}'
        "@media screen and (max-width:44.9375em){.a + .b{width:calc(1px + 2px)}}")


def test_a_page_keeps_only_the_rules_its_markup_or_scripts_can_use():
    css = minify_css("""
:root { --brand: #0b4f6c; }
.deskbook-quiz-bar { position: sticky; }
.deskbook-choice-right::after { content: " \\2714"; }
.md-typeset :is(p, li) > a:not(.deskbook-badge) { text-decoration: underline; }
.deskbook-card, .deskbook-quiz-bar p { margin: 0; }
@media print { .deskbook-quiz-bar { display: none; } }
@media screen and (max-width: 44.9375em) { .deskbook-card { padding: 0; } .deskbook-quiz-bar { top: 0; } }
""")
    home = '<div class="md-typeset"><div class="deskbook-card">'
    assert styles_for_page(stylesheet_rules(css), words_of(home)) == (
        ":root{--brand:#0b4f6c}.md-typeset :is(p,li)>a:not(.deskbook-badge){text-decoration:underline}"
        ".deskbook-card,.deskbook-quiz-bar p{margin:0}"
        "@media screen and (max-width:44.9375em){.deskbook-card{padding:0}}")
    # The quiz's script marks the right choice as the reader works: its classes are in the script, not the page.
    quiz = words_of('<div class="md-typeset deskbook-quiz-bar">') | words_of('b.classList.add("deskbook-choice-right")')
    kept = styles_for_page(stylesheet_rules(css), quiz)
    assert ".deskbook-choice-right::after" in kept and "@media print{.deskbook-quiz-bar{display:none}}" in kept
    assert ".deskbook-card{padding:0}" not in kept


def test_right_to_left_rules_go_only_to_right_to_left_pages():
    """Material's script holds the word "rtl", so the attribute itself must be in the page: a German or
    Japanese manual's pages stay as they were."""
    css = minify_css('[dir="rtl"] .md-typeset p { unicode-bidi: plaintext; } .md-typeset p { margin: 0; }')
    script = words_of('e.dir==="rtl"')
    rules = stylesheet_rules(css)
    left_to_right = words_of('<body dir="ltr"><div class="md-typeset">') | script
    assert styles_for_page(rules, left_to_right) == ".md-typeset p{margin:0}"
    assert styles_for_page(rules, words_of('<body dir="rtl"><div class="md-typeset">') | script) == css


def test_nested_at_rules_statements_and_braces_in_strings_survive_the_cut():
    css = minify_css("""
@import url("print.css") print;
@media screen { @supports (display: grid) { .deskbook-card { display: grid; } .deskbook-quiz-bar { top: 0; } } }
.deskbook-card::after { content: "{ not a block }"; }
a[href$=".pdf"] { font-weight: bold; }
""")
    assert styles_for_page(stylesheet_rules(css), {"deskbook-card"}) == (
        '@import url("print.css") print;@media screen{@supports (display:grid){.deskbook-card{display:grid}}}'
        '.deskbook-card::after{content:"{ not a block }"}a[href$=".pdf"]{font-weight:bold}')


def test_the_stylesheet_goes_inside_the_page_where_its_link_was():
    html = ('<head><link rel="stylesheet" href="../assets/stylesheets/main.css">'
            '<link rel="stylesheet" href="../assets/deskbook/deskbook.css"><link rel="stylesheet" href="../extra.css">')
    inlined = inline_stylesheet(html, "../assets/deskbook/deskbook.css", 'a{content:"</style>"}')
    assert inlined == ('<head><link rel="stylesheet" href="../assets/stylesheets/main.css">'
                       '<style>a{content:"<\\/style>"}</style><link rel="stylesheet" href="../extra.css">')


def test_scripts_lose_comment_lines_and_indentation_but_not_template_literals():
    script = '// why\n(function () {\n  // more why\n  var url = "http://x"; // kept: not a whole line\n})();\n'
    assert lighter_script(script) == '(function () {\nvar url = "http://x"; // kept: not a whole line\n})();\n'
    literal = "var text = `\n  // shown to the reader\n`;\n"
    assert lighter_script(literal) == literal


def test_search_shim_loads_only_from_a_folder_and_before_materials_bundle():
    page = f"<head></head><body><p>text</p>{BUNDLE}</body>"
    shimmed = with_folder_shim(page, "../assets/deskbook/iframe-worker-shim.js")
    loader = shimmed[shimmed.index("<p>text</p>") + len("<p>text</p>"):shimmed.index(BUNDLE)]
    assert loader == ('<script>location.protocol==="file:"&&document.write('
                      '"<script src=\\"../assets/deskbook/iframe-worker-shim.js\\"><\\/script>")</script>')
    assert with_folder_shim("<body></body>", "shim.js") == "<body></body>"


def test_materials_bundle_and_the_script_files_after_it_run_once_the_page_is_parsed():
    page = ('<head><script src="polyfill.js"></script></head><body><p>text</p>'
            '<script>location.protocol==="file:"&&document.write("<script src=\\"shim.js\\"><\\/script>")</script>'
            f'{BUNDLE}<script src="../assets/deskbook/deskbook.js"></script>'
            '<script type="application/json">{"html": "<script src=x>"}</script>'
            '<script src="mine.js" async></script><script type="module" src="m.js"></script>'
            '<script src="../assets/deskbook/quiz.js"></script></body>')
    assert deferred_scripts(page) == page.replace(
        'bundle.a5f9d56c.min.js"></script>', 'bundle.a5f9d56c.min.js" defer></script>').replace(
        'deskbook.js"></script>', 'deskbook.js" defer></script>').replace(
        'quiz.js"></script>', 'quiz.js" defer></script>')
    # Without Material's bundle nothing is known to wait for the page: every script stays as written.
    assert deferred_scripts('<script src="a.js"></script>') == '<script src="a.js"></script>'


@pytest.mark.parametrize("head, size", [
    (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 120">', (48, 24)),
    (b'<svg width="30px" height="60px" xmlns="http://www.w3.org/2000/svg">', (12, 24)),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", 512, 128), (96, 24)),
    (b'<svg xmlns="http://www.w3.org/2000/svg">', None),
    (b'<svg viewBox="0 0 0 10">', None),
    (b"GIF89a", None),
])
def test_logo_size_keeps_the_logos_proportions_at_the_headers_height(head, size):
    assert logo_size(head) == size
    if size is not None:
        assert size[1] == LOGO_HEIGHT


@pytest.mark.pdf  # the example is built with its PDFs
def test_page_scripts_only_on_their_pages_and_every_img_sized(built_example):
    site = built_example / "site"
    loading = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site).as_posix()
        for source in SCRIPT.findall(html):
            loading.setdefault(source.rpartition("/")[2], set()).add(name)
        for img in re.findall(r"<img\b[^>]*>", html):
            assert "width=" in img and "height=" in img, f"{name}: {img}"
    assert loading["quiz.js"] == {"training/knowledge-checks.html"}
    assert loading["who-decides.js"] == {"escalation/index.html"}
    assert "how-fast.js" not in loading  # the example has no service levels, so no helper to run
    assert len(loading["deskbook.js"]) > 60, "the site script stays on every page"


@pytest.mark.pdf  # the example is built with its PDFs
def test_one_render_blocking_file_as_in_plain_material_and_each_page_its_own_styles(built_example):
    site = built_example / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    quiz = (site / "training" / "knowledge-checks.html").read_text(encoding="utf-8")
    for html in (home, quiz, (site / "404.html").read_text(encoding="utf-8")):
        head = html[:html.index("</head>")]
        assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', head) == [
            next(iter(re.findall(r'href="([^"]*assets/stylesheets/main\.[0-9a-f]+\.min\.css)"', head)))]
        assert not re.findall(r"<script src=", head)
        # The brand's colours are in the page itself, so its first paint already wears them.
        assert "--md-primary-fg-color:#0b4f6c" in head
        # Material indents each line of the menu, which is in every page; the page holds none of that.
        assert not re.search(r">\n[ \t]+<", html)
    assert "deskbook-quiz-bar{" in quiz and "deskbook-quiz-bar" not in home
    assert not (site / "assets" / "deskbook" / "deskbook.css").exists()
