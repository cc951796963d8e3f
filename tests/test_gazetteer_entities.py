"""The non-state part of the shipped gazetteer: organisations, people, parties, churches, media,
armed groups and movements."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from typing import Any

import pytest
import yaml

from presslens.actors.gazetteer import GAZETTEER_PACKAGE, Entry, Gazetteer, shipped_gazetteer

OUR_FILES = ("organizations.yaml", "people.yaml", "parties.yaml", "religious.yaml", "media.yaml",
             "groups.yaml")
NEEDS_AFFILIATION = {"person", "party", "media", "institution"}
# Courts of no single state or body: the one institution allowed to have no affiliation.
STATELESS_INSTITUTIONS = {"International Criminal Court"}
# Lower-case particles that may open a name ("von der Leyen", "de la Fuente").
PARTICLES = ("von ", "van ", "de ", "al-", "el-", "bin ")


def _raw_entries(filename: str) -> list[dict[str, Any]]:
    text = resources.files(GAZETTEER_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    assert isinstance(raw, list), f"{filename}: expected a list of entries"
    return raw


def _all_files() -> list[str]:
    folder = resources.files(GAZETTEER_PACKAGE)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))


def _ours() -> list[Entry]:
    return [Entry.model_validate(item) for f in OUR_FILES for item in _raw_entries(f)]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return shipped_gazetteer()


def _by_name(gaz: Gazetteer, form: str) -> list[Entry]:
    return [e for e in gaz if form == e.name or form in e.names or form in e.acronyms]


@pytest.mark.parametrize("filename", OUR_FILES)
def test_file_loads_with_entries(filename: str) -> None:
    entries = [Entry.model_validate(item) for item in _raw_entries(filename)]
    assert len(entries) >= 15
    assert filename in _all_files()


def test_our_entries_reach_the_shipped_gazetteer(gaz: Gazetteer) -> None:
    for entry in _ours():
        assert gaz.get(entry.key) == entry, entry.name


def test_qids_unique_across_the_whole_gazetteer() -> None:
    seen: dict[str, list[str]] = {}
    for filename in _all_files():
        for item in _raw_entries(filename):
            if item.get("qid"):
                seen.setdefault(item["qid"], []).append(f"{filename}: {item.get('name')}")
    clashes = {qid: where for qid, where in seen.items() if len(where) > 1}
    assert not clashes


def test_keys_unique_within_our_files() -> None:
    keys = Counter(e.key for e in _ours())
    assert [k for k, n in keys.items() if n > 1] == []


def test_no_surface_form_names_two_of_our_entries() -> None:
    owners: dict[str, set[str]] = {}
    for entry in _ours():
        for form in (entry.name, *entry.names, *entry.acronyms):
            owners.setdefault(form, set()).add(entry.key)
    assert {f: k for f, k in owners.items() if len(k) > 1} == {}


def test_people_have_affiliation_and_role() -> None:
    for entry in _ours():
        if entry.kind == "person":
            assert entry.affiliation, entry.name
            assert entry.roles, entry.name
            assert all(r == r.lower() for r in entry.roles), entry.name


def test_parties_media_institutions_have_affiliation() -> None:
    for entry in _ours():
        if entry.kind in NEEDS_AFFILIATION and entry.name not in STATELESS_INSTITUTIONS:
            assert entry.affiliation, entry.name


def test_affiliations_point_at_shipped_entries(gaz: Gazetteer) -> None:
    countries = [e for e in gaz if e.kind == "country"]
    if len(countries) < 150:
        pytest.skip("countries.yaml is not complete yet")
    missing = {
        e.name: e.affiliation for e in _ours() if e.affiliation and gaz.get(e.affiliation) is None
    }
    assert missing == {}


def test_no_surface_form_is_a_lowercase_word() -> None:
    for entry in _ours():
        for form in (entry.name, *entry.names, *entry.acronyms):
            first = form[0]
            ok = first.isupper() or first.isdigit() or form.startswith(PARTICLES)
            assert ok, f"{entry.name}: {form!r}"
            assert form == form.strip() and form, entry.name


def test_spot_checks(gaz: Gazetteer) -> None:
    nato = gaz.get("Q7184")
    assert nato is not None and nato.kind == "alliance" and "NATO" in nato.acronyms
    eu = gaz.get("Q458")
    assert eu is not None and "EU" in eu.acronyms
    assert any(e.kind == "alliance" for e in _by_name(gaz, "CSTO"))
    un = gaz.get("Q1065")
    assert un is not None and "UN" in un.acronyms

    putin = gaz.get("Q7747")
    assert putin is not None and putin.kind == "person"
    assert "president" in putin.roles and putin.affiliation == "Q159"
    erdogan = _by_name(gaz, "Erdogan")
    assert len(erdogan) == 1 and erdogan[0].qid == "Q39259"

    dream = _by_name(gaz, "Georgian Dream")
    assert len(dream) == 1 and dream[0].kind == "party" and dream[0].affiliation == "Q230"
    tass = _by_name(gaz, "TASS")
    assert len(tass) == 1 and tass[0].kind == "media" and tass[0].affiliation == "Q159"
    assert _by_name(gaz, "Russian Orthodox Church")


def test_ambiguous_words_are_left_out() -> None:
    forms = {f for e in _ours() for f in (e.name, *e.names, *e.acronyms)}
    for word in ("Fatherland", "Homeland", "Trend", "Report", "For Georgia", "Berdimuhamedov"):
        assert word not in forms


def test_one_holder_per_office_except_2025_handovers() -> None:
    # "the Russian president" must resolve: at most two holders (a 2025 handover) per office.
    holders = Counter((r, e.affiliation) for e in _ours() if e.kind == "person" for r in e.roles)
    assert holders[("president", "Q159")] == 1
    assert holders[("president", "Q30")] == 1
    assert max(holders.values()) <= 2


# --- leaders and state bodies of every UN member state ------------------------------------------
# States in countries.yaml without a person in people.yaml: the de facto states (Northern Cyprus,
# Q23681, has its 2025 leaders) and the Soviet Union.
NO_LEADER_LISTED = {
    "Q31354462", "Q244165", "Q40362", "Q34754", "Q23427", "Q907112", "Q15180",
    "Q713750", "Q16957",  # West and East Germany (former_states.yaml): no leader today
}


def test_every_state_but_the_de_facto_ones_has_a_leader(gaz: Gazetteer) -> None:
    led = {e.affiliation for e in gaz if e.kind == "person"}
    missing = {e.name for e in gaz if e.kind == "country" and e.qid not in led | NO_LEADER_LISTED}
    assert missing == set()


@pytest.mark.parametrize(
    ("role", "state", "person"),
    [
        ("prime minister", "Q843", "Shehbaz Sharif"),
        ("foreign minister", "Q843", "Ishaq Dar"),
        ("foreign minister", "Q668", "Subrahmanyam Jaishankar"),
        ("president", "Q717", "Nicolás Maduro"),
        ("prime minister", "Q28", "Viktor Orbán"),
        ("prime minister", "Q115", "Abiy Ahmed"),
        ("president", "Q928", "Ferdinand Marcos Jr."),
        ("king", "Q810", "Abdullah II"),
        ("leader", "Q423", "Kim Jong Un"),
    ],
)
def test_offices_of_states_outside_the_first_regions(gaz: Gazetteer, role: str, state: str,
                                                     person: str) -> None:
    holders = [e.name for e in _ours() if e.kind == "person" and e.affiliation == state
               and role in e.roles]
    assert holders == [person]


def test_heads_of_intergovernmental_bodies_point_at_the_body(gaz: Gazetteer) -> None:
    for name, body in [("Rafael Grossi", "Q41984"), ("Tedros Adhanom Ghebreyesus", "Q7817"),
                       ("Kristalina Georgieva", "Q7804"), ("Ajay Banga", "Q7164"),
                       ("Ahmed Aboul Gheit", "Q7172"), ("Kao Kim Hourn", "Q7768"),
                       ("Feridun Sinirlioğlu", "Q81299"), ("Mahmoud Ali Youssouf", "Q7159")]:
        found = _by_name(gaz, name)
        assert len(found) == 1 and found[0].affiliation == body, name


def test_a_ministry_listed_for_a_state_is_found_under_the_states_adjective(gaz: Gazetteer) -> None:
    # The actor stage turns "Pakistan's Foreign Ministry" into "<adjective> Foreign Ministry" and
    # looks that name up: every listed foreign or defence ministry must carry that form.
    countries = {e.qid: e for e in gaz if e.kind == "country"}
    for entry in _ours():
        if entry.kind != "institution" or not any(
                f.endswith((" Foreign Ministry", " Defence Ministry")) for f in entry.names):
            continue
        state = countries[entry.affiliation or ""]
        adjectives = {*state.demonyms, state.name, *state.acronyms}
        for form in entry.names:
            if form.endswith((" Foreign Ministry", " Defence Ministry")):
                assert form.rsplit(" ", 2)[0] in adjectives, (entry.name, form)


def test_ambiguous_bare_forms_of_the_new_entries_are_left_out() -> None:
    forms = {f for e in _ours() for f in (e.name, *e.names, *e.acronyms)}
    for word in ("Montenegro", "Petro", "Sharif", "Duterte", "Traoré", "Foreign Office",
                 "Ministry of Defence", "Department of Foreign Affairs", "Majlis", "Boko"):
        assert word not in forms, word
    # "AFP" is the news agency, not the Armed Forces of the Philippines; "SDF" is the Syrian
    # Democratic Forces, not Japan's Self-Defense Forces
    assert [e.kind for e in _ours() if "AFP" in e.acronyms] == ["media"]
    assert [e.name for e in _ours() if "SDF" in e.acronyms] == ["Syrian Democratic Forces"]


@pytest.fixture(scope="module")
def analyzer() -> Any:
    from presslens.pipeline import Analyzer

    return Analyzer()


def _analyze(analyzer: Any, text: str, published: str | None = None) -> Any:
    from presslens.ingest import RawArticle
    from presslens.model import Meta

    return analyzer.analyze(RawArticle(text=text, source="test",
                                       meta=Meta(outlet=None, published=published)))


def test_a_named_leader_and_a_foreign_office_resolve_to_their_state(analyzer: Any, gaz: Gazetteer) -> None:
    doc = _analyze(analyzer, "Pakistani Prime Minister Shehbaz Sharif said the talks had failed. "
                             "Pakistan's Foreign Office rejected the claim, and the Pakistani army "
                             "was put on alert.")
    by_name = {a.name: a for a in doc.actors}
    sharif = by_name["Shehbaz Sharif"]
    assert sharif.kind == "person" and [m.text for m in sharif.mentions] == ["Shehbaz Sharif"]
    ministry = next(a for a in doc.actors if a.kind == "institution" and "Foreign" in a.name)
    assert [m.text for m in ministry.mentions] == ["Pakistan's Foreign Office"]
    army = by_name["Pakistan Army"]
    assert [m.text for m in army.mentions] == ["Pakistani army"]
    for actor in (sharif, ministry, army):
        entry = gaz.get(actor.id)
        assert entry is not None and entry.affiliation == "Q843", actor.name


def test_role_nouns_of_new_states_resolve_to_their_holders(analyzer: Any) -> None:
    doc = _analyze(analyzer, "The Venezuelan president accused the Hungarian prime minister, and "
                             "the Ethiopian prime minister met the Indian foreign minister.",
                   published="2025-06-01")  # a title is its holder on the article's date
    titles = {m.text: a.name for a in doc.actors for m in a.mentions if m.role == "title"}
    assert titles == {
        "The Venezuelan president": "Nicolás Maduro",
        "the Hungarian prime minister": "Viktor Orbán",
        "the Ethiopian prime minister": "Abiy Ahmed",
        "the Indian foreign minister": "Subrahmanyam Jaishankar",
    }


def test_new_first_names_and_bodies_do_not_swallow_other_people(analyzer: Any) -> None:
    doc = _analyze(analyzer, "Petro Poroshenko criticised the Sejm, and India's Ministry of External "
                             "Affairs answered the Israel Defense Forces, which the IDF denied.")
    names = {a.name: a for a in doc.actors}
    assert "Gustavo Petro" not in names
    assert names["Sejm"].kind == "institution"
    assert names["Ministry of External Affairs of India"].kind == "institution"
    idf = names["Israel Defense Forces"]
    assert [m.text for m in idf.mentions] == ["Israel Defense Forces", "IDF"]


# --- armed groups and movements, missions and blocs, news agencies, parties of 2025 -------------
def _entries_of(filename: str) -> list[Entry]:
    return [Entry.model_validate(item) for item in _raw_entries(filename)]


def _forms(entries: list[Entry]) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = {}
    for e in entries:
        for form in (e.name, *e.names, *e.acronyms, *e.demonyms):
            owners.setdefault(form, []).append(e.name)
    return owners


def test_groups_file_holds_only_groups_that_reach_the_gazetteer(gaz: Gazetteer) -> None:
    groups = _entries_of("groups.yaml")
    assert len(groups) >= 40
    assert {e.kind for e in groups} == {"group"}
    names = {e.name for e in groups}
    for expected in ("Hamas", "Hezbollah", "Houthis", "Taliban", "Tehrik-i-Taliban Pakistan",
                     "Islamic State", "al-Qaeda", "al-Shabaab", "Rapid Support Forces",
                     "Wagner Group", "Africa Corps", "M23", "Azov Brigade", "Polisario Front",
                     "Tren de Aragua", "Cartel de los Soles", "Popular Mobilization Forces"):
        assert expected in names, expected
    for entry in groups:
        assert gaz.get(entry.key) == entry, entry.name


def test_group_affiliations_are_home_states_not_the_states_they_fight(gaz: Gazetteer) -> None:
    by_name = {e.name: e for e in _entries_of("groups.yaml")}
    expected = {"Hamas": "Q219060", "Palestinian Islamic Jihad": "Q219060", "Hezbollah": "Q822",
                "Houthis": "Q805", "Taliban": "Q889", "Popular Mobilization Forces": "Q796",
                "Kata'ib Hezbollah": "Q796", "Wagner Group": "Q159", "Africa Corps": "Q159",
                "Azov Brigade": "Q212", "Polisario Front": "Q40362", "Tren de Aragua": "Q717"}
    for name, state in expected.items():
        assert by_name[name].affiliation == state, name
        country = gaz.get(state)
        assert country is not None and country.kind == "country", name
    # insurgents against their own state and transnational networks carry none: the relations
    # stage would read their "we" as that state
    for name in ("Tehrik-i-Taliban Pakistan", "Baloch Liberation Army", "Kurdistan Workers' Party",
                 "Syrian Democratic Forces", "Rapid Support Forces", "M23", "al-Shabaab",
                 "Islamic State", "al-Qaeda", "Allied Democratic Forces"):
        assert by_name[name].affiliation is None, name


def test_new_entries_keep_ambiguous_bare_forms_out() -> None:
    forms = _forms(_ours())
    for word in ("Azov", "Wagner", "IS", "ADF", "AA", "KIA", "PTI", "PT", "PL", "PPP", "MAP",
                 "CCTV", "DPA", "SPA", "MENA", "Treasury", "Marines", "Marine Corps", "Fars",
                 "National Front", "Social Democrats", "Social Democratic Party", "Liberal Party",
                 "Workers' Party", "Liberal Democratic Party", "Congress party", "Renaissance",
                 "Mao", "Lin", "Qassem", "Tatar", "Bruce", "Abdi", "Wafa", "Mehr", "League"):
        assert word not in forms, word
    # shared abbreviations go to one entity: the one this domain names most
    assert forms["RSF"] == ["Rapid Support Forces"]  # not Reporters Without Borders
    assert forms["PAS"] == ["Party of Action and Solidarity"]  # Moldova's, not Malaysia's
    assert forms["DPP"] == ["Democratic Progressive Party"]  # Taiwan's, not Malawi's
    assert forms["Democrats"] == ["Democratic Party"]  # the US party, not South Korea's
    assert forms["Congress"] == ["United States Congress"]
    assert forms["Commonwealth"] == ["Commonwealth of Nations"]


def test_new_bodies_have_the_kind_and_affiliation_of_their_family() -> None:
    by_name = {e.name: e for e in _ours()}
    for name in ("EUFOR Althea", "EULEX Kosovo", "European Union Mission in Armenia", "Frontex",
                 "Europol", "Court of Justice of the European Union"):
        assert by_name[name].kind == "institution" and by_name[name].affiliation == "Q458", name
    for name in ("United Nations Interim Force in Lebanon",
                 "United Nations Disengagement Observer Force", "MONUSCO",
                 "United Nations Mission in South Sudan", "Kosovo Force", "UNRWA", "UNICEF",
                 "World Food Programme", "United Nations Human Rights Council",
                 "Office of the High Representative"):
        assert by_name[name].kind == "organization", name
    for name in ("Southern African Development Community", "Mercosur",
                 "Organization of American States", "Visegrád Group", "Commonwealth of Nations",
                 "Asia-Pacific Economic Cooperation"):
        assert by_name[name].kind == "alliance", name
    for name, state in [("United States Department of the Treasury", "Q30"),
                        ("United States Marine Corps", "Q30"),
                        ("Court of Bosnia and Herzegovina", "Q225"),
                        ("National Assembly of Republika Srpska", "Q225"),
                        ("SANA", "Q858"), ("KCNA", "Q423"), ("Yonhap", "Q884"), ("BelTA", "Q184"),
                        ("Alliance of Independent Social Democrats", "Q225"), ("Fidesz", "Q28"),
                        ("Tisza", "Q28"), ("Party of Action and Solidarity", "Q217"),
                        ("Kuomintang", "Q865"), ("Democratic Party of Korea", "Q884"),
                        ("Vassily Nebenzia", "Q159"), ("Guo Jiakun", "Q148"),
                        ("Tammy Bruce", "Q30"),
                        ("Tufan Erhürman", "Q23681"), ("Mohamed Hamdan Dagalo", "Q1049")]:
        assert by_name[name].affiliation == state, name


def test_turkish_cypriot_leaders_of_2025_resolve_by_title(analyzer: Any) -> None:
    doc = _analyze(analyzer, "Ersin Tatar addressed the rally. Later the Turkish Cypriot leader "
                             "flew to Ankara.")
    titles = {m.text: a.name for a in doc.actors for m in a.mentions if m.role == "title"}
    assert titles == {"the Turkish Cypriot leader": "Ersin Tatar"}


def _actors(analyzer: Any, text: str) -> dict[str, Any]:
    return {a.name: a for a in _analyze(analyzer, text).actors}


def test_the_houthis_and_ansar_allah_are_one_group(analyzer: Any, gaz: Gazetteer) -> None:
    actors = _actors(analyzer, "The Houthis fired two missiles at a tanker, Ansar Allah's "
                               "spokesman said, and pro-Houthi media celebrated.")
    groups = [a for a in actors.values() if a.kind == "group"]
    assert len(groups) == 1 and groups[0].name == "Houthis"
    assert [m.text for m in groups[0].mentions] == ["Houthis", "Ansar Allah", "Houthi"]
    entry = gaz.get(groups[0].id)
    assert entry is not None and entry.affiliation == "Q805"


def test_the_azov_brigade_is_an_actor_and_the_sea_of_azov_is_not(analyzer: Any) -> None:
    actors = _actors(analyzer, "Ukraine's Azov Brigade said it had struck Russian boats in the Sea "
                               "of Azov.")
    assert [m.text for m in actors["Azov Brigade"].mentions] == ["Azov Brigade"]
    assert actors["Azov Brigade"].kind == "group"
    assert not _actors(analyzer, "Ships in the Sea of Azov were ordered to stay in port.")


def test_armed_groups_are_found_under_their_names_and_acronyms(analyzer: Any) -> None:
    actors = _actors(analyzer, "Hezbollah and Hamas welcomed the statement, while the Taliban and "
                               "the TTP traded accusations. Islamic State, also known as ISIS or "
                               "Daesh, claimed the attack, and al-Qaeda stayed silent.")
    assert {a.name for a in actors.values()} == {"Hezbollah", "Hamas", "Taliban",
                                                 "Tehrik-i-Taliban Pakistan", "Islamic State",
                                                 "al-Qaeda"}
    assert all(a.kind == "group" for a in actors.values())
    assert [m.text for m in actors["Islamic State"].mentions] == ["Islamic State", "ISIS", "Daesh"]
    # the Pakistani Taliban are not the Afghan movement, nor is the TTP's full name
    actors = _actors(analyzer, "Islamabad wants Kabul to hand over the leaders of "
                               "Tehrik-i-Taliban Pakistan.")
    assert [m.text for m in actors["Tehrik-i-Taliban Pakistan"].mentions] == [
        "Tehrik-i-Taliban Pakistan"]
    assert "Taliban" not in actors


def test_the_rsf_and_its_commander(analyzer: Any) -> None:
    actors = _actors(analyzer, "The Rapid Support Forces (RSF), led by Mohamed Hamdan Dagalo, "
                               "known as Hemedti, stormed the city. Dagalo promised an inquiry.")
    rsf = actors["Rapid Support Forces"]
    assert rsf.kind == "group" and [m.text for m in rsf.mentions] == ["Rapid Support Forces", "RSF"]
    dagalo = actors["Mohamed Hamdan Dagalo"]
    assert [m.text for m in dagalo.mentions] == ["Mohamed Hamdan Dagalo", "Hemedti", "Dagalo"]


def test_missions_agencies_and_us_bodies(analyzer: Any) -> None:
    actors = _actors(analyzer, "UNIFIL and UNDOF reported violations. The EU Mission in Armenia "
                               "(EUMA) and EUFOR extended their mandates, the US Treasury "
                               "sanctioned the network and US Marines trained in Norway. The "
                               "European Court of Justice ruled against Hungary.")
    expected = {
        "United Nations Interim Force in Lebanon": ["UNIFIL"],
        "United Nations Disengagement Observer Force": ["UNDOF"],
        "European Union Mission in Armenia": ["EU Mission in Armenia", "EUMA"],
        "EUFOR Althea": ["EUFOR"],
        "United States Department of the Treasury": ["US Treasury"],
        "United States Marine Corps": ["US Marines"],
        "Court of Justice of the European Union": ["European Court of Justice"],
    }
    for name, mentions in expected.items():
        assert [m.text for m in actors[name].mentions] == mentions, name
    # "the European Union Mission in Armenia" is the mission, not the EU as well
    actors = _actors(analyzer, "Monitors of the European Union Mission in Armenia patrolled.")
    assert set(actors) == {"European Union Mission in Armenia"}


def test_bosnian_bodies_the_high_representative_and_the_snsd(analyzer: Any) -> None:
    actors = _actors(analyzer, "Christian Schmidt, the High Representative, annulled the law. The "
                               "National Assembly of Republika Srpska defied him, and Dodik's "
                               "Alliance of Independent Social Democrats (SNSD) backed it. "
                               "Schmidt said the Court of Bosnia and Herzegovina would decide.")
    schmidt = actors["Christian Schmidt"]
    assert {"Christian Schmidt", "Schmidt", "the High Representative"} <= {
        m.text for m in schmidt.mentions}
    assert actors["National Assembly of Republika Srpska"].kind == "institution"
    assert actors["Court of Bosnia and Herzegovina"].kind == "institution"
    snsd = actors["Alliance of Independent Social Democrats"]
    assert [m.text for m in snsd.mentions] == ["Alliance of Independent Social Democrats", "SNSD"]
    assert "Democratic Party" not in actors  # "Social Democrats" is not the US party
    assert {a.name for a in actors.values() if a.kind == "person"} == {"Christian Schmidt",
                                                                        "Milorad Dodik"}


def test_news_agencies_and_parties_of_other_states(analyzer: Any) -> None:
    actors = _actors(analyzer, "The state news agency SANA reported the raid, KCNA said the test "
                               "succeeded, and Yonhap and Kyodo reported the launch.")
    assert {a.name for a in actors.values() if a.kind == "media"} == {"SANA", "KCNA", "Yonhap",
                                                                       "Kyodo News"}
    actors = _actors(analyzer, "The Democratic Party of Korea criticised the plan, and the "
                               "Democrats in Washington agreed. Fidesz and Tisza clashed, PiS "
                               "attacked Civic Coalition, and the AfD and the CDU traded blows.")
    parties = {a.name: a for a in actors.values() if a.kind == "party"}
    assert set(parties) == {"Democratic Party of Korea", "Democratic Party", "Fidesz", "Tisza",
                            "Law and Justice", "Civic Coalition", "Alternative for Germany",
                            "Christian Democratic Union of Germany"}
    assert parties["Democratic Party"].wikidata == "Q29552"
    assert [m.text for m in parties["Democratic Party"].mentions] == ["Democrats"]


def test_spokespeople_and_cypriot_leaders_keep_their_own_names(analyzer: Any) -> None:
    actors = _actors(analyzer, "Foreign Ministry spokesperson Guo Jiakun said Beijing would "
                               "respond. Guo added that Mao Zedong's legacy was not at issue.")
    assert [m.text for m in actors["Guo Jiakun"].mentions] == ["Guo Jiakun", "Guo"]
    assert "Mao Ning" not in actors
    actors = _actors(analyzer, "Turkish Cypriot leader Tufan Erhürman met his predecessor Ersin "
                               "Tatar. Crimean Tatar leaders protested in Kyiv.")
    assert [m.text for m in actors["Ersin Tatar"].mentions] == ["Ersin Tatar"]
    assert "Tufan Erhürman" in actors
