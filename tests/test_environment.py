"""environment.yml (conda route) declares what pyproject.toml does, at the locked versions."""

import re
import tomllib

import yaml

from helpers import config

ROOT = config.PROJECT_ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[_name(name)] = version.strip()
    return pins


def _pyproject_names() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = [d for group in project.get("optional-dependencies", {}).values() for d in group]
    return {_name(d) for d in project["dependencies"] + extras}


def _conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str) and dep not in ("pip",):
            name, _, version = dep.partition("=")
            pins[_name(name)] = version
    return pins


def test_conda_environment_lists_exactly_the_pyproject_dependencies():
    conda = _conda_pins()
    conda.pop("python")
    assert set(conda) == _pyproject_names()


def test_conda_versions_equal_the_lock():
    lock = _lock()
    for name, version in _conda_pins().items():
        if name != "python":
            assert version == lock[name], f"{name}: environment.yml {version}, lock {lock[name]}"


def test_every_pyproject_dependency_is_locked():
    assert _pyproject_names() - set(_lock()) == set()


def test_python_version_is_the_same():
    conda = _conda_pins()
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert conda["python"] == "3.11" and requires == ">=3.11"
