"""The hand-kept names: everyday country names, organisations, regions, Russian officials.

pycountry and CLDR hold the countries' official and short names (English and Russian) and
pymorphy3 their cases; what is here is what no maintained source carries: the everyday
forms news and ministry posts use, the organisations a counterpart can be, the regions whose
names hold a country's, and the officials whose canonical English names the package writes.
Nominatives only (the cases are generated). Keep it small; tests cover every entry.
"""

from __future__ import annotations

# Everyday country names -> ISO 3166-1 alpha-3, English and Russian (nominative).
COUNTRY_ALIASES: dict[str, str] = {
    "USA": "USA",
    "US": "USA",
    "U.S.": "USA",
    "America": "USA",
    "United States": "USA",
    "США": "USA",
    "Соединённые Штаты": "USA",
    "Соединенные Штаты": "USA",
    "Америка": "USA",
    "UK": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "Великобритания": "GBR",
    "Syria": "SYR",
    "Сирия": "SYR",
    "Laos": "LAO",
    "Лаос": "LAO",
    "South Korea": "KOR",
    "Южная Корея": "KOR",
    "North Korea": "PRK",
    "КНДР": "PRK",
    "DPRK": "PRK",
    "Republic of Korea": "KOR",
    "Moldova": "MDA",
    "Молдавия": "MDA",
    "Молдова": "MDA",
    "Vietnam": "VNM",
    "Вьетнам": "VNM",
    "Czech Republic": "CZE",
    "Чехия": "CZE",
    "Turkey": "TUR",
    "Турция": "TUR",
    "Ivory Coast": "CIV",
    "DR Congo": "COD",
    "ДР Конго": "COD",
    "ФРГ": "DEU",
    "Белоруссия": "BLR",
    "Беларусь": "BLR",
    "Киргизия": "KGZ",
    "Киргизстан": "KGZ",
    "Кыргызстан": "KGZ",
    "ЮАР": "ZAF",
    "ОАЭ": "ARE",
    "UAE": "ARE",
    "КНР": "CHN",
    "Китай": "CHN",
    "Palestine": "PSE",
    "Палестина": "PSE",
    "Сент-Винсент и Гренадины": "VCT",
    "Vatican": "VAT",
    "Ватикан": "VAT",
    "Iran": "IRN",
    "Иран": "IRN",
    "Venezuela": "VEN",
    "Венесуэла": "VEN",
    "Bolivia": "BOL",
    "Боливия": "BOL",
    "Tanzania": "TZA",
    "Танзания": "TZA",
    # an entity of Bosnia and Herzegovina whose president is received in his own right
    "Republika Srpska": "BIH",
    "Республика Сербская": "BIH",
}

# Organisations a counterpart can be: short name (as the package writes it) -> its names in
# English and Russian. Russian names are written in the nominative; `morphology.case_forms`
# adds every case («Лиги арабских государств»). Abbreviations match only as written (ЕС, АС).
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "UN": ("United Nations", "UN", "U.N.", "ООН", "Организация Объединённых Наций"),
    "LAS": ("League of Arab States", "Arab League", "ЛАГ", "Лига арабских государств"),
    "EU": ("European Union", "EU", "ЕС", "Евросоюз", "Европейский союз"),
    "GCC": (
        "Gulf Cooperation Council",
        "Cooperation Council for the Arab States of the Gulf",
        "GCC",
        "ССАГПЗ",
        "Совет сотрудничества арабских государств Персидского залива",
        "Совет сотрудничества стран Персидского залива",
    ),
    "IAEA": (
        "International Atomic Energy Agency",
        "IAEA",
        "МАГАТЭ",
        "Международное агентство по атомной энергии",
    ),
    "ICRC": (
        "International Committee of the Red Cross",
        "ICRC",
        "МККК",
        "Международный комитет Красного Креста",
    ),
    "OSCE": (
        "Organization for Security and Co-operation in Europe",
        "Organization for Security and Cooperation in Europe",
        "OSCE",
        "ОБСЕ",
        "Организация по безопасности и сотрудничеству в Европе",
    ),
    "OIC": (
        "Organisation of Islamic Cooperation",
        "Organization of Islamic Cooperation",
        "OIC",
        "ОИС",
        "Организация исламского сотрудничества",
    ),
    "BRICS": ("BRICS", "БРИКС"),
    "SCO": (
        "Shanghai Cooperation Organisation",
        "Shanghai Cooperation Organization",
        "SCO",
        "ШОС",
        "Шанхайская организация сотрудничества",
    ),
    "CSTO": (
        "Collective Security Treaty Organization",
        "CSTO",
        "ОДКБ",
        "Организация Договора о коллективной безопасности",
    ),
    "G20": ("G20", "G-20", "Group of Twenty", "Группа двадцати", "Большая двадцатка", "двадцатка"),
    "ASEAN": (
        "Association of Southeast Asian Nations",
        "ASEAN",
        "АСЕАН",
        "Ассоциация государств Юго-Восточной Азии",
    ),
    "EAS": (
        "East Asia Summit",
        "East Asian Summit",
        "EAS",
        "ВАС",
        "Восточноазиатский саммит",
        "Саммит Восточной Азии",
    ),
    "CICA": (
        "Conference on Interaction and Confidence-Building Measures in Asia",
        "CICA",
        "СВМДА",
        "Совещание по взаимодействию и мерам доверия в Азии",
    ),
    "CIS": (
        "Commonwealth of Independent States",
        "CIS",
        "СНГ",
        "Содружество Независимых Государств",
    ),
    "EAEU": ("Eurasian Economic Union", "EAEU", "ЕАЭС", "Евразийский экономический союз"),
    "AU": ("African Union", "AU", "АС", "Африканский союз"),
    "NATO": ("NATO", "НАТО", "North Atlantic Treaty Organization"),
    "CELAC": (
        "Community of Latin American and Caribbean States",
        "CELAC",
        "СЕЛАК",
        "Сообщество государств Латинской Америки и Карибского бассейна",
    ),
    "APEC": (
        "Asia-Pacific Economic Cooperation",
        "APEC",
        "АТЭС",
        "Азиатско-Тихоокеанское экономическое сотрудничество",
    ),
    "UNESCO": ("UNESCO", "ЮНЕСКО"),
    "NDB": ("New Development Bank", "NDB", "НБР", "Новый банк развития"),
}

# Meeting places named in Russian that no CLDR time zone is named after (casefolded ->
# English; `city_names` finds the rest in CLDR). A venue stands for its city.
RUSSIAN_CITIES: dict[str, str] = {
    "казань": "Kazan",
    "сочи": "Sochi",
    "астана": "Astana",
    "санкт-петербург": "St Petersburg",
    "рио-де-жанейро": "Rio de Janeiro",
    "бразилиа": "Brasilia",
    "ханой": "Hanoi",
    "анкара": "Ankara",
    "женева": "Geneva",
    "вашингтон": "Washington",
    "ново-огарёво": "Novo-Ogaryovo",
    "ново-огарево": "Novo-Ogaryovo",
    "кремль": "Moscow",
}

# Regions whose names hold a country's name or adjective ("Latin America", «Индийский
# океан»): matched so that the country inside them is not.
REGIONS: tuple[str, ...] = (
    "Latin America",
    "Latin American",
    "South America",
    "South American",
    "North America",
    "North American",
    "Central America",
    "Central American",
    "Indian Ocean",
    "Gulf of Guinea",
    "Латинская Америка",
    "Южная Америка",
    "Северная Америка",
    "Центральная Америка",
    "Индийский океан",
    "Гвинейский залив",
)

# Flags that stand for an organisation rather than a state (regional-indicator pairs).
ORGANISATION_FLAGS: dict[str, str] = {"UN": "UN", "EU": "EU"}

# Russian officials who meet foreign counterparts: canonical English name -> how the posts
# write them: English spellings of the surname, the Russian surname in the nominative
# (`morphology` adds its cases: Лаврова, Лавровым), or a full name where the surname alone
# is an everyday word (the Antonov aircraft).
RUSSIAN_OFFICIALS: dict[str, tuple[str, ...]] = {
    "Sergey Lavrov": ("Lavrov", "Лавров"),
    "Vladimir Putin": ("Putin", "Путин"),
    "Mikhail Mishustin": ("Mishustin", "Мишустин"),
    "Sergey Ryabkov": ("Ryabkov", "Рябков"),
    "Sergey Vershinin": ("Vershinin", "Вершинин"),
    "Mikhail Bogdanov": ("Bogdanov", "Богданов"),
    "Andrey Rudenko": ("Rudenko", "Руденко"),
    "Mikhail Galuzin": ("Galuzin", "Галузин"),
    "Alexander Grushko": ("Grushko", "Грушко"),
    "Alexander Pankin": ("Pankin", "Панкин"),
    "Oleg Syromolotov": ("Syromolotov", "Сыромолотов"),
    "Vassily Nebenzia": ("Nebenzia", "Nebenzya", "Nebenzya", "Небензя"),
    "Dmitry Polyanskiy": ("Polyanskiy", "Polyansky", "Полянский"),
    "Gennady Gatilov": ("Gatilov", "Гатилов"),
    "Mikhail Ulyanov": ("Mikhail Ulyanov", "Михаил Ульянов", "М.И.Ульянов"),
    "Alexander Lavrentiev": ("Lavrentiev", "Lavrentyev", "Лаврентьев"),
    "Zamir Kabulov": ("Kabulov", "Кабулов"),
    "Yuri Ushakov": ("Yuri Ushakov", "Yury Ushakov", "Юрий Ушаков", "Ю.В.Ушаков"),
    "Anatoly Antonov": ("Anatoly Antonov", "А.И.Антонов", "Анатолий Антонов"),
    "Alexander Darchiev": ("Darchiev", "Дарчиев"),
}
