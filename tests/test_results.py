"""Results read back from JSON, as this version writes them and as older ones did."""

import json

import pytest

from framing import Article, InputError, analyze
from framing.results import ArticleAnalysis


def as_schema_2(data):
    """An analysis's JSON as report schema 2.x wrote it: an actor finding had the actor's
    id in ``category``, its name in ``category_label``, and no ``actor``."""
    old = json.loads(json.dumps(data))
    names = {row["id"]: row["name"] for row in old["metrics"]["actors"]["actors"]}
    for f in old["findings"]:
        actor = f.pop("actor")
        if f["analyzer"] == "actors":
            f["category"], f["category_label"] = actor, names[actor]
    return old


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Ruiz spoke on Monday. She said the plan was reckless.",
        "ICE agents arrested workers while protesters marched.",
        '"The mob brought chaos," Commissioner Tom Reyes said of the rioters.',
    ],
)
def test_a_schema_2_analysis_reads_back_with_the_actor_in_its_own_field(text):
    a = analyze(Article(text, id="x", outlet="Daily A"))
    ids = {row.id for row in a.metrics.actors.actors}
    old = as_schema_2(a.to_dict())
    assert ids and {f["category"] for f in old["findings"] if f["analyzer"] == "actors"} == ids
    back = ArticleAnalysis.from_dict(old)
    assert back == a
    assert {f.actor for f in back.findings if f.analyzer == "actors"} == ids


def test_an_analysis_reads_back_as_written():
    a = analyze(Article("Mayor Ana Ruiz criticized the rioters.", id="x"))
    back = ArticleAnalysis.from_dict(json.loads(json.dumps(a.to_dict())))
    assert back == a and any(f.actor == "name:ana_ruiz" for f in back.findings)


def test_a_schema_2_actor_finding_of_an_actor_the_table_lacks_is_refused():
    a = analyze(Article("Mayor Ana Ruiz criticized the rioters.", id="art-7"))
    old = as_schema_2(a.to_dict())
    old["metrics"]["actors"]["actors"] = []
    with pytest.raises(InputError, match=r"art-7.*'name:ana_ruiz'.*metrics\.actors"):
        ArticleAnalysis.from_dict(old)
