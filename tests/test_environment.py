"""The three dependency lists agree: pyproject.toml (what), requirements.lock (which versions and
files, by hash) and environment.yml (the conda route, versions only)."""

import re
import tomllib

import pytest
import yaml

from helpers import config

ROOT = config.PROJECT_ROOT
# A requirement line of the lock: `name==version[ ; marker] \`, followed by its `--hash=` lines
LOCK_LINE = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)")


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _lock_entries(path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) of every pin in a `uv pip compile --generate-hashes` file."""
    entries: dict[str, tuple[str, list[str]]] = {}
    name = None
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if match := LOCK_LINE.match(line):
            name = _name(match["name"])
            assert name not in entries, f"{path.name}:{number}: {name} is pinned twice"
            entries[name] = (match["version"], [])
        elif line.strip().startswith("--hash="):
            assert name, f"{path.name}:{number}: a hash before any requirement"
            entries[name][1].append(line.strip().removeprefix("--hash=").rstrip(" \\"))
        elif line.strip() and not line.lstrip().startswith("#"):
            pytest.fail(f"{path.name}:{number}: not a pin, hash or comment: {line!r}")
    return entries


def _lock() -> dict[str, str]:
    return {
        name: version for name, (version, _) in _lock_entries(ROOT / "requirements.lock").items()
    }


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _pyproject_names() -> set[str]:
    project = _pyproject()["project"]
    extras = [d for group in project.get("optional-dependencies", {}).values() for d in group]
    return {_name(d) for d in project["dependencies"] + extras}


def _environment() -> dict:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    return env


def _conda_pins() -> dict[str, str]:
    pins = {}
    for dep in _environment()["dependencies"]:
        if isinstance(dep, str) and dep != "pip":
            name, _, version = dep.partition("=")
            pins[_name(name)] = version
    return pins


def _pip_pins() -> dict[str, str]:
    """The PyPI packages of environment.yml's `pip:` section (the project itself aside)."""
    pins = {}
    for dep in _environment()["dependencies"]:
        if isinstance(dep, dict):
            for requirement in dep["pip"]:
                if requirement != "-e .":
                    name, sep, version = requirement.partition("==")
                    assert sep, f"environment.yml pip: {requirement!r} is not pinned with =="
                    pins[_name(name)] = version
    return pins


def test_conda_environment_lists_exactly_the_pyproject_dependencies():
    conda = _conda_pins()
    conda.pop("python")
    pip = _pip_pins()
    assert set(conda) & set(pip) == set(), "a package is both in conda's list and under pip:"
    assert set(conda) | set(pip) == _pyproject_names()


def test_conda_versions_equal_the_lock():
    lock = _lock()
    pins = {**_conda_pins(), **_pip_pins()}
    pins.pop("python")
    for name, version in pins.items():
        assert version == lock[name], f"{name}: environment.yml {version}, lock {lock[name]}"


def test_every_pyproject_dependency_is_locked():
    assert _pyproject_names() - set(_lock()) == set()


def test_the_build_backend_is_locked():
    """`pip install -e .` runs without build isolation, from the locked setuptools."""
    lock = _lock()
    for requirement in _pyproject()["build-system"]["requires"]:
        assert _name(requirement) in lock, (
            f"{requirement} (build-system) is not in requirements.lock"
        )


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-uv.lock"])
def test_every_locked_package_has_a_sha256_hash(lock):
    entries = _lock_entries(ROOT / lock)
    assert entries, f"{lock} pins nothing"
    for name, (version, hashes) in entries.items():
        assert hashes, f"{lock}: {name}=={version} has no --hash (run `make lock`)"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), (name, hashes)


def test_pre_commit_hooks_use_the_locked_versions():
    """ruff and jupytext in .pre-commit-config.yaml are those of requirements.lock."""
    lock = _lock()
    pre_commit = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    pins = [
        pin
        for repo in pre_commit["repos"]
        for hook in repo["hooks"]
        for pin in hook.get("additional_dependencies", [])
    ]
    assert {"ruff", "jupytext"} <= {_name(pin) for pin in pins}
    for pin in pins:
        name, _, version = pin.partition("==")
        assert version, f".pre-commit-config.yaml: {pin!r} is not pinned with =="
        if _name(name) in lock:
            assert version == lock[_name(name)], f"{pin}: lock has {lock[_name(name)]}"


def test_python_version_is_the_same():
    conda = _conda_pins()
    requires = _pyproject()["project"]["requires-python"]
    assert conda["python"] == "3.11" and requires == ">=3.11"
