"""Headless Chromium for the tests: a page's DOM after its scripts ran, and its screenshot.

Uses the system's Chromium (Debian's `chromium` package, /usr/bin/chromium), run as a command:
``--dump-dom`` prints the document as the browser holds it once the page has settled (virtual time:
timers and loads run to completion, up to a budget), ``--screenshot`` saves what a person sees.
Nothing is downloaded or installed. Without a Chromium binary the tests that need one are skipped,
saying so (`pytest -ra` lists the reason); a Chromium that is there but fails is a failure.
Set JOB_MARKET_CHROMIUM to use another binary (e.g. google-chrome).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# elements whose text a person never sees
HIDDEN = {"script", "style", "noscript", "template", "head", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}


def chromium_or_skip() -> str:
    """The Chromium binary, or skip the test with the reason it cannot run here."""
    wanted = os.environ.get("JOB_MARKET_CHROMIUM")
    found = shutil.which(wanted) if wanted else next(filter(None, map(shutil.which, CANDIDATES)), None)
    if not found:
        pytest.skip(
            f"BROWSER TEST NOT RUN: no Chromium binary ({wanted or ' / '.join(CANDIDATES)} not on PATH). "
            "Install Debian's chromium package (apt-get install chromium) or point JOB_MARKET_CHROMIUM at one."
        )
    return found


def _run(args: list[str], url: str, *, window: tuple[int, int], budget_ms: int) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:  # never a shared profile
        command = [
            chromium_or_skip(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--no-first-run", f"--user-data-dir={profile}",
            f"--virtual-time-budget={budget_ms}", f"--window-size={window[0]},{window[1]}", *args, url,
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise AssertionError(f"chromium exited {result.returncode} on {url}:\n{result.stderr[-3000:]}")
    return result


def dump_dom(url: str, *, window: tuple[int, int] = (1400, 1800), budget_ms: int = 15000) -> "Node":
    """The page's document after its scripts ran, parsed."""
    result = _run(["--dump-dom"], url, window=window, budget_ms=budget_ms)
    if "<html" not in result.stdout.lower():
        raise AssertionError(f"chromium printed no document for {url}:\n{result.stderr[-3000:]}")
    return parse(result.stdout)


def screenshot(url: str, path: Path, *, window: tuple[int, int] = (1400, 1800), budget_ms: int = 15000) -> Path:
    """Save a PNG of the page as a person sees it (the window's size) at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    _run([f"--screenshot={path}"], url, window=window, budget_ms=budget_ms)
    if not path.exists() or path.stat().st_size < 1000:
        raise AssertionError(f"chromium wrote no screenshot of {url} at {path}")
    return path


# --- a small DOM: enough to find elements and read the text a person sees ------------------------


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: "Node | None" = None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list["Node | str"] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, *, cls: str | None = None, **attrs: str) -> list["Node"]:
        """Descendants (and self) with this tag, class and attribute values (`data_x` for data-x)."""
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [
            node for node in self.iter()
            if (tag is None or node.tag == tag) and (cls is None or cls in node.classes)
            and all(node.attrs.get(k) == v for k, v in wanted.items())
        ]

    def find(self, tag: str | None = None, **kwargs) -> "Node | None":
        found = self.find_all(tag, **kwargs)
        return found[0] if found else None

    def text(self) -> str:
        """The text inside, as a person reads it (no script or style), whitespace collapsed."""
        parts: list[str] = []

        def walk(node: Node) -> None:
            if node.tag in HIDDEN:
                return
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                else:
                    walk(child)

        walk(self)
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:  # an end tag without a start tag is ignored
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
