"""Each analyser's metrics are a typed dataclass whose to_dict is the JSON the analysis
has always written, and which reads back from it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import AnalysisMetrics, Article, ArticleAnalysis, InputError, MappingMetrics, Metrics, analyze
from framing.metrics import BUILTIN_METRICS, metric_columns
from framing.pipeline import Pipeline, Settings

LOADED_KEYS = [
    "count",
    "own",
    "own_words",
    "per_1000_own",
    "quoted",
    "quoted_words",
    "per_1000_quoted",
    "reported",
    "reported_words",
    "per_1000_reported",
    "mention",
    "by_voice",
    "per_1000_by_voice",
    "by_category",
    "by_speaker",
    "by_origin",
    "own_by_origin",
    "weighted_own",
]


def metrics_of(name: str, text: str) -> Metrics:
    found = analyze(Article(text), settings=Settings(analyzers=(name,))).metrics[name]
    assert isinstance(found, BUILTIN_METRICS[name])
    return found


def test_loaded_metrics_count_by_voice():
    m = metrics_of("loaded", 'Rioters brutalized the town. "It was a reckless plan," Mayor Jane Ortiz said.')
    d = m.to_dict()
    assert list(d) == LOADED_KEYS
    assert (d["own"], d["quoted"], d["reported"], d["count"]) == (2, 1, 0, 3)
    assert d["by_voice"] == {"narration": 2, "headline": 0, "quote": 1, "reported": 0, "mention": 0}
    assert list(d["per_1000_by_voice"]) == ["narration", "headline", "quote", "reported"]
    assert d["per_1000_own"] == pytest.approx(1000 * 2 / d["own_words"])
    assert d["by_speaker"]["Jane Ortiz"]["count"] == 1
    assert all(list(v) == ["own", "quoted", "reported"] for v in d["by_category"].values())
    assert d["by_origin"] == {"lexicon": 3, "model": 0}


def test_sourcing_metrics_list_each_speaker():
    m = metrics_of("sourcing", '"We will win," Ana Ruiz said. "We will lose," officials said.')
    d = m.to_dict()
    assert list(d) == [
        "attributions",
        "by_kind",
        "named",
        "unnamed",
        "named_share",
        "named_to_unnamed",
        "quoted_words",
        "by_source_type",
        "cue_grades",
        "vague_phrases",
        "anonymous",
        "speakers",
    ]
    assert (d["attributions"], d["named"], d["unnamed"], d["named_to_unnamed"]) == (2, 1, 1, 1.0)
    assert [s["name"] for s in d["speakers"]] == ["Ana Ruiz", "officials"]
    assert list(d["speakers"][0]) == [
        "name",
        "type",
        "kind",
        "role",
        "party",
        "named",
        "attributions",
        "quotes",
        "reported",
        "words",
        "cue_grades",
        "first",
        "last",
        "share",
    ]
    assert sum(s["share"] for s in d["speakers"]) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "name, text, check",
    [
        (
            "frames",
            "Prosecutors charged the suspects. Police arrested two more.",
            lambda d: (
                list(d) == ["own", "quoted", "reported", "primary", "primary_label"]
                and list(d["own"]) == ["weights", "distribution", "sentences", "primary"]
                and d["primary"] == d["own"]["primary"] == "crime_punishment"
                and sum(d["own"]["distribution"].values()) == pytest.approx(1.0)
                and d["quoted"] == {"weights": {}, "distribution": {}, "sentences": {}, "primary": None}
            ),
        ),
        (
            "labels",
            'Officials called them illegal immigrants. "They are undocumented immigrants," Ana Ruiz said.',
            lambda d: (
                list(d) == ["concepts"]
                and d["concepts"]["undocumented_people"]["variants"]["illegal immigrant"]["own"] == 1
                and list(d["concepts"]["undocumented_people"]["variants"]["illegal immigrant"])
                == ["connotation", "own", "quoted", "reported"]
            ),
        ),
        (
            "epistemic",
            'The so-called "patriots" marched through town and the mayor spoke.',
            lambda d: (
                list(d) == ["own", "quoted", "reported"]
                and list(d["own"]) == ["counts", "per_1000", "words"]
                and d["own"]["counts"]["scare_quote"] == 1
                and d["quoted"]["counts"] == {}
            ),
        ),
        (
            "readability",
            "The cat sat on the mat. The dog ran to the park.",
            lambda d: (
                list(d)[-1] == "counts"
                and d["counts"]["words"] == 12
                and d["counts"]["sentences"] == 2
                and all(isinstance(v, float) for k, v in d.items() if k != "counts")
            ),
        ),
        (
            "tone",
            "The wonderful festival delighted everyone. The storm destroyed three homes.",
            lambda d: (
                list(d) == ["own", "quoted", "reported", "by_voice", "sentences", "pieces"]
                and d["sentences"] == len(d["pieces"]) == 2
                and list(d["pieces"][0]) == ["start", "end", "voice", "speaker", "words", "compound"]
                and d["pieces"][0]["compound"] > 0 > d["pieces"][1]["compound"]
                and d["quoted"] is None
            ),
        ),
        (
            "actors",
            "Police arrested Ana Ruiz on Monday. Ana Ruiz said the arrest was unfair.",
            lambda d: (
                list(d) == ["actors"]
                and list(d["actors"][0])
                == [
                    "id",
                    "name",
                    "kind",
                    "mentions",
                    "aliases",
                    "linked",
                    "speaks_words",
                    "tone",
                    "quoted_by",
                    "does",
                    "done_to",
                    "evaluations",
                    "portrayal",
                ]
                and list(d["actors"][0]["portrayal"]) == ["own", "quoted", "quoted_role"]
            ),
        ),
    ],
)
def test_each_metrics_type_writes_its_json(name, text, check):
    m = metrics_of(name, text)
    d = m.to_dict()
    assert check(d), json.dumps(d, indent=1)[:2000]
    assert json.loads(json.dumps(d)) == d  # JSON-safe
    assert type(m).from_dict(json.loads(json.dumps(d))) == m


def test_the_empty_text_gives_each_type_with_nothing_in_it():
    result = analyze("")
    assert list(result.metrics) == list(BUILTIN_METRICS)
    assert result.metrics.loaded is not None and result.metrics.loaded.count == 0
    assert result.metrics.actors is not None and result.metrics.actors.actors == ()
    assert result.metrics.tone is not None and result.metrics.tone.own is None


def test_an_analyser_not_run_has_no_metrics():
    result = analyze("Rioters stormed the hall.", settings=Settings(analyzers=("loaded",)))
    assert list(result.metrics) == ["loaded"]
    assert result.metrics.sourcing is None and result.metrics.actors is None
    with pytest.raises(KeyError):
        result.metrics["sourcing"]


def test_a_merged_actor_names_its_old_id_and_no_other_does():
    from framing import compare

    c = compare(
        [
            "Commissioner Ana Ruiz condemned the raid on Monday.",
            'Commissioner Ruiz praised the agents. "They did well," Ruiz said.',
        ]
    )
    first, second = (a.metrics.actors.actors for a in c.analyses)
    assert [(r.id, r.merged_from) for r in first] == [("name:ana_ruiz", None)]
    assert [(r.id, r.name, r.merged_from) for r in second] == [("name:ana_ruiz", "Ana Ruiz", "name:ruiz")]
    # the key is in the JSON only where a merge set it, after every other key
    assert "merged_from" not in first[0].to_dict()
    assert list(second[0].to_dict())[-1] == "merged_from"
    back = ArticleAnalysis.from_dict(json.loads(json.dumps(c.analyses[1].to_dict())))
    assert back.metrics.actors.actors[0].merged_from == "name:ruiz"


def test_to_row_spreads_groups_and_writes_tables_as_json():
    m = metrics_of("loaded", 'Rioters brutalized the town. "It was a reckless plan," Mayor Jane Ortiz said.')
    row = m.to_row()
    assert [name for name, _ in metric_columns(type(m))] == list(row)
    assert row["by_voice.quote"] == 1 and row["per_1000_by_voice.narration"] == m.per_1000_by_voice.narration
    assert json.loads(row["by_speaker"])["Jane Ortiz"]["count"] == 1
    assert "speakers" not in metrics_of("sourcing", "Ana Ruiz said it.").to_row()


FRAGMENTS = st.sampled_from(
    [
        "Rioters brutalized the town.",
        '"We will not back down from this reckless plan," Mayor Jane Ortiz said.',
        "According to a senior official, the court may rule next week.",
        "Police arrested Ana Ruiz on Monday.",
        "The so-called reform was a disaster for taxpayers.",
        "Officials called them illegal immigrants.",
        "Critics claimed that the economy suffered.",
        "Ruiz said the arrest was unfair.",
        "\n\n",
        "",
    ]
)


@settings(max_examples=25, deadline=None)
@given(st.lists(FRAGMENTS, max_size=8).map(" ".join))
def test_an_analysis_reads_back_from_its_json(text):
    a = analyze(Article(text, outlet="Daily A", meta={"section": "city"}))
    data = json.loads(json.dumps(a.to_dict(), sort_keys=True))
    back = ArticleAnalysis.from_dict(data)
    assert back == a
    assert back.to_dict() == a.to_dict()
    for name, m in back.metrics.items():
        assert type(m) is BUILTIN_METRICS[name]


def test_reading_back_refuses_an_analysis_without_its_text():
    a = analyze("Rioters stormed the hall.")
    with pytest.raises(InputError, match="no text"):
        ArticleAnalysis.from_dict(a.to_dict(include_text=False))
    changed = a.to_dict()
    changed["article"]["text"] = "Protesters gathered at the hall."
    with pytest.raises(InputError, match="SHA-256"):
        ArticleAnalysis.from_dict(changed)
    with pytest.raises(InputError, match="not an analysis"):
        ArticleAnalysis.from_dict({"article": {"text": "x", "id": "x"}})


def test_plain_dict_metrics_are_kept_as_mapping_metrics():
    a = analyze("Rioters stormed the hall.", settings=Settings(analyzers=("loaded",)))
    plain = AnalysisMetrics({"loaded": a.metrics["loaded"], "mine": {"n": 1, "names": ["a"]}})
    assert isinstance(plain["mine"], MappingMetrics) and plain["mine"].to_dict() == {"n": 1, "names": ["a"]}
    assert plain["mine"].to_row() == {"n": 1}
    assert list(metric_columns(MappingMetrics)) == []
    back = AnalysisMetrics.from_dict(json.loads(json.dumps(plain.to_dict())))
    assert back == plain


def test_every_builtin_analyser_names_its_metrics_type():
    from framing import ANALYZERS

    assert {name: spec.metrics for name, spec in ANALYZERS.items()} == dict(BUILTIN_METRICS)
    pipe = Pipeline()
    empty = pipe.analyze("")
    for name, spec in ANALYZERS.items():
        assert type(empty.metrics[name]) is spec.metrics
