"""One Jupyter kernel executing several reports in turn, its namespace reset between them.

Two thirds of a report's time used to be the fixed cost of a kernel: start, imports (pandas,
matplotlib, the helpers), shutdown. A :class:`KernelSession` starts one kernel, imports the heavy
modules once (:data:`WARM_UP`), and before every report after the first puts the kernel back in
the state of a fresh one (:data:`RESET`):

- the user namespace emptied and the execution counter back at 1 (IPython's ``reset``), before
  every report, the first included;
- matplotlib's figures closed, its ``rcParams`` and the inline backend's formats restored;
- pandas options, warning filters, environment variables, ``sys.path`` and the working folder
  restored to what they were after the warm-up;
- every ``functools`` cache of the ``helpers`` modules cleared.

Modules stay imported: that is the point. A report can still leave state behind in ways the reset
does not know (a helper module's global changed in place), so the worker restarts the kernel every
few reports and after any failure, and tests/test_render_cli.py checks that reused-kernel renders
are byte-identical to fresh-kernel ones.

The kernel runs the warm-up while it starts (IPython's ``exec_lines``), so that a worker can
launch it first and import its own modules meanwhile (:meth:`KernelSession.wait_until_ready`
then connects, and reports a failed warm-up by running it again).

Papermill runs the notebooks as before (parameters, error banners), through the ``reportbuild``
engine registered here, which hands papermill the session's kernel instead of starting one.
"""

from __future__ import annotations

from pathlib import Path

KERNEL_NAME = "python3"
KERNEL_START_TIMEOUT_S = 120
RESET_TIMEOUT_S = 60
# Quiet logging (ipykernel otherwise warns on each start); history in memory, as nbclient does.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.hist_file=:memory:"]

WARM_UP = """
def _reportbuild_warm_up():
    import copy, os, sys, types, warnings
    import pandas, matplotlib, matplotlib.pyplot
    import helpers, helpers.config
    for name in ("load", "display", "profile_page", "compare_page", "standards"):
        try:
            __import__(f"helpers.{name}")
        except ImportError:
            pass
    state = types.ModuleType("_reportbuild_state")
    sys.modules["_reportbuild_state"] = state
    state.rc = dict(matplotlib.rcParams)
    try:
        from matplotlib_inline.backend_inline import InlineBackend
        state.formats = set(InlineBackend.instance().figure_formats)
        state.figure_kwargs = dict(InlineBackend.instance().print_figure_kwargs)
    except Exception:
        state.formats = None
    try:
        from pandas._config import config as pandas_config
        state.pandas = copy.deepcopy(pandas_config._global_config)
    except Exception:
        state.pandas = None
    state.warnings = list(warnings.filters)
    state.environ = dict(os.environ)
    state.path = list(sys.path)
    state.cwd = os.getcwd()
    # What is imported now lives as long as the kernel: leave it out of the collector's full
    # passes (IPython's reset runs one before every report): 40 ms less per reset.
    import gc
    gc.freeze()
try:
    _reportbuild_warm_up()
except Exception:
    pass  # WARMED_UP runs it again, so that the worker gets the error
"""

# Sent once the kernel has started: the warm-up's error, if it failed, for the worker to report.
WARMED_UP = """
import sys as _reportbuild_sys
if "_reportbuild_state" not in _reportbuild_sys.modules:
    _reportbuild_warm_up()
del _reportbuild_warm_up, _reportbuild_sys
"""

RESET = """
def _reportbuild_reset():
    import functools, os, sys, warnings
    import matplotlib, matplotlib.pyplot as plt
    state = sys.modules["_reportbuild_state"]
    shell = get_ipython()
    shell.reset(new_session=True)
    plt.close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matplotlib.rcParams.update(state.rc)
    if state.formats is not None:
        from matplotlib_inline.backend_inline import InlineBackend
        from IPython.core.pylabtools import select_figure_formats
        InlineBackend.instance().figure_formats = set(state.formats)
        InlineBackend.instance().print_figure_kwargs = dict(state.figure_kwargs)
        select_figure_formats(shell, state.formats, **state.figure_kwargs)
    if state.pandas is not None:
        import copy
        from pandas._config import config as pandas_config
        pandas_config._global_config.clear()
        pandas_config._global_config.update(copy.deepcopy(state.pandas))
    warnings.filters[:] = state.warnings
    warnings._filters_mutated()
    os.environ.clear()
    os.environ.update(state.environ)
    sys.path[:] = state.path
    os.chdir(state.cwd)
    for name, module in list(sys.modules.items()):
        if name == "helpers" or name.startswith("helpers."):
            for value in list(vars(module).values()):
                if callable(value) and hasattr(value, "cache_info"):
                    value.cache_clear()
    shell.execution_count = 1
_reportbuild_reset()
"""


class KernelError(RuntimeError):
    """The kernel could not be started, warmed up or reset."""


class KernelSession:
    """A running kernel and its client, for several reports in turn (see the module doc).

    The manager and client are jupyter_client's asynchronous ones, as nbclient expects: with
    them, nbclient notices a kernel that dies while a cell runs (a blocking client would wait
    for its output forever).
    """

    def __init__(self, cwd: Path, wait: bool = True):
        """Start a kernel in ``cwd``; unless ``wait`` is False, wait until it is ready."""
        from jupyter_client import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self._sync = run_sync
        self.cwd = cwd
        self.reports = 0  # reports executed in this kernel so far
        self.kc = None  # connected by wait_until_ready
        self._ready = False
        self.km = AsyncKernelManager(kernel_name=KERNEL_NAME)
        arguments = [*KERNEL_ARGUMENTS, f"--IPKernelApp.exec_lines={WARM_UP}"]
        run_sync(self.km.start_kernel)(cwd=str(cwd), extra_arguments=arguments)
        if wait:
            self.wait_until_ready()

    @property
    def ready(self) -> bool:
        """True once :meth:`wait_until_ready` has succeeded."""
        return self._ready

    def wait_until_ready(self) -> None:
        """Connect to the kernel and wait until it has started and warmed up (once); on failure
        the kernel is shut down and KernelError raised."""
        if self._ready:
            return
        try:
            if self.kc is None:
                self.kc = self.km.client()
                self.kc.start_channels()
            self._wait_for_kernel_info(KERNEL_START_TIMEOUT_S)
            self.kc.allow_stdin = False
            self.run(WARMED_UP)
        except Exception:
            self.shutdown()
            raise
        self._ready = True

    def _wait_for_kernel_info(self, timeout: float) -> None:
        """Wait for the kernel's first reply, and one message on IOPub (so that no output of the
        first cell can be missed). As jupyter_client's ``wait_for_ready`` without its last
        step, 0.2 s of waiting for IOPub to fall quiet: nbclient ignores stale messages."""
        import queue
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.kc.kernel_info()
            try:
                reply = self._sync(self.kc.get_shell_msg)(timeout=1)
                if reply.get("msg_type") == "kernel_info_reply":
                    self._sync(self.kc.get_iopub_msg)(timeout=0.2)
                    self.kc._handle_kernel_info_reply(reply)  # protocol version, as it does
                    return
            except queue.Empty:
                pass
            if not self.alive():
                raise KernelError("the kernel died during its start")
        raise KernelError(f"the kernel did not start within {timeout:.0f} s")

    @property
    def pid(self) -> int | None:
        provisioner = getattr(self.km, "provisioner", None)
        process = getattr(provisioner, "process", None)
        return getattr(process, "pid", None)

    def run(self, code: str, timeout: float = RESET_TIMEOUT_S) -> None:
        """Execute ``code`` quietly; KernelError when it fails, the kernel dies or time runs out.

        Waits in steps of a second, checking that the kernel is alive, so that a killed kernel
        is noticed at once.
        """
        import queue
        import time

        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                reply = self._sync(self.kc.get_shell_msg)(timeout=1)
            except queue.Empty:
                if not self.alive():
                    raise KernelError("the kernel died during its set-up") from None
                continue
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            content = reply.get("content", {})
            if content.get("status") != "ok":
                raise KernelError(
                    f"kernel set-up failed: {content.get('ename', '')}: {content.get('evalue', '')}"
                )
            return
        raise KernelError(f"the kernel did not finish its set-up within {timeout:.0f} s")

    def reset(self) -> None:
        """Bring the kernel back to its state after the warm-up (see the module doc)."""
        self.run(RESET)

    def alive(self) -> bool:
        try:
            return bool(self._sync(self.km.is_alive)())
        except Exception:
            return False

    def shutdown(self) -> None:
        """Stop the client and the kernel, at once."""
        try:
            if self.kc is not None:
                self.kc.stop_channels()
        finally:
            self._kill()
            try:
                self._sync(self.km.shutdown_kernel)(now=True)
            except Exception:
                pass

    def _kill(self) -> None:
        """Kill the kernel's process group and reap it, as jupyter_client's ``now=True``
        shutdown does, but without its first 0.1 s sleep before it looks whether the kernel
        has died (a worker stops its kernel on its way out, after the last report)."""
        import os
        import signal

        provisioner = getattr(self.km, "provisioner", None)
        process = getattr(provisioner, "process", None)
        if process is None:
            return
        try:
            group = getattr(provisioner, "pgid", None)
            os.killpg(group, signal.SIGKILL) if group else process.kill()
        except OSError:
            pass
        try:
            process.wait(timeout=5)
        except Exception:
            pass


def register_engine() -> str:
    """Register papermill's ``reportbuild`` engine (once); return its name."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    class SessionEngine(NBClientEngine):
        """papermill's nbclient engine, executing in a given :class:`KernelSession`."""

        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            **kwargs,
        ):
            session = kwargs.pop("session")
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                kwargs,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            client = PapermillNotebookClient(nb_man, km=session.km, **final_kwargs)
            client.kc = session.kc  # reuse the session's client: nothing started, nothing stopped
            return client.execute()

    papermill_engines.register("reportbuild", SessionEngine)
    return "reportbuild"
