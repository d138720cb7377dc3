"""The usage examples in the docstrings and the README run as written."""

from __future__ import annotations

import doctest
import re

import pytest

import smartbill_signup
from smartbill_signup import _errors, brn, callback, form, network, receiver
from support import REPO

README = REPO / "bindings" / "python" / "README.md"


@pytest.mark.parametrize("module", [smartbill_signup, brn, _errors, form, callback, network, receiver], ids=lambda m: m.__name__)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


def test_readme_examples() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    text = "\n".join(blocks)
    test = doctest.DocTestParser().get_doctest(text, {}, "README.md", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 8
    assert result.failed == 0
