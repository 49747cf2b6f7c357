"""The annotation tool: worded spans become offsets, loosely matched, never guessed."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from framing.corpus import parse_annotation, parse_cluster

TOOLS = Path(__file__).resolve().parents[2] / "tools"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


ca = _load("corpus_annotate")

TEXT = (
    "Officials said on Monday that the \u201cplan\u201d was\u00a0sound.\n\n"
    "\u201cIt is a disaster,\u201d said Rep. Lee \u2014 a critic. Lee said it twice.\n"
    "The mayor said nothing."
)

# (specification, near, expected words)
FOUND = [
    ("Officials", None, "Officials"),
    (
        'the "plan" was sound',
        None,
        "the \u201cplan\u201d was\u00a0sound",
    ),  # straight for curly marks, one space for any
    ("Rep. Lee - a critic", None, "Rep. Lee \u2014 a critic"),  # a hyphen for a dash
    ({"text": "said", "in": "Lee said it"}, None, "said"),
    ({"text": "said", "n": 2}, None, "said"),
    ({"from": "\u201cIt is", "to": "disaster,\u201d"}, None, "\u201cIt is a disaster,\u201d"),
    ({"text": "Lee", "in": "said Rep. Lee"}, None, "Lee"),
    ("said", 10, "said"),  # nearest to offset 10
]


@pytest.mark.parametrize(("spec", "near", "words"), FOUND)
def test_a_span_is_found_by_its_words(spec, near, words):
    t = ca.Text(TEXT)
    s, e = ca.resolve_span(t, spec, near=near)
    assert TEXT[s:e] == words


def test_the_nth_occurrence_is_that_one():
    t = ca.Text(TEXT)
    firsts = [ca.resolve_span(t, {"text": "said", "n": k})[0] for k in (1, 2, 3, 4)]
    assert firsts == sorted(firsts) and len(set(firsts)) == 4


# (specification, words the error must contain)
REFUSED = [
    ("said", "occurs 4 times"),
    ("storm", "is not in the text"),
    ({"text": "said", "n": 9}, "occurs 4 time(s)"),
    ({"from": "The mayor", "to": "Officials"}, "does not occur after"),
    ({"from": "The mayor"}, "go together"),
    ({"text": "x", "at": 3}, "unknown key"),
    ("   ", "an empty span"),
    (42, "a span is a string or an object"),
]


@pytest.mark.parametrize(("spec", "message"), REFUSED)
def test_an_ambiguous_or_absent_span_is_refused_not_guessed(spec, message):
    with pytest.raises(ca.SpanError, match=None) as err:
        ca.resolve_span(ca.Text(TEXT), spec)
    assert message in str(err.value)


def test_folding_keeps_a_map_to_the_original():
    folded, where = ca.fold("a\u201cb\u201d  \u2026c")
    assert folded == 'a"b" ...c'
    assert len(where) == len(folded) + 1
    assert [where[i] for i in range(len(folded))] == [0, 1, 2, 3, 4, 6, 6, 6, 7]


def test_a_draft_becomes_a_stored_annotation_without_the_text():
    draft = {
        "id": "T1",
        "attributions": [
            {
                "source": "Rep. Lee",
                "cue": {"text": "said", "in": "said Rep. Lee"},
                "content": {"from": "\u201cIt is", "to": "disaster,\u201d"},
                "kind": "direct",
                "speaker": "Lee",
                "named": True,
                "speaker_type": "elected",
            }
        ],
        "loaded": [
            {
                "span": "disaster",
                "voice": "quote",
                "speaker": "Lee",
                "category": "emotive",
                "strength": "strong",
                "reason": "r",
            },
            {"span": '"plan"', "voice": "own", "category": "scare_marker", "strength": "mild", "reason": "r"},
        ],
        "actors": [],
    }
    stored, problems = ca.convert_article(draft, TEXT, "f" * 40, "t1")
    assert problems == []
    assert "disaster" not in json.dumps(stored)  # offsets only, never the words
    stored["article"]["sha1"] = __import__("hashlib").sha1(TEXT.encode()).hexdigest()
    ann = parse_annotation(stored, TEXT)
    a = ann.attributions[0]
    assert [TEXT[s:e] for s, e in a.source] == ["Rep. Lee"]
    assert [TEXT[s:e] for s, e in a.cue] == ["said"] and a.cue[0][0] > TEXT.index("disaster")
    assert [TEXT[x.start : x.end] for x in ann.loaded] == ["\u201cplan\u201d", "disaster"]


def test_every_problem_of_a_draft_is_listed():
    draft = {
        "id": "T1",
        "attributions": [{"source": "Nobody", "cue": "said", "content": [], "kind": "direct"}],
        "loaded": [{"span": "hurricane", "voice": "own"}],
    }
    _, problems = ca.convert_article(draft, TEXT, "f" * 40, "t1")
    joined = " | ".join(problems)
    assert "attributions[0].cue" in joined  # 'said' is ambiguous
    assert "content" in joined
    assert "loaded[0].span" in joined


def test_a_cluster_draft_is_resolved_per_article():
    texts = {"A": "Ten people died in the fire.", "B": "The fire killed ten people, officials said."}
    draft = {
        "cluster": "C1",
        "facts": [
            {
                "id": "F1",
                "statement": "Ten people died.",
                "kind": "figure",
                "in": {
                    "A": {"status": "same", "spans": ["Ten people died"]},
                    "B": {"status": "same", "spans": ["killed ten people"]},
                },
            }
        ],
        "quotes": [],
    }
    stored, problems = ca.convert_cluster(draft, texts, ["A", "B"], "t1")
    assert problems == []
    c = parse_cluster(stored, texts)
    assert {a: [texts[a][s:e] for s, e in spans] for a, spans in c.facts[0].spans.items()} == {
        "A": ["Ten people died"],
        "B": ["killed ten people"],
    }


def test_the_stored_layout_keeps_spans_on_one_line():
    text = ca.dump({"a": {"span": [1, 2], "spans": [[1, 2], [3, 4]], "items": [{"x": 1}]}})
    assert '"span": [1, 2]' in text and '"spans": [[1, 2], [3, 4]]' in text
    assert json.loads(text) == {"a": {"span": [1, 2], "spans": [[1, 2], [3, 4]], "items": [{"x": 1}]}}
