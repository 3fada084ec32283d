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
from .errors import AnnotationError, EssayError, HelperError, UsageError
from .essay import DEFAULT_READING, KINDS, SEEDS, Essay, load_essay, readings
from .lessons import lessons
from .display import folded, setup_display, table
from .edition import reader_edition
from .argument import Argument, load_argument
from .discussion import load_questions, print_questions
from .quotations import load_quotations
from .figures import load_figures
from .timeline import load_timeline
from .terms import load_terms
from .kernel_hints import show_errors_plainly as _show_errors_plainly

__all__ = ["AnnotationError", "Argument", "UsageError", "DEFAULT_READING", "Essay", "EssayError", "HelperError", "KINDS", "folded",
           "SEEDS", "lessons", "load_argument", "load_essay", "load_figures", "load_questions", "load_quotations", "load_terms", "load_timeline",
           "print_questions", "reader_edition", "readings", "setup_display", "table"]


_show_errors_plainly()   # in a notebook: the package's errors as one paragraph, no traceback
