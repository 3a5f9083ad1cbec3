//! The word lists of [`super::RuleExtractor`]: one string per list, entries separated by commas.
//!
//! Lower case unless said otherwise, and short on purpose: a trained tagger replaces them. Strings
//! rather than arrays keep the lists dense (rustfmt would put every array entry on a line of its own).

/// Capitalised only because they open a sentence (or a Reuters table line): never a name.
pub(super) const STOP_WORDS: &str = "\
    a, about, above, according, across, added, after, again, against, all, already, also, \
    although, among, an, and, another, any, are, around, as, asked, at, avg, be, because, been, \
    before, being, below, between, both, but, by, can, cts, could, currently, despite, did, dlrs, \
    do, does, during, each, earlier, either, elsewhere, even, every, except, few, finally, first, \
    for, from, further, furthermore, had, has, have, having, he, hence, her, here, hers, him, his, \
    how, however, i, if, in, indeed, instead, into, is, it, it's, its, just, last, later, like, \
    many, may, meanwhile, might, mln, bln, more, moreover, most, much, must, my, near, neither, \
    net, never, nevertheless, next, no, none, nonetheless, nor, not, note, now, of, off, on, once, \
    one, only, or, other, others, our, over, overall, pct, per, qtr, recently, reuter, revs, said, \
    same, says, second, separately, several, shall, she, should, shr, shrs, similarly, since, so, \
    some, still, such, than, that, the, their, theirs, them, then, there, therefore, these, they, \
    third, this, those, though, through, throughout, thus, to, today, told, tomorrow, tonight, \
    total, under, unless, until, upon, us, via, vs, was, we, were, what, whatever, when, where, \
    whereas, whether, which, while, who, whom, whose, why, will, with, within, without, would, \
    yes, yesterday, yet, you, your, year, oper, qtly, div, mths, prior, pay, record, ended, jr, \
    jr., sr, sr.";

pub(super) const MONTHS: &str = "\
    january, february, march, april, may, june, july, august, september, october, november, \
    december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec";

pub(super) const WEEKDAYS: &str = "\
    monday, tuesday, wednesday, thursday, friday, saturday, sunday, mon, tue, tues, wed, thu, \
    thur, thurs, fri, sat";

pub(super) const CONNECTORS: &str = "\
    of, for, and, on";

pub(super) const PARTICLES: &str = "\
    de, von, van, der, den, du, la, le, del, della, da, dos, das, di, y, bin, al, ter, ten";

pub(super) const ORG_HEADS: &str = "\
    organization, organisation, bank, banks, corp, corp., corporation, inc, inc., co, co., cos, \
    company, companies, ltd, ltd., plc, llc, ag, sa, nv, spa, gmbh, bv, bhd, group, holdings, \
    ministry, council, committee, agency, association, union, party, fund, secretariat, institute, \
    institution, university, college, reserve, commission, exchange, federation, authority, \
    department, administration, board, court, parliament, congress, senate, assembly, treasury, \
    community, office, bureau, service, trust, industries, airlines, airways, motors, brothers, \
    partners, securities, associates, cooperative, co-operative, chamber, foundation, league, \
    army, navy, police, front, movement, laboratories, systems, technologies, communications, \
    international, railways, railroad, consortium, cartel, society, coalition, alliance, tribunal, \
    club, centre, center, network, petroleum, enterprises, investments, banque, groupe, banco, \
    banca, insurance, mining, chemicals, electric, steel, telecom";

/// Organisations named without a head word.
pub(super) const ORG_NAMES: &str = "\
    bundesbank, comecon, fed, pentagon, kremlin, congress, parliament, senate, nasdaq, interpol, \
    reuters, opec, gatt, nato, united nations, european community, common market, politburo, \
    knesset, bundestag, eurostat, white house";

/// Case-sensitive: matched only on tokens written in capitals.
pub(super) const ORG_ACRONYMS: &str = "\
    OPEC, IMF, EC, EEC, GATT, NATO, UN, WHO, SEC, FED, OECD, UNCTAD, ASEAN, COMECON, NYSE, NASD, \
    FDIC, FAO, UNESCO, UNICEF, IEA, EU, ECB, BIS, CFTC, FTC, FCC, FBI, CIA, EPA, FDA, USDA, CBOT, \
    CME, LME, ICO, ICCO, IWC, IBRD, IFC, ADB, EIB, EFTA, OAU, OAS, PLO, ANC, KGB, NASA, WTO, ILO, \
    IAEA, UNHCR, UNDP, WFP, ECOWAS, APEC, IOC, FIFA, UEFA, AFL-CIO, CCC, ITC, NAM";

/// Capitalised titles before a name. Matched lower-cased; also role words in appositions.
pub(super) const TITLES: &str = "\
    president, vice-president, president-elect, chairman, chairwoman, chairperson, co-chairman, \
    vice-chairman, minister, secretary, secretary-general, undersecretary, under-secretary, envoy, \
    ambassador, governor, senator, sen., congressman, congresswoman, representative, rep., mr., \
    mrs., ms., mr, mrs, ms, messrs., dr., dr, prof., professor, king, queen, prince, princess, \
    pope, premier, chancellor, director, director-general, commissioner, mayor, judge, spokesman, \
    spokeswoman, sheikh, emir, sultan, gen., lt., col., adm., gov., sgt., capt., sir, speaker, \
    treasurer, officer, attorney, admiral, colonel, ayatollah, dame, manager, deputy, analyst, \
    investor, economist, staff, affairs";

/// Words that only belong to a title next to one (`Prime Minister`, `Attorney General`).
pub(super) const TITLE_MODIFIERS: &str = "\
    deputy, vice, prime, chief, acting, executive, general, assistant, associate, senior, special, \
    managing, foreign, finance, trade, state, interior, defence, defense, economy, economics, \
    energy, agriculture, oil, health, justice";

/// Lower-case role nouns (in addition to the titles) that mark a person in an apposition.
pub(super) const ROLES: &str = "\
    official, head, founder, manager, executive, aide, adviser, advisor, lawyer, counsel, analyst, \
    economist, strategist, dealer, trader, editor, leader, chief, deputy, delegate, negotiator, \
    consultant, researcher, scientist, expert, owner, author, diplomat, politician, candidate, \
    secretary general, general secretary";

/// Common given names; a two-to-four word run starting with one is a person.
pub(super) const GIVEN_NAMES: &str = "\
    aaron, abdul, abdullah, adam, adrian, ahmed, alan, albert, alberto, alexander, alexei, alfred, \
    alfredo, ali, alice, allan, allen, amy, andre, andrea, andrei, andrew, andy, angela, ann, \
    anna, anne, anthony, antonio, anwar, arnold, arthur, barbara, barry, ben, benjamin, bernard, \
    bill, billy, bob, boris, brian, bruce, bruno, carl, carlo, carlos, carol, catherine, charles, \
    charlie, chris, christian, christine, christopher, claude, clayton, colin, craig, dan, daniel, \
    david, dennis, diana, dick, dmitri, dmitry, donald, douglas, edward, edwin, elizabeth, \
    emmanuel, eric, erich, ernest, eugene, fernando, fidel, francis, francisco, francois, frank, \
    franz, fred, frederick, friedrich, gary, geoffrey, george, georges, gerald, gerhard, giovanni, \
    giulio, giuseppe, gordon, graham, gregory, guido, gunter, hans, harold, harry, hassan, heinz, \
    helen, helmut, henri, henry, herbert, hiroshi, horst, howard, hugh, hussein, ian, igor, ivan, \
    jack, jacques, james, jan, jane, janet, jean, jeff, jeffrey, jerry, jim, jimmy, joan, joe, \
    johann, johannes, john, jonathan, jorge, jose, joseph, juan, judith, julia, julian, jurgen, \
    karl, kathleen, keith, kenneth, kevin, kiichi, klaus, kurt, larry, laura, lawrence, lee, \
    leonard, leonid, linda, louis, luis, manfred, manuel, marcel, margaret, maria, mario, mark, \
    martin, mary, masaru, matthew, maurice, max, michael, michel, michele, miguel, mikhail, \
    mohamed, mohammad, mohammed, muhammad, nancy, nicholas, nigel, nikolai, norman, otto, \
    patricia, patrick, paul, pedro, peter, philip, philippe, pierre, rafael, rajiv, ralph, raul, \
    ray, raymond, ricardo, richard, rilwanu, robert, roberto, robin, roger, ronald, roy, rudolf, \
    russell, ruth, samuel, sarah, satoshi, scott, sergei, sergey, shimon, simon, stanley, stefan, \
    stephen, steve, steven, subroto, susan, takeshi, thomas, timothy, tom, tony, vadim, victor, \
    viktor, vincent, vladimir, walter, wayne, werner, wilfried, william, willy, wolfgang, xavier, \
    yasuhiro, yitzhak, yoshio, yuri, yves";

/// `Russian`, `Japanese`, `Republican`: adjectives, never a person or a place on their own.
pub(super) const DEMONYMS: &str = "\
    african, american, arab, argentine, asian, australian, austrian, belgian, brazilian, british, \
    canadian, chilean, chinese, colombian, cuban, danish, dutch, egyptian, english, european, \
    filipino, finnish, french, german, greek, indian, indonesian, iranian, iraqi, irish, israeli, \
    italian, japanese, jordanian, korean, kuwaiti, libyan, malaysian, mexican, nigerian, \
    norwegian, pakistani, palestinian, peruvian, philippine, polish, portuguese, russian, saudi, \
    scottish, singaporean, soviet, spanish, swedish, swiss, syrian, taiwanese, thai, turkish, \
    ukrainian, venezuelan, vietnamese, western, eastern, northern, southern, republican, \
    republicans, democrat, democrats, democratic, socialist, socialists, communist, communists, \
    conservative, conservatives, liberal, liberals, muslim, islamic, catholic, jewish";

/// Places, as spelt: countries and territories.
pub(super) const PLACES_COUNTRIES: &str = "\
    Afghanistan, Albania, Algeria, Andorra, Angola, Antigua, Argentina, Armenia, Australia, \
    Austria, Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, \
    Bermuda, Bhutan, Bolivia, Bosnia, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burma, \
    Burundi, Cambodia, Cameroon, Canada, Cape Verde, Chad, Chile, China, Colombia, Comoros, Congo, \
    Costa Rica, Croatia, Cuba, Cyprus, Czech Republic, Czechoslovakia, Denmark, Djibouti, \
    Dominica, Dominican Republic, East Germany, Ecuador, Egypt, El Salvador, England, \
    Equatorial Guinea, Eritrea, Estonia, Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia, \
    Germany, Ghana, Gibraltar, Greece, Greenland, Grenada, Guatemala, Guinea, Guyana, Haiti, \
    Honduras, Hong Kong, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, \
    Ivory Coast, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Korea, Kosovo, Kuwait, Kyrgyzstan, \
    Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Macau, \
    Madagascar, Malawi, Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius, Mexico, Moldova, \
    Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Namibia, Nepal, Netherlands, \
    New Zealand, Nicaragua, Niger, Nigeria, North Korea, Northern Ireland, Norway, Oman, Pakistan, \
    Palestine, Panama, Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, \
    Puerto Rico, Qatar, Romania, Russia, Rwanda, Saudi Arabia, Scotland, Senegal, Serbia, \
    Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Somalia, South Africa, South Korea, \
    Soviet Union, Spain, Sri Lanka, Sudan, Suriname, Swaziland, Sweden, Switzerland, Syria, \
    Taiwan, Tajikistan, Tanzania, Thailand, Tibet, Togo, Tonga, Trinidad, Tunisia, Turkey, \
    Turkmenistan, Uganda, Ukraine, United Arab Emirates, United Kingdom, United States, Uruguay, \
    Uzbekistan, Vanuatu, Vatican, Venezuela, Vietnam, Wales, West Germany, Yemen, Yugoslavia, \
    Zaire, Zambia, Zimbabwe";

/// Places, as spelt: cities.
pub(super) const PLACES_CITIES: &str = "\
    Abu Dhabi, Accra, Addis Ababa, Algiers, Amman, Amsterdam, Ankara, Antwerp, Athens, Atlanta, \
    Auckland, Baghdad, Baltimore, Bangkok, Barcelona, Basle, Beijing, Beirut, Belfast, Belgrade, \
    Berlin, Bern, Birmingham, Bogota, Bombay, Bonn, Boston, Brasilia, Brussels, Bucharest, \
    Budapest, Buenos Aires, Cairo, Calcutta, Calgary, Cape Town, Caracas, Casablanca, Chicago, \
    Cincinnati, Cleveland, Cologne, Colombo, Copenhagen, Dakar, Dallas, Damascus, Delhi, Denver, \
    Detroit, Dhaka, Doha, Dubai, Dublin, Dusseldorf, Edinburgh, Frankfurt, Geneva, Glasgow, \
    Guatemala City, Hamburg, Hanoi, Harare, Havana, Helsinki, Ho Chi Minh City, Honolulu, Houston, \
    Islamabad, Istanbul, Jakarta, Jeddah, Jerusalem, Johannesburg, Kabul, Kansas City, Karachi, \
    Kathmandu, Khartoum, Kiev, Kingston, Kinshasa, Kuala Lumpur, Kuwait City, Kyiv, La Paz, Lagos, \
    Leningrad, Lima, Lisbon, Liverpool, London, Los Angeles, Lusaka, Lyon, Madrid, Managua, \
    Manama, Manchester, Manila, Marseille, Melbourne, Mexico City, Miami, Milan, Milwaukee, \
    Minneapolis, Minsk, Montevideo, Montreal, Moscow, Mumbai, Munich, Muscat, Nairobi, Naples, \
    New Delhi, New Orleans, New York, Nicosia, Osaka, Oslo, Ottawa, Panama City, Paris, Peking, \
    Philadelphia, Phnom Penh, Phoenix, Pittsburgh, Prague, Pretoria, Pyongyang, Quito, Rabat, \
    Rangoon, Reykjavik, Rio de Janeiro, Riyadh, Rome, Rotterdam, Saigon, San Diego, San Francisco, \
    San Jose, San Salvador, Santiago, Sao Paulo, Seattle, Seoul, Shanghai, Sofia, St. Louis, \
    St. Petersburg, Stockholm, Stuttgart, Sydney, Taipei, Tashkent, Tehran, Tel Aviv, Tokyo, \
    Toronto, Tripoli, Tunis, Turin, Vancouver, Vienna, Vientiane, Vilnius, Warsaw, Washington, \
    Wellington, Winnipeg, Zagreb, Zurich";

/// Places, as spelt: US states, Canadian provinces, Australian states.
pub(super) const PLACES_STATES: &str = "\
    Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, \
    Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, \
    Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, \
    New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, \
    Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, \
    Virginia, West Virginia, Wisconsin, Wyoming, Alberta, British Columbia, Manitoba, \
    New Brunswick, Newfoundland, Nova Scotia, Ontario, Quebec, Saskatchewan, New South Wales, \
    Queensland, Tasmania, Victoria";

/// Places, as spelt: regions.
pub(super) const PLACES_REGIONS: &str = "\
    Africa, Antarctica, Arctic, Asia, Atlantic, Balkans, Baltic, Bavaria, Caribbean, \
    Central America, Crimea, Eastern Europe, Europe, Far East, Gaza, Kashmir, Latin America, \
    Mediterranean, Middle East, North America, Pacific, Persian Gulf, Scandinavia, Siberia, \
    South America, Southeast Asia, West Bank, Western Europe";

/// Other spellings of a place -> its canonical name, as `alias=canonical`.
pub(super) const PLACE_ALIASES: &str = "\
    U.S.=United States, US=United States, USA=United States, U.S.A.=United States, \
    United States of America=United States, America=United States, Britain=United Kingdom, \
    Great Britain=United Kingdom, U.K.=United Kingdom, UK=United Kingdom, USSR=Soviet Union, \
    U.S.S.R.=Soviet Union, Holland=Netherlands, UAE=United Arab Emirates, \
    U.A.E.=United Arab Emirates, Saint Petersburg=St. Petersburg, Sao Paolo=Sao Paulo, \
    Basel=Basle, Duesseldorf=Dusseldorf, Berne=Bern, New York City=New York, \
    Washington D.C.=Washington";
