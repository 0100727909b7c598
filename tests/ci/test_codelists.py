"""The one reader of rule selectors, shared by the command line, the config and suppressions."""

import pytest

from claimcheck.codelists import NotACode, code_of, parse_codes, split_codes


def test_split_codes_reads_a_command_line_list() -> None:
    assert split_codes(" cc201, ,CC2 ,") == ("cc201", "CC2")
    assert split_codes("") == ()


def test_parse_codes_accepts_codes_prefixes_names_and_comma_lists() -> None:
    # Codes are upper-cased; a rule's name is kept as written (whether a rule answers to it is checked later).
    assert parse_codes(["cc201", "CC2,CC301", "CC", "superlative"]) == ("CC201", "CC2", "CC301", "CC", "superlative")


@pytest.mark.parametrize("word", ["E501", "CC2014", "CC 2", "XYZ"])
def test_parse_codes_names_the_first_word_that_is_no_code(word: str) -> None:
    with pytest.raises(NotACode) as info:
        parse_codes(["CC201", word, "also-bad"])
    assert info.value.written == word.split(",")[0].strip()
    with pytest.raises(NotACode):
        code_of(word)
