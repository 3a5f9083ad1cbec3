//! The word lists the rule pass reads: titles and roles that cue people, words that head
//! organisations, country spellings, and words that are never a name on their own.
//!
//! The rule pass asks "is this token in that list, whatever its case" of many tokens per article;
//! [`lists_of`] answers for every list at once with one hash look-up, not a scan of each list.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The lists [`lists_of`] answers for, one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum List {
    Titles,
    KeptTitles,
    Honorifics,
    Roles,
    OrgHeads,
    LegalForms,
    NotNames,
    Demonyms,
    HeadlineVerbs,
    ShortWords,
    Particles,
    Compass,
    FunctionWords,
    PostNominals,
    EventWords,
    Portfolios,
}

impl List {
    const ALL: [List; 16] = [
        List::Titles,
        List::KeptTitles,
        List::Honorifics,
        List::Roles,
        List::OrgHeads,
        List::LegalForms,
        List::NotNames,
        List::Demonyms,
        List::HeadlineVerbs,
        List::ShortWords,
        List::Particles,
        List::Compass,
        List::FunctionWords,
        List::PostNominals,
        List::EventWords,
        List::Portfolios,
    ];

    fn words(self) -> &'static [&'static str] {
        match self {
            List::Titles => TITLES,
            List::KeptTitles => KEPT_TITLES,
            List::Honorifics => HONORIFICS,
            List::Roles => ROLES,
            List::OrgHeads => ORG_HEADS,
            List::LegalForms => LEGAL_FORMS,
            List::NotNames => NOT_NAMES,
            List::Demonyms => DEMONYMS,
            List::HeadlineVerbs => HEADLINE_VERBS,
            List::ShortWords => SHORT_WORDS,
            List::Particles => PARTICLES,
            List::Compass => COMPASS,
            List::FunctionWords => FUNCTION_WORDS,
            List::PostNominals => POST_NOMINALS,
            List::EventWords => EVENT_WORDS,
            List::Portfolios => PORTFOLIOS,
        }
    }

    /// This list's bit in what [`lists_of`] returns.
    pub(super) fn bit(self) -> u16 {
        1 << self as u8
    }
}

/// No listed word is longer: a longer token is in no list, without a look-up.
const LONGEST: usize = 24;

/// FNV-1a over the key's bytes: the keys are short words, for which SipHash costs more than the
/// rest of the look-up. (Not exposed to untrusted keys: the lists are fixed.)
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type Lexicon = HashMap<Vec<u8>, u16, BuildHasherDefault<Fnv>>;

/// The lists a word is in, as [`List::bit`]s; ASCII case does not matter (`Mr.`, `MR.`, `mr.`).
pub(super) fn lists_of(word: &str) -> u16 {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let lexicon = LEXICON.get_or_init(|| {
        let mut m = Lexicon::default();
        for list in List::ALL {
            for w in list.words() {
                debug_assert!(w.len() <= LONGEST, "{w} is longer than LONGEST");
                *m.entry(w.to_ascii_lowercase().into_bytes()).or_insert(0) |= list.bit();
            }
        }
        m
    });
    let b = word.as_bytes();
    if b.is_empty() || b.len() > LONGEST {
        return 0;
    }
    let mut buf = [0u8; LONGEST];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    lexicon.get(&buf[..b.len()]).copied().unwrap_or(0)
}

/// Titles before a name that make it a person.
pub(super) const TITLES: &[&str] = &[
    "representative",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "president",
    "minister",
    "secretary",
    "secretary-general",
    "chancellor",
    "governor",
    "senator",
    "sen.",
    "rep.",
    "gen.",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "judge",
    "ambassador",
    "envoy",
    "premier",
    "director",
    "professor",
    "prof.",
    "rev.",
    "sheikh",
    "lord",
    "lady",
    "sir",
    "colonel",
    "captain",
    "lieutenant",
    "commissioner",
    "mayor",
    // `Chancellor of the Exchequer Nigel Lawson`, which the tagger made one organisation.
    "exchequer",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
];

/// Titles never trimmed off the start of a name: they are part of it (`Prince Charles`, `Pope John
/// Paul`).
pub(super) const KEPT_TITLES: &[&str] = &[
    "king", "queen", "prince", "princess", "pope", "sheikh", "emperor", "empress",
];

/// Titles that announce a name even when the tagger saw none (`Mr. Smith`).
pub(super) const HONORIFICS: &[&str] = &["mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "sir"];

/// Role nouns of an apposition after a name (`Norov, the SCO's secretary-general,`).
pub(super) const ROLES: &[&str] = &[
    "secretary-general",
    "president",
    "minister",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "director",
    "chief",
    "envoy",
    "ambassador",
    "governor",
    "leader",
    "head",
    "secretary",
    "analyst",
    "economist",
    "official",
    "executive",
    "officer",
    "premier",
    "chancellor",
    "founder",
    "manager",
    "commissioner",
    "vice-president",
    "deputy",
    "mayor",
    "adviser",
    "advisor",
    "chief executive",
    // Sport and entertainment (BBC News: `Chelsea boss Jose Mourinho` had been an organisation).
    "boss",
    "coach",
    "captain",
    "frontman",
];

/// Words that make a name an organisation, never a person (`Shanghai Cooperation Organization`).
pub(super) const ORG_HEADS: &[&str] = &[
    "organization",
    "organisation",
    "bank",
    // (`Banco` and `Bancorp` alone were organisations of 22 Reuters stories each.)
    "banco",
    "bancorp",
    "corp",
    "corp.",
    "inc",
    "inc.",
    "ltd",
    "co",
    "co.",
    "group",
    "council",
    "committee",
    "union",
    "party",
    "ministry",
    "agency",
    "association",
    "fund",
    "company",
    "university",
    "institute",
    "federation",
    "commission",
    "secretariat",
    "office",
    "board",
    "club",
    "administration",
    "department",
    "government",
    "exchange",
    // `Yamaichi International`, `Amnesty International` (the first a person in 16 Reuters stories).
    "international",
];

/// Words an acronym's letters may skip (`Organization of the Petroleum Exporting Countries` is OPEC).
pub(super) const MINOR: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "&",
];

/// Words that never end a name: articles, conjunctions, prepositions, pronouns. The tagger runs a
/// name into the next sentence after an abbreviation's dot (`Light Co. The ...`) and into the rest
/// of an upper-case headline (`U.S. FOR`): 180 story facets of the embedded archive ended so.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "the", "an", "and", "or", "of", "for", "in", "on", "at", "to", "but", "it", "its", "he", "his",
    "she", "her", "they", "we", "this",
];

/// Letters after a name that are not part of it: `Frank Field MP`, `Labour MPs` (the party),
/// `Michael Mansfield QC`. On BBC News 24 story facets ended in `MP`, 22 in `MPs`, 15 in `QC`.
pub(super) const POST_NOMINALS: &[&str] = &["mp", "mps", "mep", "meps", "msp", "msps", "qc"];

/// Government offices a title is `of` (`Secretary of State`, `Chancellor of the Exchequer`): the
/// tagger runs the office and the holder's name into one organisation (`State George Shultz` in 41
/// Reuters stories).
pub(super) const PORTFOLIOS: &[&str] = &[
    "state",
    "treasury",
    "exchequer",
    "defense",
    "defence",
    "commerce",
    "agriculture",
    "energy",
    "labor",
    "interior",
    "justice",
    "transportation",
    "education",
];

/// Firms whose name is a possessive, lower case, the words before the `'s`: their `'s` is part of
/// the name whatever follows it (`rated A-2 by Moody's and AA by Standard and Poor's`, where a
/// possessive's rule would see a noun's owner). The tagger cuts them at the `'s` and often calls
/// the second name of `Standard and Poor's` a place: `Moody` was an organisation of 83 Reuters
/// stories, `Poor` a place of 59, `Standard` an organisation of 60. Names of several words come
/// first: most mentions need only those looked at.
pub(super) const POSSESSIVE_FIRMS: &[&[&str]] = &[
    &["standard", "and", "poor"],
    &["standard", "&", "poor"],
    &["moody"],
    &["mcdonald"],
    &["sotheby"],
    &["christie"],
    &["macy"],
    &["lloyd"],
    &["sainsbury"],
    &["kellogg"],
    &["wendy"],
    &["denny"],
    &["dillard"],
    &["hardee"],
    &["domino"],
    &["harrah"],
];

/// Common nouns that end names of the form `X and Y` (`American Telephone and Telegraph Co`,
/// `General Agreement on Tariffs and Trade`, `Florida Power and Light Co`), lower case: alone, or
/// with a legal form, after `and`, they are no firm of their own.
pub(super) const COMMON_NOUNS: &[&str] = &[
    "telegraph",
    "trade",
    "industry",
    "light",
    "power",
    "gas",
    "electric",
    "water",
    "loan",
    "trust",
    "rubber",
    "steel",
    "chemical",
    "development",
    "technology",
    "tariffs",
];

/// Verbs that follow a firm's name, not a possessive's noun (`Moody's said`, not `IBM's sales`).
/// Past participles used as adjectives (`IBM's proposed merger`) are left out.
pub(super) const VERBS_AFTER_FIRMS: &[&str] = &[
    "said",
    "says",
    "cited",
    "noted",
    "pointed",
    "added",
    "affirmed",
    "confirmed",
    "downgraded",
    "upgraded",
    "lowered",
    "raised",
    "placed",
    "assigned",
    "also",
    "will",
    "would",
    "has",
];

/// Last words of events and of the bodies that run them (`Six Nations`, `Champions League`,
/// `Academy Awards`, `Athens Games`).
pub(super) const EVENT_WORDS: &[&str] = &[
    "league",
    "cup",
    "nations",
    "open",
    "award",
    "awards",
    "games",
    "olympics",
    "prize",
    "festival",
    "championship",
    "championships",
    "trophy",
    "marathon",
    "classic",
];

/// U.S. states, with the abbreviations news agencies write after a city (`Denver, Colo.`, `Austin,
/// Texas`; the dot is a token of its own unless the word has one inside, `N.Y.`). `state_cues` reads
/// both; `finish` renames a place written as an abbreviation (783 story facets of the embedded
/// archive, `Calif` in 112 stories beside `California` in 141). Only a mention already taken for a
/// place is renamed: `Wash`, `Miss`, `Ill` and `Pa` are words and names too.
pub(super) const US_STATES: &[(&str, &[&str])] = &[
    ("Alabama", &["Ala"]),
    ("Alaska", &[]),
    ("Arizona", &["Ariz"]),
    ("Arkansas", &["Ark"]),
    ("California", &["Calif", "Cal"]),
    ("Colorado", &["Colo"]),
    ("Connecticut", &["Conn"]),
    ("Delaware", &["Del"]),
    ("District of Columbia", &["D.C."]),
    ("Florida", &["Fla"]),
    ("Georgia", &["Ga"]),
    ("Hawaii", &[]),
    ("Idaho", &[]),
    ("Illinois", &["Ill"]),
    ("Indiana", &["Ind"]),
    ("Iowa", &[]),
    ("Kansas", &["Kan", "Kans"]),
    ("Kentucky", &["Ky"]),
    ("Louisiana", &["La"]),
    ("Maine", &[]),
    ("Maryland", &["Md"]),
    ("Massachusetts", &["Mass"]),
    ("Michigan", &["Mich"]),
    ("Minnesota", &["Minn"]),
    ("Mississippi", &["Miss"]),
    ("Missouri", &["Mo"]),
    ("Montana", &["Mont"]),
    ("Nebraska", &["Neb", "Nebr"]),
    ("Nevada", &["Nev"]),
    ("New Hampshire", &["N.H."]),
    ("New Jersey", &["N.J."]),
    ("New Mexico", &["N.M."]),
    ("New York", &["N.Y."]),
    ("North Carolina", &["N.C."]),
    ("North Dakota", &["N.D."]),
    ("Ohio", &[]),
    ("Oklahoma", &["Okla"]),
    ("Oregon", &["Ore"]),
    ("Pennsylvania", &["Pa", "Penn"]),
    ("Rhode Island", &["R.I."]),
    ("South Carolina", &["S.C."]),
    ("South Dakota", &["S.D."]),
    ("Tennessee", &["Tenn"]),
    ("Texas", &["Tex"]),
    ("Utah", &[]),
    ("Vermont", &["Vt"]),
    ("Virginia", &["Va"]),
    ("Washington", &["Wash"]),
    ("West Virginia", &["W.Va."]),
    ("Wisconsin", &["Wis", "Wisc"]),
    ("Wyoming", &["Wyo"]),
];

/// Spellings that name one place; the right-hand side is the canonical name.
pub(super) const PLACE_NAMES: &[(&str, &str)] = &[
    // Regions the tagger takes for people or organisations (`Latin America` was a person in 50
    // Reuters stories).
    ("Latin America", "Latin America"),
    ("Middle East", "Middle East"),
    ("Western Europe", "Western Europe"),
    ("Eastern Europe", "Eastern Europe"),
    ("Southeast Asia", "Southeast Asia"),
    ("Third World", "Third World"),
    // A country the tagger takes for an organisation when it borrows or votes (`the
    // Philippines' debt`: an organisation in 33 Reuters stories; `USSR` in 48).
    ("Philippines", "Philippines"),
    ("USSR", "Soviet Union"),
    ("U.S.S.R.", "Soviet Union"),
    ("U.S.", "United States"),
    // Without its last stop (`U.S policy`): 71 times in Reuters, a place in 63 stories.
    ("U.S", "United States"),
    ("US", "United States"),
    ("U.S.A.", "United States"),
    ("USA", "United States"),
    ("United States of America", "United States"),
    ("U.K.", "Britain"),
    ("UK", "Britain"),
    ("United Kingdom", "Britain"),
    ("Great Britain", "Britain"),
    ("U.A.E.", "United Arab Emirates"),
    ("UAE", "United Arab Emirates"),
    ("S.Africa", "South Africa"),
    ("H.K.", "Hong Kong"),
    ("Holland", "Netherlands"),
    ("the Netherlands", "Netherlands"),
];

/// Organisations known by an acronym of four letters or more, which a headline alone may name:
/// there they are kept in capitals and are organisations whatever the tagger said (`-- USDA` at
/// the end of a Reuters headline was the place `Usda` in 76 stories and the organisation in 40;
/// shorter acronyms are kept in capitals anyway). Not `AMEX`, which is two firms.
pub(super) const ORG_ACRONYMS: &[&str] = &[
    "USDA", "OPEC", "GATT", "NATO", "OECD", "FDIC", "FHLBB", "CFTC", "NYSE", "NASD", "NASDAQ",
    "COMEX", "NYMEX", "CBOT", "NASA", "IATA", "ASEAN", "UNCTAD", "LIFFE", "UNESCO", "UNICEF",
];

/// Legal forms that end a company's name (`Corp`, `Inc`).
pub(super) const LEGAL_FORMS: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "co", "co.", "cos", "cos.", "ltd", "ltd.", "plc", "llc",
];

/// Words that are never a name on their own, lower case. A mention made only of these (and single
/// characters) is dropped: the tagger finds them in company and earnings tables, where every line
/// starts with a capital and no sentence ever ends (`Nine mths`, `Shr 12 cts vs 10 cts`), and in
/// company names it splits (`ACME Inc` -> `Inc`). Measured on the embedded archive, the most
/// frequent such "entities" were `Nine` (a person in 514 stories), `O` (an org in 589, from
/// `P and O`), `Corp`, `Co`, `Inc`, `Ltd`, `INC` and the sign-off `Reuter`.
pub(super) const NOT_NAMES: &[&str] = &[
    // Legal forms and company words besides `LEGAL_FORMS`, which are never names alone either.
    "lp",
    "sa",
    "ag",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "bhd",
    "pty",
    "limited",
    "corporation",
    "company",
    "holdings",
    // Numbers.
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "1st",
    "2nd",
    "3rd",
    "4th",
    // Earnings-table words.
    "qtr",
    "loss",
    "profit",
    "mths",
    "mth",
    "shr",
    "shrs",
    "net",
    "revs",
    "avg",
    "oper",
    "vs",
    "dlrs",
    "dlr",
    "mln",
    "pct",
    "cts",
    // Reuters' sign-off.
    "reuter",
    // Month abbreviations, and verbs of title-case headlines (`Acme Sets 4th Qtr Dividend`, `Fed
    // Says ...`): on 100,000 synthetic stories, `Qtr Loss` was a person in 1,044, `Sets` an
    // organisation in 1,097.
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "says",
    "said",
    "sets",
    "sees",
    "plans",
    "raises",
    "cuts",
    "buys",
    "sells",
    "rise",
    "rises",
    "fall",
    "falls",
    "seeks",
    "gets",
    "lifts",
    "lowers",
    // Things news writes with a capital or in capitals that are no one's name (BBC News: `Christmas`
    // a person in 65 stories, `Oscar` in 54, `PC` an organisation in 80).
    "christmas",
    "easter",
    // Securities, which the tagger takes for people or firms when capitalised (`Canada Savings
    // Bonds`: `Bonds` a person in 16 Reuters stories, `Treasuries` an organisation in 29), and
    // company words alone (`Cie` a person in 12, `Partners` in 7).
    "bonds",
    "treasuries",
    "debentures",
    "savings",
    "cie",
    "partners",
    // Contractions (`I'm` an organisation in 11 BBC stories, from headlines such as `I'm A
    // Celebrity`), and `Born`, which starts many a profile's sentence (a place in 12).
    "i'm",
    "'m",
    "i've",
    "'ve",
    "i'll",
    "'ll",
    "i'd",
    "'d",
    "'re",
    "born",
    "oscar",
    "oscars",
    "tv",
    "pc",
    "pcs",
    "dvd",
    "dvds",
    "cd",
    "cds",
    "internet",
    "web",
    // Also BBC News: `ID` (of `ID cards`) an organisation in 22 stories, `Tory` (of `Tory leader`,
    // a party adjective as nationality words are) a person in 22. (`MP` alone, an organisation in
    // 25, is a post-nominal: `POST_NOMINALS`.)
    "id",
    "tory",
    // Economic measures, rates, terms and times that Reuters writes in capitals (`GNP` an
    // organisation in 60 stories, `M3` a place in 15, `WTI` (a crude grade) an organisation in
    // 12), share classes (`Class A` an organisation in 44), and Roman numerals (`Phase II`), which
    // are names only inside a longer one (`Henry VIII`).
    "class",
    "gnp",
    "gdp",
    "m1",
    "m2",
    "m3",
    "psbr",
    "sdr",
    "sdrs",
    "lifo",
    "fifo",
    "cif",
    "fob",
    "est",
    "edt",
    "gmt",
    "wti",
    "lpg",
    "lng",
    "esop",
    "pik",
    "ii",
    "iii",
    "iv",
    "vi",
    "vii",
    "viii",
    // Currencies, which headlines capitalise (`DOLLAR FALLS AGAINST MARK`: `Mark` a person in 29
    // Reuters stories), and a company word the tagger cuts off `General Electric` in headlines
    // (`Electric` a person in 40).
    "mark",
    "marks",
    "yen",
    "dollar",
    "dollars",
    "sterling",
    "franc",
    "francs",
    "lira",
    "guilder",
    "guilders",
    "peseta",
    "pesetas",
    "electric",
];

/// Nationality words: the tagger calls `Kuwaiti` (of `Kuwaiti oil tankers`) a person in 36 Reuters
/// stories. Alone, they name no one: CoNLL tags them MISC, which is not a facet. (In a longer name
/// they stay: `Saudi Arabia`, `British Airways`.)
pub(super) const DEMONYMS: &[&str] = &[
    "afghan",
    "albanian",
    "algerian",
    "american",
    "americans",
    "angolan",
    "arab",
    "arabs",
    "arabian",
    "argentine",
    "argentinian",
    "armenian",
    "australian",
    "austrian",
    "bahraini",
    "bangladeshi",
    "belgian",
    "bolivian",
    "brazilian",
    "british",
    "bulgarian",
    "burmese",
    "cambodian",
    "canadian",
    "chilean",
    "chinese",
    "colombian",
    "congolese",
    "cuban",
    "cypriot",
    "czech",
    "czechoslovak",
    "danish",
    "dutch",
    "ecuadorean",
    "ecuadorian",
    "egyptian",
    "emirati",
    "ethiopian",
    "european",
    "europeans",
    "filipino",
    "finnish",
    "french",
    "gabonese",
    "german",
    "ghanaian",
    "greek",
    "guatemalan",
    "honduran",
    "hungarian",
    "icelandic",
    "indian",
    "indonesian",
    "iranian",
    "iranians",
    "iraqi",
    "iraqis",
    "irish",
    "israeli",
    "israelis",
    "italian",
    "ivorian",
    "jamaican",
    "japanese",
    "jordanian",
    "kenyan",
    "korean",
    "kuwaiti",
    "kuwaitis",
    "lebanese",
    "liberian",
    "libyan",
    "malaysian",
    "maltese",
    "mexican",
    "moroccan",
    "mozambican",
    "namibian",
    "nepalese",
    "nicaraguan",
    "nigerian",
    "norwegian",
    "omani",
    "pakistani",
    "palestinian",
    "palestinians",
    "panamanian",
    "paraguayan",
    "peruvian",
    "polish",
    "portuguese",
    "qatari",
    "romanian",
    "russian",
    "russians",
    "salvadorean",
    "saudi",
    "saudis",
    "scandinavian",
    "senegalese",
    "singaporean",
    "somali",
    "soviet",
    "soviets",
    "spanish",
    "sudanese",
    "swedish",
    "swiss",
    "syrian",
    "taiwanese",
    "tanzanian",
    "thai",
    "tunisian",
    "turkish",
    "ugandan",
    "ukrainian",
    "uruguayan",
    "venezuelan",
    "vietnamese",
    "yemeni",
    "yugoslav",
    "zairean",
    "zambian",
    "zimbabwean",
];

/// Words a headline puts right after its subject, upper case like the name before them: verbs,
/// and `TO`, `MAY`, `WILL`, `UNIT`. The tagger runs them into the name (`FED SAYS` -> `FED Says`,
/// `BANK OF JAPAN INTERVENES`). In a headline, a name does not end in one of these. (On the
/// embedded archive, `FED Says` was an organisation of 48 stories.)
pub(super) const HEADLINE_VERBS: &[&str] = &[
    "says",
    "say",
    "said",
    "sees",
    "see",
    "sets",
    "cuts",
    "raises",
    "lowers",
    "hikes",
    "ups",
    "names",
    "completes",
    "intervenes",
    "changes",
    "issues",
    "buys",
    "sells",
    "plans",
    "reports",
    "expects",
    "agrees",
    "acquires",
    "wins",
    "seeks",
    "urges",
    "warns",
    "asks",
    "calls",
    "denies",
    "rejects",
    "approves",
    "offers",
    "files",
    "ends",
    "extends",
    "lifts",
    "boosts",
    "adds",
    "posts",
    "declares",
    "omits",
    "forecasts",
    "predicts",
    "confirms",
    "signs",
    "launches",
    "considers",
    "proposes",
    "announces",
    "votes",
    "backs",
    "favors",
    "favours",
    "opposes",
    "drains",
    "injects",
    "supplies",
    "to",
    "may",
    "will",
    "unit",
];

/// Words of three letters or fewer that a headline writes in capitals as ordinary words, not as
/// acronyms: title-cased when a headline name is recased (`NEW YORK` -> `New York`, `FED` -> `Fed`,
/// `XYZ CO` -> `XYZ Co`). Other short words stay as written (`IBM`, `TWA`, `EC`).
pub(super) const SHORT_WORDS: &[&str] = &[
    "new", "fed", "air", "oil", "gas", "big", "sea", "bay", "sun", "day", "one", "two", "top",
    "old", "red", "net", "war", "law", "art", "car", "man", "far", "key", "jim", "tom", "bob",
    "joe", "tim", "dan", "ray", "roy", "ann", "sam", "ben", "ted", "don", "ron", "ken", "san",
    "los", "las", "st", "mt", "fe", "co", "inc", "ltd", "plc", "cos", "bhd",
];

/// Particles a name writes in lower case after its first word (`Bank of Japan`, `Chase Manhattan
/// Bank of New York`): a headline's capitals are undone to these (first: `De Laurentiis`).
pub(super) const PARTICLES: &[&str] = &[
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "von", "van", "der", "den", "di",
    "da", "del", "on", "in", "at", "y",
];

/// Compass words: part of names (`West Germany`, `North Sea`), never a name alone nor with only a
/// nationality (`North American`, a person of 20 stories); with a legal form, a firm (`Southern Co`).
pub(super) const COMPASS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
];
