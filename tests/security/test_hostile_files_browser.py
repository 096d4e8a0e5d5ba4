"""Issue 23, case 2 in Chromium: a project's catalogue, its SVG logo and the links of its mkdocs.yml run
no script, on a site served on 127.0.0.1 and opened from a folder.

What ``check`` refuses outright (tags in a translation, ``javascript:`` links) is in
test_untrusted_files.py; this site holds what it lets through and the build must make harmless: quotes
that would close an attribute, a logo with script (served rebuilt), a repository address with
percent-encoded markup, and every link on every page must be a web or file address.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import served
from projects import copy_example_project
from security.hostile import build_site_only
from security.test_untrusted_files import HOSTILE_LOGO, po

pytestmark = pytest.mark.browser

# Closes the attribute it is written into and adds one that runs as soon as the page loads.
BREAKOUT = "\\\" tabindex=\\\"0\\\" autofocus onfocus=\\\"alert(&#39;{}&#39;)\\\" x=\\\""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_example_project(tmp_path_factory.mktemp("hostile-files") / "project")
    entries = "".join(f'msgid "{word}"\nmsgstr "{word}{BREAKOUT.format(word)}"\n\n'
                      for word in ("Action", "Who", "Tool", "Target", "Measured", "Policies", "Edit this file",
                                   "action", "who", "tool", "target", "measured"))  # field labels: lower case
    catalogue = project / "locale" / "en" / "LC_MESSAGES" / "deskbook.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(po(entries), encoding="utf-8")
    (project / "content" / "assets" / "logo.svg").write_text(HOSTILE_LOGO, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text("repo_url: 'https://example.com/x?a=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E&b=1'\n"
                      "edit_uri: 'edit/main/docs/'\n" + config.read_text(), encoding="utf-8")
    return build_site_only(project)


def _visit(browser, site: Path, base: str) -> tuple[list[str], int]:
    context = browser.new_context()
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    labelled = 0
    targets = [path.relative_to(site).as_posix() for path in sorted(site.rglob("*.html"))
               if path.name != "404.html"] + ["assets/deskbook/logo.svg"]
    for relative in targets:
        page.goto(base + relative if base.startswith("http") else (site / relative).as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(20)
        if relative.endswith(".html"):
            labelled += page.locator("[data-label]").count()
            scripted = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)"
                                     ".filter(href => !/^(https?|file):/i.test(href))")
            assert scripted == [], f"{relative}: links that are not web or file addresses: {scripted[:3]}"
    context.close()
    return dialogs, labelled


def test_catalogue_logo_and_mkdocs_links_never_run_when_served(browser, hostile_site):
    with served(hostile_site) as url:
        dialogs, labelled = _visit(browser, hostile_site, url)
    assert labelled > 20, "the translated words should sit in many data-label attributes"
    assert dialogs == []


def test_catalogue_logo_and_mkdocs_links_never_run_from_a_folder(browser, hostile_site):
    dialogs, _ = _visit(browser, hostile_site, hostile_site.as_uri() + "/")
    assert dialogs == []


def test_the_words_show_as_written(hostile_site):
    page = (hostile_site / "procedures" / "index.html")
    html = next(path for path in hostile_site.rglob("*.html") if 'data-label="Action' in path.read_text())
    text = html.read_text()
    assert 'data-label="Action&#34; tabindex=&#34;0&#34; autofocus' in text or \
        'data-label="Action&quot; tabindex=&quot;0&quot; autofocus' in text, page
    logo = (hostile_site / "assets" / "deskbook" / "logo.svg").read_text()
    assert "<script" not in logo and "onload" not in logo and "#123456" in logo
