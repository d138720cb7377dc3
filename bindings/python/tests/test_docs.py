"""The usage examples in the docstrings run as written."""

from __future__ import annotations

import doctest

import pytest

import smartbill_signup
from smartbill_signup import _errors, brn


@pytest.mark.parametrize("module", [smartbill_signup, brn, _errors], ids=lambda m: m.__name__)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0
