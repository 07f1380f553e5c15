"""The one hand-kept table: short names pycountry does not carry, and organisations.

pycountry holds the ISO names (English, and Russian through its locale); these are the
everyday forms that news and ministry posts use instead. Keep it small; tests cover it.
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
}

# Organisations a counterpart can be: acronym -> names in English and Russian, including
# the inflected or abbreviated forms the posts use (Генсек ООН, Генсекретарь ООН).
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "UN": (
        "United Nations",
        "UN",
        "ООН",
        "Организация Объединённых Наций",
        "Организация Объединенных Наций",
    ),
    "CICA": (
        "Conference on Interaction and Confidence-Building Measures in Asia",
        "CICA",
        "СВМДА",
        "Совещание по взаимодействию и мерам доверия в Азии",
    ),
    "CSTO": ("Collective Security Treaty Organization", "CSTO", "ОДКБ"),
    "SCO": ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO", "ШОС"),
    "BRICS": ("BRICS", "БРИКС"),
    "G20": ("G20", "Group of Twenty", "«Группа двадцати»", "Группа двадцати", "G-20"),
    "CIS": ("Commonwealth of Independent States", "CIS", "СНГ"),
    "EAEU": ("Eurasian Economic Union", "EAEU", "ЕАЭС"),
    "ASEAN": ("Association of Southeast Asian Nations", "ASEAN", "АСЕАН"),
    "AU": ("African Union", "Африканский союз", "Африканского союза"),
    "EU": ("European Union", "EU", "Евросоюз", "Европейский союз", "ЕС"),
    "NATO": ("NATO", "НАТО"),
    "OSCE": ("Organization for Security and Co-operation in Europe", "OSCE", "ОБСЕ"),
    "OIC": ("Organisation of Islamic Cooperation", "OIC", "ОИС"),
    "LAS": ("League of Arab States", "Arab League", "ЛАГ", "Лига арабских государств"),
    "GCC": ("Gulf Cooperation Council", "GCC", "ССАГПЗ"),
    "CELAC": ("CELAC", "СЕЛАК"),
    "IAEA": ("International Atomic Energy Agency", "IAEA", "МАГАТЭ"),
    "ICRC": ("International Committee of the Red Cross", "ICRC", "МККК"),
}

# Flags that stand for an organisation rather than a state (regional-indicator pairs).
ORGANISATION_FLAGS: dict[str, str] = {"UN": "UN", "EU": "EU"}

# Russian officials who meet foreign counterparts: canonical English name -> how the posts
# write the surname (English spellings, Russian stem that takes every case ending).
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
    "Vassily Nebenzia": ("Nebenzia", "Nebenzya", "Небенз"),
    "Anatoly Antonov": ("Anatoly Antonov", "А.И.Антонов", "Анатолий Антонов"),
    "Alexander Darchiev": ("Darchiev", "Дарчиев"),
}
