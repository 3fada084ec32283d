"""Accessibility check of the pages `make handouts` builds: axe-core in the real browser, WCAG 2.2 AA.

Opens each HTML page in Debian's chromium (through Playwright, no browser download), runs axe-core (the copy
shipped inside the axe-playwright-python package; nothing is fetched) with the WCAG 2.0/2.1/2.2 A and AA rules
and the best-practice rules, and reports every violation by impact. tests/test_a11y.py allows no serious or
critical violation and lists the moderate ones.

    python -m tools.a11y [build]      # after make handouts
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERIOUS = ("serious", "critical")


def axe_script() -> Path:
    import axe_playwright_python
    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


def pages(build: Path) -> list[Path]:
    """Every page a reader opens: the editions, the handout and cards, the reader's edition, the slide decks."""
    return sorted(p for p in build.rglob("*.html") if "reveal.js" not in p.parts and "release" not in p.parts)


def check(paths: list[Path], chromium: str | None = None) -> dict[Path, list[dict]]:
    """For each page, axe-core's violations: dicts with id, impact, help and nodes (each with its target)."""
    from playwright.sync_api import sync_playwright
    chromium = chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    script = axe_script().read_text(encoding="utf-8")
    found: dict[Path, list[dict]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            for path in paths:
                page.goto(path.resolve().as_uri(), wait_until="load")
                page.add_script_tag(content=script)
                result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                                       "resultTypes: ['violations']})", TAGS)
                found[path] = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                                "nodes": [" ".join(map(str, n["target"])) for n in v["nodes"]]}
                               for v in result["violations"]]
        finally:
            browser.close()
    return found


def summary(found: dict[Path, list[dict]], root: Path) -> list[str]:
    lines = []
    for path, violations in found.items():
        for v in violations:
            lines.append(f"{path.relative_to(root)}: {v['impact']} {v['id']} ({len(v['nodes'])} nodes): {v['help']}; "
                         f"first: {v['nodes'][0] if v['nodes'] else ''}")
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else PROJECT / "build"
    found = check(pages(root))
    for line in summary(found, root):
        print(line)
    bad = sum(1 for vs in found.values() for v in vs if v["impact"] in SERIOUS)
    print(json.dumps({"pages": len(found), "serious or critical": bad,
                      "moderate or minor": sum(len(vs) for vs in found.values()) - bad}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
