"""Break each checker on purpose and show that its tests fail: ``python -m tools.mutation_check`` (make mutation-check).

The mutations are data, in tools/mutations.yml: a file, a piece of its text, what to put instead, and the tests
that must fail once it is put there. For each, in a fresh copy of the project's tracked files, the tool first runs
those tests unchanged (they must pass), then with the mutation (they must fail). It prints one line per mutation
and exits non-zero if a mutation survived, no longer applies (its text is not in the file) or its tests do not
pass unchanged. Property tests run as the suite runs them (their own sizes, the same derandomized examples), so
a property sized down still has to catch its broken checker; PROPERTY_EXAMPLES, when set, is passed on (a deeper,
random search).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
MUTATIONS = PROJECT / "tools" / "mutations.yml"


def load_mutations(path: Path = MUTATIONS) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for n, entry in enumerate(entries, start=1):
        missing = {"name", "file", "find", "replace", "tests"} - set(entry)
        if missing:
            raise SystemExit(f"{path.name}, entry {n}: missing {', '.join(sorted(missing))}")
    return entries


def copy_project(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = PROJECT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


def run_tests(folder: Path, tests: list[str]) -> int:
    env = dict(os.environ, PYTHONPATH=str(folder))
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-o", "addopts=",
                           *tests], cwd=folder, env=env, capture_output=True).returncode


def check(entry: dict, folder: Path) -> tuple[bool, str]:
    path = folder / entry["file"]
    original = path.read_text(encoding="utf-8")
    if original.count(entry["find"]) != 1:
        return False, f"does not apply: its text is {'not' if not original.count(entry['find']) else 'more than once'} in {entry['file']}"
    if (rc := run_tests(folder, entry["tests"])) != 0:
        return False, f"its tests do not pass on the unbroken project (pytest exit {rc})"
    path.write_text(original.replace(entry["find"], entry["replace"]), encoding="utf-8")
    try:
        rc = run_tests(folder, entry["tests"])
    finally:
        path.write_text(original, encoding="utf-8")
    if rc == 1:
        return True, "caught: its tests fail"
    if rc == 0:
        return False, "SURVIVED: its tests still pass with the checker broken"
    return False, f"its tests could not run with the mutation (pytest exit {rc})"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run only the mutations whose name contains this text")
    args = parser.parse_args(argv)
    entries = [e for e in load_mutations() if not args.only or args.only in e["name"]]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="mutation-") as tmp:
        copy_project(Path(tmp))
        for entry in entries:
            start = time.perf_counter()
            ok, what = check(entry, Path(tmp))
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {entry['name']} ({entry['file']}): {what} "
                  f"[{', '.join(entry['tests'])}; {time.perf_counter() - start:.0f} s]", flush=True)
    print(f"{len(entries) - failures} of {len(entries)} mutations caught")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
