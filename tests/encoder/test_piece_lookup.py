"""The word pieces of a stretch of text: found by bisection when the pieces run in text order,
by a pass over every piece otherwise; both give every piece that overlaps the stretch."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.encoder import Encoding


def _encoding(offsets: list[tuple[int, int]]) -> Encoding:
    return Encoding(offsets=np.asarray(offsets, dtype=np.int32).reshape(-1, 2),
                    vectors=np.zeros((len(offsets), 4), dtype=np.float32),
                    sentence=np.zeros(4, dtype=np.float32))


def _overlapping(offsets: list[tuple[int, int]], start: int, end: int) -> list[int]:
    return [i for i, (s, e) in enumerate(offsets) if s < end and e > start]


# "Baku rejected" as pieces "Baku", "reject", "##ed"
ORDERED = [(0, 4), (5, 11), (11, 13)]


@pytest.mark.parametrize(("start", "end"), [(0, 4), (0, 1), (3, 6), (5, 13), (4, 5), (11, 13), (13, 20),
                                            (0, 13), (12, 12)])
def test_pieces_in_text_order_are_found_by_bisection(start: int, end: int) -> None:
    encoding = _encoding(ORDERED)
    assert encoding._starts is not None  # the bisection is what is tested here
    found = encoding.pieces(start, end)
    assert found.dtype == np.int64
    assert found.tolist() == _overlapping(ORDERED, start, end)


def test_pieces_out_of_order_are_still_all_found() -> None:
    shuffled = [(5, 11), (0, 4), (11, 13)]
    encoding = _encoding(shuffled)
    assert encoding._starts is None
    assert encoding.pieces(0, 6).tolist() == _overlapping(shuffled, 0, 6) == [0, 1]


def test_no_pieces_no_indices() -> None:
    assert _encoding([]).pieces(0, 5).tolist() == []
