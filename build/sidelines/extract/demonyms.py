"""Country adjectives and demonyms ("his Chinese counterpart", «с китайским коллегой»).

No library we depend on carries them (CLDR has names, not adjectives), so this is the one
small table of them. Russian adjectives are written once, in the masculine nominative;
`morphology.adjective_forms` gives every gender, number and case. The fourth column holds
the first half of a compound where it is not the adjective's stem plus «о»
(«американо-российские», but «российско-египетские»).

Left out on purpose: words that name more than one state ("Korean", "Congolese", «корейский»)
and regional words ("Arab", "Persian", "Latin American").
"""

from __future__ import annotations

from typing import NamedTuple

# alpha-3 | English (alternatives after ";") | Russian masculine nominative | compound
TABLE = """
AFG|Afghan|афганский|
ALB|Albanian|албанский|
DZA|Algerian|алжирский|
AGO|Angolan|ангольский|
ARG|Argentine;Argentinian|аргентинский|
ARM|Armenian|армянский|армяно
AUS|Australian|австралийский|
AUT|Austrian|австрийский|австро
AZE|Azerbaijani|азербайджанский|
BHR|Bahraini|бахрейнский|
BGD|Bangladeshi|бангладешский|
BLR|Belarusian;Belarussian|белорусский|
BEL|Belgian|бельгийский|
BEN|Beninese|бенинский|
BOL|Bolivian|боливийский|
BIH|Bosnian|боснийский|
BWA|Botswanan|ботсванский|
BRA|Brazilian|бразильский|
BRN|Bruneian|брунейский|
BGR|Bulgarian|болгарский|
BFA|Burkinabe|буркинийский|
BDI|Burundian|бурундийский|
KHM|Cambodian|камбоджийский|
CMR|Cameroonian|камерунский|
CAN|Canadian|канадский|
CPV|Cape Verdean|кабовердианский|
CAF|Central African|центральноафриканский|
TCD|Chadian|чадский|
CHL|Chilean|чилийский|
CHN|Chinese|китайский|
COL|Colombian|колумбийский|
CRI|Costa Rican|костариканский|
CIV|Ivorian|ивуарийский|
HRV|Croatian|хорватский|
CUB|Cuban|кубинский|
CYP|Cypriot|кипрский|
CZE|Czech|чешский|
DNK|Danish|датский|
DJI|Djiboutian|джибутийский|
DOM|Dominican|доминиканский|
ECU|Ecuadorian|эквадорский|
EGY|Egyptian|египетский|
SLV|Salvadoran|сальвадорский|
GNQ|Equatoguinean|экваториальногвинейский|
ERI|Eritrean|эритрейский|
EST|Estonian|эстонский|
SWZ|Swazi|эсватинийский|
ETH|Ethiopian|эфиопский|
FIN|Finnish|финский|финляндско
FRA|French|французский|франко
GAB|Gabonese|габонский|
GMB|Gambian|гамбийский|
GEO|Georgian|грузинский|
DEU|German|немецкий;германский|германо
GHA|Ghanaian|ганский|
GRC|Greek|греческий|греко
GTM|Guatemalan|гватемальский|
GIN|Guinean|гвинейский|
GNB|Bissau-Guinean|гвинейско-бисауский|
GUY|Guyanese|гайанский|
HTI|Haitian|гаитянский|
HND|Honduran|гондурасский|
HUN|Hungarian|венгерский|
ISL|Icelandic|исландский|
IND|Indian|индийский|индо
IDN|Indonesian|индонезийский|
IRN|Iranian|иранский|ирано
IRQ|Iraqi|иракский|
IRL|Irish|ирландский|
ISR|Israeli|израильский|
ITA|Italian|итальянский|итало
JAM|Jamaican|ямайский|
JPN|Japanese|японский|японо
JOR|Jordanian|иорданский|
KAZ|Kazakh;Kazakhstani|казахстанский|
KEN|Kenyan|кенийский|
KWT|Kuwaiti|кувейтский|
KGZ|Kyrgyz|киргизский;кыргызский|
LAO|Laotian;Lao|лаосский|
LVA|Latvian|латвийский|
LBN|Lebanese|ливанский|
LSO|Basotho|лесотский|
LBR|Liberian|либерийский|
LBY|Libyan|ливийский|
LTU|Lithuanian|литовский|
LUX|Luxembourgish|люксембургский|
MDG|Malagasy|мадагаскарский|
MWI|Malawian|малавийский|
MYS|Malaysian|малайзийский|
MDV|Maldivian|мальдивский|
MLI|Malian|малийский|
MLT|Maltese|мальтийский|
MRT|Mauritanian|мавританский|
MUS|Mauritian|маврикийский|
MEX|Mexican|мексиканский|
MDA|Moldovan|молдавский;молдовский|
MNG|Mongolian|монгольский|монголо
MNE|Montenegrin|черногорский|
MAR|Moroccan|марокканский|
MOZ|Mozambican|мозамбикский|
MMR|Myanmar|мьянманский|
NAM|Namibian|намибийский|
NPL|Nepalese;Nepali|непальский|
NLD|Dutch|нидерландский|
NZL|New Zealand|новозеландский|
NIC|Nicaraguan|никарагуанский|
NER|Nigerien|нигерский|
NGA|Nigerian|нигерийский|
PRK|North Korean|северокорейский|
MKD|Macedonian|македонский|
NOR|Norwegian|норвежский|
OMN|Omani|оманский|
PAK|Pakistani|пакистанский|
PSE|Palestinian|палестинский|
PAN|Panamanian|панамский|
PNG|Papua New Guinean|папуанский|
PRY|Paraguayan|парагвайский|
PER|Peruvian|перуанский|
PHL|Philippine;Filipino|филиппинский|
POL|Polish|польский|
PRT|Portuguese|португальский|
QAT|Qatari|катарский|
ROU|Romanian|румынский|
RUS|Russian|российский;русский|русско
RWA|Rwandan|руандийский|
SAU|Saudi;Saudi Arabian|саудовский|
SEN|Senegalese|сенегальский|
SRB|Serbian|сербский|
SYC|Seychellois|сейшельский|
SLE|Sierra Leonean|сьерра-леонский|
SGP|Singaporean|сингапурский|
SVK|Slovak;Slovakian|словацкий|
SVN|Slovenian;Slovene|словенский|
SOM|Somali|сомалийский|
ZAF|South African|южноафриканский;южно-африканский|
KOR|South Korean|южнокорейский|
SSD|South Sudanese|южносуданский|
ESP|Spanish|испанский|испано
LKA|Sri Lankan|шри-ланкийский|
SDN|Sudanese|суданский|
SUR|Surinamese|суринамский|
SWE|Swedish|шведский|
CHE|Swiss|швейцарский|
SYR|Syrian|сирийский|
TJK|Tajik;Tajikistani|таджикский|
TZA|Tanzanian|танзанийский|
THA|Thai|таиландский;тайский|
TLS|Timorese|восточнотиморский|
TGO|Togolese|тоголезский|
TTO|Trinidadian|тринидадский|
TUN|Tunisian|тунисский|
TUR|Turkish|турецкий|
TKM|Turkmen|туркменский|
UGA|Ugandan|угандийский|
UKR|Ukrainian|украинский|
ARE|Emirati|эмиратский|
GBR|British|британский|британо;англо
USA|American|американский|американо
URY|Uruguayan|уругвайский|
UZB|Uzbek|узбекский|
VEN|Venezuelan|венесуэльский|
VNM|Vietnamese|вьетнамский|
YEM|Yemeni|йеменский|
ZMB|Zambian|замбийский|
ZWE|Zimbabwean|зимбабвийский|
VAT|Vatican|ватиканский|
"""


class Demonym(NamedTuple):
    """One country's adjectives in English and Russian."""

    country: str
    english: tuple[str, ...]
    russian: tuple[str, ...]
    compounds: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def demonyms() -> list[Demonym]:
    """The table as rows, in its order."""
    rows = []
    for line in TABLE.strip().splitlines():
        cells = [*line.split("|"), "", "", ""][:4]
        rows.append(Demonym(cells[0], _split(cells[1]), _split(cells[2]), _split(cells[3])))
    return rows


def compound_first_parts(row: Demonym) -> tuple[str, ...]:
    """How the adjective opens a hyphenated compound: «египетский» -> «египетско»
    («египетско-российские»), plus the irregular ones the table lists («американо»)."""
    regular = tuple(a[:-2] + "о" for a in row.russian if a.endswith(("ский", "цкий")))
    return regular + row.compounds
