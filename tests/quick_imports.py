"""Loaded before pytest's other plugins (`-p tests.quick_imports`, Makefile): every test process that imports nbformat
(nbval's plugin does, in the controller and in each xdist worker) would otherwise import jsonschema's optional IRI
checker, rfc3987_syntax 1.1, which builds about 35 Earley parsers on import: 1.5 to 3.5 s of processor time a
process, for a format no notebook schema uses (python-jsonschema/jsonschema#1428, opendatahub-io/notebooks#3532).
Marked absent, jsonschema leaves the 'iri' format unchecked, as it does wherever the package is not installed."""
import sys

sys.modules.setdefault("rfc3987_syntax", None)
