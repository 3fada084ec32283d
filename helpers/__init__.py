"""Helpers for studying one essay closely: load it, find passages, check annotations, draw figures.

    import helpers
    essay = helpers.load_essay()          # the default reading, seeds/we-are-losing/
    essay.sections                        # a pandas table
    essay.search("coup d'etat")           # keyword in context
    essay.show(14)                        # paragraph ¶14
    helpers.reader_edition()              # the essay with every ¶ number, one page to read or print
    helpers.readings()                    # the readings in seeds/, as a table

Installed with the environment (``pip install -e .``, from requirements.txt), so a notebook needs only
``import helpers``. The maintainer's commands are in tools/, not here.
"""
import sys

from .errors import AnnotationError, EssayError, HelperError, UsageError
from .essay import DEFAULT_READING, KINDS, SEEDS, Essay, load_essay, readings
from .display import blocks, folded, setup_display, table
from .lessons import lessons   # eager: the module shares its name, so importing it later would hide the function

# Loaded on first use (PEP 562), so ``import helpers`` and ``load_essay()`` load only the essay's own modules:
# a notebook that never draws the argument map or the timeline never imports them.
_LAZY = {
    "reader_edition": "edition", "Argument": "argument", "load_argument": "argument",
    "load_questions": "discussion", "print_questions": "discussion", "show_questions": "discussion",
    "load_quotations": "quotations",
    "load_figures": "figures", "load_timeline": "timeline", "load_terms": "terms",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


__all__ = ["AnnotationError", "Argument", "UsageError", "DEFAULT_READING", "Essay", "EssayError", "HelperError", "KINDS", "blocks", "folded",
           "SEEDS", "lessons", "load_argument", "load_essay", "load_figures", "load_questions", "load_quotations", "load_terms", "load_timeline",
           "print_questions", "reader_edition", "show_questions", "readings", "setup_display", "table"]


if "IPython" in sys.modules:   # in a notebook: the package's errors as one paragraph, no traceback
    # (only then: importing kernel_hints here would make `python -m helpers.kernel_hints` warn that the
    # module was already imported before it ran)
    from .kernel_hints import show_errors_plainly as _show_errors_plainly
    _show_errors_plainly()
