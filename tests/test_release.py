"""`make release` gathers what a facilitator downloads from a release page (the release job attaches it on a tag).

The editions themselves are built and printed by the print tests; here the build is replaced by a small fake,
so what is checked is the gathering: every file named, each zip unzipping into one folder, notes in English and
Spanish, and a plain error when something was not built. .ci/run runs the real `make release`.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from helpers.errors import HelperError
from tools import bundle, editions, release


def fake_build(out: Path, pdf: bool = True) -> list[Path]:
    assert pdf, "the release needs the PDFs"
    made = []
    for _, source, _, _ in release.ASSETS:
        if source.startswith("bundle:"):
            continue
        path = out / source
        if "*" in source:
            from pypdf import PdfWriter
            for n in (1, 2):
                writer = PdfWriter()
                writer.add_blank_page(612, 792)
                page = path.with_name(path.name.replace("*", f"meeting-{n}"))
                page.parent.mkdir(parents=True, exist_ok=True)
                with page.open("wb") as f:
                    writer.write(f)
        elif path.suffix:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"%PDF-1.4 " + source.encode())
        else:
            (path / "inner").mkdir(parents=True, exist_ok=True)
            (path / "inner" / "page.html").write_text(f"<p>{source}</p>", encoding="utf-8")
        made.append(path)
    return made


def fake_bundles(out: Path, built: Path) -> dict[str, Path]:
    """The two bundles as tools.bundle names them, each a zip of one folder named like it (tests/test_bundle.py
    builds and checks the real ones)."""
    made = {}
    for who, name in (("participant", bundle.NAME), ("facilitator", bundle.FACILITATOR)):
        made[who] = out / f"{name}.zip"
        with zipfile.ZipFile(made[who], "w") as z:
            z.writestr(f"{name}/{bundle.START}", f"<p>{who}</p>")
    return made


def test_every_release_file_is_gathered_and_described(tmp_path, monkeypatch):
    monkeypatch.setattr(editions, "build", fake_build)
    monkeypatch.setattr(bundle, "bundles", fake_bundles)
    files = release.release(tmp_path)
    assert [f.name for f in files] == [f"we-are-losing-{name}" for name, *_ in release.ASSETS]
    assert all(f.parent == tmp_path / "release" and f.stat().st_size > 0 for f in files)
    for f in files:
        if f.suffix == ".zip":
            names = zipfile.ZipFile(f).namelist()
            assert names and {n.split("/")[0] for n in names} == {f.stem}, (f.name, names[:3])
    slides = zipfile.ZipFile(tmp_path / "release" / "we-are-losing-slides.zip").namelist()
    assert slides == ["we-are-losing-slides/inner/page.html"]
    for who, name in (("participant", "study"), ("facilitator", "facilitator")):
        kit = zipfile.ZipFile(tmp_path / "release" / f"we-are-losing-{name}.zip")
        assert kit.read(f"we-are-losing-{name}/{bundle.START}") == f"<p>{who}</p>".encode(), who
    notes = (tmp_path / "release-notes.md").read_text(encoding="utf-8")
    for f, (_, _, en, es) in zip(files, release.ASSETS):
        row = next(line for line in notes.splitlines() if line.startswith(f"| {f.name} |"))
        assert en in row and es in row and row.endswith(f" {release.size(f.stat().st_size)} |"), row
        assert release.size(f.stat().st_size) != "1 MB" or f.stat().st_size >= 950_000, "a small file is not 1 MB"
    assert "para qué sirve" in notes and "terminal" in notes
    from pypdf import PdfReader
    assert len(PdfReader(tmp_path / "release" / "we-are-losing-run-sheets.pdf").pages) == 2, "every run sheet, joined"


def test_a_missing_page_is_named_with_the_fix(tmp_path, monkeypatch):
    def build_without_cards(out: Path, pdf: bool = True) -> list[Path]:
        made = fake_build(out, pdf)
        (out / "participant" / "cards.pdf").unlink()
        return made

    monkeypatch.setattr(editions, "build", build_without_cards)
    monkeypatch.setattr(bundle, "bundles", fake_bundles)
    with pytest.raises(HelperError) as err:
        release.release(tmp_path)
    assert "cards.pdf" in str(err.value) and "make handouts" in str(err.value)
    assert release.main(["--out", str(tmp_path)]) == 1


def test_the_readme_says_where_the_release_files_are():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "Releases" in readme and "make release" in readme


def test_a_new_build_of_the_pages_removes_the_kits_and_release_an_earlier_build_made(tmp_path, monkeypatch):
    """A facilitator who rebuilds the pages must not find, beside them, kits and release files from an earlier build
    that disagree with them (a reviewer found two versions of a session side by side in build/)."""
    assert set(editions.DERIVED) == {f"{bundle.NAME}.zip", f"{bundle.FACILITATOR}.zip", "release", "release-notes.md"}
    for name in editions.DERIVED:
        target = tmp_path / name
        if name == "release":
            target.mkdir()
            (target / "we-are-losing-packet.pdf").write_bytes(b"old")
        else:
            target.write_bytes(b"old")
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "essay.html").write_text("mine", encoding="utf-8")
    assert sorted(editions.forget_derived(tmp_path)) == sorted(editions.DERIVED)
    assert not any((tmp_path / name).exists() for name in editions.DERIVED)
    assert (tmp_path / "reader" / "essay.html").read_text(encoding="utf-8") == "mine", "only the derived files go"
    assert editions.forget_derived(tmp_path) == []
    import inspect
    assert "forget_derived(out)" in inspect.getsource(editions.build), "build() removes them before it writes"
