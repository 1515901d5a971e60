"""Discovering referents and their labels in text no lexicon knows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from framing.actors.discovery import discover
from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import Group, Report
from framing.text.loading import load_corpus

from .helpers import DEMO


def corpus_of(tmp_path: Path, texts: dict[str, str]) -> Report:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return analyze(load_corpus(tmp_path), [])


def group_with(report: Report, phrase: str) -> Group:
    hits = [g for g in report.groups if phrase in {t.phrase for t in g.terms}]
    assert len(hits) == 1, (phrase, [g.id for g in hits])
    return hits[0]


KOREA = {
    "left.txt": "Pompeo met Kim\n\nNorth Korean dictator Kim Jong Un met CIA Director Mike "
                "Pompeo in secret. Kim wants a summit, Mr. Pompeo said. The North Korean "
                "dictator has not confirmed it. Migrants waited at the border.\n",
    "right.txt": "A secret trip\n\nMike Pompeo flew to Pyongyang. Kim Jong Un greeted the "
                 "visitor, and the North Korean dictator smiled. The migrants left.\n",
}


def test_names_titles_and_role_phrases_join_one_referent(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, KOREA)
    kim = group_with(report, "Kim Jong Un")
    assert kim.origin == "discovered" and kim.name == "Kim Jong Un"
    assert {t.phrase for t in kim.terms} == {"Kim Jong Un", "Kim", "North Korean dictator"}
    pompeo = group_with(report, "Mike Pompeo")
    assert {t.phrase for t in pompeo.terms} == {"Mike Pompeo", "Pompeo", "CIA Director"}
    assert all(t.connotation == "unrated" for t in kim.terms + pompeo.terms)
    # left.txt: "Kim" in the title and a sentence, "North Korean dictator Kim Jong Un" (one
    # mention, labelled "North Korean dictator"), "The North Korean dictator"; right.txt:
    # "Kim Jong Un". right.txt's "the North Korean dictator" stands beside no name there, so
    # it is not Kim's on another outlet's word: 5 mentions.
    kim_matches = [m for m in report.matches if m.group == kim.id]
    assert len(kim_matches) == 5
    assert [m.term for m in kim_matches if m.text.endswith("Kim Jong Un")] == [
        "North Korean dictator", "Kim Jong Un"
    ]


def test_groups_of_people_are_referents_of_their_own(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, KOREA)
    migrants = next(g for g in report.groups if g.name == "Migrants")
    assert {t.phrase.lower() for t in migrants.terms} == {"migrants"}
    assert sum(1 for m in report.matches if m.group == migrants.id) == 2


def test_acronym_joins_the_name_it_abbreviates(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Hack\n\nThe Democratic National Committee was hacked. The DNC said so.\n",
        "b.txt": "Leak\n\nThe DNC denied it. The Democratic National Committee is angry.\n",
    })
    dnc = group_with(report, "DNC")
    assert {t.phrase for t in dnc.terms} == {"DNC", "Democratic National Committee"}


def test_al_hader_actors_are_discovered_without_any_lexicon() -> None:
    report = analyze(load_corpus(DEMO), [])
    names = {g.name for g in report.groups}
    assert {"Lebanese Hezbollah", "Rebels", "Russia", "ISIS"} <= names
    assert "Syrian Observatory for Human Rights" in names
    forces = group_with(report, "Syrian army")  # the government's forces, by their labels
    assert "Syrian troops" in {t.phrase for t in forces.terms}
    rebels = next(g for g in report.groups if g.name == "Rebels")
    outlets = {m.outlet for m in report.matches if m.group == rebels.id}
    assert len(outlets) == 5  # every outlet's label for the rebels is counted


def test_lexicon_referents_are_not_discovered_again() -> None:
    corpus = load_corpus(DEMO)
    report = analyze(corpus, load_lexicons(bundled_lexicon_files()))
    discovered = discover(corpus, report.matches)
    phrases = {t.phrase.lower() for g in discovered for t in g.terms}
    assert "hezbollah" not in phrases and "rebels" not in phrases
    assert any(g.origin == "discovered" for g in report.groups)
    assert {m.source for m in report.matches} == {"lexicon", "discovered"}


def test_places_are_not_actors(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Fighting\n\nThe rebels fought in Aleppo. Rebels near Aleppo fled to Idlib "
                 "Province. Hezbollah said Hezbollah won.\n",
        "b.txt": "Retreat\n\nThe rebels left Idlib Province for the Aleppo highway.\n",
    })
    names = {g.name for g in report.groups}
    assert "Hezbollah" in names and "Rebels" in names
    assert not names & {"Aleppo", "Idlib Province"}


def test_big_cities_are_places_but_people_named_after_them_are_not(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Heist\n\nFour robbers hit a Paris jeweller. Paris police said Paris was "
                 "shocked. Whitney Houston sang. Houston smiled.\n",
        "b.txt": "Robbery\n\nThe robbers fled Paris. Houston waved.\n",
    })
    names = {g.name for g in report.groups}
    assert "Paris" not in names  # 3 mentions, none after a locative: the gazetteer says city
    assert "Whitney Houston" in names  # her surname is a city's name; her row stays


def test_clusters_with_the_same_name_become_one_referent() -> None:
    from framing.actors.discovery import Cluster, _group, _merge_same_names

    first, second = Cluster(), Cluster()
    first.names.update({"Syrian Forces": 3})
    first.mentions = 3
    second.roles.update({"syrian forces": 1, "Syrian troops": 1})
    second.mentions = 2
    groups = [(_group(("syrian", "forces"), first), 3), (_group(("~syrian force",), second), 2)]
    assert groups[0][0].id == groups[1][0].id == "d-syrian-forces"
    (merged,) = _merge_same_names(groups)
    assert [t.phrase for t in merged.terms] == ["Syrian Forces", "Syrian troops"]
    assert merged.description == "Discovered in the articles: 5 mentions."


def test_a_capitalised_particle_alone_does_not_crash(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Van\n",
        "b.txt": "Quake\n\nThe Turkish city of Van. Rebels fled to Al on Tuesday. The D.A.'s "
                 "office says Smith was barricaded inside.\n",
    })
    assert "Van" not in {g.name for g in report.groups}


def test_sentence_openers_sources_and_platforms_are_no_actors(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Debate\n\nJust ask Maria Lopez. Remember the vote? Lopez told AFP she "
                 "would win. Tonight I'm voting, a voter told AFP. Lopez posted on Twitter.\n",
        "b.txt": "Vote\n\nJust wait. Maria Lopez spoke to Reuters. Remember her? Twitter "
                 "users cheered Lopez, Reuters said. Depending on turnout, Lopez wins.\n",
    })
    names = {g.name for g in report.groups}
    assert "Maria Lopez" in names
    assert not names & {"Just", "Remember", "Tonight", "Tonight I'm", "AFP", "Reuters",
                        "Twitter", "Depending"}
    lopez = group_with(report, "Maria Lopez")
    # Maria Lopez twice, Lopez four times ("Lopez" opening sentences is a name seen elsewhere)
    assert sum(1 for m in report.matches if m.group == lopez.id) == 6


def test_honorifics_resolve_to_the_person_named_in_that_article(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Hearing\n\nJohn Smith spoke first. Mr. Smith was calm. Rep. Smith agreed.\n",
        "b.txt": "Trial\n\nJane Smith testified. Ms. Smith wept, and Smith left.\n",
        "c.txt": "More\n\nJohn Smith and Jane Smith did not meet.\n",
    })
    phrases = {t.phrase for g in report.groups for t in g.terms}
    assert not phrases & {"Mr.", "Mr", "Rep.", "Rep", "Ms.", "Ms"}
    john, jane = group_with(report, "John Smith"), group_with(report, "Jane Smith")
    # each "Smith" goes to the Smith its own article names in full; titles are not labels
    assert [(m.article, m.text, m.group) for m in report.matches] == [
        ("a.txt", "John Smith", john.id), ("a.txt", "Smith", john.id),
        ("a.txt", "Smith", john.id), ("b.txt", "Jane Smith", jane.id),
        ("b.txt", "Smith", jane.id), ("b.txt", "Smith", jane.id),
        ("c.txt", "John Smith", john.id), ("c.txt", "Jane Smith", jane.id),
    ]


def test_group_nouns_without_a_side_are_no_row(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Battle\n\nRegime forces attacked. The fighters fled, and forces regrouped. "
                 "Rebel fighters held the hill.\n",
        "b.txt": "Siege\n\nRebel fighters waited while regime forces shelled them. Officials "
                 "said fighters died. Officials spoke.\n",
    })
    # "Regime forces" twice, "Rebel fighters" twice; the bare "fighters", "forces" and
    # "Officials" say no side and make no row.
    counts = Counter(m.group for m in report.matches)
    assert {g.name: counts[g.id] for g in report.groups} == {"Regime forces": 2, "Rebels": 2}


def test_a_role_never_glues_phrases_across_a_comma(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Race\n\nIn Texas, Republican leader Tom Hale won. Republican leader Tom Hale "
                 "thanked voters.\n",
        "b.txt": "Result\n\nTom Hale won.\n",
    })
    hale = group_with(report, "Tom Hale")
    assert "Texas, Republican leader" not in {t.phrase for t in hale.terms}


def test_places_named_as_roads_and_bases_are_not_actors(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Advance\n\nTroops took the Kweyris air base near the highway to Damascus. "
                 "Rebels shelled the Kweyris military base.\n",
        "b.txt": "Push\n\nThe road between Damascus and Aleppo is cut. Rebels fled to "
                 "rebel-held Talaat al Eiss, and Talaat al Eiss fell.\n",
    })
    names = {g.name for g in report.groups}
    assert not names & {"Kweyris", "Damascus", "Talaat al Eiss"}


def test_an_apposition_links_a_role_where_its_person_is_named(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Arrest\n\nLindsay Lohan, a 24-year-old actress, was arrested. The actress "
                 "denied it. Lohan left.\n",
        "b.txt": "Court\n\nLindsay Lohan appeared in court. Another actress watched. The "
                 "actress smiled.\n",
        "c.txt": "Film\n\nThe actress was not there.\n",
    })
    lohan = group_with(report, "Lindsay Lohan")
    found = [(m.article, m.text) for m in report.matches if m.group == lohan.id]
    # a.txt: the name, the apposition's "actress", "The actress", "Lohan"; b.txt: the name
    # and "The actress" (Lohan is named there and the corpus calls no one else an actress),
    # not "Another actress"; c.txt names no Lohan, so its actress is nobody's.
    assert found == [
        ("a.txt", "Lindsay Lohan"), ("a.txt", "actress"), ("a.txt", "actress"),
        ("a.txt", "Lohan"), ("b.txt", "Lindsay Lohan"), ("b.txt", "actress"),
    ]


def test_a_group_is_not_given_to_the_person_one_outlet_names_beside_it(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "March\n\nCaravan organizer Ana Ruiz spoke to the caravan. The caravan moved "
                 "north.\n",
        "b.txt": "Border\n\nAna Ruiz rested. The caravan stopped, and the caravan grew.\n",
    })
    ruiz, caravan = group_with(report, "Ana Ruiz"), group_with(report, "caravan")
    assert ruiz.id != caravan.id
    counts = Counter(m.group for m in report.matches)
    # "Ana Ruiz" twice; "Caravan" (as organizer's modifier) and four "caravan"s
    assert (counts[ruiz.id], counts[caravan.id]) == (2, 5)


def test_a_row_is_named_by_a_name_outside_quotation_marks(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": 'Tweets\n\nHe wrote: "Crooked Hillary lies. Crooked Hillary cheats. Crooked '
                 'Hillary fails." Hillary Clinton did not reply.\n',
        "b.txt": "Reply\n\nHillary Clinton spoke. Clinton laughed.\n",
    })
    names = {g.name for g in report.groups}
    assert "Hillary Clinton" in names and "Crooked Hillary" not in names


def test_a_quotation_opening_with_a_capital_is_no_name(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": 'Debate\n\nJohn Ames said: "Look, we won." Ames smiled.\n',
        "b.txt": 'Result\n\nJohn Ames added, "Look at the map." Guess what, Ames won.\n',
    })
    assert {g.name for g in report.groups} == {"John Ames"}


def test_a_title_one_person_holds_counts_where_that_person_is_named(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Visit\n\nGovernor Ann Boyd came. The governor spoke.\n",
        "b.txt": "Trip\n\nGovernor Ann Boyd left. The governor waved.\n",
        "c.txt": "Later\n\nMs. Boyd slept. The governor rested.\n",
        "d.txt": "Elsewhere\n\nThe governor of another state spoke.\n",
    })
    boyd = group_with(report, "Ann Boyd")
    per_article = Counter(m.article for m in report.matches if m.group == boyd.id)
    # a, b: "Governor Ann Boyd" (one mention) and "The governor"; c: "Boyd" and "The governor",
    # for Boyd is named there and the corpus gives the title to no one else; d names no Boyd.
    assert per_article == {"a.txt": 2, "b.txt": 2, "c.txt": 2}


def test_objects_and_works_are_no_actors(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Stop\n\nPolice used a Taser on Tom Reed. Reed drove a silver Toyota Camry. "
                 "The quake measured 6 on the Richter scale.\n",
        "b.txt": "Court\n\nTom Reed was hit with a Taser. His Toyota Camry was found. The "
                 "Richter scale reading was 6. The Endangered Species Act applies. The "
                 "Endangered Species Act was cited.\n",
    })
    names = {g.name for g in report.groups}
    assert "Tom Reed" in names
    assert not names & {"Taser", "Toyota Camry", "Richter", "Endangered Species Act"}


def test_people_named_by_what_they_are_join_their_name_or_make_a_group(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Fall\n\nA climber died on the mountain. Rescuers found the climber. Two "
                 "robbers fled. A man ran. Police said a second man was hurt.\n",
        "b.txt": "Search\n\nThe climber had fallen, rescuers said. The robbers were caught. "
                 "Actress Mia Cole watched. The man was charged.\n",
        "c.txt": "Film\n\nMia Cole spoke. The actress smiled.\n",
    })
    counts = Counter(report.groups[[g.id for g in report.groups].index(m.group)].name
                     for m in report.matches)
    # the rescuers and the robbers (two each) are groups; "The actress" in c.txt is Mia
    # Cole's, whom b.txt calls an actress and who is named in c.txt
    assert (counts["Rescuers"], counts["Robbers"], counts["Mia Cole"]) == (2, 2, 3)
    cole = group_with(report, "Mia Cole")
    assert [m.text for m in report.matches if m.group == cole.id and m.article == "c.txt"] == [
        "Mia Cole", "actress"]
    # One unnamed person makes no row: "the climber" could be several climbers, and one
    # "Man" row would merge the man who ran, the one hurt and the one charged.
    assert not {"Climber", "Man", "Men"} & set(counts)


def test_a_role_word_used_as_a_verb_names_no_one(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Show\n\nHost Tom Lane arrived. Tom Lane will host the gala. The host waved.\n",
        "b.txt": "Gala\n\nTom Lane sang. Police talked with Ann Ray, a suspect. The suspect "
                 "gave up.\n",
    })
    # "Host Tom Lane" (labelled "Host"), "Tom Lane" twice and "The host" in a.txt, whose
    # article puts "Host" beside him; "will host the gala" is a verb.
    lane = group_with(report, "Tom Lane")
    assert [(m.article, m.text) for m in report.matches if m.group == lane.id] == [
        ("a.txt", "Host Tom Lane"), ("a.txt", "Tom Lane"), ("a.txt", "host"),
        ("b.txt", "Tom Lane")]
    # "the suspect" is tagged as a verb; after "the" it is a noun, and Ann Ray's, whom her
    # article calls "a suspect" (an apposition after a comma stays a mention of its own)
    ray = group_with(report, "Ann Ray")
    assert [m.text for m in report.matches if m.group == ray.id] == [
        "Ann Ray", "suspect", "suspect"]


def test_a_father_and_his_son_junior_are_two_rows(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Messages\n\nDonald Trump Jr. wrote to WikiLeaks. President Trump said nothing. "
                 "Trump Jr. later released the messages.\n",
        "b.txt": "Leaks\n\nTrump Jr. met the group. Trump has not commented.\n",
    })
    junior, father = group_with(report, "Trump Jr."), group_with(report, "Trump")
    assert junior.id != father.id
    # "Trump" alone, and "President Trump", are the father's: never counted for the son.
    assert [m.text for m in report.matches if m.group == junior.id] == [
        "Donald Trump Jr.", "Trump Jr.", "Trump Jr."]
    assert [m.text for m in report.matches if m.group == father.id] == [
        "President Trump", "Trump"]


def test_a_county_named_after_in_is_no_part_of_its_police_and_a_team_needs_a_side(
    tmp_path: Path,
) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Fire\n\nA store burned in Surrey. Surrey Police said the fire was suspicious. "
                 "A team of agents arrived.\n",
        "b.txt": "Blaze\n\nA fire gutted a shop in Surrey. Surrey Police asked for witnesses. "
                 "He left the team.\n",
    })
    police = group_with(report, "Surrey Police")
    # "in Surrey" twice is the county: only "Surrey Police" counts for the police.
    assert [m.text for m in report.matches if m.group == police.id] == [
        "Surrey Police", "Surrey Police"]
    # "a team of agents" and "the team" he left: nothing says whose, so no row.
    assert not [g for g in report.groups if g.name.lower().startswith("team")]




def test_a_role_with_words_of_its_own_is_someone_the_article_sets_apart(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Plea\n\nMichael Cohen, a lawyer, pleaded guilty. Michael Cohen spoke.\n",
        "b.txt": "Meeting\n\nThe lawyer Michael Cohen was not there. A London-based lawyer met "
                 "the aides.\n",
    })
    cohen = group_with(report, "Michael Cohen")
    # b.txt puts "lawyer" beside Cohen's name, but "a London-based lawyer" is described with
    # words of its own: someone the article sets apart, not Cohen.
    assert [(m.article, m.text) for m in report.matches if m.group == cohen.id] == [
        ("a.txt", "Michael Cohen"), ("a.txt", "lawyer"), ("a.txt", "Michael Cohen"),
        ("b.txt", "lawyer Michael Cohen"),
    ]


def test_a_us_state_and_a_members_party_tag_are_no_actors(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Race\n\nSen. Chuck Grassley, R-Iowa, spoke. Iowa farmers listened. Grassley "
                 "left Iowa.\n",
        "b.txt": "Remarks\n\nRep. Bruce Braley, D-Iowa, apologized to Iowa farmers. Braley "
                 "spoke.\n",
    })
    names = {g.name for g in report.groups}
    assert {"Chuck Grassley", "Bruce Braley"} <= names
    assert not names & {"Iowa", "R-Iowa", "D-Iowa"}


def test_a_capitalised_adjective_before_a_noun_is_no_short_name(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Charges\n\nFederal authorities made an arrest. He was charged in the Federal "
                 "District Court.\n",
        "b.txt": "Court\n\nFederal authorities had been searching. The Federal District Court "
                 "met.\n",
    })
    court = group_with(report, "Federal District Court")
    # "Federal authorities": an adjective with a capital, not a short name of the court.
    assert [m.text for m in report.matches if m.group == court.id] == [
        "Federal District Court", "Federal District Court"]


def test_a_region_of_the_world_is_a_place(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Cable\n\nThe cable cut links between Europe and the Middle East. Europe lost "
                 "traffic.\n",
        "b.txt": "Outage\n\nTraffic to the Middle East slowed. Engineers in Europe worked.\n",
    })
    assert not {"Europe", "Middle East"} & {g.name for g in report.groups}


def test_a_group_named_through_its_members_keeps_its_row(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Retreat\n\nHezbollah fighters left the town. An NBA coach said Hezbollah "
                 "fighters would return. Donald Trump spoke. Trump supporters cheered.\n",
        "b.txt": "Return\n\nHezbollah fighters came back, and Trump supporters left. Trump "
                 "said the NBA coach was wrong. The NBA fined him.\n",
    })
    hezbollah = group_with(report, "Hezbollah fighters")
    counts = Counter((m.group, m.term) for m in report.matches)
    assert counts[(hezbollah.id, "Hezbollah fighters")] == 3  # the members stand for the group
    trump = group_with(report, "Donald Trump")
    assert "Trump supporters" not in {t.phrase for t in trump.terms}  # a person's supporters
    assert all(m.term != "NBA coach" for m in report.matches)  # one coach is not the NBA


def test_a_member_phrase_with_the_start_and_noun_of_a_name_joins_it(tmp_path: Path) -> None:
    report = corpus_of(tmp_path, {
        "a.txt": "Arrest\n\nThe Staunton Police Department said Staunton police arrested a man. "
                 "Greek youths and Greek police clashed, the Greek Socialist Workers Party "
                 "said.\n",
        "b.txt": "Charged\n\nStaunton police charged him, the Staunton Police Department said. "
                 "The Greek Socialist Workers Party blamed Greek police.\n",
    })
    department = group_with(report, "Staunton Police Department")
    assert "Staunton police" in {t.phrase for t in department.terms}
    party = group_with(report, "Greek Socialist Workers Party")
    assert not {"Greek police", "Greek youths"} & {t.phrase for t in party.terms}
