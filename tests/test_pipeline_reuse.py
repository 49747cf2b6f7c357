"""analyze(), analyze_many() and compare() build a pipeline once for settings that
cannot go stale, and anew for settings that name a lexicon or extra options, whose
files may change between two calls."""

from __future__ import annotations

import pytest

from framing import Settings, analyze
from framing.pipeline import pipeline_for

LEXICON = """# id: class-words
# version: 1.0.0
# kind: loaded-language
# language: en
# license: CC0-1.0
# category.crime: Crime | Words that paint people as criminals.
term\tpos\tcategory\tweight\texplanation
{term}\tnoun\tcrime\t2\tA word the class chose.
"""


@pytest.mark.parametrize(
    ("settings", "kept"),
    [
        (None, True),
        (Settings(), True),
        (Settings(analyzers=("actors",)), True),
        (Settings(learned_loaded=True), True),
        (Settings(extra={"note": 1}), False),
    ],
)
def test_a_pipeline_is_kept_only_for_settings_that_cannot_go_stale(settings, kept):
    assert (pipeline_for(settings) is pipeline_for(settings)) is kept


def test_equal_settings_share_a_pipeline_and_other_settings_do_not():
    assert pipeline_for(Settings(analyzers=("loaded",))) is pipeline_for(Settings(analyzers=("loaded",)))
    assert pipeline_for(Settings(analyzers=("loaded",))) is not pipeline_for(Settings(analyzers=("tone",)))


def test_a_lexicon_file_changed_between_two_calls_is_read_again(tmp_path):
    path = tmp_path / "class.tsv"
    settings = Settings(analyzers=("loaded",), lexicons=(str(path),), builtin_lexicons=False)
    text = "The squatters left the riverbank."
    path.write_text(LEXICON.format(term="squatter"), encoding="utf-8")
    assert [f.text for f in analyze(text, settings=settings).findings] == ["squatters"]
    path.write_text(LEXICON.format(term="riverbank"), encoding="utf-8")
    assert [f.text for f in analyze(text, settings=settings).findings] == ["riverbank"]
