"""The docstring examples of every module run and pass (on the installed package)."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import pytest

import variantdiff

MODULES = sorted(m.name for m in pkgutil.iter_modules(variantdiff.__path__, "variantdiff.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", ["variantdiff", *MODULES])
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_public_api_is_exact() -> None:
    """__all__ lists exactly the public names the package exports."""
    public = {n for n in dir(variantdiff) if not n.startswith("_")
              and not inspect.ismodule(getattr(variantdiff, n))} - {"annotations"}
    assert public == set(variantdiff.__all__) - {"__version__"}
