"""Capitalised phrases split into role words and a person's name."""

import pytest

from framing.lexicon import get_lexicon
from framing.text.names import RoleBook, chunks

BOOK = RoleBook(get_lexicon("source-roles").entries)


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Judge Maame E. Frimpong ruled.", ("Maame", "E.", "Frimpong"), ("Judge",)),
        ("Defense Secretary Pete Hegseth left.", ("Pete", "Hegseth"), ("Defense", "Secretary")),
        ("Gov. Gavin Newsom spoke.", ("Gavin", "Newsom"), ("Gov.",)),
        ("George W. Bush spoke.", ("George", "W.", "Bush"), ()),
        # a capitalised word that opens a clause is not part of the name
        ("As President Lyndon Johnson said, it was time.", ("Lyndon", "Johnson"), ("President",)),
        # an acronym is a body's name, not part of a person's
        ("LAPD Chief Jim McDonnell spoke.", ("Jim", "McDonnell"), ("LAPD", "Chief")),
        # chairs, heads of international bodies and judges named together
        ("Fed Chairman Jerome Powell spoke.", ("Jerome", "Powell"), ("Fed", "Chairman")),
        ("Conference Chair Liz Cheney spoke.", ("Liz", "Cheney"), ("Conference", "Chair")),
        ("WTO Director-General Roberto Azevedo spoke.", ("Roberto", "Azevedo"), ("WTO", "Director-General")),
        ("Justices Neil Gorsuch dissented.", ("Neil", "Gorsuch"), ("Justices",)),
    ],
)
def test_names_and_roles(text, name, role):
    found = [c for c in chunks(text, 0, len(text), BOOK) if c.is_person]
    assert [(c.name, c.role) for c in found] == [(name, role)]
