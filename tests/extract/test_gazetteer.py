"""Countries, adjectives, organisations and regions in every case, from maintained data.

The phrases are our own, modelled on the reports named beside each case.
"""

from __future__ import annotations

import pycountry
import pytest

from sidelines.extract.aliases import ORGANISATIONS, REGIONS
from sidelines.extract.countries import countries_named, countries_named_many, country_hits
from sidelines.extract.demonyms import compound_first_parts, demonyms
from sidelines.extract.gazetteer import names_in


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # Trend/TASS, «Лавров проводит в ООН переговоры с главой МИД Турции Хаканом Фиданом»
        pytest.param("переговоры с главой МИД Турции", ["TUR"], id="genitive"),
        # TASS, Lavrov and Shoukry at the 78th General Assembly (the Egyptian minister)
        pytest.param("министр обсудил с Египтом", ["EGY"], id="instrumental-fleeting-vowel"),
        pytest.param("делегация Объединённых Арабских Эмиратов", ["ARE"], id="plural-three-words"),
        pytest.param("в Объединенных арабских эмиратах", ["ARE"], id="plural-locative-no-yo"),
        pytest.param(
            "сотрудничество с Южно-Африканской Республикой", ["ZAF"], id="hyphenated-adjective"
        ),
        pytest.param("посол Гвинеи-Бисау", ["GNB"], id="hyphenated-noun"),
        pytest.param("встреча с Боснией и Герцеговиной", ["BIH"], id="two-nouns"),
        # Interfax on Kim Jong Un: «Председатель … Корейской Народно-Демократической Республики»
        pytest.param("Корейской Народно-Демократической Республики", ["PRK"], id="official-name"),
        pytest.param("Республики Корея и КНДР", ["KOR", "PRK"], id="apposition-and-abbreviation"),
        pytest.param("Minister of Foreign Affairs of Côte d’Ivoire", ["CIV"], id="cldr-apostrophe"),
        pytest.param("talks in Türkiye and Turkey", ["TUR"], id="cldr-and-alias"),
        pytest.param("Sameh Shoukry of Egypt met the US side", ["EGY", "USA"], id="english"),
    ],
)
def test_country_in_every_case(text: str, codes: list[str]) -> None:
    assert countries_named(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # news.az, "is holding talks with his Turkish counterpart Mevlut Cavusoglu"
        pytest.param("talks with his Turkish counterpart", ["TUR"], id="english-adjective"),
        # BelTA, Lavrov and Szijjarto at the 80th session's high-level week
        pytest.param("met the Hungarian foreign minister", ["HUN"], id="english-foreign-minister"),
        # Tsargrad, Lavrov and Mirzoyan: «армянский министр», «с армянским коллегой»
        pytest.param(
            "с армянским и азербайджанским коллегами", ["ARM", "AZE"], id="russian-plural"
        ),
        # TASS (G20 Bali): «провел встречу с китайским коллегой Ван И»
        pytest.param("встреча с китайской коллегой", ["CHN"], id="russian-feminine"),
        pytest.param("российско-египетские консультации", ["EGY"], id="compound-second-half"),
        pytest.param("ирано-российские переговоры", ["IRN"], id="compound-irregular-first-half"),
        pytest.param(
            "североафриканские и латиноамериканские", [], id="regional-words-are-not-states"
        ),
    ],
)
def test_adjectives_name_countries(text: str, codes: list[str]) -> None:
    assert countries_named(text) == codes


@pytest.mark.parametrize(
    ("text", "orgs", "codes"),
    [
        # sputnikglobe, "Secretary General of the League of Arab States (LAS) Ahmed Aboul Gheit"
        pytest.param("с генсеком Лиги арабских государств", ["LAS"], [], id="arab-in-league-name"),
        # rambler, Лавров в Эр-Рияде: «Совет сотрудничества арабских государств Персидского залива»
        pytest.param(
            "генсеком Совета сотрудничества арабских государств Персидского залива",
            ["GCC"],
            [],
            id="gulf-council",
        ),
        pytest.param(
            "the Russia-Gulf Cooperation Council dialogue", ["GCC"], [], id="russia-gcc-compound"
        ),
        pytest.param("стратегический диалог Россия – ССАГПЗ", ["GCC"], [], id="russia-gcc-dash"),
        pytest.param(
            "на полях саммита АСЕАН и Восточноазиатского саммита",
            ["ASEAN", "EAS"],
            [],
            id="asean-eas",
        ),
        pytest.param("countries of Latin America and the Indian Ocean", [], [], id="regions"),
        pytest.param("в Латинской Америке и США", [], ["USA"], id="region-beside-a-state"),
    ],
)
def test_no_country_inside_an_organisation_or_region(
    text: str, orgs: list[str], codes: list[str]
) -> None:
    assert [h.code for h in names_in(text) if h.kind == "org"] == orgs
    assert countries_named(text) == codes


def test_kind_is_reported() -> None:
    hits = country_hits("с китайским коллегой и главой МИД Словакии")
    assert [(h.code, h.kind) for h in hits] == [("CHN", "demonym"), ("SVK", "country")]


def test_common_word_is_not_a_country_at_a_sentence_start() -> None:
    # «Того» is Togo, but also «того» ("of that") opening a sentence.
    assert countries_named("Того же мнения придерживается сторона.") == []
    assert countries_named("встреча с министром Того") == ["TGO"]


def test_many_texts_at_once() -> None:
    texts = ["с Египтом", "Egyptian counterpart", "с Египтом", "ничего"]
    assert countries_named_many(texts) == [["EGY"], ["EGY"], ["EGY"], []]


def test_demonym_table_points_at_real_codes() -> None:
    rows = demonyms()
    assert len({row.country for row in rows}) == len(rows), "one row per country"
    for row in rows:
        assert pycountry.countries.get(alpha_3=row.country) is not None, row
        assert row.english and row.russian, row
        assert all(r.endswith(("ий", "ый")) for r in row.russian), row
    egypt = next(row for row in rows if row.country == "EGY")
    assert compound_first_parts(egypt) == ("египетско",)


def test_every_organisation_and_region_is_found_by_its_own_names() -> None:
    for code, names in ORGANISATIONS.items():
        for name in names:
            assert [h.code for h in names_in(name) if h.kind == "org"] == [code], name
    for region in REGIONS:
        assert [h.kind for h in names_in(region)] == ["region"], region
