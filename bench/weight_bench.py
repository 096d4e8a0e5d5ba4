"""Page weight: the example site against a plain Material control site with the same pages and features.

The control is made from the Deskbook build itself: each page's article (the same text, tables and
diagrams) becomes a Markdown page of a plain mkdocs-material project at the same path, with the same
theme features, search and ``font: false``, and Material's own menu of every page. Both sites are served
by the same server on 127.0.0.1 and loaded in Debian's Chromium, each page in a fresh browser context
(nothing cached); the bench counts every response's transfer size, the requests and the render-blocking
files (stylesheets, and scripts without ``async``/``defer``, in ``<head>``), and Chromium's
largest-contentful-paint time. Prints per page Deskbook / control (target: at most 1.00 for bytes, no
more render-blocking files), each pair Deskbook's median first.

    python -m bench.weight_bench [--pages index.html policies/refunds.html ...] [--rounds 3]
        [--lighthouse node_modules/.bin/lighthouse]

With ``--lighthouse`` (npm's ``lighthouse``, run with Debian's Chromium), each page of both sites also gets
Lighthouse's mobile performance score, FCP and LCP (simulated slow 4G and a mid-range phone), once per
round, and each page says whether its median LCP is no later than the control's (the target), then a last
line for all pages. Lighthouse simulates from what it saw load: whatever finished before the paint it
observed (Material's bundle, the search index) counts towards LCP, so one round swings by a second; read
the medians of several rounds.

LCP on an unthrottled local server is a few tens of milliseconds and noisy; the bytes and requests are
what a phone on a slow network pays for.

The control is plain Material as it builds; what makes Deskbook's pages lighter is Deskbook's own
(``deskbook.site.weight``): white space between tags squeezed, the page's own styles inside it, scripts
without their comment lines, the search shim only when opened from a folder. Both sites have the same
theme features, the same pages at the same paths and the same server.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .common import REPO

PAGES = ["index.html", "policies/refunds.html", "escalation/index.html", "training/knowledge-checks.html",
         "scripts/hold.html", "glossary.html", "review/acknowledgement-rep.html", "downloads.html"]
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
SEARCH_INDEX = "search/search_index.json"
LAUNCH = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
          "--disable-sync"]


def build_deskbook(root: Path) -> Path:
    project = root / "deskbook"
    project.mkdir()
    for name in ("content", "docs"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DESKBOOK_PDF": "false", "SOURCE_DATE_EPOCH": "1790000000"}
    subprocess.run([sys.executable, str(REPO / "build_manual.py"), "build", "-f", str(project / "mkdocs.yml")],
                   env=env, check=True, capture_output=True)
    return project / "site"


def build_control(root: Path, deskbook_site: Path) -> Path:
    """Plain Material with Deskbook's articles as its pages, at the same paths, and the same features."""
    project = root / "control"
    docs = project / "docs"
    for page in sorted(deskbook_site.rglob("*.html")):
        relative = page.relative_to(deskbook_site)
        if relative.parts[0] in ("assets", "search") or relative.name == "404.html":
            continue
        found = ARTICLE.search(page.read_text(encoding="utf-8"))
        if found is None:
            continue
        article = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", found.group(1))
        title = TITLE.search(article)
        body = TITLE.sub("", article, count=1)
        target = docs / relative.with_suffix(".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        heading = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip() if title else relative.stem
        target.write_text(f"# {heading}\n\n<div markdown=\"0\">\n{body}\n</div>\n", encoding="utf-8")
    assets = deskbook_site / "assets" / "deskbook"
    (docs / "assets").mkdir(parents=True, exist_ok=True)
    for logo in assets.glob("logo.*"):
        shutil.copy(logo, docs / "assets" / logo.name)
    logo = next(iter(sorted((docs / "assets").glob("logo.*"))), None)
    (project / "mkdocs.yml").write_text(
        "site_name: Harbourline Customer Care Manual\nuse_directory_urls: false\n"
        "theme:\n  name: material\n  font: false\n"
        + (f"  logo: assets/{logo.name}\n" if logo else "")
        + "  features: [navigation.sections, navigation.top, search.highlight, navigation.footer, "
        "navigation.indexes]\nplugins:\n  - search\nmarkdown_extensions: [abbr, attr_list, admonition, tables, "
        "md_in_html, {toc: {permalink: true}}]\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
                   env=env, check=True, capture_output=True)
    return project / "site"


_RENDER_BLOCKING = """() => {
  const head = document.head;
  const sheets = head.querySelectorAll('link[rel=stylesheet]:not([media=print])').length;
  const scripts = [...head.querySelectorAll('script[src]')].filter(s => !s.async && !s.defer
    && s.type !== 'module').length;
  return sheets + scripts;
}"""

_LCP = """() => new Promise(resolve => {
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve(entries.length ? entries[entries.length - 1].startTime : null);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve(null), 3000);
})"""


def measure(browser, url: str, viewport: dict) -> dict:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    transferred: dict[str, float] = {}
    session.on("Network.loadingFinished",
               lambda event: transferred.__setitem__(event["requestId"], event["encodedDataLength"]))
    # Both sites fetch the search index once the theme's script runs; on a busy machine that can come after
    # the network has been idle for a moment, so each load waits for it and counts it on both sides alike.
    with page.expect_request_finished(lambda request: request.url.endswith(SEARCH_INDEX), timeout=30000):
        page.goto(url, wait_until="networkidle")
    page.wait_for_load_state("networkidle")
    blocking = page.evaluate(_RENDER_BLOCKING)
    lcp = page.evaluate(_LCP)
    context.close()
    return {"bytes": sum(transferred.values()), "requests": len(transferred), "blocking": blocking, "lcp": lcp}


def _median(values: list) -> float:
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else float("nan")


def lighthouse(command: str, url: str, output: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    subprocess.run([command, url, "--only-categories=performance", "--output=json", f"--output-path={output}",
                    "--quiet", "--chrome-flags=--headless=new " + " ".join(LAUNCH)],
                   env=env, check=True, capture_output=True, timeout=300)
    report = json.loads(output.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {"score": round(100 * report["categories"]["performance"]["score"]),
            "lh_fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
            "lh_lcp": audits["largest-contentful-paint"]["numericValue"] / 1000}


def _both(runs: dict[str, list[dict]], key: str, width: int) -> str:
    """"14/8": Deskbook's median, then the control's."""
    ours = _median([run[key] for run in runs["ours"]])
    theirs = _median([run[key] for run in runs["theirs"]])
    return f"{ours:{width}.0f}/{theirs:<{width}.0f}"


def _both_seconds(runs: dict[str, list[dict]], key: str) -> str:
    ours = _median([run[key] for run in runs["ours"]])
    theirs = _median([run[key] for run in runs["theirs"]])
    return f"{ours:.2f}/{theirs:.2f}"


def _lcp_met(runs: dict[str, list[dict]]) -> bool:
    """The target: Deskbook's median Lighthouse LCP no later than the control's."""
    return _median([run["lh_lcp"] for run in runs["ours"]]) <= _median([run["lh_lcp"] for run in runs["theirs"]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=PAGES)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lighthouse", help="npm's lighthouse command; left out, no Lighthouse run")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO / "tests"))
    from browser import served

    with tempfile.TemporaryDirectory(prefix="deskbook-weight-") as temporary:
        root = Path(temporary)
        deskbook_site = build_deskbook(root)
        control_site = build_control(root, deskbook_site)
        with sync_playwright() as playwright, served(deskbook_site) as ours, served(control_site) as theirs:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH)
            print("page weight at 390x844, median of", args.rounds, "alternating loads; ratio = Deskbook / control")
            print(f"{'page':38} {'KiB ours':>9} {'KiB ctrl':>9} {'ratio':>6} {'req':>7} {'blocking':>9} "
                  f"{'LCP ms':>11}")
            worst = 0.0
            lcp_missed: list[str] = []
            measured = 0
            for path in args.pages:
                if not (deskbook_site / path).is_file() or not (control_site / path).is_file():
                    print(f"{path:38} (not in both sites)")
                    continue
                runs: dict[str, list[dict]] = {"ours": [], "theirs": []}
                for _ in range(args.rounds):
                    for side, base in (("ours", ours), ("theirs", theirs)):
                        run = measure(browser, base + path, {"width": 390, "height": 844})
                        if args.lighthouse:
                            run.update(lighthouse(args.lighthouse, base + path, root / "lighthouse.json"))
                        runs[side].append(run)
                ours_kib = _median([r["bytes"] for r in runs["ours"]]) / 1024
                theirs_kib = _median([r["bytes"] for r in runs["theirs"]]) / 1024
                worst = max(worst, ours_kib / theirs_kib)
                measured += 1
                lighthouse_part = ""
                if args.lighthouse:
                    met = _lcp_met(runs)
                    if not met:
                        lcp_missed.append(path)
                    lighthouse_part = (f"  Lighthouse {_both(runs, 'score', 3)}, "
                                       f"FCP {_both_seconds(runs, 'lh_fcp')} s, LCP {_both_seconds(runs, 'lh_lcp')} s: "
                                       f"{'met' if met else 'NOT MET'}")
                print(f"{path:38} {ours_kib:9.1f} {theirs_kib:9.1f} {ours_kib / theirs_kib:6.2f} "
                      f"{_both(runs, 'requests', 3)} {_both(runs, 'blocking', 4)} {_both(runs, 'lcp', 5)}"
                      + lighthouse_part)
            browser.close()
            print(f"heaviest page against the control: {worst:.2f}x (target: at most 1.00): "
                  f"{'met' if worst <= 1.0 else 'NOT MET'}")
            if args.lighthouse:
                print(f"Lighthouse LCP no later than the control's: met on {measured - len(lcp_missed)} of {measured} "
                      "pages" + (f"; NOT MET on {', '.join(lcp_missed)}" if lcp_missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
