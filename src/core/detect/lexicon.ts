// General-purpose word lists for news text. They describe English and the world, not the sample articles:
// the workspace gazetteer is where a corpus's own names go.

const list = (s: string): string[] => s.split('|').map((x) => x.trim()).filter(Boolean);
const set = (s: string): ReadonlySet<string> => new Set(list(s));

/** Sovereign states and common short forms. */
export const COUNTRIES = set(`Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|
Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|
Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|
Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|
Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|
Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|
Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|
Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|UAE|United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|United States|US|U.S.|USA|U.S.A.|America|Uruguay|
Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Abkhazia|Crimea|Gaza|West Bank|Kurdistan|Chechnya|Donbas|Tibet|
Greenland|Hong Kong|Macau|Puerto Rico|USSR|Soviet Union`);

/** Capitals, large cities and cities often in international news. */
export const CITIES = set(`Moscow|Saint Petersburg|St Petersburg|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv|Minsk|Warsaw|Berlin|Paris|London|Madrid|
Rome|Vienna|Prague|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Athens|Ankara|Istanbul|Tbilisi|Yerevan|Baku|Tehran|Baghdad|Damascus|Aleppo|
Homs|Hama|Idlib|Deir ez-Zor|Raqqa|Beirut|Amman|Jerusalem|Tel Aviv|Cairo|Riyadh|Jeddah|Doha|Dubai|Abu Dhabi|Muscat|Sanaa|Aden|Kabul|
Islamabad|Karachi|Lahore|New Delhi|Delhi|Mumbai|Kolkata|Chennai|Dhaka|Kathmandu|Colombo|Beijing|Shanghai|Hong Kong|Taipei|Tokyo|Seoul|
Pyongyang|Manila|Jakarta|Bangkok|Hanoi|Kuala Lumpur|Singapore|Canberra|Sydney|Melbourne|Wellington|Ottawa|Toronto|Montreal|Washington|
New York|Los Angeles|Chicago|Houston|Miami|San Francisco|Boston|Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Brasilia|
Sao Paulo|Rio de Janeiro|Lagos|Abuja|Nairobi|Addis Ababa|Khartoum|Tripoli|Benghazi|Tunis|Algiers|Rabat|Casablanca|Dakar|Accra|Kinshasa|
Luanda|Johannesburg|Pretoria|Cape Town|Harare|Lusaka|Mogadishu|Kampala|Kigali|Dublin|Edinburgh|Brussels|Amsterdam|The Hague|Luxembourg|
Geneva|Zurich|Bern|Stockholm|Oslo|Copenhagen|Helsinki|Reykjavik|Tallinn|Riga|Vilnius|Chisinau|Sevastopol|Donetsk|Luhansk|Mariupol|Kherson|
Zaporizhzhia|Bakhmut|Kursk|Belgorod|Rostov|Volgograd|Kazan|Novosibirsk|Vladivostok|Murmansk|Kaliningrad|Sochi|Grozny|Astana|Almaty|
Tashkent|Bishkek|Dushanbe|Ashgabat|Ulaanbaatar|Mosul|Erbil|Basra|Kirkuk|Gaza City|Rafah|Ramallah|Haifa|Sidon|Tyre`);

/** Regions, seas, mountains and other named areas. */
export const REGIONS = set(`Middle East|Near East|Far East|Levant|Gulf|Persian Gulf|Mediterranean|Black Sea|Red Sea|Caspian Sea|Baltic|
Baltic Sea|North Sea|Arctic|Antarctica|Atlantic|Pacific|Indian Ocean|Caucasus|North Caucasus|Balkans|Scandinavia|Europe|Asia|Africa|
North Africa|Sub-Saharan Africa|Latin America|North America|South America|Central Asia|Southeast Asia|East Asia|South Asia|Sahel|Sahara|
Sinai|Golan|Golan Heights|Kashmir|Siberia|Urals|Donbass|Kuban|Transnistria|South Ossetia|Nagorno-Karabakh|Karabakh|Western Europe|
Eastern Europe|Central Europe|Horn of Africa|Maghreb|Euphrates|Tigris|Nile|Danube|Dnipro|Volga|Bosphorus|Dardanelles|Strait of Hormuz|
Suez Canal|Silicon Valley|Wall Street|Downing Street|Capitol Hill`);

/** Nationality and other group adjectives: never entities on their own. */
export const DEMONYMS = set(`Russian|Russians|Syrian|Syrians|British|Iranian|Iranians|Ukrainian|Ukrainians|American|Americans|Israeli|Israelis|
Turkish|Turk|Turks|French|German|Germans|Chinese|Japanese|Korean|North Korean|South Korean|Indian|Pakistani|Afghan|Iraqi|Iraqis|Lebanese|
Jordanian|Egyptian|Saudi|Saudis|Emirati|Qatari|Yemeni|Libyan|Belarusian|Georgian|Armenian|Azerbaijani|Kazakh|Polish|Czech|Hungarian|
Romanian|Bulgarian|Serbian|Croatian|Greek|Italian|Spanish|Portuguese|Dutch|Belgian|Swiss|Austrian|Swedish|Norwegian|Danish|Finnish|
Estonian|Latvian|Lithuanian|Irish|Scottish|Welsh|English|Canadian|Mexican|Brazilian|Argentine|Cuban|Venezuelan|Colombian|African|
European|Europeans|Asian|Arab|Arabs|Arabic|Kurdish|Kurds|Alawite|Alawites|Sunni|Shia|Shiite|Druze|Christian|Muslim|Muslims|Jewish|
Islamist|Islamists|Islamic|Western|Eastern|Northern|Southern|Middle Eastern|Soviet|Palestinian|Palestinians|Kenyan|Kenyans|Nigerian|Ethiopian|Somali|Sudanese|Chechen|
Crimean|Mediterranean-based|Democrats|Republicans|Democrat|Republican|Conservatives|Labour|Slovenian|Slovak|Bosnian|Albanian|Macedonian|
Montenegrin|Moldovan|Icelandic|Luxembourgish|Maltese|Cypriot|Ghanaian|Senegalese|Malian|Nigerien|Chadian|Cameroonian|Congolese|
Ugandan|Tanzanian|Rwandan|Zimbabwean|Zambian|Angolan|Mozambican|Moroccan|Algerian|Tunisian|Chilean|Peruvian|Bolivian|Ecuadorian|
Uruguayan|Paraguayan|Australian|Australians|Indonesian|Malaysian|Filipino|Thai|Vietnamese|Bangladeshi|Sri Lankan|Nepali|Mongolian|
Uzbek|Kyrgyz|Tajik|Turkmen|Taiwanese`);

/** Words that end the name of an organisation: "Foreign Ministry", "Aerospace Forces", "Moscow Times". */
export const ORG_HEADS = set(`United|Ministry|Ministries|Forces|Force|Army|Navy|Guard|Guards|Agency|Office|Department|Directorate|Council|
Committee|Commission|Party|Group|Institute|Institution|University|College|School|Academy|News|Times|Post|Journal|Herald|Tribune|Gazette|
Press|Telegraph|Guardian|Mail|Express|Today|Review|Monitor|Observer|Company|Corporation|Corp|Inc|Ltd|LLC|PLC|Bank|Fund|Foundation|
Embassy|Consulate|Union|Organization|Organisation|Association|Federation|Service|Services|Division|Brigade|Regiment|Battalion|Corps|
Command|Front|Movement|Alliance|Coalition|League|Congress|Parliament|Assembly|Senate|Duma|Court|Tribunal|Government|Administration|
Authority|Authorities|Enforcement|House|Network|Channel|Television|TV|Radio|Broadcasting|Airlines|Airways|Group|Holdings|Industries|Society|Center|Centre|
Centers|Centres|Community|Communities|
Cabinet|Presidency|Secretariat|Police|Intelligence|Command|Club|Church|Brotherhood|Mission|Board|Bureau|Chamber|Monitor|Observatory|Watch|
Independent|Chronicle|Standard|Dispatch|Insider|Courier|Bulletin|Holding|Limited|Co|PJSC|JSC|OJSC|CJSC|OAO|ZAO|PAO|OOO|AG|GmbH|SA|SpA|NV|BV|
LLP|Plc|plc|AB|ASA|SE|Trust|Initiative|Programme|Program|Confederation|Staff|Systems|Technologies|Pharmaceuticals|Labs|Laboratories|Media|Capital|Partners|
Ventures|Railways|Exchange|Reserve|Magazine|Studios|FC|Library|Libraries|Treasury|Archives`);

/**
 * Words of a company's name that its short form leaves out: legal forms and business descriptors. "Acme Oil Company
 * PJSC" is "Acme" later in the article; "Borex Group" is "Borex".
 */
export const COMPANY_WORDS = set(`Company|Companies|Corporation|Corp|Inc|Ltd|LLC|PLC|Plc|plc|Group|Holding|Holdings|Industries|Limited|Co|
PJSC|JSC|OJSC|CJSC|OAO|ZAO|PAO|OOO|AG|GmbH|SA|SpA|NV|BV|LLP|AB|ASA|SE|Pvt|Pte|Bhd|Tbk|Oil|Gas|Energy|Petroleum|Mining|Steel|Motors|Airlines|Airways|Bank|
Resources|Minerals|Metals`);
/** The company words that make a name a company's on their own (not "Bank" of "World Bank", nor "Energy"). */
export const COMPANY_FORMS = set(`Company|Corporation|Corp|Inc|Ltd|LLC|PLC|Plc|plc|Group|Holding|Holdings|Limited|Co|PJSC|JSC|OJSC|CJSC|OAO|
ZAO|PAO|OOO|AG|GmbH|SA|SpA|NV|BV|LLP|AB|ASA|SE|Pvt|Pte|Bhd|Tbk`);

/** Last words of the names of events, which are not organisations: "Frankfurt Book Fair", "G20 Summit". */
export const EVENT_HEADS = set(`Fair|Fairs|Summit|Forum|Conference|Festival|Expo|Exhibition|Games|Olympics|Olympiad|Championship|
Championships|Cup|Marathon|Biennale|Biennial|Awards|Gala|Symposium|Dialogue|Week`);

/** Last words of the names of legal instruments, which are not organisations: "Executive Order No. 12345", "Article 5". */
export const INSTRUMENT_HEADS = set(`Act|Order|Decree|Resolution|Treaty|Accord|Accords|Agreement|Convention|Charter|Protocol|Amendment|
Article|Articles|Directive|Regulation|Memorandum|Statute|Ordinance|Constitution`);

/** Well-known institutions, outlets, services and parties (by the names news gives them) that are names on their own. */
export const ORGS = set(`European Union|EU|Kremlin|Pentagon|Congress|Parliament|Senate|Duma|Knesset|Bundestag|Politburo|NATO|Nato|UN|United Nations|UNESCO|UNICEF|
UNHCR|WHO|IMF|World Bank|OPEC|OSCE|IAEA|Interpol|Europol|Hamas|Hezbollah|Taliban|Wagner|Reuters|AFP|AP|Associated Press|TASS|Tass|
RIA Novosti|Interfax|Xinhua|IANS|BBC|CNN|Al Jazeera|Bloomberg|Telegram|Facebook|Twitter|YouTube|WhatsApp|Instagram|TikTok|Google|Apple|
Microsoft|Amazon|Meta|Gazprom|Rosneft|Rosatom|Roscosmos|FSB|GRU|SVR|KGB|CIA|FBI|NSA|MI6|MI5|Mossad|IRGC|SDF|HTS|ISIS|ISIL|Daesh|Al-Qaeda|
al-Qaeda|al-Qaida|Al-Qaida|Red Cross|Red Crescent|Amnesty International|Human Rights Watch|Greenpeace|White House|Vatican|European Commission|Security Council|
Treasury|Commons|Labour|Conservatives|Tories|Liberal Democrats`);

/** Words that end the name of a place: "Khmeimim Air Base", "Latakia Province", "Alawite Mountains". */
export const PLACE_HEADS = set(`Base|Airbase|Airport|Airfield|Port|Harbour|Harbor|Province|Region|Governorate|Oblast|District|County|
Republic|Kingdom|Emirate|Mountains|Mountain|Hills|Heights|Valley|Desert|Plain|Plateau|Sea|Ocean|Gulf|Bay|Strait|Channel|River|Lake|Island|
Islands|Peninsula|Coast|Beach|Reef|Shoal|Atoll|Lagoon|Delta|Square|Street|Avenue|Road|Bridge|Palace|Tower|Hotel|Hospital|Stadium|Camp|Prison|Crossing|Canal|Park|Village|
City|Town|Capital|Quarter`);

/** Lowercase words after a capitalised name that make it a place: "the Hmeimim air base", "the port of Tartus". */
export const PLACE_DESCRIPTORS = set(`base|airbase|air base|naval base|military base|airfield|military airfield|airport|port|harbour|harbor|
province|region|regions|governorate|city|cities|town|village|district|coast|naval facility|facility|hotel|border|crossing|suburb|
neighbourhood|neighborhood|area|enclave|countryside|capital|strait|valley|mountains|river|desert|dam|mine|oilfield|gas field|industrial park|
basin|delta|plateau|highlands|lagoon|estuary`);

/** Prepositions that often introduce a place: "in Latakia", "from Damascus", "near Moscow". */
export const PLACE_PREPOSITIONS = set(`in|from|to|near|into|across|outside|inside|around|toward|towards|via|at|throughout|over|across`);

/** Titles and roles before a name; they are left out of the span. */
export const TITLES = list(`Secretary of State|Foreign Secretary|Foreign Minister|Defence Minister|Defense Minister|Prime Minister|
Deputy Prime Minister|Vice President|President|Chancellor|Minister|Secretary|Senator|Sen.|Rep.|Representative|Governor|Mayor|Ambassador|
Envoy|Spokesperson|Spokesman|Spokeswoman|General|Gen.|Lt.|Colonel|Col.|Major|Maj.|Captain|Capt.|Admiral|Commander|Sergeant|King|Queen|
Prince|Princess|Sheikh|Emir|Pope|Cardinal|Archbishop|Bishop|Rabbi|Imam|Mr.|Mr|Mrs.|Mrs|Ms.|Ms|Dr.|Dr|Prof.|Professor|Sir|Dame|Lord|
Lady|Judge|Justice|Chief|Director|Chairman|Chairwoman|Chair|Leader|Correspondent|Editor|Reporter|Patriarch|Ayatollah|Crown Prince|
Speaker|Prosecutor|Cabinet Secretary|Coach|Midfielder|Striker|Defender|Goalkeeper|Winger`);

/** Plural nouns of quantity or membership that open a sentence before "of" and a name ("Shares of Corvane rose"). */
export const PART_OF_NOUNS = set(`Shares|Stocks|Bonds|Streams|Sales|Prices|Thousands|Hundreds|Millions|Dozens|Tens|Scores|Members|Residents|
Supporters|Fans|Users|Customers|Employees|Workers|Parts|Units|Officials|Leaders|Representatives|Investors|Holders|Owners|Critics|Opponents`);

/** Lower-case words for a person's role or kin, before their name ("managing director, Suresh Reddy Gaddam"). */
export const PERSON_ROLES = set(`director|founder|cofounder|producer|nurse|doctor|surgeon|niece|nephew|son|daughter|wife|husband|widow|widower|
brother|sister|mother|father|grandson|granddaughter|grandmother|grandfather|cousin|uncle|aunt|spokesman|spokeswoman|spokesperson|analyst|
researcher|historian|economist|lawyer|attorney|curator|activist|resident|farmer|teacher|student|owner|manager|coach|chairman|chairwoman|
executive|official|scientist|professor|author|novelist|artist|painter|singer|rapper|actor|actress|journalist|photographer|priest|pastor|
midwife|colleague|friend|neighbour|neighbor|partner|deputy|adviser|advisor|aide|envoy|mayor|governor|senator|prosecutor|judge|engineer|
fisherman|assistant|campaigner|captain|head|commander|leader|lawmaker|diplomat|officer|soldier|pilot|survivor|witness`);

/** Given names seen across international news; a capitalised word after one is a surname. */
export const GIVEN_NAMES = set(`Abdul|Abdullah|Abu|Adam|Ahmad|Ahmed|Alan|Alex|Alexander|Alexei|Alexey|Ali|Alice|Amir|Ana|Andrei|Andrew|
Andriy|Angela|Anna|Anne|Antonio|Antony|Anthony|Ari|Asma|Ayman|Bashar|Ben|Benjamin|Bernard|Bill|Boris|Charles|Chris|Christopher|Daniel|
David|Dmitry|Dmitri|Donald|Ebrahim|Elena|Elizabeth|Emmanuel|Emma|Fatima|Francis|Frank|Friedrich|Gary|George|Hafez|Hamad|Hassan|Hussein|
Ilham|Ivan|Jake|James|Jane|Javier|Jean|Jens|Jim|Joe|John|Jonathan|Joseph|Josep|Kamala|Karim|Keir|Khalid|Kim|Kirill|Leila|Lloyd|Maria|
Marco|Mark|Martin|Mary|Masoud|Maya|Michael|Mike|Mikhail|Mohamed|Mohammad|Mohammed|Muhammad|Nabil|Nancy|Narendra|Nicolas|Nikolai|Olaf|
Olena|Olga|Omar|Pedro|Peter|Paul|Rami|Recep|Richard|Robert|Rishi|Sam|Samir|Sarah|Sergei|Sergey|Stefan|Stephen|Steve|Tayyip|Thomas|Tony|
Ursula|Valentina|Vasily|Viktor|Vladimir|Volodymyr|William|Xi|Yasser|Yevgeny|Yulia|Yusuf`);

/** Arabic name particles, also joined to the name by a hyphen: "Bashar al-Assad", "Mohammed bin Salman", "Latifa bint Mohammed". */
export const ARABIC_PARTICLES = list(`al|el|ul|bin|bint|ibn|abu`);
/** Regex source of an Arabic particle with its hyphen: "al-", "bin-". */
export const ARABIC_COMPOUND = `(?:${ARABIC_PARTICLES.join('|')})-`;

/** Particles between the parts of a name: the Arabic ones, and "Charles de Gaulle", "Ursula von der Leyen", "Lula da Silva". */
export const PARTICLES = [...ARABIC_PARTICLES, ...list(`de|da|dos|das|van|von|der|den|del|dela|della|di|du|la|le|ter|ten|zu`)];

/** Name particles, also those capitalised at the start of a name part ("Abu Mohammed al-Jolani", "De Gaulle"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([...PARTICLES, 'Al', 'El', 'Abu', 'De']);

/**
 * Speech verbs (PARC's cues): after a bare capitalised word they make it a speaker, hence a person or an organisation
 * ("Lababidi told"); in a claim's sentence they are its cue ("…, the Ministry said"). The syntax colouring of articles
 * (syntaxes/article.tmLanguage.json) lists the same verbs; a unit test keeps the two alike.
 */
export const SPEECH_VERBS = set(`said|says|say|told|tells|added|adds|stated|states|noted|notes|claimed|claims|announced|announces|confirmed|
confirms|wrote|writes|insisted|insists|warned|warns|reported|reports|denied|denies|argued|argues|explained|explains|disclosed|discloses|
revealed|reveals|alleged|alleges|believes|believed`);

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4], ['may', 5],
  ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9], ['sep', 9], ['sept', 9],
  ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/**
 * Capitalised words that start sentences and headlines but are not names. A capitalised word is a name candidate
 * only when it is not one of these (or when it appears capitalised in mid-sentence elsewhere).
 */
/** Acronyms of things that news writes in capitals and that name no organisation. */
export const COMMON_ACRONYMS = set(`AI|IPO|GDP|CEO|CFO|COO|CTO|VAT|ETF|LNG|LPG|DNA|RNA|HIV|AIDS|GPS|SUV|EV|EVs|TV|UAV|UAVs|CPI|PMI|IT|PR|HQ|ID|PDF|URL|FAQ`);

export const COMMON_CAPITALISED = set(`A|An|The|This|That|These|Those|There|Their|They|Them|Then|Than|Thus|Though|Although|Also|And|But|Or|Nor|So|
Yet|If|When|While|Where|Whereas|Which|Who|Whom|Whose|What|Why|How|After|Before|During|Following|Despite|Since|Until|Unless|Because|As|At|
By|For|From|In|Into|On|Of|Off|Over|Under|With|Within|Without|Through|Throughout|Toward|Towards|To|Up|Down|Out|About|Above|Below|Across|
Against|Along|Amid|Among|Around|Behind|Beside|Besides|Between|Beyond|Near|Per|Via|Upon|It|Its|He|She|His|Her|Hers|Him|We|Our|Us|You|Your|
I|Me|My|Mine|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|First|Second|Third|Last|Next|Other|Another|Some|Any|All|Each|Every|Both|
Few|Many|Much|More|Most|Several|Such|No|Not|None|Nothing|Only|Even|Still|Just|Already|Now|Here|Today|Yesterday|Tomorrow|However|
Meanwhile|Moreover|Furthermore|Therefore|Instead|Indeed|Later|Earlier|Recently|Currently|Previously|Finally|According|Asked|Speaking|
Theoretically|Reportedly|Allegedly|Apparently|Despite|Dear|Please|Thank|Thanks|Yes|Is|Are|Was|Were|Be|Been|Being|Has|Have|Had|Do|Does|
Did|Will|Would|Can|Could|May|Might|Must|Shall|Should|Let|Remind|Follow|Join|Read|See|Watch|Open|Latest|Copyright|Breaking|Update|
Updated|Satellite|Rebel|Rebels|Russian|Syrian|Officials|Official|Ministry|Government|Embassy|Sources|Source|Three|Another|Lead|Photo|
Video|Analysis|Opinion|Editorial|Comment|Exclusive|Live|Report|Reports|Statement|News|Your|With|Within|Ahead|Amid|Inside|Outside|
During|Regardless|Whether|Whatever|Perhaps|Maybe|Once|Twice|Again|Together|Including|Excluding|Except|Like|Unlike|Given|Based|
Analysts|Residents|Witnesses|Researchers|Scientists|Experts|Investors|Critics|Prosecutors|Doctors|Diplomats|Activists|Lawmakers|Economists|
Observers|Organizers|Organisers|Protesters|Workers|Traders|Villagers|Locals|Rescuers|Medics|Students|Teachers|Parents|Voters|Fans|Players|
Officers|Soldiers|Troops|Militants|Insurgents|Firefighters|Engineers|Farmers|Participants|Negotiators|Mediators|Survivors|Relatives|
Lawyers|Judges|Ministers|Leaders|Members|Supporters|Opponents|Executives|Employees|Shareholders|Authors|Editors|Reporters|Journalists|
Commentators|Campaigners|Volunteers|Passengers|Patients|Victims|Families|Neighbours|Neighbors|Pilots|Crews|Guards|Inspectors|Regulators`);
