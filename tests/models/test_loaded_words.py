"""The loaded-words model: learning, predicting, what its findings say, and loading the
shipped file (version, hash, refusal of a bad file). Every sentence is written for the
tests; the made-up words ("zorbish") stand for loaded words the lexicon does not list."""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from framing import Pipeline, Settings
from framing.analyzers.loaded import LoadedLanguageAnalyzer
from framing.errors import InputError
from framing.models.loaded_words import (
    DEFAULT_MODEL_SHA256,
    FORMAT_VERSION,
    MODEL_ID,
    MODEL_VERSION,
    NEIGHBOURS,
    OUTSIDE,
    VECTOR_OFFSETS,
    Features,
    LoadedWordsTagger,
    default_model_path,
    is_candidate,
    neutral_table,
    norm,
)

MARKED = {"zorbish": "emotive", "gloomful": "fear_appeal", "squash": "derogatory_action"}
PLAIN = ["table", "speech", "river", "report", "budget", "letter", "garden", "ticket"]
TEMPLATES = [
    "The mayor gave a {} speech today .",
    "Officials called the plan {} on Monday .",
    "A {} report came out after the vote .",
    "Critics said the budget looked {} to them .",
    "She plays {} on Sundays .",
    "Nobody expected such a {} letter from the governor .",
]


def examples(templates: list[str], words: list[str]) -> tuple[list[Any], list[str]]:
    X: list[Any] = []
    y: list[str] = []
    for template in templates:
        for filler in words:
            tokens = template.format(filler).split()
            voices = ["narration"] * len(tokens)
            for i, token in enumerate(tokens):
                if is_candidate(token):
                    X.append((tokens, voices, i))
                    y.append(MARKED.get(norm(token), OUTSIDE) if token == filler else OUTSIDE)
    return X, y


def toy_vectors() -> tuple[list[str], np.ndarray]:
    words = sorted({norm(w) for t in TEMPLATES for w in t.split()} | set(MARKED) | set(PLAIN))
    vectors = np.random.default_rng(0).normal(size=(len(words), 6))
    return words, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def fit_toy() -> LoadedWordsTagger:
    X, y = examples(TEMPLATES, [*MARKED, *PLAIN])
    model = LoadedWordsTagger(C=10.0, threshold=0.5)
    model.neutral_ = neutral_table([("Zorbish", "long"), ("zorbish", "long"), ("gloomful", "worrying")])
    model.category_text_ = {"emotive": {"label": "Emotive word", "can": "tell the reader how to feel"}}
    return model.fit(X, y, word_vectors=toy_vectors())


@pytest.fixture(scope="module")
def toy() -> LoadedWordsTagger:
    return fit_toy()


def test_it_learns_which_words_are_marked(toy):
    tokens = "A zorbish and gloomful letter reached the river .".split()
    scores = dict(zip(tokens, toy.scores(tokens, ["narration"] * len(tokens)), strict=True))
    assert scores["zorbish"] > 0.5 and scores["gloomful"] > 0.5
    assert scores["letter"] < 0.5 and scores["river"] < 0.5
    assert scores["the"] == 0.0 and scores["."] == 0.0  # never tagged
    assert toy.predict([(tokens, ["narration"] * len(tokens), 1)])[0] == "emotive"


def test_a_words_score_is_the_sum_of_its_features(toy):
    """The fast path (per-word tables) adds up exactly what the features say."""
    features = Features(toy.lexicon_tables_)
    index = {w: k for k, w in enumerate(toy.words_)}
    tokens = "Officials called the zorbish plan gloomful on Monday .".split()
    voices = ["narration"] * len(tokens)
    fast = toy.scores(tokens, voices)
    for i, token in enumerate(tokens):
        if not is_candidate(token):
            continue
        z = toy.intercept_ + sum(toy.coef_.get(name, 0.0) * v for name, v in features.of((tokens, voices, i)))
        for b, d in enumerate(VECTOR_OFFSETS):
            if 0 <= i + d < len(tokens) and norm(tokens[i + d]) in index:
                z += toy.word_scores_[index[norm(tokens[i + d])], b]
        assert fast[i] == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-12)
    assert NEIGHBOURS == (-2, -1, 1, 2)


def test_probabilities_add_up_and_follow_the_classes(toy):
    X, _ = examples(TEMPLATES[:1], ["zorbish", "table"])
    proba = toy.predict_proba(X)
    assert proba.shape == (len(X), len(toy.classes_)) and toy.classes_[0] == OUTSIDE
    assert np.allclose(proba.sum(axis=1), 1.0)


def test_it_follows_the_estimator_contract(toy):
    from sklearn.base import clone

    copy = clone(toy)
    assert copy.get_params() == toy.get_params() and not hasattr(copy, "coef_")
    with pytest.raises(ValueError, match="not a parameter"):
        LoadedWordsTagger().set_params(depth=3)
    other = toy.with_threshold(0.9)
    assert (other.threshold, toy.threshold) == (0.9, 0.5) and other.coef_ is toy.coef_


@pytest.mark.parametrize(
    "X, y, message",
    [
        ("a sentence", ["O"], "sequence of"),
        ([(["a", "b"], ["narration"], 0)], ["O"], "same length"),
        ([(["a", "b"], ["narration", "quote"], 5)], ["O"], "not a position"),
        ([(["bad"], ["narration"], 0)], ["O"], "both"),
    ],
)
def test_bad_training_data_is_refused(X, y, message):
    with pytest.raises(ValueError, match=message):
        LoadedWordsTagger().fit(X, y)


def test_findings_of_the_model_say_they_are_learned_guesses(toy):
    pipeline = Pipeline(Settings(analyzers=()))
    analyzer = LoadedLanguageAnalyzer(pipeline.lexicons_of("loaded-language"), model=toy)
    found = analyzer.analyze(
        pipeline.segment("Rioters brutalized the town, and the mayor gave a zorbish speech.")
    )
    by_text = {f.text: f for f in found.findings}
    listed, learned = by_text["brutalized"], by_text["zorbish"]
    assert (listed.origin, listed.lexicon_id, listed.model_id, listed.score) == (
        "lexicon",
        "loaded-language",
        None,
        None,
    )
    assert (learned.origin, learned.model_id, learned.model_version) == ("model", MODEL_ID, MODEL_VERSION)
    assert learned.lexicon_id is None and 0.5 <= learned.score <= 1.0
    assert (learned.category, learned.category_label, learned.voice) == (
        "emotive",
        "Emotive word",
        "narration",
    )
    assert (
        learned.explanation
        == "Not on framing's word list, a learned guess: words used like this can tell the reader how to feel."
    )
    assert learned.alternatives == ("long",)
    row = learned.to_dict()
    assert (row["origin"], row["model_id"], row["score"]) == ("model", MODEL_ID, learned.score)
    metrics = found.metrics
    assert metrics.by_origin.to_dict() == {"lexicon": 2, "model": 1} and metrics.own_by_origin.model == 1
    assert analyzer.provenance()["model_file"]["version"] == MODEL_VERSION


def test_the_model_does_not_second_guess_the_lexicon(toy):
    """ "squash" is marked in the toy training data, but the lexicon sets "plays squash"
    aside: the model does not report it either."""
    pipeline = Pipeline(Settings(analyzers=()))
    analyzer = LoadedLanguageAnalyzer(pipeline.lexicons_of("loaded-language"), model=toy)
    assert toy.scores(["She", "plays", "squash", "."], ["narration"] * 4)[2] > 0.5
    assert [f.text for f in analyzer.analyze(pipeline.segment("She plays squash on Sundays.")).findings] == []


def test_the_same_model_saves_to_the_same_bytes(toy, tmp_path: Path):
    first, second = toy.save(tmp_path / "a.json.gz"), fit_toy().save(tmp_path / "b.json.gz")
    assert first.read_bytes() == second.read_bytes()
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    loaded = LoadedWordsTagger.load(first, sha256=digest)
    tokens = "A gloomful ticket .".split()
    assert loaded.scores(tokens, ["quote"] * 4) == pytest.approx(toy.scores(tokens, ["quote"] * 4))
    assert loaded.provenance() == {
        "id": MODEL_ID,
        "version": MODEL_VERSION,
        "sha256": digest,
        "threshold": 0.5,
    }


def write(path: Path, data: Any) -> Path:
    path.write_bytes(gzip.compress(json.dumps(data).encode(), mtime=0))
    return path


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(model_id="someone.else"), "model_id is 'someone.else'"),
        (lambda d: d.update(format_version=FORMAT_VERSION + 1), f"format_version is {FORMAT_VERSION + 1}"),
        (lambda d: d["params"].pop("C"), "params must name exactly"),
        (lambda d: d.update(coef={"w=zorbish": "high"}), "coef['w=zorbish'] must be a number"),
        (lambda d: d["words"].update(scores=[[0.0]]), "words.scores must be"),
        (lambda d: d.update(category_intercept=[0.0]), "category_intercept one number per category"),
        (lambda d: d.update(skip_words=["the"]), "skip_words differ"),
        (lambda d: d.update(model_version=""), "model_version must be"),
    ],
)
def test_a_bad_model_file_is_refused(toy, tmp_path: Path, change, message):
    data = json.loads(json.dumps(toy.to_dict()))
    change(data)
    path = write(tmp_path / "bad.json.gz", data)
    with pytest.raises(InputError) as err:
        LoadedWordsTagger.load(path)
    assert str(path) in str(err.value) and message in str(err.value)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not gzip", f"not a {MODEL_ID} model file"),
        (gzip.compress(b"{nope", mtime=0), f"not a {MODEL_ID} model file"),
    ],
)
def test_a_file_that_is_not_a_model_is_refused(tmp_path: Path, content, message):
    path = tmp_path / "x.json.gz"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        LoadedWordsTagger.load(path)


def test_the_shipped_model_is_versioned_and_checked():
    path = default_model_path()
    assert path.name == f"loaded-words-{MODEL_VERSION}.json.gz"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == DEFAULT_MODEL_SHA256
    model = LoadedWordsTagger.load()
    assert model.model_version == MODEL_VERSION and model.sha256_ == DEFAULT_MODEL_SHA256
    assert set(model.categories_) >= {"emotive", "intensifier", "loaded_speech_verb", "claim_judgement"}
    assert "CC BY 4.0" in model.to_dict()["license"] or "Attribution 4.0" in model.to_dict()["license"]
    provenance = Pipeline(Settings(learned_loaded=True)).provenance()["analyzers"]["loaded"]
    assert provenance["model_file"]["sha256"] == DEFAULT_MODEL_SHA256


def test_a_report_names_the_model_among_its_models_when_it_is_used():
    from framing.renderers._format import provenance_lines

    def models(settings: Settings) -> str:
        lines = provenance_lines(Pipeline(settings).provenance())
        return next(line for line in lines if line.startswith("Models: "))

    assert f"{MODEL_ID} {MODEL_VERSION}" in models(Settings(learned_loaded=True))
    assert MODEL_ID not in models(Settings())


TEXT = (
    "The mayor unveiled a sweeping, reckless plan on Monday, and critics slammed the "
    "outrageous scheme as a disastrous giveaway. Officials said the plan would cost $2 billion."
)


def test_the_model_is_opt_in_and_its_findings_say_so():
    default = Pipeline().analyze(TEXT)
    learned = Pipeline(Settings(learned_loaded=True)).analyze(TEXT)
    own = [f for f in default.findings if f.analyzer == "loaded"]
    assert own and {f.origin for f in own} == {"lexicon"}
    with_model = [f for f in learned.findings if f.analyzer == "loaded"]
    # the lexicon's findings are the same with the model as without it
    assert {(f.start, f.end) for f in own} <= {(f.start, f.end) for f in with_model}
    assert {f.origin for f in with_model} <= {"lexicon", "model"}
    assert Settings(learned_loaded=True).to_dict()["learned_loaded"] is True
    assert "learned_loaded" not in Settings().to_dict()


def test_a_changed_copy_of_the_shipped_model_is_refused(tmp_path: Path):
    raw = bytearray(default_model_path().read_bytes())
    raw[-5] ^= 0xFF
    path = tmp_path / default_model_path().name
    path.write_bytes(bytes(raw))
    with pytest.raises(InputError) as err:
        LoadedWordsTagger.load(path, sha256=DEFAULT_MODEL_SHA256)
    assert f"expected {DEFAULT_MODEL_SHA256}" in str(err.value) and "changed or damaged" in str(err.value)
