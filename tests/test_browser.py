"""The rendered reports in a real browser: headless Chromium, driven over the DevTools protocol.

For each page (the fixture reports, and the real ones when ``notebooks/`` has them) the test
checks that every image decoded, that the page logged no console error or exception, that it
requested nothing but ``file:`` and ``data:`` URLs, and that at phone width (375 px) nothing is
wider than the screen; it saves desktop and phone screenshots in the test's temporary folder.

Chromium is Debian's ``chromium`` package (``apt-get install -y chromium``); the test skips,
saying so, when it is absent; the environment variable ``CHROMIUM`` names another binary.
The protocol is spoken with ``websocket-client`` (already a dependency of Jupyter), so no
browser-automation package is needed.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import config

pytestmark = [pytest.mark.slow, pytest.mark.browser]

FIXTURES = Path(__file__).parent / "fixtures" / "render"
CHROMIUM = (
    os.environ.get("CHROMIUM")  # e.g. another Chromium-based browser on a CI image
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
    or "/usr/bin/chromium"
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]
WAIT_S = 60  # bound on waiting for the browser; not a performance assertion
PHONE_WIDTH_PX = 375
LOCAL_SCHEMES = ("file:", "data:", "about:")

if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
    pytest.skip(
        f"Chromium not found (looked for {CHROMIUM}); install the Debian package: "
        "apt-get install -y chromium",
        allow_module_level=True,
    )
websocket = pytest.importorskip("websocket", reason="websocket-client is needed to drive Chromium")


class Browser:
    """A headless Chromium and one page in it, driven over the DevTools protocol."""

    def __init__(self, profile_dir: Path):
        self.process = subprocess.Popen(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile_dir / "DevToolsActivePort"
        deadline = time.monotonic() + WAIT_S
        while not port_file.is_file() or len(port_file.read_text().splitlines()) < 2:
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError(f"Chromium did not start ({CHROMIUM})")
            time.sleep(0.1)
        port, path = port_file.read_text().splitlines()[:2]
        self.socket = websocket.create_connection(
            f"ws://127.0.0.1:{port}{path}", timeout=WAIT_S, suppress_origin=True
        )
        self.ids = itertools.count(1)
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable", session=True)

    def call(self, method: str, session: bool = False, **params) -> dict:
        """Send one command and return its result, keeping the events that arrive meanwhile."""
        message = {"id": next(self.ids), "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == message["id"]:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def open(self, url: str) -> None:
        """Navigate to ``url`` and wait for its load event."""
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        deadline = time.monotonic() + WAIT_S
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load within {WAIT_S} s")
            self.events.append(json.loads(self.socket.recv()))

    def evaluate(self, expression: str):
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    def screenshot(self, path: Path, width: int, height: int = 900) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        if getattr(self, "socket", None):
            self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def problems_of(events: list[dict]) -> dict[str, list[str]]:
    """Console errors, exceptions and non-local requests among DevTools ``events``."""
    found: dict[str, list[str]] = {"console": [], "requests": []}
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found["console"].append(json.dumps(params.get("args", []))[:300])
        elif method == "Runtime.exceptionThrown":
            found["console"].append(json.dumps(params.get("exceptionDetails", {}))[:300])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            found["console"].append(params["entry"].get("text", "")[:300])
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not url.startswith(LOCAL_SCHEMES):
                found["requests"].append(url)
    return found


IMAGES_JS = (
    "Array.from(document.images).map(i => ({src: i.src.slice(0, 40), complete: i.complete,"
    " width: i.naturalWidth}))"
)
OVERFLOW_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def render(out: Path, *args: str, notebooks: Path | None = None, data: Path | None = None):
    env = dict(os.environ)
    if data:
        env["GN_DATA_DIR"] = str(data)
    command = [sys.executable, "-m", "reportbuild", "--out", str(out), "--no-progress", *args]
    if notebooks:
        command += ["--notebooks", str(notebooks)]
    process = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    assert process.returncode == 0, process.stderr
    return sorted(out.glob("*.html"))


def real_notebooks_present() -> bool:
    stem = "01-province-profile"
    return any((config.NOTEBOOKS_DIR / f"{stem}{ext}").is_file() for ext in (".ipynb", ".py"))


@pytest.fixture(scope="module")
def pages(tmp_path_factory, request) -> list[Path]:
    """Rendered pages to open: the fixture reports, plus the real reports when present."""
    fixtures = render(
        tmp_path_factory.mktemp("fixture-reports"),
        "--province",
        "bac kan",
        notebooks=FIXTURES / "notebooks",
        data=FIXTURES / "data",
    )
    real = sorted(request.getfixturevalue("rendered_reports").glob("*.html"))
    return fixtures + real


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    browser = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.close()


def test_pages_load_cleanly_in_chromium(pages, browser, tmp_path):
    failures = []
    for page in pages:
        label = f"{page.parent.name}/{page.name}"
        browser.call("Emulation.clearDeviceMetricsOverride", session=True)
        browser.open(page.as_uri())
        images = browser.evaluate(IMAGES_JS)
        problems = problems_of(browser.events)
        undecoded = [i for i in images if not (i["complete"] and i["width"] > 0)]
        browser.screenshot(tmp_path / f"{page.parent.name}-{page.stem}-desktop.png", 1280)
        browser.screenshot(tmp_path / f"{page.parent.name}-{page.stem}-phone.png", PHONE_WIDTH_PX)
        overflow = browser.evaluate(OVERFLOW_JS)
        if undecoded:
            failures.append(f"{label}: images not decoded: {undecoded}")
        if problems["console"]:
            failures.append(f"{label}: console errors: {problems['console']}")
        if problems["requests"]:
            failures.append(f"{label}: requests to other hosts: {problems['requests']}")
        if overflow > 0:
            failures.append(f"{label}: {overflow}px wider than a {PHONE_WIDTH_PX}px screen")
    assert failures == [], "\n".join(failures)
    assert len(list(tmp_path.glob("*.png"))) == 2 * len(pages)
    print(f"screenshots of {len(pages)} page(s) in {tmp_path}")


def test_fixture_profile_shows_its_chart(pages, browser):
    profile = next(p for p in pages if p.name == "profile-bac-kan.html")
    browser.open(profile.as_uri())
    images = browser.evaluate(IMAGES_JS)
    assert len(images) == 1 and images[0]["src"].startswith("data:image/png")
    assert images[0]["width"] > 100
