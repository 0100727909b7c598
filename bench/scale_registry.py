"""The shipped registry multiplied ×10 or ×100 with distinct synthetic claims, for the benchmark.

A registry grows by covering more treatments, so each copy ``k`` of the shipped claims is the
same set of claims about an invented treatment (``zorvadine``, ``quenlatib``, ...): the same
categories, statements, evidence lists, qualifiers, wordings and keyword groups as the real
claims, with

* distinct ids (``<treatment>.<rest of the id>``) and their own reference keys (``<key>-s<k>``,
  written to ``references/synthetic.bib``);
* ``match.subject`` naming the treatment, as a multi-treatment registry needs so that one
  treatment's generic wordings do not link another's pages;
* distinct terms: the treatment's name wherever the real claim names ketamine, and invented
  words for the first keyword group and for phrases that do not name the treatment, so copies
  never all match the same sentences. The other keyword groups keep their everyday words
  ("depress*", "weeks", "side effects"), as claims about many treatments share them.

Deterministic like the corpus: the same factor gives the same files on every run.

    python bench/scale_registry.py 10 100
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import re
import shutil
import sys
from io import StringIO
from pathlib import Path
from typing import Any

from corpus import up_to_date
from ruamel.yaml import YAML

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT_DIR = BENCH / "corpus"
#: Bumped whenever the scaler's output changes, so stale registries are rebuilt.
SCALER_VERSION = 1

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "qu", "r", "s", "t", "v", "z", "br", "tr", "pl", "gr")
_VOWELS = ("a", "e", "i", "o", "u", "ae", "io")
_CODAS = ("", "n", "r", "x", "l", "s", "m")
_TREATMENT_WORD = re.compile(r"\b(?:es)?ketamine\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{4,}")


class Words:
    """Invented words, deterministic in what they stand for and never repeated."""

    def __init__(self) -> None:
        self._made: dict[tuple[int, str], str] = {}
        self._used: set[str] = set()

    def word(self, copy_number: int, meaning: str, syllables: int = 3) -> str:
        """The invented word that copy ``copy_number`` uses for ``meaning``."""
        key = (copy_number, meaning)
        if key in self._made:
            return self._made[key]
        attempt = 0
        while True:
            seed = hashlib.sha256(f"{copy_number}:{meaning}:{attempt}".encode()).digest()
            parts = [
                _ONSETS[seed[3 * i] % len(_ONSETS)]
                + _VOWELS[seed[3 * i + 1] % len(_VOWELS)]
                + _CODAS[seed[3 * i + 2] % len(_CODAS)]
                for i in range(syllables)
            ]
            word = "".join(parts)
            if word not in self._used:
                break
            attempt += 1
        self._used.add(word)
        self._made[key] = word
        return word

    def treatment(self, copy_number: int) -> str:
        return self.word(copy_number, "treatment", 3) + "ine"


def _rename(text: str, treatment: str) -> str:
    """``text`` about the invented treatment instead of ketamine, keeping capitalisation."""

    def replace(m: re.Match[str]) -> str:
        return treatment.capitalize() if m.group()[0].isupper() else treatment

    return _TREATMENT_WORD.sub(replace, text)


def _invent(term: str, copy_number: int, words: Words) -> str:
    """A term with its longest word replaced by an invented one (a trailing ``*`` kept)."""
    found = max(_WORD.finditer(term), key=lambda m: len(m.group()), default=None)
    if found is None:
        return f"{term} {words.word(copy_number, term, 2)}"
    invented = words.word(copy_number, found.group().lower(), 2)
    return term[: found.start()] + invented + term[found.end() :]


def _scaled_claim(claim: Any, copy_number: int, words: Words) -> Any:
    """Copy ``copy_number`` of a claim (a ruamel mapping), about that copy's treatment."""
    treatment = words.treatment(copy_number)
    new = copy.deepcopy(claim)
    rest = str(claim["id"]).split(".", 1)[-1]
    new["id"] = f"{treatment}.{rest}"
    for key in ("statement", "grade_rationale"):
        new[key] = type(claim[key])(_rename(str(claim[key]), treatment))
    for citation in new.get("evidence") or []:
        citation["ref"] = f"{citation['ref']}-s{copy_number}"
    for index, wording in enumerate(new.get("approved_wording") or []):
        new["approved_wording"][index] = _rename(str(wording), treatment)
    for occurrence in new.get("occurrences") or []:
        occurrence["quote"] = _rename(str(occurrence["quote"]), treatment)
    match = new.get("match")
    if match is not None:
        match.insert(0, "subject", [treatment])
        phrases = match.get("phrases") or []
        for index, phrase in enumerate(phrases):
            renamed = _rename(str(phrase), treatment)
            phrases[index] = renamed if renamed != phrase else _invent(str(phrase), copy_number, words)
        keywords = match.get("keywords") or []
        for number, group in enumerate(keywords):
            for index, term in enumerate(group):
                renamed = _rename(str(term), treatment)
                group[index] = _invent(renamed, copy_number, words) if number == 0 else renamed
    return new


_BIB_KEY = re.compile(r"^(@\w+\{)([^,\s]+),", re.MULTILINE)
_BIB_ID = re.compile(r"^(\s*doi\s*=\s*\{)([^}]*)\}", re.MULTILINE | re.IGNORECASE)


def _scaled_bib(text: str, copy_number: int) -> str:
    """The shipped BibTeX with every key suffixed ``-s<k>`` and every DOI made unique."""
    text = _BIB_KEY.sub(lambda m: f"{m.group(1)}{m.group(2)}-s{copy_number},", text)
    return _BIB_ID.sub(lambda m: f"{m.group(1)}{m.group(2)}.s{copy_number}}}", text)


def _stamp(factor: int) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted((ROOT / "claims").glob("*.yaml")) + sorted((ROOT / "references").glob("*.bib")):
        digest.update(path.read_bytes())
    return f"v{SCALER_VERSION} factor={factor} source={digest.hexdigest()[:16]}\n"


def scale(factor: int, out: Path | None = None, *, force: bool = False) -> Path:
    """Write the registry ×``factor`` (a folder with claims/ and references/) and return it."""
    folder = out or OUT_DIR / f"registry-x{factor}"
    expected = _stamp(factor)
    if up_to_date(folder, expected, force=force):
        return folder
    (folder / "claims").mkdir(parents=True)
    (folder / "references").mkdir()
    yaml = YAML(typ="rt")
    yaml.width = 120
    words = Words()
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8"))
        originals = list(document["claims"])
        for copy_number in range(1, factor):
            document["claims"].extend(_scaled_claim(claim, copy_number, words) for claim in originals)
        buffer = StringIO()
        yaml.dump(document, buffer)
        (folder / "claims" / path.name).write_text(buffer.getvalue(), encoding="utf-8")
    bibs = sorted((ROOT / "references").glob("*.bib"))
    for path in bibs:
        shutil.copyfile(path, folder / "references" / path.name)
    shipped = "".join(path.read_text(encoding="utf-8") for path in bibs)
    synthetic = "\n".join(_scaled_bib(shipped, copy_number) for copy_number in range(1, factor))
    (folder / "references" / "synthetic.bib").write_text(synthetic, encoding="utf-8")
    (folder / ".stamp").write_text(expected, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("factors", nargs="*", type=int, default=[10, 100], metavar="FACTOR")
    parser.add_argument("--force", action="store_true", help="regenerate even when the stamp says it is current")
    args = parser.parse_args(argv)
    for factor in args.factors:
        if factor < 2:
            parser.error("a factor is at least 2")
        folder = scale(factor, force=args.force)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"x{factor}: {folder} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
