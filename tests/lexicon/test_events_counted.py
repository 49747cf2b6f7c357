"""The events and counted lexicons: what a sentence says happened, and what a figure counts."""

from pathlib import Path

import pytest

from framing import LexiconError, load_lexicon
from framing.coverage import build_coverage, readers_for
from framing.coverage.events import EventReader
from framing.text.tokens import tokenize

EVENTS = """# id: my-events
# version: 1.0.0
# kind: events
# language: en
# license: CC0-1.0
# states: stay
# opposites: open/shut
# category.open: Opening | Something opened.
# category.shut: Closing | Something closed.
# category.stay: Still there | Something left as it is.
term\tpos\tevent\texplanation\tforms\tturns\texclude
open\tverb\topen\tOpens something.\t\t\t
shut\tverb\tshut\tShuts something.\tshut\t\t
reverse\tverb\tshut; open\tA word of either kind.\t\topposite\t
stay\tverb\tstay\tLeaves it as it is.\t\t\tstay tuned
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "events.tsv"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_good_events_file_loads_and_reads(tmp_path):
    lex = load_lexicon(write(tmp_path, EVENTS))
    reader = EventReader([lex])
    assert reader.opposites == {"open": frozenset({"shut"}), "shut": frozenset({"open"})}
    assert reader.states == frozenset({"stay"})
    found = reader.read(tokenize("They did not open the gate, then shut it. Stay tuned."))
    assert [(m.word, m.events, m.negated) for m in found] == [
        ("open", ("open",), True),
        ("shut", ("shut",), False),
    ]


@pytest.mark.parametrize(
    "change, problem",
    [
        (("# opposites: open/shut", "# opposites: open/closed"), "opposites: 'open/closed'"),
        (("# opposites: open/shut", "# opposites: open shut"), "joined by '/'"),
        (("# states: stay", "# states: sleep"), "states: sleep not declared"),
        (("open\tverb\topen\t", "open\tverb\tajar\t"), "event 'ajar' is not declared"),
        (("\t\topposite\t", "\t\tinverse\t"), "turns 'inverse'"),
        (("open\tverb\topen\tOpens something.", "open\tverb\topen\t"), "'explanation' column is empty"),
    ],
)
def test_a_bad_events_file_is_refused_with_its_problem(tmp_path, change, problem):
    with pytest.raises(LexiconError, match=problem):
        load_lexicon(write(tmp_path, EVENTS.replace(*change)))


def test_a_user_s_events_lexicon_replaces_the_built_in_one():
    from framing.lexicon import builtin_lexicons

    builtin = builtin_lexicons()
    assert {lex.kind for lex in readers_for().events.lexicons} == {"events"}
    counted = [lex for lex in builtin.values() if lex.kind == "counted"]
    only_counted = readers_for(counted)
    assert [lex.id for lex in only_counted.events.lexicons] == ["events"]  # the built-in one fills in
    assert [lex.id for lex in only_counted.figures.lexicons] == ["counted-things"]


def test_every_built_in_entry_has_a_reason():
    from framing.lexicon import builtin_lexicons

    for lex in builtin_lexicons().values():
        if lex.kind in ("events", "counted"):
            assert all(e.explanation.strip() for e in lex.entries), lex.id


def test_the_comparison_records_the_lexicons_and_model_it_used(seed_results):
    labels = [a.article.label for a in seed_results.values()]
    cov = build_coverage(list(seed_results.values()), labels)
    ids = [lex["id"] for lex in cov.provenance["lexicons"]]
    assert ids == ["events", "counted-things"]
    assert cov.provenance["model"]["id"] == "framing-claim-pairs"
