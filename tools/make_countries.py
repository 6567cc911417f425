"""Write src/dyad/data/actors/countries.tsv: every ISO 3166-1 country and territory.

Codes and official names come from pycountry; the common short names, historical
names, adjectives and demonyms below are written by hand (no package has them).
Run once when pycountry or the lists change:  python tools/make_countries.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "dyad" / "data" / "actors" / "countries.tsv"

# code: extra names (the pycountry common/official names are added automatically)
NAMES = """
BES Caribbean Netherlands
BOL Bolivia
BRN Brunei
CCK Cocos Islands
COD DR Congo|Congo|DRC|D.R. Congo|Democratic Republic of Congo|Democratic Republic of the Congo|Congo-Kinshasa
COG Republic of Congo|Republic of the Congo|Congo-Brazzaville
CIV Ivory Coast|Cote d'Ivoire|Côte d'Ivoire
CPV Cape Verde
CZE Czech Republic|Czechia
FLK Falkland Islands|Falklands|Malvinas
FSM Micronesia
GBR UK|U.K.|Britain|Great Britain|United Kingdom
IRN Iran|Islamic Republic of Iran
KOR South Korea|Republic of Korea|ROK
PRK North Korea|DPRK|Democratic People's Republic of Korea
LAO Laos
MDA Moldova|Republic of Moldova
MKD North Macedonia|Macedonia
MMR Myanmar|Burma
NLD Netherlands|Holland|the Netherlands
PSE Palestine|State of Palestine|Palestinian territories|Palestinian Authority
RUS Russia|Russian Federation|the Russian Federation
SHN Saint Helena|St Helena
SWZ Eswatini|Swaziland
SYR Syria|Syrian Arab Republic
TLS Timor-Leste|East Timor
TUR Turkey|Türkiye|Turkiye|Republic of Turkey
TWN Taiwan|Republic of China|ROC
TZA Tanzania
USA United States|U.S.|US|USA|U.S.A.|United States of America|America|the States
VAT Vatican|Holy See|Vatican City
VEN Venezuela
VGB British Virgin Islands
VIR US Virgin Islands|U.S. Virgin Islands
VNM Vietnam|Viet Nam
ARE United Arab Emirates|UAE|U.A.E.|the Emirates
SAU Saudi Arabia|Kingdom of Saudi Arabia|KSA
BIH Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia
CAF Central African Republic|CAR
DOM Dominican Republic
GNQ Equatorial Guinea
MAF Saint Martin
SXM Sint Maarten
KNA Saint Kitts and Nevis|St Kitts and Nevis
LCA Saint Lucia|St Lucia
VCT Saint Vincent and the Grenadines|St Vincent and the Grenadines
PNG Papua New Guinea|PNG
""".strip()

# code: adjectives and demonyms (singular and plural)
DEMONYMS = """
AFG Afghan|Afghans|Afghani
ALB Albanian|Albanians
DZA Algerian|Algerians
AND Andorran|Andorrans
AGO Angolan|Angolans
ATG Antiguan|Antiguans
ARG Argentine|Argentinian|Argentines|Argentinians
ARM Armenian|Armenians
AUS Australian|Australians
AUT Austrian|Austrians
AZE Azerbaijani|Azerbaijanis|Azeri|Azeris|Azerbaijan's
BHS Bahamian|Bahamians
BHR Bahraini|Bahrainis
BGD Bangladeshi|Bangladeshis
BRB Barbadian|Barbadians
BLR Belarusian|Belarusians|Belarussian
BEL Belgian|Belgians
BLZ Belizean|Belizeans
BEN Beninese
BTN Bhutanese
BOL Bolivian|Bolivians
BIH Bosnian|Bosnians
BWA Botswanan|Batswana
BRA Brazilian|Brazilians
BRN Bruneian|Bruneians
BGR Bulgarian|Bulgarians
BFA Burkinabe|Burkinabè
BDI Burundian|Burundians
KHM Cambodian|Cambodians
CMR Cameroonian|Cameroonians
CAN Canadian|Canadians
CPV Cape Verdean|Cape Verdeans
CAF Central African|Central Africans
TCD Chadian|Chadians
CHL Chilean|Chileans
CHN Chinese
COL Colombian|Colombians
COM Comorian|Comorans
COD Congolese
CRI Costa Rican|Costa Ricans
CIV Ivorian|Ivorians
HRV Croatian|Croat|Croats|Croatians
CUB Cuban|Cubans
CYP Cypriot|Cypriots|Greek Cypriot|Greek Cypriots
CZE Czech|Czechs
DNK Danish|Dane|Danes
DJI Djiboutian|Djiboutians
DOM Dominican|Dominicans
ECU Ecuadorian|Ecuadorians
EGY Egyptian|Egyptians
SLV Salvadoran|Salvadorans
GNQ Equatoguinean
ERI Eritrean|Eritreans
EST Estonian|Estonians
SWZ Swazi|Swazis
ETH Ethiopian|Ethiopians
FJI Fijian|Fijians
FIN Finnish|Finn|Finns
FRA French|Frenchman|Frenchmen
GAB Gabonese
GMB Gambian|Gambians
GEO Georgian|Georgians
DEU German|Germans
GHA Ghanaian|Ghanaians
GRC Greek|Greeks|Hellenic
GRD Grenadian|Grenadians
GTM Guatemalan|Guatemalans
GIN Guinean|Guineans
GNB Bissau-Guinean
GUY Guyanese
HTI Haitian|Haitians
HND Honduran|Hondurans
HUN Hungarian|Hungarians
ISL Icelandic|Icelander|Icelanders
IND Indian|Indians
IDN Indonesian|Indonesians
IRN Iranian|Iranians
IRQ Iraqi|Iraqis
IRL Irish
ISR Israeli|Israelis
ITA Italian|Italians
JAM Jamaican|Jamaicans
JPN Japanese
JOR Jordanian|Jordanians
KAZ Kazakh|Kazakhs|Kazakhstani|Kazakhstanis
KEN Kenyan|Kenyans
KIR I-Kiribati
PRK North Korean|North Koreans
KOR South Korean|South Koreans
KOS Kosovar|Kosovars|Kosovan
KWT Kuwaiti|Kuwaitis
KGZ Kyrgyz|Kyrgyzstani
LAO Lao|Laotian|Laotians
LVA Latvian|Latvians
LBN Lebanese
LSO Basotho
LBR Liberian|Liberians
LBY Libyan|Libyans
LIE Liechtensteiner
LTU Lithuanian|Lithuanians
LUX Luxembourgish|Luxembourger
MDG Malagasy
MWI Malawian|Malawians
MYS Malaysian|Malaysians
MDV Maldivian|Maldivians
MLI Malian|Malians
MLT Maltese
MHL Marshallese
MRT Mauritanian|Mauritanians
MUS Mauritian|Mauritians
MEX Mexican|Mexicans
FSM Micronesian
MDA Moldovan|Moldovans
MCO Monegasque
MNG Mongolian|Mongolians
MNE Montenegrin|Montenegrins
MAR Moroccan|Moroccans
MOZ Mozambican|Mozambicans
MMR Burmese
NAM Namibian|Namibians
NRU Nauruan
NPL Nepali|Nepalese
NLD Dutch
NZL New Zealander|New Zealanders
NIC Nicaraguan|Nicaraguans
NER Nigerien|Nigeriens
NGA Nigerian|Nigerians
MKD Macedonian|North Macedonian|Macedonians
NOR Norwegian|Norwegians
OMN Omani|Omanis
PAK Pakistani|Pakistanis
PLW Palauan
PSE Palestinian|Palestinians
PAN Panamanian|Panamanians
PNG Papua New Guinean
PRY Paraguayan|Paraguayans
PER Peruvian|Peruvians
PHL Philippine|Filipino|Filipinos
POL Polish|Pole|Poles
PRT Portuguese
QAT Qatari|Qataris
ROU Romanian|Romanians
RUS Russian|Russians
RWA Rwandan|Rwandans
WSM Samoan|Samoans
SMR Sammarinese
STP Santomean
SAU Saudi|Saudis|Saudi Arabian
SEN Senegalese
SRB Serbian|Serb|Serbs
SYC Seychellois
SLE Sierra Leonean|Sierra Leoneans
SGP Singaporean|Singaporeans
SVK Slovak|Slovaks
SVN Slovenian|Slovene|Slovenes
SLB Solomon Islander
SOM Somali|Somalis
ZAF South African|South Africans
SSD South Sudanese
ESP Spanish|Spaniard|Spaniards
LKA Sri Lankan|Sri Lankans
SDN Sudanese
SUR Surinamese
SWE Swedish|Swede|Swedes
CHE Swiss
SYR Syrian|Syrians
TWN Taiwanese
TJK Tajik|Tajiks|Tajikistani
TZA Tanzanian|Tanzanians
THA Thai|Thais
TLS Timorese
TGO Togolese
TON Tongan|Tongans
TTO Trinidadian|Trinidadians
TUN Tunisian|Tunisians
TUR Turkish|Turk|Turks
TKM Turkmen
TUV Tuvaluan
UGA Ugandan|Ugandans
UKR Ukrainian|Ukrainians
ARE Emirati|Emiratis
GBR British|Briton|Britons
USA American|Americans|U.S.|US
URY Uruguayan|Uruguayans
UZB Uzbek|Uzbeks|Uzbekistani
VUT Ni-Vanuatu
VEN Venezuelan|Venezuelans
VNM Vietnamese
YEM Yemeni|Yemenis
ZMB Zambian|Zambians
ZWE Zimbabwean|Zimbabweans
SUN Soviet|Soviets
YUG Yugoslav|Yugoslavs
""".strip()

# historical states and states without an ISO code, with the codes the gold sets use
EXTRA_STATES = """
KOS	Kosovo	Kosovo|Republic of Kosovo
SUN	Soviet Union	Soviet Union|USSR|U.S.S.R.|the Soviet Union
YUG	Yugoslavia	Yugoslavia
CSK	Czechoslovakia	Czechoslovakia
DDR	East Germany	East Germany|German Democratic Republic|GDR
SCG	Serbia and Montenegro	Serbia and Montenegro
ZAR	Zaire	Zaire
""".strip()


def parse(block: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in block.splitlines():
        code, _, rest = line.partition(" ")
        out.setdefault(code, []).extend(v.strip() for v in rest.split("|") if v.strip())
    return out


def main() -> None:
    names, demonyms = parse(NAMES), parse(DEMONYMS)
    rows = [
        "# Countries and territories: ISO 3166-1 alpha-3 codes (pycountry), common, official",
        "# and historical names, adjectives and demonyms. Written by tools/make_countries.py.",
        "# kind: country (a name of the state) or demonym (adjective or people).",
        "pattern\tcode\tname\tkind\tstart\tend",
    ]
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        extra = names.get(c.alpha_3, [])
        common = getattr(c, "common_name", None) or c.name
        display = extra[0] if extra else common
        variants = [display, *extra]
        for v in (c.name, common, getattr(c, "official_name", None)):
            if c.alpha_3 == "COG" and v == "Congo":  # news usage: "Congo" alone is the DRC
                continue
            if v and "," not in v and "(" not in v:
                variants.append(v)
        uniq = list(dict.fromkeys(variants))
        rows.append(f"{'|'.join(uniq)}\t{c.alpha_3}\t{display}\tcountry\t\t")
        if c.alpha_3 in demonyms:
            rows.append(f"{'|'.join(demonyms[c.alpha_3])}\t{c.alpha_3}\t{display}\tdemonym\t\t")
    for line in EXTRA_STATES.splitlines():
        code, display, pats = line.split("\t")
        rows.append(f"{pats}\t{code}\t{display}\tcountry\t\t")
        if code in demonyms:
            rows.append(f"{'|'.join(demonyms[code])}\t{code}\t{display}\tdemonym\t\t")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
