"""End to end on the seed articles: concrete findings a teacher would point at."""

import pytest

from .conftest import SEEDS


def finding(result, text):
    found = [f for f in result.findings if f.text == text]
    assert found, f"{text!r} not found in {result.article.id}"
    return found[0]


def test_the_manifest_is_read(seed_articles):
    assert [a.id for a in seed_articles] == ["000", "001", "002", "003"]
    assert seed_articles[0].outlet == "ABC News"
    assert seed_articles[1].title.startswith("Hegseth ramps up withdrawal")
    assert seed_articles[2].outlet == "Left Voice"


@pytest.mark.shared_data
def test_seed_texts_are_unchanged():
    shared = SEEDS.parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not here to compare with")
    for p in sorted(SEEDS.glob("0*.txt")):
        assert p.read_bytes() == (shared / p.name).read_bytes()


def test_rampant_lawlessness_is_the_pentagon_spokesmans(seed_results):
    f = finding(seed_results["000"], "rampant lawlessness")
    assert f.voice == "quote"
    assert f.speaker == "Sean Parnell"


def test_brutalizing_is_in_the_outlets_own_voice(seed_results):
    f = finding(seed_results["002"], "brutalizing")
    assert f.voice == "narration" and f.speaker is None


def test_squash_is_in_the_outlets_own_voice(seed_results):
    f = finding(seed_results["001"], "squash")
    assert f.voice == "narration" and f.speaker is None


def test_colbert_teaser_is_not_scored(seed_results):
    result = seed_results["001"]
    start = result.text.index("Trump unleashes furious rant")
    assert result.voice_at(start).voice == "furniture"
    assert all(f.text not in ("furious", "rant", "unleashes") for f in result.findings)
    for span in result.furniture:
        assert not [f for f in result.findings if span.start <= f.start < span.end]


def test_own_voice_rate_is_higher_in_002_than_000(seed_results):
    own_002 = seed_results["002"].metrics.loaded.per_1000_own
    own_000 = seed_results["000"].metrics.loaded.per_1000_own
    assert own_002 > own_000


def test_more_teaser_and_glued_words_in_000(seed_results):
    result = seed_results["000"]
    assert result.voice_at(result.text.index("MORE: Pentagon")).voice == "furniture"
    kinds = {f.kind for f in result.furniture}
    assert kinds == {"teaser"}


def test_furniture_in_001_and_002(seed_results):
    kinds_001 = {f.kind for f in seed_results["001"].furniture}
    assert {"caption", "teaser", "dateline"} <= kinds_001
    kinds_002 = {f.kind for f in seed_results["002"].furniture}
    assert {"label", "byline", "date", "bio", "trailer"} <= kinds_002
    r = seed_results["002"]
    assert r.voice_at(r.text.index("Julia is a contributor")).voice == "furniture"
    assert r.voice_at(r.text.index("President Trump has reduced")).voice == "headline"


def test_speakers_in_003(seed_results):
    r = seed_results["003"]
    assert finding(r, "invasion").speaker == "White House"
    assert finding(r, "sowing terror").speaker == "Karen Bass"
    assert finding(r, "cruel").speaker == "Gavin Newsom"
    assert finding(r, "terrorized").speaker == "Angelica Salas"
    assert finding(r, "epicenter").voice == "narration"


def test_every_seed_finding_slices_back(seed_results):
    for result in seed_results.values():
        for f in result.findings:
            assert result.text[f.start : f.end] == f.text


def test_federal_officials_in_003(seed_results):
    """Both federal officials of the 'pushed back' paragraph are attributed by name."""
    r = seed_results["003"]
    start = r.text.index("FBI Deputy Director Dan Bongino")
    found = [
        (q.kind, q.speaker, q.cue, r.text[q.speaker_start : q.speaker_end])
        for q in r.quotes
        if start <= q.start < start + 250
    ]
    assert found == [
        ("partial", "Dan Bongino", "warn", "FBI Deputy Director Dan Bongino"),
        ("reported", "Pete Hegseth", "say", "Defence Secretary Pete Hegseth"),
    ]


def cast_in(result, actor):
    return {a.id: a.portrayal.to_dict() for a in result.metrics.actors.actors}[actor]


@pytest.mark.parametrize("actor, words", [("ice", "brutalizing"), ("national_guard", "brutalizing")])
def test_left_voice_casts_ice_and_the_troops_as_villains_in_its_own_voice(seed_results, actor, words):
    own = cast_in(seed_results["002"], actor)["own"]
    assert own["role"] == "villain"
    assert any(words in e["text"] and e["voice"] == "own" for e in own["evidence"])


@pytest.mark.parametrize("actor", ["immigrants", "protesters", "name:jaime_alanis", "name:maame_e_frimpong"])
def test_left_voice_casts_none_of_those_who_suffer_or_rule_as_villains(seed_results, actor):
    cast = cast_in(seed_results["002"], actor)
    assert cast["own"]["role"] != "villain"


def test_the_worker_who_died_is_a_victim(seed_results):
    own = cast_in(seed_results["002"], "name:jaime_alanis")["own"]
    assert own["role"] == "victim"
    assert [e["reason"] for e in own["evidence"]] == ["Jaime Alanis suffers 'death of'."]


def test_abc_casts_the_protesters_negatively_only_in_hegseths_words(seed_results):
    cast = cast_in(seed_results["000"], "protesters")
    assert cast["own"]["role"] == "neutral"
    villains = [q for q in cast["quoted"] if q["role"] == "villain"]
    assert [q["speaker"] for q in villains] == ["Pete Hegseth"]
    assert [e["text"] for e in villains[0]["evidence"]] == ["mobs"]


# -- the comparison of the four seeds: the errors issue 22 lists ----------------------------

BRITISH = "Unknown outlet (British spelling)"
AFP = "Unknown outlet (AFP photo)"


@pytest.fixture(scope="module")
def seed_comparison(seed_results):
    from framing import compare

    return compare(seed_results.values())


def claim_with(comparison, words):
    return next(c for c in comparison.coverage.claims if words in c.text)


def test_bass_calling_the_withdrawal_a_win_is_not_what_the_others_report(seed_comparison):
    claim = claim_with(seed_comparison, "another win for Los Angeles")
    assert claim.carried_by == ("ABC News",)
    left_voice = claim.status_of("Left Voice")
    assert left_voice.status == "different" and "decried" in left_voice.reason
    # the British piece was written in June, before any withdrawal
    assert claim.status_of(BRITISH).status == "not_yet"


def test_the_latest_withdrawal_is_not_the_deployment_and_abc_does_not_leave_it_out(seed_comparison):
    claim = claim_with(seed_comparison, "It is the latest withdrawal")
    assert claim.status_of("ABC News").status not in ("left_out", "not_yet")
    # the British piece tells of the deployment, in June: it could not report a July withdrawal
    assert claim.status_of(BRITISH).status == "not_yet"
    deployment = claim_with(seed_comparison, "ordered the deployment of 2,000 National Guard troops")
    afp = deployment.status_of(AFP)
    assert afp.status == "different" and "opposite events" in afp.reason


def test_withdrawn_troops_are_not_matched_to_troops_still_there(seed_comparison):
    for claim in seed_comparison.coverage.claims:
        carried = " | ".join(r.text for r in claim.articles if r.status == "carries")
        assert not ("thewithdrawalsof 2,000" in carried and "still two thousand" in carried)


def test_figures_are_grouped_by_what_they_count_and_what_happened(seed_comparison):
    rows = {f.label: f.articles for f in seed_comparison.coverage.figures}
    assert rows["2,000 troops, withdrawal"] == ("ABC News", "Left Voice")
    assert rows["2,000 troops, deployment"] == (BRITISH,)
    assert rows["2,000 troops, still there"] == ("Left Voice",)
    assert set(rows["1,350 troops, withdrawal"]) == {"ABC News", AFP}


def test_afp_s_cut_of_the_pentagon_spokesman_s_quotation_is_shown_first(seed_comparison):
    first = seed_comparison.coverage.quotations[0]
    assert first.loaded_cut and first.speaker == "Sean Parnell" and first.longest_in == "ABC News"
    afp = next(u for u in first.uses if u.article == AFP)
    assert afp.status == "cut" and afp.cuts == ("end",)
    assert afp.dropped == (
        "to defend Federal functions against the rampant lawlessness occurring in the city",
    )
    assert afp.dropped_loaded == ("rampant lawlessness",)
    assert afp.speaker_as == "Pentagon spokesman Sean Parnell"


def test_every_outlet_s_own_reporting_is_shown(seed_comparison):
    from framing import render_markdown
    from framing.renderers.markdown import md_escape

    md = render_markdown(seed_comparison)
    section = md[md.index("### Reported by one article only") : md.index("### Figures")]
    rows = [line for line in section.splitlines() if line.startswith("| ") and " | " in line][1:]
    shown = {
        label: sum(line.startswith(f"| {md_escape(label)} |") for line in rows)
        for label in ("ABC News", BRITISH)
    }
    counts = seed_comparison.coverage.unique_counts()
    assert shown["ABC News"] == counts["ABC News"] and shown[BRITISH] == counts[BRITISH]


# -- What to notice on the four seeds: sentences checked by reading the articles ---------


def notice_text(comparison, template):
    found = [n for n in comparison.notices if n.template == template]
    assert found, f"no {template} sentence among {[n.template for n in comparison.notices]}"
    return found[0]


def test_what_to_notice_opens_with_afp_s_own_loaded_words_against_abc_s_quoted_ones(seed_comparison):
    first = seed_comparison.notices[0]
    assert first.template == "own_rate_gap"
    assert first.text == (
        f"{AFP} uses 41 loaded words per 1,000 in its own voice (7 in 171 words); ABC News uses none "
        "that framing finds in its 253 words: its 4 are all inside quotations."
    )
    assert {e.words for e in first.evidence} >= {"squash", "rampant lawlessness"}


def test_what_to_notice_names_afp_s_cut_of_the_pentagon_spokesman(seed_comparison):
    cut = notice_text(seed_comparison, "quotation_cut_end")
    assert cut.text.startswith(
        f"{AFP} ends Sean Parnell\u2019s quotation before \u201cto defend Federal functions"
    )
    assert cut.text.endswith("among them the loaded word \u201crampant lawlessness\u201d.")


def test_what_to_notice_says_left_voice_quotes_one_word(seed_comparison):
    few = notice_text(seed_comparison, "few_quoted_words")
    assert few.text == (
        "Left Voice quotes only 1 word of what people said (\u201cunnecessary\u201d); the others quote 19 to 122 words."
    )


def test_what_to_notice_says_only_the_british_piece_quotes_residents(seed_comparison):
    only = notice_text(seed_comparison, "only_source_type")
    assert only.text.startswith(f"Only {BRITISH} quotes")
    assert "ordinary people and witnesses (local residents)" in only.text
    assert only.hedged and "check the quotations" in only.text


def test_what_to_notice_evidence_slices_back_on_the_seeds(seed_comparison):
    assert 5 <= len(seed_comparison.notices) <= 8
    for n in seed_comparison.notices:
        for e in n.evidence:
            assert seed_comparison.analyses[e.article].text[e.start : e.end] == e.words
