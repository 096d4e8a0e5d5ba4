"""Issue 23, case 2 (and the catalogue parts of cases 5 and 6): every project file is untrusted input.

A project's catalogue is text: markup, Markdown, mentions and broken format strings in it are located
errors of ``check``, a catalogue with any problem prints nothing (so neither the site, the PDFs nor the
``diff`` the bot posts as a PR comment can carry it), and what it may hold (quotes) is escaped. An SVG
logo is served without script; links from mkdocs.yml are web addresses or paths. The browser half is in
test_hostile_files_browser.py.
"""

from __future__ import annotations

import re
import shutil

import pytest

from projects import copy_example_project

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Plural-Forms: {plural}\\n"\n\n')
DAYS = 'msgid "%(num)d day"\nmsgid_plural "%(num)d days"\nmsgstr[0] "%(num)d Tag"\nmsgstr[1] "%(num)d Tage"\n\n'


def po(entries: str, charset: str = "UTF-8", plural: str = "nplurals=2; plural=(n != 1);") -> str:
    return HEADER.format(charset=charset, plural=plural) + DAYS + entries


@pytest.fixture
def project(tmp_path):
    return copy_example_project(tmp_path / "project")


def _catalogue(project, text: str | bytes):
    path = project / "locale" / "en" / "LC_MESSAGES" / "deskbook.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _check(project, capsys) -> tuple[int, str]:
    from deskbook.cli import main

    status = main(["check", "--content", str(project / "content"), "-f", str(project / "mkdocs.yml")])
    out = capsys.readouterr()
    return status, out.err + out.out


@pytest.mark.parametrize("msgstr, said", [
    ("<script>alert(1)</script>Policies", "holds markup (<script>)"),
    ("<img src=x onerror=alert(1)>", "holds markup (<img src=x onerror=alert(1)>)"),
    ("Policies <b", "holds markup (<)"),
    ("[Policies](javascript:alert(1))", "holds Markdown or a mention (]()"),
    ("![x](https://evil.example/x.png)", "holds Markdown or a mention (![, ]()"),
    ("ping @everyone", "holds Markdown or a mention (@e)"),
    ("Policies\x07", "holds control characters (U+0007)"),
])
def test_markup_in_a_catalogue_is_a_located_check_error(project, capsys, msgstr, said):
    _catalogue(project, po(f'msgid "Policies"\nmsgstr "{msgstr}"\n'))
    status, report = _check(project, capsys)
    assert status == 1
    line = po("").count("\n") + 1
    assert f'locale/en/LC_MESSAGES/deskbook.po:{line}:1: error: the translation of "Policies" {said}' in report


def test_a_translation_may_keep_the_tags_of_its_message(project, capsys):
    message = "Choose an answer for each question, then press <em>Check</em>. Each question links to the page it tests."
    _catalogue(project, po(f'msgid "{message}"\nmsgstr "Pick one, then press <em>Check</em>."\n'))
    assert _check(project, capsys)[0] == 0


@pytest.mark.parametrize("msgid, msgstr", [
    ("%(num)d policies", "100% of %(num)d"),
    ("%(num)d policies", "%d policies"),
    ("Value filled in for %(placeholder)s: %(old)s -> %(new)s", "%(placeholder)s %(old)s %(new)s %"),
])
def test_format_strings_that_would_fail_to_fill_are_located(project, capsys, msgid, msgstr):
    _catalogue(project, po(f'msgid "{msgid}"\nmsgstr "{msgstr}"\n'))
    status, report = _check(project, capsys)
    assert status == 1
    assert re.search(r"deskbook\.po:\d+:1: error: the translation of .* has a '%' that is not a placeholder", report)
    assert "Traceback" not in report


def test_a_percent_in_the_translation_of_a_plain_message_stays_text():
    from jinja2 import Environment

    from deskbook.locale import _compiled
    from deskbook.templating import translated_text_callables
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="en")
    catalog.add("Policies", "100% policies")
    catalog.add("Target", 'Target" autofocus onfocus="alert(1)')

    class Words:
        translations = _compiled(catalog)

    env = Environment(autoescape=True)
    env.globals.update(translated_text_callables(Words()))
    page = env.from_string('<td data-label="{{ _("Target") }}">{{ _("Policies") }}</td>').render()
    assert page == '<td data-label="Target&#34; autofocus onfocus=&#34;alert(1)">100% policies</td>'


@pytest.mark.parametrize("header, said", [
    ({"plural": "nplurals=2; plural=(n != 1;"}, "Plural-Forms 'nplurals=2; plural=(n != 1;' cannot be used"),
    ({"plural": "nplurals=2; plural=__import__('os').system('id');"}, "invalid token in plural form"),
    ({"plural": "nplurals=2; plural=n%0;"}, "integer modulo by zero"),
    ({"plural": "nplurals=2; plural=n;"}, "Plural-Forms chooses form 2 for 2, but there are only 2"),
    ({"plural": "plural=n"}, "is not 'nplurals=<count>; plural=<expression>'"),
    ({"charset": "x-unknown"}, "the charset in Content-Type ('x-unknown') is not one Python knows"),
])
def test_hostile_or_broken_po_headers_are_located_errors(project, capsys, header, said):
    _catalogue(project, po('msgid "Policies"\nmsgstr "Rules"\n', **header))
    status, report = _check(project, capsys)
    assert status == 1
    assert re.search(r"deskbook\.po:[34]:1: error: .*" + re.escape(said), report), report
    assert "Traceback" not in report


def test_duplicate_messages_bom_and_size(project, capsys):
    path = _catalogue(project, po('msgid "Policies"\nmsgstr "Rules"\n\nmsgid "Policies"\nmsgstr "Regeln"\n'))
    status, report = _check(project, capsys)
    assert status == 1
    line = path.read_text().splitlines().index('msgstr "Regeln"')
    assert f'deskbook.po:{line}:1: error: "Policies" is translated a second time here' in report

    _catalogue(project, b"\xef\xbb\xbf" + po('msgid "Policies"\nmsgstr "Rules"\n').encode())
    assert _check(project, capsys)[0] == 0  # a byte order mark is read past

    _catalogue(project, po('msgid "Policies"\nmsgstr "Rules"\n') + "#" * 3_000_000 + "\n")
    status, report = _check(project, capsys)
    assert status == 1 and "more than the 2,000,000 a catalogue of Deskbook's words can need" in report


def test_a_refused_catalogue_reaches_no_output(project):
    """Neither the site nor the diff the workflow posts reads a catalogue check refuses."""
    from deskbook.locale import localization

    _catalogue(project, po('msgid "Policies"\nmsgstr "@everyone ![x](https://evil.example/t.png) Policies"\n'))
    words = localization("en_US", "USD", project)
    assert words.gettext("Policies") == "Policies"


def test_diff_comment_never_carries_catalogue_markup(project, capsys, monkeypatch):
    """The workflow posts ``diff``'s Markdown as the bot's comment: a hostile catalogue stops it, located."""
    import subprocess

    from deskbook.cli import main

    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", str(project)], check=True)
    subprocess.run([*git, "-C", str(project), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(project), "commit", "-qm", "base"], check=True)
    policy = project / "content" / "policies" / "refunds.yaml"
    policy.write_text(policy.read_text().replace("title: ", "title: New ", 1))
    _catalogue(project, po('msgid "Policies"\nmsgstr "<img src=https://evil.example/t.png> @everyone"\n'))
    monkeypatch.chdir(project)
    assert main(["diff", "HEAD", "-f", "mkdocs.yml"]) == 1
    out = capsys.readouterr()
    assert "evil.example" not in out.out and "@everyone" not in out.out
    assert re.search(r"locale/en/LC_MESSAGES/deskbook\.po:\d+:1: error: the translation of \"Policies\" holds markup",
                     out.err + out.out)


# ---- the SVG logo ----------------------------------------------------------------------------------

HOSTILE_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"'
    ' onload="alert(\'onload\')"><script>alert("script")</script>'
    '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="#" onerror="alert(2)"/></body></foreignObject>'
    '<a xlink:href="#me"><rect id="me" width="10" height="10" fill="#123456" onclick="alert(3)"/></a>'
    '<set attributeName="href" to="javascript:alert(4)"/></svg>'
)


def test_svg_logo_is_rebuilt_without_script():
    from deskbook.safety import sanitised_svg

    clean, removed = sanitised_svg(HOSTILE_LOGO.encode())
    text = clean.decode()
    for gone in ("script", "onload", "onclick", "onerror", "foreignObject", "<set", "javascript"):
        assert gone not in text
    assert 'fill="#123456"' in text and 'viewBox="0 0 10 10"' in text
    assert {"<script>", "<foreignObject>", "<set>"} <= set(removed)


def test_check_warns_where_the_logo_holds_script(project, capsys):
    (project / "content" / "assets" / "logo.svg").write_text(HOSTILE_LOGO)
    status, report = _check(project, capsys)
    assert re.search(r"content/manual\.yaml:\d+:\d+: warning: logo 'assets/logo\.svg' holds .*<script>.*which "
                     r"could run as script", report), report


# ---- links from mkdocs.yml ---------------------------------------------------------------------------

@pytest.mark.parametrize("setting, value", [
    ("repo_url", "javascript://%0aalert(1)"),
    ("repo_url", " \tJaVa\nScRiPt:alert(1)"),
    ("edit_uri", "data:text/html,<script>alert(1)</script>"),
    ("site_url", "vbscript:x"),
])
def test_links_in_mkdocs_yml_are_web_addresses_or_paths(project, capsys, setting, value):
    config = project / "mkdocs.yml"
    config.write_text(f"{setting}: {value!r}\n".replace("'", '"') + config.read_text())
    status, report = _check(project, capsys)
    assert status == 1
    assert re.search(rf"mkdocs\.yml:1:\d+: error: {setting} '.*' is a \w+: address; links from mkdocs\.yml must "
                     r"be web addresses", report), report


@pytest.mark.parametrize("value", ['https://example.com/x"><img src=x onerror=alert(1)>', "https://e.com/a b",
                                   "https://e.com/'onmouseover='x"])
def test_links_in_mkdocs_yml_hold_no_quote_or_bracket(project, capsys, value):
    """MkDocs and Material print repo_url into every page without escaping it."""
    config = project / "mkdocs.yml"
    config.write_text("repo_url: " + __import__("json").dumps(value) + "\n" + config.read_text())
    status, report = _check(project, capsys)
    assert status == 1 and "mkdocs.yml:1:11: error: repo_url '" in report and "write them percent-encoded" in report


def test_nav_and_social_links_are_checked_too(project, capsys):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "extra:\n  social:\n    - icon: x\n      link: 'javascript:alert(1)'\n")
    status, report = _check(project, capsys)
    assert status == 1 and "error: extra.social[0].link 'javascript:alert(1)' is a javascript: address" in report
