"""No loop in the analysis walks ``seq[k + 1:]`` inside another loop over ``seq``.

The copy a slice makes is C work, invisible to the counting test (``test_analysis_complexity``):
``for p in outer[k + 1:]`` inside ``for k …`` copied the rest of a 70,000-figure list for every
figure and made the spanning-list check quadratic on a dense 5 MB report (0.36 µs/char more than
at 1 MB).  Walk ``range(k + 1, len(seq))`` instead, which stops where the loop breaks.  This
test sees such a loop within one function (``_narrower_exceeds``, ``_share_sums``); one in a
function called once per element (``_spanning_list``) shows in the benchmark's 1 MB / 5 MB rows.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "reviewer"


def _rest_slices_in_loops(tree: ast.AST) -> list[int]:
    """Lines of ``for … in x[a:]`` (a not constant) nested in another loop."""
    found: list[int] = []

    def visit(node: ast.AST, depth: int) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, 0)
                continue
            if isinstance(child, ast.For):
                it = child.iter
                if depth > 0 and isinstance(it, ast.Subscript) and isinstance(it.slice, ast.Slice) \
                        and it.slice.upper is None and it.slice.lower is not None \
                        and not isinstance(it.slice.lower, ast.Constant):
                    found.append(child.lineno)
                visit(child, depth + 1)
            elif isinstance(child, ast.While):
                visit(child, depth + 1)
            else:
                visit(child, depth)

    visit(tree, 0)
    return found


def test_no_loop_over_the_rest_of_a_list_inside_a_loop():
    offenders = {}
    for path in sorted((CORE / "analysis").glob("*.py")) + sorted((CORE / "checks").glob("*.py")):
        lines = _rest_slices_in_loops(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offenders[path.name] = lines
    assert not offenders, f"walk range(k + 1, len(seq)) instead of seq[k + 1:]: {offenders}"


def test_the_detector_sees_the_pattern():
    code = "def f(xs):\n    for k, x in enumerate(xs):\n        for y in xs[k + 1:]:\n            pass\n"
    assert _rest_slices_in_loops(ast.parse(code)) == [3]
