"""Named prompt templates: Jinja2 rendered in a sandbox, with declared, typed variables.

A template is checked when it is saved (syntax, every variable it uses declared, a test
render that must not reach into Python objects, a valid JSON Schema for its output) and
again when it is rendered (the request's variables against the declared ones). Values
are data: what a variable holds is never rendered as a template itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import jsonschema
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

VARIABLE_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
}
SAMPLES = {"string": "text", "number": 1.5, "integer": 1, "boolean": True}
MAX_RENDERED_CHARS = 8000
# The work one render may do, in lines of template code run: loops are capped one by
# one by the sandbox (range), but nested loops multiply. A question template needs a
# few hundred; 20,000 keeps the worst case near a tenth of a second.
MAX_RENDER_STEPS = 20_000
TEMPLATE_FILENAME = "<template>"  # the name Jinja compiles from_string templates under
OVER_BUDGET = (
    f"the template does too much work (over {MAX_RENDER_STEPS} steps, e.g. nested loops): "
    "simplify it"
)


class TemplateError(ValueError):
    """A template or its variables cannot be used; the message says what to change."""


class _OverBudget(Exception):
    """Raised inside a render that has run out of steps."""


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with products and powers that would build huge values refused."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise TemplateError("the template raises a number to too high a power")
        if operator == "*" and _large_product(left, right):
            raise TemplateError(f"the template builds a value over {MAX_RENDERED_CHARS} long")
        return super().call_binop(context, operator, left, right)


def _large_product(left: Any, right: Any) -> bool:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(times, int):
            return len(sequence) * times > MAX_RENDERED_CHARS
    return False


ENVIRONMENT = BoundedSandbox(undefined=StrictUndefined, autoescape=False)


@contextmanager
def _step_budget(steps: int) -> Iterator[None]:
    """Count the lines of template code run in this thread; past `steps`, stop the
    render. Only frames of compiled templates are traced line by line."""
    left = steps

    def lines(frame: FrameType, event: str, _arg: Any) -> Callable[..., Any] | None:
        nonlocal left
        if event == "line":
            left -= 1
            if left < 0:
                raise _OverBudget
        return lines

    def calls(frame: FrameType, _event: str, _arg: Any) -> Callable[..., Any] | None:
        return lines if frame.f_code.co_filename == TEMPLATE_FILENAME else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        yield
    finally:
        sys.settrace(previous)


def check_template(
    template: str, variables: dict[str, str], output_schema: dict[str, Any] | None
) -> None:
    unknown_types = sorted(f"{k}: {v}" for k, v in variables.items() if v not in VARIABLE_TYPES)
    if unknown_types:
        raise TemplateError(
            f"variable types must be one of {', '.join(VARIABLE_TYPES)}; not {', '.join(unknown_types)}"
        )
    try:
        parsed = ENVIRONMENT.parse(template)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error on line {exc.lineno}: {exc.message}") from exc
    undeclared = sorted(meta.find_undeclared_variables(parsed) - set(variables))
    if undeclared:
        raise TemplateError(f"the template uses undeclared variables: {', '.join(undeclared)}")
    render(template, variables, {name: SAMPLES[kind] for name, kind in variables.items()})
    if output_schema is not None:
        try:
            jsonschema.Draft202012Validator.check_schema(output_schema)
        except jsonschema.SchemaError as exc:
            raise TemplateError(f"output_schema is not a valid JSON Schema: {exc.message}") from exc


def render(template: str, declared: dict[str, str], values: dict[str, Any]) -> str:
    """The rendered question; TemplateError naming missing, unknown or mistyped variables,
    or refusing a template that reaches past its variables."""
    missing = sorted(set(declared) - set(values))
    unknown = sorted(set(values) - set(declared))
    problems = []
    if missing:
        problems.append(f"missing variables: {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown variables: {', '.join(unknown)}")
    mistyped = sorted(
        f"{name} (expected {declared[name]})"
        for name, value in values.items()
        if name in declared and not _is_type(value, declared[name])
    )
    if mistyped:
        problems.append(f"wrongly typed variables: {', '.join(mistyped)}")
    if problems:
        raise TemplateError("; ".join(problems))
    try:
        compiled = ENVIRONMENT.from_string(template)
        with _step_budget(MAX_RENDER_STEPS):
            text = compiled.render(**values)
    except _OverBudget as exc:
        raise TemplateError(OVER_BUDGET) from exc
    except TemplateError:
        raise
    except SecurityError as exc:
        raise TemplateError(
            "the template is refused: it reaches into Python objects, which templates may not"
        ) from exc
    except (UndefinedError, TemplateSyntaxError, TypeError, ValueError) as exc:
        raise TemplateError(f"the template could not be rendered: {exc}") from exc
    text = text.strip()
    if not text:
        raise TemplateError("the template rendered an empty question")
    if len(text) > MAX_RENDERED_CHARS:
        raise TemplateError(f"the rendered question exceeds {MAX_RENDERED_CHARS} characters")
    return text


def _is_type(value: Any, kind: str) -> bool:
    if kind != "boolean" and isinstance(value, bool):
        return False  # JSON true is not a number
    return isinstance(value, VARIABLE_TYPES[kind])
