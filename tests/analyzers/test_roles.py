"""Roles: who an article casts as villain, victim or hero, in whose voice, and the evidence."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import Settings, analyze
from framing.analyzers.actors.roles import ALL_ROLES, rule_role

ACTORS = Settings(analyzers=("actors",))


def portrayal(text):
    return {a.id: a.portrayal.to_dict() for a in analyze(text, settings=ACTORS).metrics.actors.actors}


def quoted_roles(cast):
    return {(q["speaker"], q["role"]) for q in cast["quoted"] if q["role"] != "neutral"}


def reasons(cast):
    return [e["reason"] for e in cast["evidence"] if not e["negated"]]


@pytest.mark.parametrize(
    "text, actor, role, words",
    [
        # harm done by an actor, and harm suffered, in the active voice
        ("ICE agents brutalized the residents.", "ice", "villain", "brutalized the residents"),
        ("ICE agents brutalized the residents.", "residents", "victim", "brutalized"),
        # a passive with its agent, and one without
        ("The residents were brutalized by ICE agents.", "ice", "villain", "brutalized"),
        ("The residents were brutalized by ICE agents.", "residents", "victim", "were brutalized"),
        ("Protesters were tear-gassed on Main Street.", "protesters", "victim", "were tear-gassed"),
        # suffering, as a verb and as a noun
        ("Mayor Ana Ruiz died after the raid.", "name:ana_ruiz", "victim", "died"),
        ("Officials mourned the death of Mayor Ana Ruiz.", "name:ana_ruiz", "victim", "death of"),
        ("Officials mourned Ana Ruiz's death.", "name:ana_ruiz", "victim", "death"),
        # help given: the one who rescues, the one rescued
        ("The National Guard rescued the residents from the flood.", "national_guard", "hero", "rescued"),
        ("The National Guard rescued the residents from the flood.", "residents", "victim", "rescued"),
        # labels: the mention itself, an adjective, an appositive, a description
        ("The rioters blocked the road.", "protesters", "villain", "rioters"),
        ("The brave troops saved the city.", "national_guard", "hero", "brave"),
        ("Aaron Alexis, the gunman, killed 12 people.", "name:aaron_alexis", "villain", "killed 12 people"),
        ("The gunman killed 12 people.", "role:gunman", "villain", "killed 12 people"),
        # what someone does, owned or qualified
        ("Residents protested police brutality on Monday.", "police", "villain", "brutality"),
        ("The brutality of the police angered residents.", "police", "villain", "brutality of"),
        ("ICE agents assisted the police in brutalizing the residents.", "police", "villain", "brutalizing"),
    ],
)
def test_each_rule_casts_the_actor_in_the_outlets_voice(text, actor, role, words):
    cast = portrayal(text)[actor]["own"]
    assert cast["role"] == role
    assert any(words in e["text"] for e in cast["evidence"] if e["role"] == role), cast["evidence"]


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Police did not attack the protesters.", "police"),
        ("Police did not attack the protesters.", "protesters"),
        ("ICE agents never harmed the residents.", "ice"),
        ("The troops were not brutalized.", "national_guard"),
    ],
)
def test_a_denied_act_casts_no_role(text, actor):
    cast = portrayal(text)[actor]["own"]
    assert cast["role"] == "neutral"
    assert cast["evidence"] and all(e["negated"] for e in cast["evidence"])
    assert all("denied" in e["reason"] for e in cast["evidence"])


@pytest.mark.parametrize(
    "text, actor",
    [
        ("The Police Brutality Commission met on Monday.", "police"),
        ("The Immigrant Victims Fund paid the families.", "immigrants"),
        ("Protesters marched to the Day Without An Immigrant rally.", "immigrants"),
    ],
)
def test_a_mention_inside_a_name_carries_no_role(text, actor):
    cast = portrayal(text)[actor]
    assert cast["own"]["role"] == "neutral" and not cast["own"]["evidence"]
    assert not cast["quoted"]


@pytest.mark.parametrize(
    "text, actor, speaker, role",
    [
        # blame reported in narration is in the voice of the one who blames
        ("Republicans accused ICE of abuse.", "ice", "Republicans", "villain"),
        ("Residents praised the National Guard.", "national_guard", "Residents", "hero"),
        ("ICE was criticized by Democrats.", "ice", "Democrats", "villain"),
        # an accusation with nobody named is in an unnamed voice
        ("ICE was accused of abuse.", "ice", None, "villain"),
        # inside a quotation, the speaker's
        ('"ICE brutalized our neighbors," Ana Ruiz said.', "ice", "Ana Ruiz", "villain"),
        ('"They are a violent mob," Bo Tate said of the protesters.', "protesters", "Bo Tate", "villain"),
    ],
)
def test_blame_and_praise_are_cast_in_the_voice_that_gives_them(text, actor, speaker, role):
    cast = portrayal(text)[actor]
    assert cast["own"]["role"] == "neutral"
    assert (speaker, role) in quoted_roles(cast)
    assert cast["quoted_role"]["role"] == role


def test_the_same_act_in_narration_is_the_outlets():
    cast = portrayal("ICE brutalized our neighbors.")["ice"]
    assert cast["own"]["role"] == "villain" and not quoted_roles(cast)


def test_reasons_name_the_actor_and_the_words():
    cast = portrayal("ICE agents brutalized the residents.")
    assert "ICE (immigration enforcement) is the agent of 'brutalized the residents'." in reasons(
        cast["ice"]["own"]
    )
    assert "Residents and communities suffer 'brutalized'." in reasons(cast["residents"]["own"])


def test_a_weak_act_alone_casts_no_one():
    # an arrest is often simply the job: one weak clue is not a villain
    cast = portrayal("Police arrested a man on Monday.")["police"]["own"]
    assert cast["role"] == "neutral"
    assert cast["scores"]["villain"] == 1.0


def test_tone_is_not_portrayal():
    # a victim sits among sad words: the tone around it is negative, its role is victim
    text = "The grieving family of Ana Ruiz wept after the horrific, brutal attack that killed Ana Ruiz."
    row = {a.id: a for a in analyze(text, settings=ACTORS).metrics.actors.actors}["name:ana_ruiz"]
    assert row.tone.lexicon.own < 0
    assert row.portrayal.own.role == "victim"


@pytest.mark.parametrize(
    "scores, role",
    [
        ({"villain": 0.0, "victim": 0.0, "hero": 0.0}, "neutral"),
        ({"villain": 1.0, "victim": 0.0, "hero": 0.0}, "neutral"),  # below the threshold
        ({"villain": 2.0, "victim": 0.0, "hero": 0.0}, "villain"),
        ({"villain": 4.0, "victim": 3.0, "hero": 0.0}, "neutral"),  # a mix with no clear lean
        ({"villain": 3.0, "victim": 2.0, "hero": 0.0}, "villain"),  # ahead by half as much again
        ({"villain": 3.0, "victim": 6.0, "hero": 0.0}, "victim"),
        ({"villain": 0.0, "victim": 0.0, "hero": 2.0}, "hero"),
    ],
)
def test_rule_role_needs_enough_evidence_and_a_clear_lead(scores, role):
    got, confidence = rule_role(scores)
    assert got == role and 0.0 <= confidence <= 1.0


FRAGMENTS = st.sampled_from(
    [
        "ICE agents",
        "the protesters",
        "Mayor Ana Ruiz",
        "the gunman",
        "brutalized",
        "were not",
        "rescued",
        "died",
        "by police",
        "the death of",
        "accused",
        '"They are thugs," Bo Tate said.',
        "brave",
        "and",
        ".",
        ",",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=14).map(" ".join))
def test_every_role_is_one_of_four_and_rests_on_evidence_that_slices_back(text):
    for row in analyze(text, settings=ACTORS).metrics.actors.actors:
        p = row.portrayal
        for cast in [p.own, *p.quoted]:
            assert cast.role in ALL_ROLES
            assert 0.0 <= cast.confidence <= 1.0
            for e in cast.evidence:
                assert text[e.start : e.end] == e.text
                assert e.role in ALL_ROLES[:3]
            if cast.role != "neutral":
                assert any(e.role == cast.role and not e.negated for e in cast.evidence)
        assert p.quoted_role.role in ALL_ROLES


def test_roles_are_the_same_for_the_same_text():
    text = "ICE agents brutalized the residents. Republicans accused ICE of abuse."
    assert portrayal(text) == portrayal(text)
