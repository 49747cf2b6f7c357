"""The shipped target-sentiment model: loading, predicting, serialising, and the estimator contract.

Every sentence here is written for the tests; none comes from a dataset.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from framing.errors import InputError
from framing.models.target_sentiment import (
    CLASSES,
    DEFAULT_MODEL_SHA256,
    FORMAT_VERSION,
    MODEL_ID,
    TargetSentimentClassifier,
    default_model_path,
)

from ..conftest import SHARED_DATA


def span(sentence: str, name: str, nth: int = 0) -> tuple[str, int, int]:
    """``(sentence, start, end)`` for the nth occurrence of ``name``."""
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(name, start + 1)
    return (sentence, start, start + len(name))


NEGATIVE = [
    span("Critics slammed Smith for the failure.", "Smith"),
    span("Prosecutors charged Mayor Ruth Alvarez with fraud and bribery.", "Ruth Alvarez"),
    span("Senator Dale Whitmore was widely mocked after the disastrous speech.", "Dale Whitmore"),
    span("Voters blamed Governor Kemble for the corrupt and chaotic budget.", "Kemble"),
]
POSITIVE = [
    span("Supporters praised Smith for the success.", "Smith"),
    span("Mayor Ruth Alvarez won an award for her generous help to flood victims.", "Ruth Alvarez"),
    span("Senator Dale Whitmore was warmly applauded after the inspiring speech.", "Dale Whitmore"),
    span("Voters thanked Governor Kemble for the fair and successful budget.", "Kemble"),
]
NEUTRAL = [
    span("Smith will speak in Denver on Tuesday.", "Smith"),
    span("The committee meets again in March, said Ruth Alvarez, its chair.", "Ruth Alvarez"),
]


@pytest.fixture(scope="module")
def model() -> TargetSentimentClassifier:
    return TargetSentimentClassifier.load()


@pytest.fixture(scope="module")
def model_data() -> dict[str, Any]:
    return json.loads(gzip.decompress(default_model_path().read_bytes()))


def write_model(path: Path, data: dict[str, Any]) -> Path:
    path.write_bytes(gzip.compress(json.dumps(data).encode("utf-8"), mtime=0))
    return path


# -- the shipped model ------------------------------------------------------------------


def test_shipped_model_loads_and_is_small(model):
    path = default_model_path()
    assert path.is_file()
    assert path.stat().st_size < 5_000_000
    assert list(model.classes_) == [-1, 0, 1]
    assert model.coef_.shape == (3, len(model.vocabulary_))


def test_predictions_are_labels(model):
    X = NEGATIVE + POSITIVE + NEUTRAL
    predicted = model.predict(X)
    assert predicted.shape == (len(X),)
    assert set(predicted.tolist()) <= set(CLASSES)


@pytest.mark.parametrize(("negative", "positive"), list(zip(NEGATIVE, POSITIVE, strict=True)))
def test_negative_wording_moves_toward_negative(model, negative, positive):
    proba = model.predict_proba([negative, positive])
    neg, pos = list(model.classes_).index(-1), list(model.classes_).index(1)
    assert proba[0, neg] > proba[1, neg]
    assert proba[1, pos] > proba[0, pos]


def test_clear_cases_get_the_clear_label(model):
    predicted = model.predict(
        [
            span("Critics slammed Smith for the failure.", "Smith"),
            span("Supporters praised Smith for the success.", "Smith"),
        ]
    )
    assert predicted.tolist() == [-1, 1]


def test_sentiment_depends_on_the_target(model):
    sentence = "Police praised Officer Jane Kim for her bravery, while Tom Rudd was arrested for assault."
    kim, rudd = span(sentence, "Jane Kim"), span(sentence, "Tom Rudd")
    proba = model.predict_proba([kim, rudd])
    neg = list(model.classes_).index(-1)
    assert proba[1, neg] > proba[0, neg]


def test_probabilities_sum_to_one(model):
    proba = model.predict_proba(NEGATIVE + POSITIVE + NEUTRAL)
    assert proba.shape == (len(NEGATIVE + POSITIVE + NEUTRAL), 3)
    assert np.all(proba >= 0)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    scores = model.decision_function(NEGATIVE)
    assert np.array_equal(np.argmax(scores, axis=1), np.argmax(model.predict_proba(NEGATIVE), axis=1))


# (sentence, target, word whose VADER valence counts, factor, feature with it, features absent)
LEXICON_FEATURES = [
    ("They praise Smith.", "Smith", "praise", 1, "v:Lpos", ("v:Lneg", "q:has_quote")),
    ("They did not praise Smith.", "Smith", "praise", 0.74, "v:Lneg", ("v:Lpos",)),
    ("They didn't praise Smith.", "Smith", "praise", 0.74, "v:Lneg", ("v:Lpos",)),
    ("Nobody praised Smith.", "Smith", "praised", 0.74, "v:Lneg", ("v:Lpos",)),
    ("They said Smith failed.", "Smith", "failed", -1, "v:Rneg", ("v:Rqneg", "q:target_in_quote")),
    ('They said "Smith failed."', "Smith", "failed", -1, "v:Rqneg", ("v:Rpos",)),
]


@pytest.mark.parametrize(("sentence", "target", "word", "factor", "present", "absent"), LEXICON_FEATURES)
def test_lexicon_features_read_negation_and_quotes(model, sentence, target, word, factor, present, absent):
    """A negation word up to three words before a sentiment word flips it (times 0.74, as in
    VADER); words inside quotation marks count again as quoted."""
    features = model._featurizer(model.lexicon_tables_)
    row = features.transform_one(*span(sentence, target))
    assert row[present] == pytest.approx(features.valence(word) * factor / 3)
    assert not set(absent) & set(row)
    assert row.get("q:target_in_quote", 0.0) == float('"' in sentence)


def test_distance_weights_add_up_for_a_repeated_word(model):
    """Each word weighs exp(-distance / 4) from the target; a repeated word the sum of its weights."""
    features = model._featurizer(model.lexicon_tables_)
    row = features.transform_one(*span("The judge and the jury thanked Smith.", "Smith"))
    # distances from Smith: the 6, judge 5, and 4, the 3, jury 2, thanked 1, "." 1
    assert row["d:judge"] / row["d:jury"] == pytest.approx(math.exp(-3 / 4))
    assert row["d:the"] / row["d:jury"] == pytest.approx(
        (math.exp(-6 / 4) + math.exp(-3 / 4)) / math.exp(-2 / 4)
    )
    assert row["d:."] == pytest.approx(row["d:thanked"])


def test_empty_input_gives_empty_output(model):
    assert model.predict([]).shape == (0,)
    assert model.predict_proba([]).shape == (0, 3)


@pytest.mark.parametrize(
    "bad",
    [
        [("Smith left.", 0, 50)],
        [("Smith left.", 3, 3)],
        [("Smith left.", "0", "x")],
        [("Smith left.", 0)],
        "Smith left.",
    ],
)
def test_bad_examples_are_refused(model, bad):
    with pytest.raises(ValueError):
        model.predict(bad)


def test_model_card_reports_scores_and_license():
    import framing.models.target_sentiment as module

    card = module.__doc__ or ""
    for needed in ("dev_rw", "dev_mt", "macro-F1", "MIT", "Hamborg", "EACL 2021", "Known weaknesses"):
        assert needed in card


# -- serialisation ----------------------------------------------------------------------


def test_save_load_round_trip_is_exact(model, tmp_path):
    X = NEGATIVE + POSITIVE + NEUTRAL
    path = model.save(tmp_path / "m.json.gz")
    again = TargetSentimentClassifier.load(path)
    assert np.array_equal(again.predict(X), model.predict(X))
    assert np.array_equal(again.predict_proba(X), model.predict_proba(X))
    assert again.get_params() == model.get_params()
    # the same model gives the same bytes, and the shipped file is what save writes
    assert again.save(tmp_path / "n.json.gz").read_bytes() == path.read_bytes()
    assert path.read_bytes() == default_model_path().read_bytes()


def test_to_dict_is_plain_json(model):
    data = model.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["model_id"] == MODEL_ID
    assert data["format_version"] == FORMAT_VERSION
    assert data["sklearn_version"]
    again = TargetSentimentClassifier.from_dict(data)
    assert np.array_equal(again.predict(NEGATIVE), model.predict(NEGATIVE))


def test_loading_never_unpickles(monkeypatch):
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the model loader used pickle")

    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    loaded = TargetSentimentClassifier.load()
    assert loaded.predict(NEGATIVE[:1]).tolist() == [-1]


@pytest.fixture(scope="module")
def small_model_data(context_fit, tmp_path_factory) -> dict[str, Any]:
    """A model file's data, as small as one can be with every part (word vectors too):
    tampering with it is checked as with the shipped one, in a fraction of the time."""
    path = context_fit.save(tmp_path_factory.mktemp("model") / "small.json.gz")
    return json.loads(gzip.decompress(path.read_bytes()))


def _tampered(data: dict[str, Any], change: str) -> dict[str, Any]:
    data = json.loads(json.dumps(data))
    if change == "format_version":
        data["format_version"] = FORMAT_VERSION + 1
    elif change == "model_id":
        data["model_id"] = "someone.else"
    elif change == "coef_columns":
        data["coef"] = [row[:-1] for row in data["coef"]]
    elif change == "coef_rows":
        data["coef"] = data["coef"][:2]
    elif change == "intercept":
        data["intercept"] = data["intercept"] + [0.0]
    elif change == "classes":
        data["classes"] = [0, 1]
    elif change == "vocabulary":
        data["vocabulary"] = data["vocabulary"][:-1]
    elif change == "nan":
        data["coef"][0][0] = "NaN"
    elif change == "context_words":
        data["context"]["words"] = data["context"]["words"][:-1]
    elif change == "context_scores":
        data["context"]["scores"] = [row[:-1] for row in data["context"]["scores"]]
    elif change == "context_regions":
        data["context"]["regions"] = ["L", "R"]
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("format_version", "format_version"),
        ("model_id", "model_id"),
        ("coef_columns", "shape"),
        ("coef_rows", "shape"),
        ("intercept", "shape"),
        ("classes", "classes"),
        ("vocabulary", "shape"),
        ("nan", "coef"),
        ("context_words", "context"),
        ("context_scores", "context"),
        ("context_regions", "context"),
    ],
)
def test_tampered_files_are_refused(small_model_data, tmp_path, change, message):
    path = write_model(tmp_path / f"{change}.json.gz", _tampered(small_model_data, change))
    with pytest.raises(ValueError) as raised:
        TargetSentimentClassifier.load(path)
    assert str(path) in str(raised.value)
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not gzip at all", "gzip"),
        (gzip.compress(b"{not json", mtime=0), "JSON"),
        (gzip.compress(b"[]", mtime=0), "object"),
    ],
)
def test_unreadable_files_are_refused(tmp_path, content, message):
    path = tmp_path / "broken.json.gz"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message) as raised:
        TargetSentimentClassifier.load(path)
    assert str(path) in str(raised.value)


def test_the_shipped_file_has_the_recorded_sha256():
    assert hashlib.sha256(default_model_path().read_bytes()).hexdigest() == DEFAULT_MODEL_SHA256


def _one_weight_changed(data: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(json.dumps(data))
    data["coef"][0][0] += 0.5
    return data


@pytest.mark.parametrize(
    ("altered", "expected", "refused"),
    [
        (False, DEFAULT_MODEL_SHA256, False),  # an exact copy of the shipped file
        (True, DEFAULT_MODEL_SHA256, True),  # one weight changed, presented as the shipped model
        (True, None, False),  # one weight changed, read as the user's own model file
    ],
)
def test_a_shipped_model_with_altered_weights_is_refused(model_data, tmp_path, altered, expected, refused):
    path = tmp_path / "target-sentiment-1.1.0.json.gz"
    if altered:
        write_model(path, _one_weight_changed(model_data))
    else:
        path.write_bytes(default_model_path().read_bytes())
    if refused:
        with pytest.raises(InputError, match="sha256") as raised:
            TargetSentimentClassifier.load(path, sha256=expected)
        assert str(path) in str(raised.value) and DEFAULT_MODEL_SHA256 in str(raised.value)
    else:
        loaded = TargetSentimentClassifier.load(path, sha256=expected)
        assert loaded.coef_[0, 0] == pytest.approx(model_data["coef"][0][0] + (0.5 if altered else 0.0))


def test_the_default_model_is_checked_without_being_asked(model_data, tmp_path, monkeypatch):
    import framing.models.target_sentiment as module

    altered = write_model(tmp_path / "target-sentiment-1.1.0.json.gz", _one_weight_changed(model_data))
    monkeypatch.setattr(module, "default_model_path", lambda: altered)
    for path in (None, altered):
        with pytest.raises(InputError, match="changed or damaged"):
            TargetSentimentClassifier.load(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ValueError, match="cannot read"):
        TargetSentimentClassifier.load(tmp_path / "absent.json.gz")


# -- the scikit-learn contract ----------------------------------------------------------

TRAIN = [
    (span("Critics slammed Smith for the failure.", "Smith"), -1),
    (span("Reporters said Jones lied about the scandal.", "Jones"), -1),
    (span("Lee was arrested and charged with fraud.", "Lee"), -1),
    (span("Voters booed Garcia after the awful debate.", "Garcia"), -1),
    (span("Supporters praised Smith for the success.", "Smith"), 1),
    (span("Jones won the award for her brave work.", "Jones"), 1),
    (span("Fans cheered Lee after the great victory.", "Lee"), 1),
    (span("Garcia was thanked for the generous gift.", "Garcia"), 1),
    (span("Smith will travel to Ohio on Monday.", "Smith"), 0),
    (span("Jones said the meeting starts at noon.", "Jones"), 0),
    (span("Lee lives in a small town near the coast.", "Lee"), 0),
    (span("Garcia met the committee on Friday.", "Garcia"), 0),
]


@pytest.fixture(scope="module")
def small_fit() -> TargetSentimentClassifier:
    pytest.importorskip("sklearn")
    X, y = zip(*TRAIN, strict=True)
    return TargetSentimentClassifier(min_df=1, C=10.0).fit(list(X), list(y))


def test_fit_returns_self_and_learns(small_fit):
    X, y = zip(*TRAIN, strict=True)
    model = TargetSentimentClassifier(min_df=1, C=10.0)
    assert model.fit(list(X), list(y)) is model
    assert list(model.classes_) == [-1, 0, 1]
    assert model.score(list(X), list(y)) == 1.0
    np.testing.assert_allclose(model.predict_proba(list(X)).sum(axis=1), 1.0)


def test_clone_and_params():
    sklearn_base = pytest.importorskip("sklearn.base")
    model = TargetSentimentClassifier(C=2.0, window=4, random_state=7)
    copy = sklearn_base.clone(model)
    assert copy is not model
    assert copy.get_params() == model.get_params()
    assert copy.set_params(C=5.0) is copy and copy.C == 5.0
    assert sklearn_base.is_classifier(model)
    with pytest.raises(ValueError):
        copy.set_params(no_such_param=1)


def test_clone_of_a_fitted_model_is_unfitted(small_fit):
    sklearn_base = pytest.importorskip("sklearn.base")
    exceptions = pytest.importorskip("sklearn.exceptions")
    copy = sklearn_base.clone(small_fit)
    assert not hasattr(copy, "coef_")
    with pytest.raises(exceptions.NotFittedError):
        copy.predict(NEGATIVE)


def test_init_only_stores_params():
    # no validation or work in __init__: values are stored as given, checked only by fit
    model = TargetSentimentClassifier(C="not a number")  # type: ignore[arg-type]
    assert model.C == "not a number"
    assert not any(name.endswith("_") and not name.startswith("_") for name in vars(model))


def test_fit_refuses_bad_labels():
    pytest.importorskip("sklearn")
    X = [x for x, _ in TRAIN]
    with pytest.raises(ValueError, match="labels"):
        TargetSentimentClassifier(min_df=1).fit(X, [2] * len(X))
    with pytest.raises(ValueError, match="labels"):
        TargetSentimentClassifier(min_df=1).fit(X, [-1, 1] * (len(X) // 2))
    with pytest.raises(ValueError):
        TargetSentimentClassifier(min_df=1).fit(X, [0, 1])


# two-dimensional word vectors written for the tests: the first axis is blame, the second
# praise; "denounced" and "applauded" never occur in TRAIN, so only their vectors can tell them apart
VECTORS = {
    "slammed": (1.0, 0.0),
    "arrested": (0.9, 0.1),
    "booed": (1.0, 0.1),
    "awful": (0.95, 0.0),
    "failure": (0.9, 0.0),
    "fraud": (0.95, 0.05),
    "denounced": (1.0, 0.05),
    "praised": (0.0, 1.0),
    "cheered": (0.1, 1.0),
    "won": (0.1, 0.9),
    "great": (0.0, 0.95),
    "generous": (0.05, 0.95),
    "thanked": (0.0, 0.9),
    "applauded": (0.05, 1.0),
    "travel": (0.7, 0.7),
    "met": (0.7, 0.7),
    "said": (0.7, 0.7),
    "lives": (0.7, 0.7),
}


def word_vectors() -> tuple[list[str], np.ndarray]:
    words = sorted(VECTORS)
    vectors = np.array([VECTORS[w] for w in words])
    return words, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def context_fit() -> TargetSentimentClassifier:
    pytest.importorskip("sklearn")
    X, y = zip(*TRAIN, strict=True)
    model = TargetSentimentClassifier(min_df=1, C=10.0, context_weight=3.0)
    return model.fit(list(X), list(y), word_vectors=word_vectors())


def test_word_vectors_reach_words_never_seen_in_training(context_fit):
    unseen = [
        span("Officials denounced Smith on Monday.", "Smith"),
        span("Officials applauded Smith on Monday.", "Smith"),
    ]
    assert context_fit.predict(unseen).tolist() == [-1, 1]
    # the words are known by their vectors only: the model keeps no vector, one score per word
    assert context_fit.context_words_ == sorted(VECTORS)
    assert context_fit.context_scores_.shape == (len(VECTORS), 4 * 3)
    negative, positive = (context_fit.context_words_.index(w) for w in ("denounced", "applauded"))
    by_class = context_fit.context_scores_.reshape(len(VECTORS), 4, 3)
    assert np.all(by_class[negative, :, 0] > by_class[positive, :, 0])
    assert np.all(by_class[positive, :, 2] > by_class[negative, :, 2])


def test_context_model_round_trips(context_fit, tmp_path):
    again = TargetSentimentClassifier.load(context_fit.save(tmp_path / "context.json.gz"))
    X = [x for x, _ in TRAIN] + NEGATIVE + POSITIVE
    assert np.array_equal(again.predict_proba(X), context_fit.predict_proba(X))
    assert again.get_params()["context_weight"] == 3.0


def test_context_weight_needs_word_vectors():
    pytest.importorskip("sklearn")
    X, y = zip(*TRAIN, strict=True)
    with pytest.raises(ValueError, match="word_vectors"):
        TargetSentimentClassifier(min_df=1, context_weight=1.0).fit(list(X), list(y))
    with pytest.raises(ValueError, match="word_vectors"):
        TargetSentimentClassifier(min_df=1).fit(list(X), list(y), word_vectors=(["a", "b"], np.zeros((3, 2))))


def test_a_model_of_format_1_still_loads(small_fit):
    # format 1 (model 1.0.0) had no word context and no context_weight
    data = json.loads(json.dumps(small_fit.to_dict()))
    data["format_version"] = 1
    del data["context"]
    del data["params"]["context_weight"]
    again = TargetSentimentClassifier.from_dict(data)
    X = [x for x, _ in TRAIN]
    assert np.array_equal(again.predict_proba(X), small_fit.predict_proba(X))
    assert again.context_weight == 0.0


# examples for the columns that predicting reads in place of the named features
SCORED = [
    span("Smith resigned on Monday.", "Smith"),
    span("The council thanked Smith", "Smith"),
    ("Smith", 0, 5),
    ("   ", 0, 1),
    span('She said "Smith lied to us," adding that he "failed" again.', "Smith"),
    span('"Smith is a fraud and a liar," Jones said of Smith.', "Smith", 1),
    span("Nobody praised Smith, and they didn't thank him either.", "him"),
    span("He was not charged, and critics praised him.", "He"),
    span("Critics slammed Smithson for the failure.", "Smith"),
    ("Critics slammed Smith for the failure.", 7, 8),
    span("Jones praised Smith while Lee mocked Smith as a witch hunt.", "Smith"),
    span("Jones praised Smith while Lee mocked Smith as a witch hunt.", "Smith", 1),
    span("Jones praised Smith while Lee mocked Smith as a witch hunt.", "Lee"),
    span("In 2019, 3.5 million voters backed Smith; the the the the the.", "Smith"),
    span("Governor Kemble, who was arrested, said by Friday he would resign.", "Kemble"),
]


def _scores_of_named_features(model: TargetSentimentClassifier, examples: list[Any]) -> np.ndarray:
    """Scores from the named features of ``transform_one`` and ``context_terms``, added up one
    by one in their order."""
    features = model._featurizer(model.lexicon_tables_, model._valence_table())
    index = {w: i for i, w in enumerate(model.context_words_)}
    n_classes = len(model.classes_)
    by_word = model.context_scores_  # a row a word, the classes of each region in turn
    scores = np.empty((len(examples), n_classes))
    for r, example in enumerate(examples):
        row = features.transform_one(*example)
        terms = features.context_terms(*example, index) if by_word.size else []
        for k in range(n_classes):
            total = 0.0
            for name, value in row.items():
                if name in model.vocabulary_:
                    total += float(model.coef_[k, model.vocabulary_[name]]) * value
            context = 0.0
            for word, region, weight in terms:
                context += float(by_word[word, region * n_classes + k]) * weight
            scores[r, k] = (float(model.intercept_[k]) + total) + context
    return scores


@pytest.mark.parametrize("fitted", ["model", "small_fit", "context_fit"])
def test_predicting_reads_the_same_features_as_the_named_ones(fitted, request):
    """decision_function looks the features up as columns without naming them; the scores are
    the very same floats as from the named features, one example at a time or all at once."""
    model = request.getfixturevalue(fitted)
    expected = _scores_of_named_features(model, SCORED)
    assert np.array_equal(model.decision_function(SCORED), expected)
    for example, row in zip(SCORED, expected, strict=True):
        assert np.array_equal(model.decision_function([example])[0], row)


def test_refitting_predicts_with_the_new_vocabulary():
    """A model fitted again on other examples predicts like a model fitted only on those."""
    pytest.importorskip("sklearn")
    X, y = zip(*TRAIN, strict=True)
    model = TargetSentimentClassifier(min_df=1, C=10.0).fit(list(X), list(y))
    model.decision_function(SCORED)
    model.fit(list(X[1:]), list(y[1:]))
    fresh = TargetSentimentClassifier(min_df=1, C=10.0).fit(list(X[1:]), list(y[1:]))
    assert np.array_equal(model.decision_function(SCORED), fresh.decision_function(SCORED))


def test_fit_is_deterministic(small_fit, tmp_path):
    X, y = zip(*TRAIN, strict=True)
    again = TargetSentimentClassifier(min_df=1, C=10.0).fit(list(X), list(y))
    assert (
        again.save(tmp_path / "a.json.gz").read_bytes() == small_fit.save(tmp_path / "b.json.gz").read_bytes()
    )


def test_small_model_round_trips(small_fit, tmp_path):
    again = TargetSentimentClassifier.load(small_fit.save(tmp_path / "small.json.gz"))
    X = [x for x, _ in TRAIN]
    assert np.array_equal(again.predict_proba(X), small_fit.predict_proba(X))


# -- the real data (optional) -----------------------------------------------------------


@pytest.mark.shared_data
def test_shipped_model_on_newsmtsc_dev(model):
    folder = SHARED_DATA / "newsmtsc"
    if not (folder / "dev_rw.jsonl").is_file():
        pytest.skip(f"NewsMTSC is not here ({folder}); this test reads it")
    X, y = [], []
    for line in (folder / "dev_rw.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for target in record["targets"]:
            X.append((record["sentence_normalized"], target["from"], target["to"]))
            y.append({2.0: -1, 4.0: 0, 6.0: 1}[target["polarity"]])
    accuracy = float(np.mean(model.predict(X) == np.asarray(y)))
    assert accuracy > 0.6  # a broken model or featurizer falls far below; the benchmark has the numbers
