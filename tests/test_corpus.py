"""The corpus loader: manifest, texts checked by hash, annotations checked field by field.

Everything here is written for the tests: a two-article "article_bias" file in a
temporary folder, its manifest and annotations.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from framing.corpus import load_corpus, parse_annotation, parse_cluster, read_manifest
from framing.errors import InputError

TEXT_A = 'Mayor Ana Ruiz said the raids were "a cruel stunt." Police slammed the critics.'
TEXT_B = "Officials said the bridge would reopen on Monday, after a brutal winter."


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def span(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]


def annotation(text: str = TEXT_A, article_id: str = "A1") -> dict:
    return {
        "format": "framing-corpus-annotation",
        "format_version": "1",
        "article": {"id": article_id, "sha1": sha1(text)},
        "annotator": "t1",
        "guide_version": "1.1",
        "attributions": [
            {
                "source": [span(text, "Mayor Ana Ruiz")],
                "cue": [span(text, "said")],
                "content": [span(text, 'the raids were "a cruel stunt."')],
                "kind": "partial",
                "act": "statement",
                "speaker": "Ana Ruiz",
                "named": True,
                "speaker_type": "elected",
            }
        ],
        "loaded": [
            {
                "span": span(text, "cruel stunt"),
                "voice": "quote",
                "speaker": "Ana Ruiz",
                "category": "emotive",
                "strength": "strong",
                "reason": "Calls the raids cruel and staged.",
            },
            {
                "span": span(text, "slammed"),
                "voice": "own",
                "category": "loaded_speech_verb",
                "strength": "mild",
                "reason": "Makes criticism sound like an attack.",
                "neutral": "criticised",
            },
        ],
        "actors": [
            {
                "name": "Police",
                "kind": "institution",
                "aliases": [],
                "role_own": "villain",
                "role_quoted": [{"speaker": "Ana Ruiz", "role": "villain"}],
                "evidence": [
                    {
                        "span": span(text, "slammed"),
                        "voice": "own",
                        "role": "villain",
                        "reason": "Attacks critics.",
                    }
                ],
            }
        ],
    }


def test_a_valid_annotation_is_built_with_its_spans():
    ann = parse_annotation(annotation(), TEXT_A)
    assert [TEXT_A[s:e] for s, e in ann.attributions[0].source] == ["Mayor Ana Ruiz"]
    assert [(TEXT_A[x.start : x.end], x.voice) for x in ann.loaded] == [
        ("cruel stunt", "quote"),
        ("slammed", "own"),
    ]
    assert ann.loaded[1].own and not ann.loaded[0].own
    assert ann.actors[0].role_quoted == (("Ana Ruiz", "villain"),)


def _set(path: str, value):
    def change(data: dict) -> None:
        keys = path.split(".")
        target = data
        for k in keys[:-1]:
            target = target[int(k)] if k.isdigit() else target[k]
        last = keys[-1]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


# (what is wrong, change, a word the message must contain)
BAD = [
    ("unknown voice", _set("loaded.0.voice", "narrator"), "loaded[0].voice"),
    ("span past the end", _set("loaded.1.span", [70, 500]), "not inside the text"),
    ("span backwards", _set("loaded.1.span", [10, 5]), "not inside the text"),
    ("span not a pair", _set("loaded.1.span", "slammed"), "a span is [start, end]"),
    ("quote without its speaker", _set("loaded.0.speaker", None), "needs its speaker"),
    ("unknown category", _set("loaded.0.category", "rude"), "loaded[0].category"),
    ("unknown kind", _set("attributions.0.kind", "indirect"), "attributions[0].kind"),
    ("named not a boolean", _set("attributions.0.named", "yes"), "attributions[0].named"),
    ("no cue", _set("attributions.0.cue", []), "attributions[0].cue"),
    ("unknown role", _set("actors.0.role_own", "bystander"), "actors[0].role_own"),
    ("role without own evidence", _set("actors.0.evidence", []), "needs at least one evidence span"),
    ("text changed", _set("article.sha1", "0" * 40), "article.sha1"),
    ("wrong format version", _set("format_version", "2"), "format"),
]


@pytest.mark.parametrize(("what", "change", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_annotation_is_refused_naming_the_field(what, change, message):
    data = copy.deepcopy(annotation())
    change(data)
    with pytest.raises(InputError) as err:
        parse_annotation(data, TEXT_A, source="x.json")
    assert message in str(err.value) and "x.json" in str(err.value)


def test_every_problem_is_reported_at_once():
    data = annotation()
    data["loaded"][0]["voice"] = "narrator"
    data["actors"][0]["kind"] = "thing"
    with pytest.raises(InputError, match="2 problems: "):
        parse_annotation(data, TEXT_A)


def test_more_than_eight_actors_are_refused():
    data = annotation()
    plain = {
        "name": "X",
        "kind": "person",
        "aliases": [],
        "role_own": "neutral",
        "role_quoted": [],
        "evidence": [],
    }
    data["actors"] = [dict(plain, name=f"P{i}") for i in range(9)]
    with pytest.raises(InputError, match="at most 8 actors"):
        parse_annotation(data, TEXT_A)


def cluster(ids=("A1", "B1")) -> dict:
    return {
        "format": "framing-corpus-cluster",
        "format_version": "1",
        "cluster": "C1",
        "articles": list(ids),
        "annotator": "t1",
        "guide_version": "1.1",
        "facts": [
            {
                "id": "F1",
                "statement": "Officials spoke.",
                "kind": "event",
                "in": {
                    "A1": {"status": "same", "spans": [span(TEXT_A, "Mayor Ana Ruiz said")]},
                    "B1": {"status": "absent"},
                },
            }
        ],
        "quotes": [
            {
                "id": "Q1",
                "speaker": "Ana Ruiz",
                "in": {
                    "A1": {"status": "full", "span": span(TEXT_A, '"a cruel stunt."')},
                    "B1": {
                        "status": "cut",
                        "cuts": ["end"],
                        "dropped": "stunt",
                        "span": span(TEXT_B, "a brutal"),
                    },
                },
            }
        ],
    }


def test_a_cluster_is_built_with_each_article_status():
    c = parse_cluster(cluster(), {"A1": TEXT_A, "B1": TEXT_B})
    assert c.facts[0].status == {"A1": "same", "B1": "absent"}
    assert c.quotes[0].cuts == {"B1": ("end",)}
    assert c.quotes[0].dropped == {"B1": "stunt"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["facts"][0]["in"].pop("B1"), "article B1 has no status"),
        (
            lambda d: d["facts"][0]["in"]["B1"].update(status="gone"),
            r"1 problem: .*facts\[0\]\.in\.B1\.status",
        ),
        (lambda d: d["quotes"][0]["in"]["B1"].pop("cuts"), "says where"),
        (lambda d: d["facts"][0]["in"]["A1"].update(spans=[]), "needs a list of spans"),
    ],
)
def test_a_bad_cluster_is_refused(change, message):
    data = cluster()
    change(data)
    with pytest.raises(InputError, match=message):
        parse_cluster(data, {"A1": TEXT_A, "B1": TEXT_B})


MANIFEST = "# a comment\nid\tsha1\tfile\tlean\toutlet\ttopic\tdate\twords\tcluster\tsplit\tdouble\n"


def write_corpus(tmp_path: Path, text_a: str = TEXT_A) -> tuple[Path, Path]:
    data = tmp_path / "article_bias"
    data.mkdir()
    rows = [
        {"ID": "A1", "content_original": text_a, "title": "Raids"},
        {"ID": "B1", "content_original": TEXT_B, "title": "Bridge"},
        {"ID": "Z9", "content_original": "Not in the corpus.", "title": ""},
    ]
    (data / "valid.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "annotations").mkdir(parents=True)
    (root / "clusters").mkdir()
    lines = [
        f"A1\t{sha1(TEXT_A)}\tvalid.jsonl\tleft\tOutlet A\tpolice\t2020-01-01\t14\tC1\tdev\tno",
        f"B1\t{sha1(TEXT_B)}\tvalid.jsonl\tright\tOutlet B\tpolice\t2020-01-02\t12\tC1\ttest\tno",
    ]
    (root / "articles.tsv").write_text(MANIFEST + "\n".join(lines) + "\n", encoding="utf-8")
    (root / "annotations" / "A1.json").write_text(json.dumps(annotation()), encoding="utf-8")
    (root / "clusters" / "C1.json").write_text(json.dumps(cluster()), encoding="utf-8")
    return root, data


def test_the_corpus_loads_texts_annotations_and_clusters(tmp_path):
    root, data = write_corpus(tmp_path)
    corpus = load_corpus(root, data)
    assert [a.id for a in corpus.articles()] == ["A1"]  # only annotated articles by default
    assert [a.id for a in corpus.articles(annotated=False)] == ["A1", "B1"]
    assert corpus.articles("test") == []
    assert corpus.article("B1").text == TEXT_B and corpus.article("A1").title == "Raids"
    assert [c.cluster for c in corpus.clusters_in("dev")] == ["C1"]
    assert corpus.clusters_in("test") == []


def test_a_text_whose_hash_differs_is_refused(tmp_path):
    root, data = write_corpus(tmp_path, text_a=TEXT_A.replace("cruel", "harsh"))
    with pytest.raises(InputError, match="SHA-1"):
        load_corpus(root, data)


def test_a_missing_data_file_is_named(tmp_path):
    root, data = write_corpus(tmp_path)
    (data / "valid.jsonl").unlink()
    with pytest.raises(InputError, match=r"valid\.jsonl"):
        load_corpus(root, data)


def test_an_annotation_for_an_unknown_article_is_refused(tmp_path):
    root, data = write_corpus(tmp_path)
    (root / "annotations" / "Q7.json").write_text(json.dumps(annotation()), encoding="utf-8")
    with pytest.raises(InputError, match="Q7 is not an article"):
        load_corpus(root, data)


def test_a_bad_manifest_row_is_named(tmp_path):
    path = tmp_path / "articles.tsv"
    path.write_text(MANIFEST + "A1\tabc\tvalid.jsonl\tleft\tO\tt\td\tmany\t\tdev\tno\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2"):
        read_manifest(path)


REPO_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "article_bias"


@pytest.mark.shared_data
def test_the_committed_corpus_loads_against_its_texts():
    if not SHARED.is_dir():
        pytest.skip("../shared/data/article_bias is absent")
    corpus = load_corpus(REPO_CORPUS, SHARED)
    manifest = read_manifest(REPO_CORPUS / "articles.tsv")
    assert len(manifest) >= 240
    assert all(a.id in {m.id for m in manifest} for a in corpus.articles())
    for cl in corpus.clusters.values():
        assert {corpus.article(a).split for a in cl.articles} == {corpus.article(cl.articles[0]).split}
