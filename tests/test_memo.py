"""The per-process text caches forget the least recently used answers when either bound is reached."""

from __future__ import annotations

import threading

from claimcheck.memo import text_cache


def test_the_cache_forgets_the_least_recently_used_text_past_its_characters() -> None:
    calls: list[str] = []

    @text_cache(entries=100, characters=10)
    def shout(text: str, times: int) -> str:
        calls.append(text)
        return text.upper() * times

    assert shout("abcd", 1) == "ABCD"
    assert shout("efgh", 2) == "EFGHEFGH"
    assert shout("abcd", 1) == "ABCD"  # remembered, and now the most recently used
    assert calls == ["abcd", "efgh"]
    assert shout.held() == (2, 8)
    shout("ijkl", 1)  # 12 characters: the least recently used ("efgh") goes
    assert shout.held() == (2, 8)
    shout("abcd", 1)
    shout("efgh", 2)
    assert calls == ["abcd", "efgh", "ijkl", "efgh"]
    # The arguments after the text are part of the key.
    shout("abcd", 3)
    assert calls[-1] == "abcd"


def test_the_cache_keeps_at_most_its_entries() -> None:
    @text_cache(entries=3, characters=1_000)
    def length(text: str) -> int:
        return len(text)

    for number in range(10):
        length(f"text {number}")
    assert length.held() == (3, 18)
    length.cache_clear()
    assert length.held() == (0, 0)


def test_a_text_longer_than_the_budget_is_kept_alone() -> None:
    @text_cache(entries=10, characters=5)
    def length(text: str) -> int:
        return len(text)

    length("ab")
    length("a long text")
    assert length.held() == (1, 11)


def test_threads_sharing_the_cache_keep_its_count_exact() -> None:
    calls = [0]

    @text_cache(entries=50, characters=400)
    def echo(text: str) -> str:
        calls[0] += 1
        return text

    texts = [f"sentence {number % 80:02d}" for number in range(4_000)]  # 11 characters each

    def read() -> None:
        for text in texts:
            assert echo(text) == text

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    entries, characters = echo.held()
    assert entries <= 50
    assert characters <= 400
    # Counted exactly, 36 texts of 11 characters fit (396): read twice, the second time none is read again. A
    # count that had drifted upwards would forget some of them.
    fresh = [f"fresh    {number:02d}" for number in range(36)]
    for text in fresh:
        echo(text)
    calls[0] = 0
    for text in fresh:
        echo(text)
    assert calls[0] == 0
    assert echo.held() == (36, 396)
