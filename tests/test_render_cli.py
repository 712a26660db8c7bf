"""render-reports end to end on the tiny fixture notebooks (tests/fixtures/render).

Each test runs the real command in a subprocess, with kernels, so all are marked slow. The
fixture notebooks stand in for the three real ones (same file names); ``failing.py`` and
``sleeping.py`` replace one of them where a test needs a failure or a long run.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from reportbuild import catalog
from reportbuild.checks import broken_links, external_references, page_links

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "render"
# The CLI must render every report of the catalogue (whose order test_render.py pins down).
ALL_SLUGS = [r.slug for r in catalog.reports_for([], catalog.resolve_provinces([]))]
WAIT_S = 120  # generous bound for waiting on a subprocess; not a performance assertion


def run_cli(*args: str, notebooks: Path = FIXTURES / "notebooks", data: Path = FIXTURES / "data"):
    """Run render-reports in a subprocess; return the CompletedProcess (text)."""
    env = {**os.environ, "GN_DATA_DIR": str(data)}
    command = [sys.executable, "-m", "reportbuild", "--notebooks", str(notebooks), *args]
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def notebooks_with(tmp_path: Path, replacements: dict[str, str]) -> Path:
    """A copy of the fixture notebooks where ``{stem: fixture file}`` replaces some of them."""
    folder = tmp_path / "notebooks"
    shutil.copytree(FIXTURES / "notebooks", folder)
    for stem, fixture in replacements.items():
        for old in folder.glob(f"{stem}.*"):
            old.unlink()
        shutil.copy(FIXTURES / fixture, folder / f"{stem}.py")
    return folder


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """All six fixture reports rendered once into a fresh folder: (folder, process)."""
    out = tmp_path_factory.mktemp("reports")
    process = run_cli("--out", str(out), "--no-progress", "--jobs", "2")
    assert process.returncode == 0, process.stderr
    return out, process


def test_every_report_index_and_executed_notebook_is_written(rendered):
    out, _ = rendered
    for slug in ALL_SLUGS:
        assert (out / f"{slug}.html").is_file(), slug
        assert (out / "executed" / f"{slug}.ipynb").is_file(), slug
    assert (out / "index.html").is_file()
    assert sorted(p.name for p in out.iterdir() if ".tmp" in p.name) == []


def test_index_links_resolve_to_every_report(rendered):
    out, _ = rendered
    links = page_links(out / "index.html") + page_links(out / "index.vi.html")
    assert broken_links(out / "index.html") == [] and broken_links(out / "index.vi.html") == []
    assert {f"{slug}.html" for slug in ALL_SLUGS} <= set(links)
    assert ">Thái Nguyên</a>" in (out / "index.html").read_text(encoding="utf-8")


def test_reports_are_self_contained(rendered):
    out, _ = rendered
    for page_path in out.glob("*.html"):
        page = page_path.read_text(encoding="utf-8")
        assert external_references(page) == [], page_path.name
        assert "<script" not in page.lower(), page_path.name


def test_profile_embeds_its_chart_as_png(rendered):
    out, _ = rendered
    page = (out / "profile-bac-kan.html").read_text(encoding="utf-8")
    assert 'src="images/' in page and 'src="data:image' not in page  # a file beside the page
    (src,) = re.findall(r'src="(images/[0-9a-f]{16}\.png)"', page)
    assert (out / src).read_bytes().startswith(b"\x89PNG")
    assert 'alt="Bar chart of the observations of Bắc Kạn."' in page
    assert "<title>Province profile: Bắc Kạn</title>" in page
    assert "Bắc Kạn: 2 observations" in page


def test_script_from_the_data_shows_as_text_or_is_dropped(rendered):
    out, _ = rendered
    page = (out / "compare-provinces.html").read_text(encoding="utf-8")
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # printed, in a table
    assert "<script" not in page  # raw in Markdown or HTML displays: dropped


def test_rendering_again_gives_byte_identical_html(rendered, tmp_path):
    out, _ = rendered
    again = tmp_path / "again"
    process = run_cli("--out", str(again), "--province", "bac kan", "--no-progress", "--jobs", "1")
    assert process.returncode == 0, process.stderr
    for slug in ("profile-bac-kan", "compare-provinces", "poverty-standards"):
        assert (again / f"{slug}.html").read_bytes() == (out / f"{slug}.html").read_bytes(), slug


def test_unchanged_inputs_are_skipped_and_force_renders_again(rendered):
    out, _ = rendered
    before = {slug: (out / f"{slug}.html").stat().st_mtime_ns for slug in ALL_SLUGS}
    process = run_cli("--out", str(out), "--no-progress", "--jobs", "2")
    assert process.returncode == 0, process.stderr
    assert f"{len(ALL_SLUGS)} up to date, 0 to render" in process.stderr
    assert before == {slug: (out / f"{slug}.html").stat().st_mtime_ns for slug in ALL_SLUGS}

    process = run_cli(
        "--out", str(out), "--no-progress", "--report", "standards", "--language", "en",
        "--force", "--profile",
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    assert "0 up to date, 1 to render" in process.stderr
    assert "profile poverty-standards: at +" in process.stderr  # --profile: where time went
    assert " execute " in process.stderr and " html " in process.stderr
    assert (out / "poverty-standards.html").stat().st_mtime_ns != before["poverty-standards"]


def test_changed_data_makes_every_report_stale(rendered, tmp_path):
    out, _ = rendered
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", data)
    process = run_cli("--out", str(out), "--dry-run", data=data)
    assert process.stdout.count("up to date") == len(ALL_SLUGS), process.stdout
    with (data / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("Hà Giang,poor_households_pct,21.5,new row\n")
    process = run_cli("--out", str(out), "--dry-run", data=data)
    assert process.stdout.count("to render") == len(ALL_SLUGS), process.stdout


def test_a_failing_report_keeps_its_old_html_and_the_others_are_rendered(tmp_path):
    notebooks = notebooks_with(tmp_path, {"03-poverty-standards": "failing.py"})
    out = tmp_path / "out"
    out.mkdir()
    (out / "poverty-standards.html").write_text("previous version", encoding="utf-8")

    process = run_cli(
        "--out", str(out), "--report", "standards", "--report", "compare", "--no-progress",
        "--language", "en",
        notebooks=notebooks,
    )  # fmt: skip
    assert process.returncode == 1
    assert "FAILED poverty-standards" in process.stderr
    # In [3]: papermill runs its injected-parameters cell (the language) first
    assert "In [3]" in process.stderr and "raise ValueError" in process.stderr
    assert "ValueError: fixture failure in the third cell" in process.stderr
    assert (out / "poverty-standards.html").read_text(encoding="utf-8") == "previous version"
    assert (out / "executed" / "poverty-standards.failed.ipynb").is_file()
    assert (out / "compare-provinces.html").is_file()
    assert "poverty-standards" not in (out / ".manifest.json").read_text(encoding="utf-8")

    # Fixed notebook: the report renders and the failed notebook is cleared away.
    fixed = notebooks_with(tmp_path / "fixed", {})
    process = run_cli(
        "--out",
        str(out),
        "--report",
        "standards",
        "--language",
        "en",
        "--no-progress",
        notebooks=fixed,
    )
    assert process.returncode == 0, process.stderr
    assert not (out / "executed" / "poverty-standards.failed.ipynb").exists()


def _kernels_of(process: psutil.Process) -> list[psutil.Process]:
    found = []
    for child in process.children(recursive=True):
        try:
            if any("ipykernel" in part for part in child.cmdline()):
                found.append(child)
        except psutil.Error:
            pass
    return found


def _default_sigint() -> None:
    """In the child: SIGINT as a terminal gives it, even when the tests run in the background
    (a shell starts background commands with SIGINT ignored, and Python then keeps ignoring it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_sleeping_run(
    tmp_path: Path, **extra_env: str
) -> tuple[subprocess.Popen, list[psutil.Process], Path]:
    """Start rendering the sleeping fixture; return once its kernel is in the sleeping cell."""
    notebooks = notebooks_with(tmp_path, {"02-compare-provinces": "sleeping.py"})
    out, sleeping = tmp_path / "out", tmp_path / "sleeping"
    env = {**os.environ, "GN_DATA_DIR": str(FIXTURES / "data"), **extra_env}
    env["GN_TEST_SLEEPING_MARKER"] = str(sleeping)
    command = [sys.executable, "-m", "reportbuild", "--notebooks", str(notebooks)]
    command += ["--out", str(out), "--report", "compare", "--language", "en", "--no-progress"]
    cli = subprocess.Popen(
        command, env=env, stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint
    )
    deadline = time.monotonic() + WAIT_S
    kernels: list[psutil.Process] = []
    while not kernels and time.monotonic() < deadline and cli.poll() is None:
        time.sleep(0.2)
        kernels = _kernels_of(psutil.Process(cli.pid))
    while not sleeping.exists() and time.monotonic() < deadline and cli.poll() is None:
        time.sleep(0.1)  # kernels start before their first report: wait until it runs
    if not kernels or not sleeping.exists():
        cli.kill()
        pytest.fail(f"no kernel sleeping within {WAIT_S} s: {cli.communicate()[1]}")
    return cli, kernels, out


def _alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    alive = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                alive.append(process)
        except psutil.NoSuchProcess:
            pass
    return alive


def test_ctrl_c_leaves_no_half_written_report_and_no_kernel(tmp_path):
    cli, kernels, out = _start_sleeping_run(tmp_path)
    descendants = psutil.Process(cli.pid).children(recursive=True)
    cli.send_signal(signal.SIGINT)
    _, stderr = cli.communicate(timeout=WAIT_S)
    assert cli.returncode == 130, stderr
    assert "interrupted" in stderr
    psutil.wait_procs(descendants, timeout=10)
    assert _alive(kernels) == []
    assert [p for p in _alive(descendants) if "resource_tracker" not in " ".join(p.cmdline())] == []
    assert [p.name for p in out.rglob("*") if ".tmp" in p.name] == []
    assert not (out / "compare-provinces.html").exists()


def test_a_killed_kernel_fails_its_report_cleanly(tmp_path):
    cli, kernels, out = _start_sleeping_run(tmp_path)
    for kernel in kernels:
        kernel.kill()
    _, stderr = cli.communicate(timeout=WAIT_S)
    assert cli.returncode == 1, stderr
    assert "FAILED compare-provinces" in stderr
    assert not (out / "compare-provinces.html").exists()
    assert [p.name for p in out.rglob("*") if ".tmp" in p.name] == []


def test_reused_kernels_render_what_fresh_kernels_render(rendered, tmp_path):
    out, process = rendered
    assert "kernel reused" in process.stderr  # the shared render did reuse kernels
    fresh = tmp_path / "fresh"
    process = run_cli("--out", str(fresh), "--no-progress", "--reports-per-kernel", "1")
    assert process.returncode == 0, process.stderr
    assert "kernel reused" not in process.stderr
    for slug in ALL_SLUGS:
        assert (fresh / f"{slug}.html").read_bytes() == (out / f"{slug}.html").read_bytes(), slug


def test_the_data_version_recorded_is_that_of_the_data_the_kernel_read(tmp_path):
    notebooks = notebooks_with(tmp_path, {"03-poverty-standards": "reads_late.py"})
    data, handshake, out = tmp_path / "data", tmp_path / "handshake", tmp_path / "out"
    shutil.copytree(FIXTURES / "data", data)
    handshake.mkdir()
    rows_before = len((data / "observations.csv").read_text(encoding="utf-8").splitlines()) - 1
    env = {**os.environ, "GN_DATA_DIR": str(data), "RB_TEST_HANDSHAKE": str(handshake)}
    command = [sys.executable, "-m", "reportbuild", "--notebooks", str(notebooks)]
    command += ["--out", str(out), "--report", "standards", "--language", "en", "--no-progress"]
    cli = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + WAIT_S
    while not (handshake / "ready").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with (data / "observations.csv").open("a", encoding="utf-8") as f:  # changed mid-run
        f.write("Hà Giang,poor_households_pct,21.5,new row\n")
    (handshake / "go").touch()
    _, stderr = cli.communicate(timeout=WAIT_S)
    assert cli.returncode == 0, stderr

    page = (out / "poverty-standards.html").read_text(encoding="utf-8")
    assert f"rows read: {rows_before}" in page  # the snapshot taken before the kernel started
    process = run_cli("--out", str(out), "--report", "standards", "--dry-run", notebooks=notebooks,
                      data=data)  # fmt: skip
    assert "to render" in process.stdout  # the manifest holds the data it read, not today's


def test_a_write_failure_stops_the_run_and_leaves_no_partial_file(tmp_path):
    import resource

    out = tmp_path / "out"
    out.mkdir()
    (out / "profile-bac-kan.html").write_text("previous version", encoding="utf-8")
    limit = 16 * 1024  # a "full disk" for files over 16 KB: the profiles' notebooks are ~21 KB

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "GN_DATA_DIR": str(FIXTURES / "data")}
    command = [sys.executable, "-m", "reportbuild", "--notebooks", str(FIXTURES / "notebooks")]
    command += ["--out", str(out), "--report", "profile", "--language", "en", "--jobs", "1"]
    command += ["--no-progress"]
    process = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=600, preexec_fn=small_files
    )
    assert process.returncode == 1, process.stderr
    assert "render-reports: stopped: could not write into" in process.stderr
    assert "File too large" in process.stderr and "Traceback" not in process.stderr
    assert "0 of 4 report(s) were written; the other 4 keep their previous HTML" in (process.stderr)
    assert (out / "profile-bac-kan.html").read_text(encoding="utf-8") == "previous version"
    assert [p.name for p in out.rglob("*") if ".tmp" in p.name or ".failed" in p.name] == []
    assert process.stderr.count("rendered ") == 0


def test_killing_the_renderer_takes_its_workers_and_kernels_with_it(tmp_path):
    cli, kernels, out = _start_sleeping_run(tmp_path)
    descendants = psutil.Process(cli.pid).children(recursive=True)
    assert kernels and len(descendants) >= 2
    cli.kill()  # SIGKILL: no handler runs in the renderer
    cli.communicate(timeout=WAIT_S)
    gone, alive = psutil.wait_procs(descendants, timeout=15)
    assert _alive(alive) == [], [" ".join(p.cmdline()[:3]) for p in _alive(alive)]


def test_a_worker_starts_its_kernel_before_its_first_report_and_uses_it(tmp_path):
    from reportbuild import worker

    notebooks = FIXTURES / "notebooks"
    report = catalog.reports_for(["standards"], {})[0]
    job = worker.Job(report, notebooks, tmp_path, "test")
    worker.start_session(notebooks)  # as init_worker does
    started = worker._session
    try:
        assert started is not None and not started.ready
        session, reused = worker._session_for(job)
        assert session is started and session.ready and not reused
        session.reports += 1
        assert worker._session_for(job) == (started, True)
    finally:
        worker.close_session()


def test_a_warm_up_that_fails_at_kernel_start_is_reported(tmp_path):
    from reportbuild.kernel import KernelError, KernelSession

    (tmp_path / "pandas.py").write_text("raise ImportError('pandas is broken here')\n")
    session = KernelSession(tmp_path, wait=False)  # the kernel imports from its folder first
    with pytest.raises(KernelError, match="pandas is broken here"):
        session.wait_until_ready()
    assert not session.alive()


def test_a_kernel_is_gone_and_reaped_when_its_session_shuts_down(tmp_path):
    from reportbuild.kernel import KernelSession

    session = KernelSession(tmp_path)
    pid = session.pid
    session.shutdown()
    assert pid and not psutil.pid_exists(pid)  # killed and reaped, no zombie left


def test_what_the_warm_up_imported_is_left_out_of_the_kernels_full_collections(tmp_path):
    from reportbuild.kernel import KernelSession

    session = KernelSession(tmp_path)
    try:
        session.run("import gc, pandas; assert gc.get_freeze_count() > 10_000")
        session.reset()  # IPython's reset collects; still frozen, still working
        session.run("import gc; assert gc.get_freeze_count() > 10_000")
    finally:
        session.shutdown()


def test_a_worker_leaves_its_imports_out_of_full_collections(tmp_path, monkeypatch):
    import gc

    from reportbuild import worker

    monkeypatch.setenv("GN_DATA_DIR", str(FIXTURES / "data"))
    report = catalog.reports_for(["standards"], {})[0]
    gc.unfreeze()
    worker._freeze_imports.cache_clear()
    try:
        outcome = worker.render(worker.Job(report, FIXTURES / "notebooks", tmp_path, "test"))
        assert outcome.ok, outcome.error
        assert gc.get_freeze_count() > 10_000
    finally:
        worker.close_session()
        gc.unfreeze()


def test_sigkill_leaves_only_what_the_next_run_removes(tmp_path):
    # Issue 17: SIGKILL left hidden executed/.*.tmp notebooks, kernel connection files (with
    # their HMAC key) in /tmp and /tmp/render-data-*, and later runs never removed them.
    base = tmp_path / "tmp"
    base.mkdir()
    cli, kernels, out = _start_sleeping_run(tmp_path, TMPDIR=str(base))
    descendants = psutil.Process(cli.pid).children(recursive=True)
    cli.kill()
    cli.communicate(timeout=WAIT_S)
    psutil.wait_procs(descendants, timeout=15)
    left = [p.name for p in base.iterdir()]
    assert all(name.startswith("render-reports-") for name in left), left  # one folder a run
    assert not any(p.suffix == ".json" for p in base.iterdir())  # connection files inside it

    env = {**os.environ, "GN_DATA_DIR": str(FIXTURES / "data"), "TMPDIR": str(base)}
    command = [sys.executable, "-m", "reportbuild", "--notebooks", str(FIXTURES / "notebooks")]
    command += ["--out", str(out), "--report", "standards", "--language", "en", "--no-progress"]
    process = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert process.returncode == 0, process.stderr
    assert list(base.iterdir()) == []
    assert [p.name for p in out.rglob("*") if p.name.endswith(".tmp")] == []


def test_a_dead_worker_is_replaced_and_its_reports_rendered(tmp_path):
    # Issue 17: when one worker process died, every report not yet finished failed.
    notebooks = notebooks_with(tmp_path, {"03-poverty-standards": "kills_worker.py"})
    out = tmp_path / "out"
    env = {**os.environ, "GN_DATA_DIR": str(FIXTURES / "data")}
    env["GN_TEST_KILL_ONCE"] = str(tmp_path / "killed-once")
    command = [sys.executable, "-m", "reportbuild", "--notebooks", str(notebooks)]
    command += ["--out", str(out), "--report", "standards", "--report", "compare"]
    command += ["--language", "en", "--jobs", "2", "--no-progress"]
    process = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert (tmp_path / "killed-once").exists()  # a worker was killed
    assert process.returncode == 0, process.stderr
    assert "a worker process died: starting new workers" in process.stderr
    assert (out / "poverty-standards.html").is_file() and (out / "compare-provinces.html").is_file()
    assert (out / "index.html").is_file()
