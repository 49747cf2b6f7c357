"""Actors: mentions merged, what they do and suffer, the tone around them by voice."""

import pytest

from framing import Settings, analyze, compare
from framing.analyzers.actors.table import summary
from framing.lexicon import get_lexicon
from framing.metrics.actors import ActorRow

ACTORS = Settings(analyzers=("actors",))


def actors(text):
    return {a.id: a.to_dict() for a in analyze(text, settings=ACTORS).metrics.actors.actors}


def assert_actors(text, present, absent):
    """Every id in ``present`` is an actor of ``text``, and none in ``absent`` is."""
    found = actors(text)
    assert set(present) <= set(found)
    assert not set(absent) & set(found)


def test_aliases_merge_into_one_actor():
    found = actors("ICE agents arrived. Immigration and Customs Enforcement said the raids would go on.")
    assert found["ice"]["mentions"]["own"] + found["ice"]["mentions"]["reported"] == 2
    assert set(found["ice"]["aliases"]) == {"ice agents", "immigration and customs enforcement"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Mayor Ana Ruiz spoke on Monday. Later Ruiz left the hall.", "Ana Ruiz"),
        ("Mayor Ana Jones spoke on Monday. Later Jones left the hall.", "Ana Jones"),  # a surname in -s
        ("Mayor Ana Ruiz's office spoke on Monday. Later Ruiz left the hall.", "Ana Ruiz"),
    ],
)
def test_names_the_lexicon_does_not_know_merge_by_surname(text, name):
    found = actors(text)
    person = [a for a in found.values() if a["name"] == name]
    assert person and sum(person[0]["mentions"].values()) == 2


def test_places_are_not_people():
    found = actors("The council met in Elm City. Troops arrived in Los Angeles.")
    assert not [a for a in found.values() if a["name"] in ("Elm City", "Los Angeles")]


@pytest.mark.parametrize(
    "text, actor, does, done_to",
    [
        (
            "The troops who assisted ICE in brutalizing the community left.",
            "national_guard",
            "brutalizing",
            None,
        ),
        ("Protesters were tear-gassed on Main Street.", "protesters", None, "were tear-gassed"),
        ("Police attacked the protesters.", "protesters", None, "attacked"),
        ("Police attacked the protesters.", "police", "attacked", None),
    ],
)
def test_what_actors_do_and_suffer(text, actor, does, done_to):
    row = actors(text)[actor]
    if does:
        assert does in [d["text"] for d in row["does"]]
    if done_to:
        assert done_to in [d["text"] for d in row["done_to"]]


def test_loaded_label_lowers_tone_and_is_evidence():
    neutral = actors("The protesters gathered downtown.")["protesters"]["tone"]["lexicon"]["own"]
    loaded = actors("The rioters gathered downtown.")["protesters"]["tone"]["lexicon"]["own"]
    assert loaded < neutral
    assert [e["text"] for e in actors("The rioters gathered downtown.")["protesters"]["evaluations"]] == [
        "rioters"
    ]


def test_tone_is_kept_apart_by_voice_and_speaker():
    text = 'The protesters marched. "They are a violent mob," Bo Tate said.'
    row = actors(text)["protesters"]
    assert row["mentions"]["own"] == 1 and row["mentions"]["quoted"] == 1
    assert row["tone"]["lexicon"]["quoted"] < row["tone"]["lexicon"]["own"]
    assert set(row["quoted_by"]) == {"Bo Tate"}


def test_tone_scores_stay_in_range():
    text = "Rioters, thugs and criminal aliens brutalized and terrorized a mob. " * 5
    for row in actors(text).values():
        for group in ("own", "quoted", "reported", "all"):
            value = row["tone"]["lexicon"][group]
            assert value is None or -1.0 <= value <= 1.0


def test_seed_tone(seed_results):
    ice = {a.id: a for a in seed_results["002"].metrics.actors.actors}
    assert ice["ice"].tone.lexicon.own < 0
    assert ice["national_guard"].tone.lexicon.own < 0
    assert "brutalizing" in [d.text for d in ice["national_guard"].does]
    abc = {a.id: a for a in seed_results["000"].metrics.actors.actors}
    protesters = abc["protesters"]
    assert protesters.mentions.own == 0 and protesters.mentions.quoted >= 1
    assert protesters.tone.lexicon.quoted < 0
    assert set(protesters.quoted_by) == {"Pete Hegseth"}


def test_comparison_merges_actors_across_articles():
    c = compare(["ICE agents raided the market.", "Immigration and Customs Enforcement raided a farm."])
    chart = c.charts.actor_tone_own
    assert "ice" in chart.series
    assert all(row.cells["ice"].mentions == 1 for row in chart.rows)


@pytest.mark.parametrize(
    "text, actor, does, done_to",
    [
        ("Immigrants were rounded up by ICE.", "ice", ["rounded up"], []),
        ("Immigrants were rounded up by ICE.", "immigrants", [], ["were rounded up"]),
        ("Workers were detained by federal agents.", "ice", ["detained"], []),
        ("The troops are retreating from the city.", "national_guard", ["are retreating"], []),
        ("Guardsmen are redeploying to Oregon.", "national_guard", ["are redeploying"], []),
        ("Protesters are being detained downtown.", "protesters", [], ["are being detained"]),
    ],
)
def test_passive_agents_particles_and_progressives(text, actor, does, done_to):
    row = actors(text)[actor]
    assert [d["text"] for d in row["does"]] == does
    assert [d["text"] for d in row["done_to"]] == done_to


@pytest.mark.parametrize(
    "text, speaker_actor, words",
    [
        ('"We will comply with the order," the Pentagon said in a statement.', "pentagon", 6),
        ('"The deployment will end soon," the White House said.', "trump_administration", 5),
    ],
)
def test_institutions_that_speak_are_credited(text, speaker_actor, words):
    assert actors(text)[speaker_actor]["speaks_words"] == words


@pytest.mark.parametrize(
    "text, not_actors",
    [
        ("On Wednesday, Secretary Hegseth ordered the release of the troops.", ["name:on_wednesday"]),
        ("On July 11, the day after the raid, Mayor Ana Ruiz spoke.", ["name:on_july"]),
        ("Protesters clashed in the predominantly Latino Paramount district.", ["name:latino_paramount"]),
        (
            "Raids targeted workers at Home Depot and Union Station.",
            ["name:home_depot", "name:union_station"],
        ),
    ],
)
def test_dates_and_places_are_not_actors(text, not_actors):
    assert_actors(text, [], not_actors)


@pytest.mark.parametrize(
    "text, words, actor, kind",
    [
        ("ICE agents arrested workers.", "ICE agents", "ice", "institution"),  # from the lexicon
        ("Protesters marched downtown.", "Protesters", "protesters", "group"),
        ("Mayor Ana Ruiz spoke on Monday. She left.", "She", "name:ana_ruiz", "person"),  # linked
        (
            "The council met the Springfield Water Board.",
            "Springfield Water Board",
            "name:springfield_water_board",
            "institution",
        ),
        ("The gunman fled after the shooting.", "The gunman", "role:gunman", "person"),  # named by its part
    ],
)
def test_an_actor_finding_names_its_actor_and_its_category_is_the_kind(text, words, actor, kind):
    result = analyze(text, settings=ACTORS)
    found = [f for f in result.findings if f.text == words]
    assert [f.actor for f in found] == [actor]
    assert found[0].category == kind and found[0].category != found[0].actor
    assert found[0].category_label == get_lexicon("actors").categories[kind].label
    assert {row.id: row.kind for row in result.metrics.actors.actors}[actor] == kind


def test_only_actor_findings_name_an_actor():
    result = analyze('Rioters brutalized the town, Mayor Ana Ruiz said. "It was a reckless plan," she said.')
    assert {f.analyzer for f in result.findings if f.actor is not None} == {"actors"}
    others = {f.analyzer for f in result.findings if f.actor is None}
    assert "loaded" in others and "actors" not in others


def test_a_kind_takes_the_label_a_user_actors_lexicon_gives_it(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text(
        "# id: council-actors\n# version: 1.0.0\n# kind: actors\n# language: en\n# license: CC0-1.0\n"
        "# category.body: Elected body | A council or a board.\n"
        "actor\tname\tcategory\talias\tnote\n"
        "elm_council\tElm City Council\tbody\telm city council\tthe town's council\n",
        encoding="utf-8",
    )
    settings = Settings(analyzers=("actors",), lexicons=(str(path),))
    found = [
        f
        for f in analyze("The Elm City Council voted.", settings=settings).findings
        if f.actor == "elm_council"
    ]
    assert [(f.category, f.category_label) for f in found] == [("body", "Elected body")]


@pytest.mark.parametrize(
    "text, actor, lexicon_id",
    [
        ("ICE agents arrested workers.", "ice", "actors"),
        ("Mayor Ana Ruiz spoke on Monday.", "name:ana_ruiz", None),
    ],
)
def test_actor_findings_name_the_lexicon_they_come_from(text, actor, lexicon_id):
    result = analyze(text, settings=ACTORS)
    found = [f for f in result.findings if f.analyzer == "actors" and f.actor == actor]
    assert found and {f.lexicon_id for f in found} == {lexicon_id}
    if lexicon_id:
        assert {f.lexicon_version for f in found} == {get_lexicon(lexicon_id).version}


def linked(text, actor):
    result = analyze(text, settings=ACTORS)
    return [f.text for f in result.findings if f.actor == actor and "is read as" in f.explanation]


@pytest.mark.parametrize(
    "text, actor, expected",
    [
        ("Gov. Gavin Newsom spoke on Monday. The governor left.", "gavin_newsom", ["The governor"]),
        (
            "Sean Parnell, the Pentagon's chief spokesman, said the troops would go. "
            "The spokesman declined to comment.",
            "name:sean_parnell",
            ["The spokesman"],
        ),
        (
            "Defense Secretary Pete Hegseth arrived. Later the defense secretary smiled.",
            "pete_hegseth",
            ["the defense secretary"],
        ),
        (
            "Mayor Ana Ruiz criticized the order. The mayor's office was closed.",
            "name:ana_ruiz",
            ["The mayor"],
        ),
        # a rank word must match: the president is not the vice president
        ("Vice President JD Vance visited. The president did not.", "jd_vance", []),
        # two people with the title: no one is guessed
        ("Mayor Ana Ruiz and Mayor Tom Lee met. The mayor spoke.", "name:ana_ruiz", []),
        ("Mayor Ana Ruiz and Mayor Tom Lee met. The mayor spoke.", "name:tom_lee", []),
        # a title word used for something else
        ("Defense Secretary Pete Hegseth arrived. The defense of the city failed.", "pete_hegseth", []),
        # a title before the person is named, or one that names another body
        ("The governor spoke. Gov. Gavin Newsom arrived later.", "gavin_newsom", []),
        ("Mayor Ana Ruiz spoke. The mayor of Elm City replied.", "name:ana_ruiz", []),
        ("Sen. Ana Ruiz spoke. The senator from New Jersey replied.", "name:ana_ruiz", []),
        # a title word that is more often an adjective
        ("General Tom Lee spoke on Monday. The general election is near.", "name:tom_lee", []),
    ],
)
def test_titles_link_to_the_one_person_with_that_title(text, actor, expected):
    assert linked(text, actor) == expected


@pytest.mark.parametrize(
    "text, actor, expected",
    [
        ("Mayor Ana Ruiz criticized the order. She called it reckless.", "name:ana_ruiz", ["She"]),
        ('Mayor Ana Ruiz spoke on Monday. "We will stay," she said.', "name:ana_ruiz", ["she"]),
        ('Mayor Ana Ruiz spoke on Monday. "We will stay," the mayor said.', "name:ana_ruiz", ["the mayor"]),
        # two people in the sentence before: the one whose gender agrees
        ("Karen Bass met Tom Homan. He left.", "tom_homan", ["He"]),
        ("Karen Bass met Tom Homan. He left.", "karen_bass", []),
        # two people of one gender: the subject of the sentence before
        ("Tom Homan met Jim Tate. He left.", "tom_homan", ["He"]),
        # a person the text has shown to be "she" is not "he"
        ('Mayor Ana Ruiz spoke. "It was a mistake," she said. He left.', "name:ana_ruiz", ["she"]),
        # a 'his' before the person named: the pronoun may mean someone else
        ("His friendship with Tom Lee gave him a start. He was a star.", "name:tom_lee", []),
        # inside a quotation "he" is the speaker's word, not the outlet's: not linked
        ('Mayor Ana Ruiz spoke. "He is wrong," Lee said.', "name:ana_ruiz", []),
    ],
)
def test_pronouns_link_only_where_one_person_fits(text, actor, expected):
    assert linked(text, actor) == expected


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("Commissioner Ruiz disagreed with the order.", ["name:ruiz"], []),
        ('"It is fine," Ruiz said.', ["name:ruiz"], []),
        # a capitalised word alone, with no title and no words of its own, is not a person
        ("Later Ruiz left the hall.", [], ["name:ruiz"]),
        ("Mr. Ruiz left the hall.", ["name:ruiz"], []),
        # words before a name that are not a title
        ("The Aerospace and Defense Index fell.", [], ["name:index"]),
        # a people named by its nationality, and 'I'
        ("Already, the Chinese believe that the plan will fail.", [], ["name:chinese"]),
        (
            "Although I disagree, Tom Lee said the plan will fail.",
            ["name:tom_lee"],
            ["name:although_i", "name:i"],
        ),
        ("Officers drove from Bakersfield to Fresno.", [], ["name:bakersfield", "name:fresno"]),
    ],
)
def test_surname_alone_is_an_actor_with_a_title_or_words_of_its_own(text, present, absent):
    assert_actors(text, present, absent)


def test_linked_mentions_count_in_the_table():
    row = actors("Mayor Ana Ruiz criticized the order. She called it reckless. The mayor left.")[
        "name:ana_ruiz"
    ]
    assert row["linked"] == {"title": 1, "pronoun": 1}
    assert sum(row["mentions"].values()) == 3


def test_comparison_joins_a_surname_to_the_full_name_in_another_article():
    c = compare(
        [
            "Commissioner Ana Ruiz condemned the raid on Monday.",
            'Commissioner Ruiz praised the agents. "They did well," Ruiz said.',
        ]
    )
    first, second = ({r.id: r for r in v.actors} for v in c.articles)
    assert set(first) == set(second) == {"name:ana_ruiz"}
    assert second["name:ana_ruiz"].merged_from == "name:ruiz"
    assert second["name:ana_ruiz"].name == "Ana Ruiz"
    assert {f.actor for f in c.articles[1].findings if f.analyzer == "actors"} == {"name:ana_ruiz"}
    assert all(row.cells["name:ana_ruiz"].mentions >= 1 for row in c.charts.actor_tone_own.rows)


def test_comparison_does_not_join_a_surname_two_people_share():
    c = compare(
        [
            "Commissioner Ana Ruiz condemned the raid.",
            "Judge Carlos Ruiz stayed the order.",
            "Commissioner Ruiz praised the agents.",
        ]
    )
    assert "name:ruiz" in {r.id for r in c.articles[2].actors}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # laws, events and headings are not people
        ("The Voting Rights Act passed in 1965.", [], ["name:voting_rights_act"]),
        ("The Trade War hurt farmers, and the war goes on.", [], ["name:trade_war"]),
        ("Rent Strike\n\nShe plans to withhold her rent this month.", [], ["name:rent_strike"]),
        ("My Facebook page grew.", [], ["name:my_facebook"]),
        ("In Alaska, voters went to the polls. Alaska voted early.", [], ["name:in_alaska", "name:alaska"]),
        ("Maybe Sanders will win the vote.", [], ["name:maybe_sanders"]),
        ("Read More\nHe said the vote was close.", [], ["name:read_more", "name:more_he"]),
        # a surname that is also an ordinary word, with a title or words of their own
        ("Rep. Diane Black spoke. The black car left.", ["name:diane_black"], []),
        ("Diane Black said the bill would pass. The black car left.", ["name:diane_black"], []),
        # without either, the ordinary word makes it doubtful: left out
        ("Diane Black won the seat. The black car left.", [], ["name:diane_black"]),
        # places, bodies, groups and describing words shaped like names
        ("Crowds filled Tiananmen Square that night.", [], ["name:tiananmen_square"]),
        ("Crowds filled Sutherland Springs that night.", [], ["name:sutherland_springs"]),
        ("Lutheran Services took the families in.", [], ["name:lutheran_services"]),
        ("The Business Roundtable wrote to Congress.", [], ["name:business_roundtable"]),
        ("Muslim Americans marched on Sunday.", [], ["name:muslim_americans"]),
        ("Common Core-aligned tests were dropped.", [], ["name:common_core_aligned"]),
        ("The Air Force flew the jets home.", [], ["name:air_force"]),
        ("Crowds filled Southeast Asia and Saudi Arabia.", [], ["name:southeast_asia", "name:saudi_arabia"]),
        ("The Orlando Sentinel ran the story.", [], ["name:orlando_sentinel"]),
        (
            "Did Dodd-Frank fail? Pacific Trade Deal Is Dead",
            [],
            ["name:did_dodd_frank", "name:pacific_trade_deal_is"],
        ),
        ("Sources said the vote was close.", [], ["name:sources"]),
        (
            "The Pension Benefit Guaranty Corporation paid. The World Health Assembly met in "
            "the Rose Garden. Harper Polling asked. XBox Live went down.",
            [],
            [
                "name:pension_benefit_guaranty_corporation",
                "name:world_health_assembly",
                "name:rose_garden",
                "name:harper_polling",
                "name:xbox_live",
            ],
        ),
        (
            "Barges sailed the Mississippi River to the Black Sea. Good Morning America aired "
            "it. The Rust Belt voted. The Internet Archive kept a copy.",
            [],
            [
                "name:mississippi_river",
                "name:black_sea",
                "name:good_morning_america",
                "name:rust_belt",
                "name:internet_archive",
            ],
        ),
        (
            "It Happened in Ohio. Like Mnuchin, she wanted the deal. Whatever Google does, it wins.",
            [],
            ["name:it_happened", "name:like_mnuchin", "name:whatever_google"],
        ),
        (
            "Voters in Northern Virginia met. Accenture Plc hired. The Intergovernmental Panel wrote. "
            "Getty Images Birmingham took it. Iron Dome fired. A Gallup Poll found it. Puerto Ricans "
            "voted at the Hoover Institution.",
            [],
            [
                "name:northern_virginia",
                "name:accenture_plc",
                "name:intergovernmental_panel",
                "name:getty_images_birmingham",
                "name:iron_dome",
                "name:gallup_poll",
                "name:puerto_ricans",
                "name:hoover_institution",
            ],
        ),
        (
            "Last Wednesday the vote was close. Early May was warm.",
            [],
            ["name:last_wednesday", "name:early_may"],
        ),
        # a month or a place-like word can be part of a name
        ("Theresa May said the deal was done.", ["name:theresa_may"], []),
        ("April Ryan asked the question.", ["name:april_ryan"], []),
        # names with a hyphen or a place-like word of their own stay people
        ("Regina Dix-Parsons spoke to the council.", ["name:regina_dix_parsons"], []),
        ("President Moon Jae-in met the envoy.", ["name:moon_jae_in"], []),
        ("Linda Park spoke to the council.", ["name:linda_park"], []),
    ],
)
def test_names_that_are_not_people(text, present, absent):
    assert_actors(text, present, absent)


@pytest.mark.parametrize(
    "text, actor, line",
    [
        (
            "ICE agents brutalized the residents.",
            "ice",
            "ICE (immigration enforcement): 1 mention (1 in the outlet's words, 0 in quoted or reported"
            " words); cast as villain in the outlet's words.",
        ),
        (
            "ICE agents brutalized the residents.",
            "residents",
            "Residents and communities: 1 mention (1 in the outlet's words, 0 in quoted or reported"
            " words); cast as victim in the outlet's words.",
        ),
        (
            "ICE agents arrived. Later ICE agents left.",
            "ice",
            "ICE (immigration enforcement): 2 mentions (2 in the outlet's words, 0 in quoted or reported"
            " words); cast as neutral in the outlet's words.",
        ),
        (
            '"ICE brutalized our neighbors," Ana Ruiz said.',
            "ice",
            "ICE (immigration enforcement): 1 mention (0 in the outlet's words, 1 in quoted or reported"
            " words); cast as neutral in the outlet's words; by those it quotes: villain to Ana Ruiz.",
        ),
        (
            "ICE was accused of abuse.",
            "ice",
            "ICE (immigration enforcement): 1 mention (1 in the outlet's words, 0 in quoted or reported"
            " words); cast as neutral in the outlet's words; by those it quotes: villain to an unnamed"
            " voice.",
        ),
    ],
)
def test_each_actor_is_a_typed_row_whose_summary_says_how_it_is_cast(text, actor, line):
    result = analyze(text, settings=ACTORS)
    rows = result.metrics.actors.actors
    assert all(isinstance(row, ActorRow) for row in rows)
    row = next(r for r in rows if r.id == actor)
    assert summary(row) == line
    # every mention of the actor explains itself with that line
    explanations = [f.explanation for f in result.findings if f.analyzer == "actors" and f.actor == actor]
    assert explanations and all(e.endswith(line) for e in explanations)


def test_the_most_mentioned_actor_comes_first():
    rows = analyze("The residents waited. ICE agents arrived. Later ICE agents left.", settings=ACTORS)
    assert [r.id for r in rows.metrics.actors.actors][:2] == ["ice", "residents"]
