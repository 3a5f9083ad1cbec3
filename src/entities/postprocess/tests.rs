//! The rule pass on small hand-written texts, with the tagger's output given by hand: these pin the
//! rules, whatever a retrained model does.
use super::*;
use crate::entities::{collect, Entity, EntityKind};

/// Tokenises `text` and tags the tokens listed in `tagged` (surface, tag), the rest `O`. A name of
/// several tokens is given token by token, `B-` then `I-`.
fn run(text: &str, tagged: &[(&str, &str)]) -> Vec<Entity> {
    let mut tokens = Tokens::default();
    tokens.fill(text);
    let mut tags = vec![Tag::O; tokens.tokens.len()];
    let mut from = 0;
    for &(word, tag) in tagged {
        let i = (from..tokens.tokens.len())
            .find(|&i| tokens.tokens[i].as_str(text) == word)
            .unwrap_or_else(|| panic!("no token {word:?} after token {from}"));
        tags[i] = Tag::parse(tag).unwrap();
        from = i + 1;
    }
    collect(text, spans(text, &tokens, &tags))
}

fn names(es: &[Entity]) -> Vec<(EntityKind, &str, Vec<&str>)> {
    es.iter()
        .map(|e| {
            (
                e.kind,
                e.name.as_str(),
                e.aliases.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn acronym_after_possessive_long_name() {
    let text = "Talks opened at the Baltic Trade Council's (BTC) office. Later the BTC said no.";
    let es = run(
        text,
        &[
            ("Baltic", "B-ORG"),
            ("Trade", "I-ORG"),
            ("Council", "I-ORG"),
            ("BTC", "B-ORG"),
        ],
    );
    // The second `BTC` was not tagged: it is added, as an alias of the long name.
    assert_eq!(
        names(&es),
        vec![(EntityKind::Org, "Baltic Trade Council", vec!["BTC"])]
    );
    assert_eq!(es[0].mentions, 3);
}

#[test]
fn acronym_needs_matching_initials() {
    let text = "The Baltic Trade Council (XYZ) met.";
    let es = run(
        text,
        &[
            ("Baltic", "B-ORG"),
            ("Trade", "I-ORG"),
            ("Council", "I-ORG"),
            ("XYZ", "B-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Baltic Trade Council", vec![]),
            (EntityKind::Org, "XYZ", vec![])
        ]
    );
    // Minor words may be skipped: `Bank of Ruritania (BR)`, but also `(BOR)`.
    let es = run(
        "The Bank of Ruritania (BOR) cut rates.",
        &[
            ("Bank", "B-ORG"),
            ("of", "I-ORG"),
            ("Ruritania", "I-ORG"),
            ("BOR", "B-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Org, "Bank of Ruritania", vec!["BOR"])]
    );
}

#[test]
fn leading_the_and_trailing_possessive_are_dropped() {
    let text = "The Ruritanian Grain Board's harvest fell.";
    let es = run(
        text,
        &[
            ("The", "B-ORG"),
            ("Ruritanian", "I-ORG"),
            ("Grain", "I-ORG"),
            ("Board", "I-ORG"),
            ("'s", "I-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Org, "Ruritanian Grain Board", vec![])]
    );
}

#[test]
fn short_form_resolves_to_the_full_name() {
    // The tagger called the lone surname an organisation: the full name met earlier wins.
    let text = "Tomas Veldkamp arrived on Monday. Veldkamp said little, and Veldkamp left.";
    let es = run(
        text,
        &[
            ("Tomas", "B-PER"),
            ("Veldkamp", "I-PER"),
            ("Veldkamp", "B-ORG"),
            ("Veldkamp", "B-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Person, "Tomas Veldkamp", vec!["Veldkamp"])]
    );
    assert_eq!(es[0].mentions, 3);
}

#[test]
fn titles_cue_people() {
    let text =
        "President Ola Brandt met Mr. Kuusk. Hanna Lind, the bank's chief economist, agreed.";
    let es = run(
        text,
        &[
            ("Ola", "B-ORG"),
            ("Brandt", "I-ORG"),
            ("Hanna", "B-LOC"),
            ("Lind", "I-LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Person, "Ola Brandt", vec![]),
            (EntityKind::Person, "Kuusk", vec![]),
            (EntityKind::Person, "Hanna Lind", vec![]),
        ]
    );
}

#[test]
fn one_label_per_string() {
    let text = "Aldmoor beat Kestrel. Fans of Aldmoor cheered, and Aldmoor fans sang.";
    let es = run(
        text,
        &[
            ("Aldmoor", "B-ORG"),
            ("Kestrel", "B-ORG"),
            ("Aldmoor", "B-LOC"),
            ("Aldmoor", "B-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Aldmoor", vec![]),
            (EntityKind::Org, "Kestrel", vec![])
        ]
    );
    assert_eq!(es[0].mentions, 3);
}

#[test]
fn headline_names_take_the_body_spelling() {
    let text = "VELDKAMP QUITS AS TALKS FAIL\n\nTomas Veldkamp, the minister, quit.";
    let es = run(
        text,
        &[
            ("VELDKAMP", "B-PER"),
            ("Tomas", "B-PER"),
            ("Veldkamp", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Person, "Tomas Veldkamp", vec!["VELDKAMP"])]
    );
}

#[test]
fn table_words_legal_forms_and_letters_alone_are_not_names() {
    let text = "Nine mths\nShr 1.20 dlrs vs 1.10 dlrs\nThe unit of Acme Inc and P and O rose.";
    let es = run(
        text,
        &[
            ("Nine", "B-PER"),
            ("mths", "I-PER"),
            ("Inc", "B-ORG"),
            ("O", "B-ORG"),
        ],
    );
    assert_eq!(names(&es), vec![]);
    // A person of initials only.
    let es = run("E.F. Hutton said so.", &[("E.F.", "B-PER")]);
    assert_eq!(names(&es), vec![]);
    // A title-case headline's verbs, ordinals and months.
    let es = run(
        "Acme Sets 4th Qtr Loss Jan 5",
        &[
            ("Sets", "B-ORG"),
            ("4th", "B-ORG"),
            ("Qtr", "B-PER"),
            ("Loss", "I-PER"),
            ("Jan", "B-PER"),
        ],
    );
    assert_eq!(names(&es), vec![]);
    // Words of British politics: a member, a card, a party adjective; a party's name stays.
    let es = run(
        "The MP said ID cards split the Tory Party and Tory voters.",
        &[
            ("MP", "B-ORG"),
            ("ID", "B-ORG"),
            ("Tory", "B-ORG"),
            ("Party", "I-ORG"),
            ("Tory", "B-PER"),
        ],
    );
    assert_eq!(names(&es), vec![(EntityKind::Org, "Tory Party", vec![])]);
    // A legal form inside a name is part of it.
    let es = run("Acme Inc rose.", &[("Acme", "B-ORG"), ("Inc", "I-ORG")]);
    assert_eq!(names(&es), vec![(EntityKind::Org, "Acme Inc", vec![])]);
}

#[test]
fn a_one_word_org_stands_for_the_longer_name_it_starts() {
    // Also when the short form is possessive before a verb, which alone would keep its `'s`.
    for later in ["Moody said", "Moody's said"] {
        let text = format!("Moody's Investors Service Inc cut the rating. {later} it was risky.");
        let es = run(
            &text,
            &[
                ("Moody", "B-ORG"),
                ("'s", "I-ORG"),
                ("Investors", "I-ORG"),
                ("Service", "I-ORG"),
                ("Inc", "I-ORG"),
                ("Moody", "B-ORG"),
            ],
        );
        assert_eq!(
            names(&es),
            vec![(
                EntityKind::Org,
                "Moody's Investors Service Inc",
                vec!["Moody"]
            )],
            "{later}"
        );
    }
}

#[test]
fn a_one_word_person_that_starts_a_companys_name_is_that_company() {
    let text = "Chrysler Corp said sales rose. Chrysler said it would hire.";
    let es = run(
        text,
        &[
            ("Chrysler", "B-ORG"),
            ("Corp", "I-ORG"),
            ("Chrysler", "B-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Org, "Chrysler Corp", vec!["Chrysler"])]
    );
    // Not a person a title names: `Mr. Ford` stays a person beside `Ford Motor Co`.
    let text = "Ford Motor Co rose. Mr. Ford said so.";
    let es = run(
        text,
        &[
            ("Ford", "B-ORG"),
            ("Motor", "I-ORG"),
            ("Co", "I-ORG"),
            ("Ford", "B-PER"),
        ],
    );
    assert!(es
        .iter()
        .any(|e| e.kind == EntityKind::Person && e.name == "Ford"));
}

#[test]
fn a_headline_org_does_not_swallow_a_body_name() {
    let text = "LAWSON CALLS INTERVENTION\n\nLawson said sterling was steady.";
    let es = run(
        text,
        &[
            ("LAWSON", "B-ORG"),
            ("CALLS", "I-ORG"),
            ("INTERVENTION", "I-ORG"),
            ("Lawson", "B-ORG"),
        ],
    );
    let lawson = es.iter().find(|e| e.name == "Lawson").expect("Lawson kept");
    assert!(lawson.aliases.is_empty());
    assert_eq!(es.len(), 2);
}

#[test]
fn company_names_are_not_people() {
    let es = run(
        "Chrysler Corp said sales rose.",
        &[("Chrysler", "B-PER"), ("Corp", "I-PER")],
    );
    assert_eq!(names(&es), vec![(EntityKind::Org, "Chrysler Corp", vec![])]);
    // A person the tagger ran into an organisation stays a person (only the last word counts), and
    // the title between them cuts them apart.
    let es = run(
        "Central Bank President Wim Duisenberg spoke.",
        &[
            ("Central", "B-PER"),
            ("Bank", "I-PER"),
            ("President", "I-PER"),
            ("Wim", "I-PER"),
            ("Duisenberg", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Central Bank", vec![]),
            (EntityKind::Person, "Wim Duisenberg", vec![]),
        ]
    );
}

#[test]
fn a_title_inside_a_name_cuts_it_into_an_organisation_and_a_person() {
    let text = "U.S. Trade Representative Clayton Yeutter, Federal Reserve Board Vice Chairman \
                Manuel Johnson, Defense Secretary Caspar Weinberger, IMF Managing Director Michel \
                Camdessus and the EC Executive Commission met, said the Official Bulletin.";
    let tag = |words: &[&'static str], ty: &str| -> Vec<(&'static str, String)> {
        words
            .iter()
            .enumerate()
            .map(|(k, w)| (*w, format!("{}-{ty}", if k == 0 { "B" } else { "I" })))
            .collect()
    };
    let mut tagged = Vec::new();
    tagged.extend(tag(
        &["U.S.", "Trade", "Representative", "Clayton", "Yeutter"],
        "ORG",
    ));
    tagged.extend(tag(
        &[
            "Federal", "Reserve", "Board", "Vice", "Chairman", "Manuel", "Johnson",
        ],
        "ORG",
    ));
    tagged.extend(tag(
        &["Defense", "Secretary", "Caspar", "Weinberger"],
        "PER",
    ));
    tagged.extend(tag(
        &["IMF", "Managing", "Director", "Michel", "Camdessus"],
        "ORG",
    ));
    tagged.extend(tag(&["EC", "Executive", "Commission"], "ORG"));
    tagged.extend(tag(&["Official", "Bulletin"], "ORG"));
    let tagged: Vec<(&str, &str)> = tagged.iter().map(|(w, t)| (*w, t.as_str())).collect();
    let es = run(text, &tagged);
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Place, "United States", vec!["U.S."]),
            (EntityKind::Person, "Clayton Yeutter", vec![]),
            (EntityKind::Org, "Federal Reserve Board", vec![]),
            (EntityKind::Person, "Manuel Johnson", vec![]),
            (EntityKind::Person, "Caspar Weinberger", vec![]),
            (EntityKind::Org, "IMF", vec![]),
            (EntityKind::Person, "Michel Camdessus", vec![]),
            (EntityKind::Org, "EC Executive Commission", vec![]),
            (EntityKind::Org, "Official Bulletin", vec![]),
        ]
    );
}

#[test]
fn a_sports_role_inside_a_name_cuts_it_too() {
    let text = "Chelsea boss Jose Mourinho praised the side.";
    let tagged = [
        ("Chelsea", "B-ORG"),
        ("boss", "I-ORG"),
        ("Jose", "I-ORG"),
        ("Mourinho", "I-ORG"),
    ];
    // `Chelsea` has no head word to show it is an organisation: it goes, as `Defense` does.
    assert_eq!(
        names(&run(text, &tagged)),
        vec![(EntityKind::Person, "Jose Mourinho", vec![])]
    );
}

#[test]
fn a_leading_title_is_not_part_of_a_persons_name() {
    let es = run(
        "Representative Clayton Yeutter said so.",
        &[
            ("Representative", "B-PER"),
            ("Clayton", "I-PER"),
            ("Yeutter", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Person, "Clayton Yeutter", vec![])]
    );
    // A royal title is part of the name.
    let es = run(
        "Prince Charles visited.",
        &[("Prince", "B-PER"), ("Charles", "I-PER")],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Person, "Prince Charles", vec![])]
    );
}

#[test]
fn country_spellings_are_places_whatever_the_tag() {
    let es = run(
        "The U.K. money market had a shortage.",
        &[("U.K.", "B-ORG")],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Place, "Britain", vec!["U.K."])]
    );
}

#[test]
fn a_firm_named_after_two_people_is_one_organisation_however_tagged() {
    // As the tagger really tags it: three pieces, or the first name left out.
    for tagged in [
        &[("Standard", "B-ORG"), ("Poor", "B-ORG"), ("Corp.", "B-ORG")][..],
        &[("Poor", "B-ORG"), ("'s", "I-ORG"), ("Corp.", "I-ORG")][..],
    ] {
        let es = run("Standard and Poor's Corp. rates them AA.", tagged);
        assert_eq!(
            names(&es),
            vec![(EntityKind::Org, "Standard and Poor's Corp", vec![])]
        );
    }
}

#[test]
fn a_firm_named_after_two_people_is_one_organisation() {
    let text = "Standard and Poor's Corp cut the rating. Ford and General Motors Corp rose.";
    let es = run(
        text,
        &[
            ("Standard", "B-ORG"),
            ("Poor", "B-ORG"),
            ("'s", "I-ORG"),
            ("Corp", "I-ORG"),
            ("Ford", "B-ORG"),
            ("General", "B-ORG"),
            ("Motors", "I-ORG"),
            ("Corp", "I-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Standard and Poor's Corp", vec![]),
            (EntityKind::Org, "Ford", vec![]),
            (EntityKind::Org, "General Motors Corp", vec![]),
        ]
    );
}

#[test]
fn word_lists_answer_whatever_the_case() {
    use super::lists::*;
    for (list, words) in [
        (List::Titles, TITLES),
        (List::KeptTitles, KEPT_TITLES),
        (List::Honorifics, HONORIFICS),
        (List::Roles, ROLES),
        (List::OrgHeads, ORG_HEADS),
        (List::LegalForms, LEGAL_FORMS),
        (List::NotNames, NOT_NAMES),
        (List::Demonyms, DEMONYMS),
        (List::HeadlineVerbs, HEADLINE_VERBS),
        (List::ShortWords, SHORT_WORDS),
        (List::Particles, PARTICLES),
        (List::Compass, COMPASS),
    ] {
        for w in words {
            for form in [
                w.to_string(),
                w.to_ascii_uppercase(),
                w.to_ascii_lowercase(),
            ] {
                assert!(lists_of(&form) & list.bit() != 0, "{form} in {list:?}");
            }
        }
    }
    assert_eq!(lists_of("Norov"), 0);
    assert_eq!(lists_of(""), 0);
    assert_eq!(lists_of(&"x".repeat(100)), 0);
    assert!(lists_of("Corp") & List::LegalForms.bit() != 0);
    assert!(lists_of("Corp") & List::Titles.bit() == 0);
}

/// The byte test that spares most words a look-up lets every honorific through.
#[test]
fn every_honorific_passes_the_byte_test() {
    use super::cues::may_be_honorific;
    use super::lists::HONORIFICS;
    for w in HONORIFICS {
        for form in [w.to_string(), w.to_ascii_uppercase()] {
            assert!(may_be_honorific(form.as_bytes()), "{form}");
        }
    }
    assert!(!may_be_honorific(b"said"));
    assert!(!may_be_honorific(b"M"));
}

#[test]
fn names_before_and_co_are_a_firm() {
    let text =
        "Smith Barney, Harris Upham and Co Inc led the issue. Merrill Lynch and Co said so. \
                Smith Barney also bid. Paul Volcker and Peter Smith spoke.";
    let es = run(
        text,
        &[
            ("Smith", "B-PER"),
            ("Barney", "I-PER"),
            ("Harris", "B-PER"),
            ("Upham", "I-PER"),
            ("Co", "B-ORG"),
            ("Inc", "I-ORG"),
            ("Merrill", "B-PER"),
            ("Lynch", "I-PER"),
            ("Smith", "B-PER"),
            ("Barney", "I-PER"),
            ("Paul", "B-PER"),
            ("Volcker", "I-PER"),
            ("Peter", "B-PER"),
            ("Smith", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (
                EntityKind::Org,
                "Smith Barney, Harris Upham and Co Inc",
                vec!["Smith Barney"]
            ),
            (EntityKind::Org, "Merrill Lynch and Co", vec![]),
            (EntityKind::Person, "Paul Volcker", vec![]),
            (EntityKind::Person, "Peter Smith", vec![]),
        ]
    );
}

#[test]
fn a_name_that_starts_a_firms_name_is_the_firm() {
    let text = "E.F. Hutton Group Inc named a president. Hutton said E.F. Hutton would grow. \
                Mr. Hutton declined to comment.";
    let es = run(
        text,
        &[
            ("E.F.", "B-ORG"),
            ("Hutton", "I-ORG"),
            ("Group", "I-ORG"),
            ("Inc", "I-ORG"),
            ("E.F.", "B-PER"),
            ("Hutton", "I-PER"),
        ],
    );
    let got = names(&es);
    assert_eq!(
        got[0],
        (
            EntityKind::Org,
            "E.F. Hutton Group Inc",
            vec!["E.F. Hutton"]
        )
    );
    // A title cues a person whatever the firm is called.
    assert!(
        got.contains(&(EntityKind::Person, "Hutton", vec![])),
        "{got:?}"
    );
}

#[test]
fn punctuation_at_either_end_is_not_part_of_a_name() {
    let text = "Talks with Chrysler <C> and \"Peter Smith\" ended.";
    let es = run(
        text,
        &[
            ("Chrysler", "B-PER"),
            ("<", "I-PER"),
            ("\"", "B-PER"),
            ("Peter", "I-PER"),
            ("Smith", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Person, "Chrysler", vec![]),
            (EntityKind::Person, "Peter Smith", vec![]),
        ]
    );
}

#[test]
fn a_name_never_ends_in_a_function_word() {
    let text = "Arkansas Power and Light Co. The utility said so.\n\nU.S. FOR TALKS\n\n\
                Talks with Peter Smith and Bank of England ended.";
    let es = run(
        text,
        &[
            ("Arkansas", "B-ORG"),
            ("Power", "I-ORG"),
            ("and", "I-ORG"),
            ("Light", "I-ORG"),
            ("Co.", "I-ORG"),
            ("The", "I-ORG"),
            ("U.S.", "B-LOC"),
            ("FOR", "I-LOC"),
            ("Peter", "B-PER"),
            ("Smith", "I-PER"),
            ("and", "I-PER"),
            ("Bank", "B-ORG"),
            ("of", "I-ORG"),
            ("England", "I-ORG"),
        ],
    );
    // Inside a name the same words stay (`Power and Light`, `Bank of England`).
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Arkansas Power and Light Co", vec![]),
            (EntityKind::Place, "United States", vec!["U.S."]),
            (EntityKind::Person, "Peter Smith", vec![]),
            (EntityKind::Org, "Bank of England", vec![]),
        ]
    );
}

#[test]
fn letters_after_a_name_are_not_part_of_it() {
    let text = "Labour MPs and Frank Field MP met Michael Mansfield QC.";
    let es = run(
        text,
        &[
            ("Labour", "B-ORG"),
            ("MPs", "I-ORG"),
            ("Frank", "B-PER"),
            ("Field", "I-PER"),
            ("MP", "I-PER"),
            ("Michael", "B-PER"),
            ("Mansfield", "I-PER"),
            ("QC", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Labour", vec![]),
            (EntityKind::Person, "Frank Field", vec![]),
            (EntityKind::Person, "Michael Mansfield", vec![]),
        ]
    );
}

#[test]
fn a_name_before_a_us_state_is_a_place() {
    let text =
        "Flights from Denver, Colo., and Albany, New York, said Jim Wright, Texas Democrat, \
                and Acme Corp, Calif.";
    let es = run(
        text,
        &[
            ("Denver", "B-PER"),
            ("Albany", "B-ORG"),
            ("Jim", "B-PER"),
            ("Wright", "I-PER"),
            ("Acme", "B-ORG"),
            ("Corp", "I-ORG"),
        ],
    );
    // Not a name the state is followed by more words (`Texas Democrat`), nor a company.
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Place, "Denver", vec![]),
            (EntityKind::Place, "Albany", vec![]),
            (EntityKind::Person, "Jim Wright", vec![]),
            (EntityKind::Org, "Acme Corp", vec![]),
        ]
    );
}

#[test]
fn events_and_the_bodies_that_run_them_are_no_person_or_place() {
    let text =
        "Six Nations rivals met at the United Nations before the Athens Games, said Nations.";
    let es = run(
        text,
        &[
            ("Six", "B-PER"),
            ("Nations", "I-PER"),
            ("United", "B-LOC"),
            ("Nations", "I-LOC"),
            ("Athens", "B-LOC"),
            ("Games", "I-LOC"),
            ("Nations", "B-PER"),
        ],
    );
    // One word alone is left as tagged: only a longer name shows what it is.
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Six Nations", vec![]),
            (EntityKind::Org, "United Nations", vec![]),
            (EntityKind::Org, "Athens Games", vec![]),
            (EntityKind::Person, "Nations", vec![]),
        ]
    );
}

#[test]
fn nationalities_and_regions_are_no_one() {
    let text =
        "KUWAITI OIL MINISTER SAYS OPEC WILL MEET\n\nKuwaiti Oil Minister Ali Khalifa spoke. \
                Debt in Latin America rose, said Smith. North American sales fell at Southern Co on Monday.";
    let es = run(
        text,
        &[
            ("KUWAITI", "B-PER"),
            ("Kuwaiti", "B-PER"),
            ("Ali", "B-PER"),
            ("Khalifa", "I-PER"),
            ("Latin", "B-PER"),
            ("America", "I-PER"),
            ("Smith", "B-PER"),
            ("North", "B-PER"),
            ("American", "I-PER"),
            ("Southern", "B-ORG"),
            ("Co", "I-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Person, "Ali Khalifa", vec![]),
            (EntityKind::Place, "Latin America", vec![]),
            (EntityKind::Person, "Smith", vec![]),
            (EntityKind::Org, "Southern Co", vec![]),
        ]
    );
}

#[test]
fn currencies_alone_are_no_one() {
    let text = "DOLLAR FALLS AGAINST MARK\n\nThe dollar fell against the mark, Mark Smith said.";
    let es = run(
        text,
        &[
            ("DOLLAR", "B-ORG"),
            ("MARK", "B-PER"),
            ("Mark", "B-PER"),
            ("Smith", "I-PER"),
        ],
    );
    assert_eq!(names(&es), vec![(EntityKind::Person, "Mark Smith", vec![])]);
}

#[test]
fn a_ticker_and_the_headline_after_it_are_not_part_of_a_name() {
    let text = "TEXACO <TX> SAYS IT WILL APPEAL\n\nXYZ CORP <XYZ.O> NAMES PRESIDENT\n\n\
                Texaco Inc said it would appeal.";
    let es = run(
        text,
        &[
            ("TEXACO", "B-ORG"),
            ("<", "I-ORG"),
            ("TX", "I-ORG"),
            ("XYZ", "B-ORG"),
            ("CORP", "I-ORG"),
            ("<", "I-ORG"),
            ("XYZ.O", "I-ORG"),
            (">", "I-ORG"),
            ("NAMES", "I-ORG"),
            ("Texaco", "B-ORG"),
            ("Inc", "I-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Texaco Inc", vec!["TEXACO"]),
            (EntityKind::Org, "XYZ Corp", vec!["XYZ CORP"]),
        ]
    );
}

#[test]
fn a_headlines_verb_is_not_part_of_the_name_before_it() {
    let text = "FED SAYS IT SETS REPURCHASES\n\nBANK OF JAPAN INTERVENES\n\n\
                Peter Says, a trader, and Bank Issues Ltd agreed.";
    let es = run(
        text,
        &[
            ("FED", "B-ORG"),
            ("SAYS", "I-ORG"),
            ("BANK", "B-ORG"),
            ("OF", "I-ORG"),
            ("JAPAN", "I-ORG"),
            ("INTERVENES", "I-ORG"),
            ("Peter", "B-PER"),
            ("Says", "I-PER"),
            ("Bank", "B-ORG"),
            ("Issues", "I-ORG"),
            ("Ltd", "I-ORG"),
        ],
    );
    // Headline capitals are undone: `Fed`, and `of` as a name writes it. Outside a headline the
    // same words stay (a surname `Says`; a firm's name).
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Fed", vec!["FED"]),
            (EntityKind::Org, "Bank of Japan", vec!["BANK OF JAPAN"]),
            (EntityKind::Person, "Peter Says", vec![]),
            (EntityKind::Org, "Bank Issues Ltd", vec![]),
        ]
    );
}

#[test]
fn headline_names_keep_acronyms_and_title_case_ordinary_short_words() {
    let text = "IBM AND TWA MOVE TO NEW YORK\n\nDE LAURENTIIS BUYS STAKE\n\nShares rose.";
    let es = run(
        text,
        &[
            ("IBM", "B-ORG"),
            ("TWA", "B-ORG"),
            ("NEW", "B-LOC"),
            ("YORK", "I-LOC"),
            ("DE", "B-PER"),
            ("LAURENTIIS", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "IBM", vec![]),
            (EntityKind::Org, "TWA", vec![]),
            (EntityKind::Place, "New York", vec!["NEW YORK"]),
            (EntityKind::Person, "De Laurentiis", vec!["DE LAURENTIIS"]),
        ]
    );
}

#[test]
fn a_name_in_angle_brackets_is_one_company() {
    let text = "AIRBUS SIGNS <AIR> DEAL\n\n<CANADA MALTING CO LTD> YEAR NET\n\n\
                The European <Airbus Industrie> consortium sold jets to <All Nippon Airways>. \
                Costs were <5 pct of sales, said Ford Motor Co <F>, VW <VOWG.F> and Paribas \
                <PARI.PA>.";
    let es = run(
        text,
        &[
            ("AIR", "B-ORG"),
            ("CANADA", "B-LOC"),
            ("Airbus", "B-MISC"),
            ("Industrie", "B-PER"),
            (">", "I-PER"),
            ("consortium", "I-PER"),
            ("All", "B-ORG"),
            ("Nippon", "I-ORG"),
            ("Ford", "B-ORG"),
            ("Motor", "I-ORG"),
            ("Co", "I-ORG"),
            ("<", "I-ORG"),
            ("F", "I-ORG"),
            (">", "I-ORG"),
            (",", "I-ORG"),
            ("VOWG", "B-ORG"),
            ("PARI", "B-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (
                EntityKind::Org,
                "Canada Malting Co Ltd",
                vec!["CANADA MALTING CO LTD"]
            ),
            (EntityKind::Org, "Airbus Industrie", vec![]),
            (EntityKind::Org, "All Nippon Airways", vec![]),
            (EntityKind::Org, "Ford Motor Co", vec![]),
        ]
    );
}

#[test]
fn a_head_word_alone_stands_for_the_one_organisation_it_ends() {
    let text = "The EC Commission met. The Commission said the Ministry would act.\n\n\
                The World Bank and Chase Manhattan Bank lent. The Bank said.";
    let es = run(
        text,
        &[
            ("EC", "B-ORG"),
            ("Commission", "I-ORG"),
            ("Commission", "B-ORG"),
            ("Ministry", "B-ORG"),
            ("World", "B-ORG"),
            ("Bank", "I-ORG"),
            ("Chase", "B-ORG"),
            ("Manhattan", "I-ORG"),
            ("Bank", "I-ORG"),
            ("Bank", "B-ORG"),
        ],
    );
    // `Ministry` ends no organisation, and two different ones end in `Bank`: which is meant is
    // unknown, and the head word alone is no one's name.
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "EC Commission", vec!["Commission"]),
            (EntityKind::Org, "World Bank", vec![]),
            (EntityKind::Org, "Chase Manhattan Bank", vec![]),
        ]
    );
}

#[test]
fn a_state_abbreviation_that_is_a_place_is_the_state() {
    let text =
        "Acme of Burbank, Calif., and Miss Jones of Jackson, Miss., met in N.Y. on U.S policy.";
    let es = run(
        text,
        &[
            ("Acme", "B-ORG"),
            ("Burbank", "B-LOC"),
            ("Calif", "B-LOC"),
            ("Jones", "B-PER"),
            ("Jackson", "B-LOC"),
            ("Miss", "B-LOC"),
            ("N.Y.", "B-LOC"),
            ("U.S", "B-ORG"),
        ],
    );
    // `Miss` before `Jones` is a title, not Mississippi: only a place is renamed. `U.S` (a
    // Reuters typo, 71 times) is the country's name whatever the tag.
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Acme", vec![]),
            (EntityKind::Place, "Burbank", vec![]),
            (EntityKind::Place, "California", vec!["Calif"]),
            (EntityKind::Person, "Jones", vec![]),
            (EntityKind::Place, "Jackson", vec![]),
            (EntityKind::Place, "Mississippi", vec!["Miss"]),
            (EntityKind::Place, "New York", vec!["N.Y."]),
            (EntityKind::Place, "United States", vec!["U.S"]),
        ]
    );
}

#[test]
fn economic_measures_and_numerals_are_no_one() {
    let text = "GNP rose 2 pct, M3 grew and WTI crude fell, said Phase II partner Henry VIII Corp on Monday.";
    let es = run(
        text,
        &[
            ("GNP", "B-ORG"),
            ("M3", "B-LOC"),
            ("WTI", "B-ORG"),
            ("II", "B-ORG"),
            ("Henry", "B-ORG"),
            ("VIII", "I-ORG"),
            ("Corp", "I-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Org, "Henry VIII Corp", vec![])]
    );
}

#[test]
fn a_title_or_an_office_before_a_name_makes_a_person() {
    let text =
        "Chancellor of the Exchequer Nigel Lawson said Lawson would act. Secretary of State \
                George Shultz and Senator Pat Roberts met Commerce Clearing House.";
    let es = run(
        text,
        &[
            ("Exchequer", "B-ORG"),
            ("Nigel", "I-ORG"),
            ("Lawson", "I-ORG"),
            ("Lawson", "B-PER"),
            ("State", "B-ORG"),
            ("George", "I-ORG"),
            ("Shultz", "I-ORG"),
            ("Senator", "B-ORG"),
            ("Pat", "I-ORG"),
            ("Roberts", "I-ORG"),
            ("Commerce", "B-ORG"),
            ("Clearing", "I-ORG"),
            ("House", "I-ORG"),
        ],
    );
    // An office only after a title and `of`: `Commerce Clearing House` stays a firm.
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Person, "Nigel Lawson", vec!["Lawson"]),
            (EntityKind::Person, "George Shultz", vec![]),
            (EntityKind::Person, "Pat Roberts", vec![]),
            (EntityKind::Org, "Commerce Clearing House", vec![]),
        ]
    );
}

#[test]
fn a_firm_named_in_the_possessive_keeps_its_s() {
    let text = "Moody's said it cut Acme. Standard and Poor's cited IBM's sales, and Chrysler's \
                proposed merger.";
    let es = run(
        text,
        &[
            ("Moody", "B-ORG"),
            ("Standard", "B-ORG"),
            ("Poor", "B-ORG"),
            ("IBM", "B-ORG"),
            ("Chrysler", "B-ORG"),
        ],
    );
    // A verb after the `'s`: the firm's name; a noun or an adjective: a possessive.
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Moody's", vec![]),
            (EntityKind::Org, "Standard and Poor's", vec![]),
            (EntityKind::Org, "IBM", vec![]),
            (EntityKind::Org, "Chrysler", vec![]),
        ]
    );
    // In a headline, before a headline's verb, recased: the `S` of the possessive is a small one.
    let es = run(
        "MOODY'S CUTS ACME DEBT\n\nThe agency cut the debt.",
        &[("MOODY", "B-ORG")],
    );
    assert_eq!(
        names(&es),
        vec![(EntityKind::Org, "Moody's", vec!["MOODY'S"])]
    );
    // The headline's short form stands for the body's longer name, whatever its case.
    let es = run(
        "MOODY'S CUTS ACME DEBT\n\nMoody's Investors Service Inc cut the debt.",
        &[
            ("MOODY", "B-ORG"),
            ("Moody", "B-ORG"),
            ("'s", "I-ORG"),
            ("Investors", "I-ORG"),
            ("Service", "I-ORG"),
            ("Inc", "I-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(
            EntityKind::Org,
            "Moody's Investors Service Inc",
            vec!["MOODY"]
        )]
    );
}

#[test]
fn a_firm_listed_as_possessive_keeps_its_s_whatever_follows() {
    let text = "The notes are rated A-2 by Moody's and AA by Standard and Poor's, and Lloyd's \
                remarks were noted.";
    let es = run(
        text,
        &[
            ("Moody", "B-ORG"),
            ("Standard", "B-ORG"),
            ("Poor", "B-LOC"),
            ("Lloyd", "B-PER"),
        ],
    );
    // `Poor`, a place to the tagger, is the second name of the firm; a person's possessive stays
    // one (`Lloyd's remarks`).
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Moody's", vec![]),
            (EntityKind::Org, "Standard and Poor's", vec![]),
            (EntityKind::Person, "Lloyd", vec![]),
        ]
    );
    // A later short form without the legal form stands for the name with it.
    let text = "Standard and Poor's Corp cut Acme. Standard and Poor's said it was risky.";
    let es = run(
        text,
        &[
            ("Standard", "B-ORG"),
            ("Poor", "B-ORG"),
            ("Corp", "I-ORG"),
            ("Standard", "B-ORG"),
            ("Poor", "B-LOC"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![(
            EntityKind::Org,
            "Standard and Poor's Corp",
            vec!["Standard and Poor's"]
        )]
    );
}

#[test]
fn a_legal_form_after_a_name_makes_it_a_firm() {
    let text = "Shares of Chrysler Corp rose, and First Chicago Corp fell in Chicago.\n\n\
                UNICORP AMERICAN CORP SETS DIVIDEND";
    let es = run(
        text,
        &[
            ("Chrysler", "B-PER"),
            ("Chicago", "B-LOC"),
            ("Corp", "B-ORG"),
            ("Chicago", "B-LOC"),
            ("AMERICAN", "B-MISC"),
        ],
    );
    // The tagger's `Chicago` inside the firm's name took the start it missed; the one after `in`
    // is the place. An adjective before a legal form is not a firm.
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Chrysler Corp", vec![]),
            (EntityKind::Org, "First Chicago Corp", vec![]),
            (EntityKind::Place, "Chicago", vec![]),
        ]
    );
}

#[test]
fn a_name_before_a_job_only_firms_employ_is_the_firm() {
    let text = "Dean Witter analyst Karen Gibbs agreed, and so did Smith Barney livestock analyst \
                Tom Hare. Baker told analysts the dollar was stable.";
    let es = run(
        text,
        &[
            ("Dean", "B-PER"),
            ("Witter", "I-PER"),
            ("Karen", "B-PER"),
            ("Gibbs", "I-PER"),
            ("Smith", "B-PER"),
            ("Barney", "I-PER"),
            ("Tom", "B-PER"),
            ("Hare", "I-PER"),
            ("Baker", "B-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Dean Witter", vec![]),
            (EntityKind::Person, "Karen Gibbs", vec![]),
            (EntityKind::Org, "Smith Barney", vec![]),
            (EntityKind::Person, "Tom Hare", vec![]),
            (EntityKind::Person, "Baker", vec![]),
        ]
    );
}

#[test]
fn a_family_firm_and_its_sons_are_one_firm() {
    let text = "A.G. Edwards and Sons Inc and Harris Upham And Co managed the issue.";
    let es = run(
        text,
        &[
            ("A.G.", "B-PER"),
            ("Edwards", "I-PER"),
            ("Sons", "B-ORG"),
            ("Inc", "I-ORG"),
            ("Harris", "B-PER"),
            ("Upham", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "A.G. Edwards and Sons Inc", vec![]),
            (EntityKind::Org, "Harris Upham And Co", vec![]),
        ]
    );
}

#[test]
fn a_credit_rating_is_no_one_but_the_aa_is() {
    let text =
        "The notes are rated AAA by Acme Ratings and Aa-2 by Moody's. The AA said roads were \
                icy. The CCC sold wheat to CCC members.";
    let es = run(
        text,
        &[
            ("AAA", "B-ORG"),
            ("Acme", "B-ORG"),
            ("Ratings", "I-ORG"),
            ("Aa-2", "B-ORG"),
            ("Moody", "B-ORG"),
            ("AA", "B-ORG"),
            ("CCC", "B-ORG"),
            ("CCC", "B-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Acme Ratings", vec![]),
            (EntityKind::Org, "Moody's", vec![]),
            (EntityKind::Org, "AA", vec![]),
            (EntityKind::Org, "CCC", vec![]),
        ]
    );
}

#[test]
fn a_country_is_a_place_whatever_the_tag_and_case() {
    let text =
        "U.S./USSR GRAIN PACT UNCERTAIN\n\nThe Philippines' debt talks went on, and the USSR \
                bought wheat.";
    let es = run(
        text,
        &[
            ("U.S.", "B-LOC"),
            ("USSR", "B-ORG"),
            ("Philippines", "B-ORG"),
            ("USSR", "B-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Place, "United States", vec!["U.S."]),
            (EntityKind::Place, "Soviet Union", vec!["USSR"]),
            (EntityKind::Place, "Philippines", vec![]),
        ]
    );
}

#[test]
fn partners_before_and_co_are_a_firm_whatever_their_tags() {
    let text = "It named Kidder, Peabody and Co Inc. IBM, Merrill Lynch and Co rose.";
    let es = run(
        text,
        &[
            ("Kidder", "B-ORG"),
            ("Peabody", "B-LOC"),
            ("IBM", "B-ORG"),
            ("Merrill", "B-PER"),
            ("Lynch", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "Kidder, Peabody and Co Inc", vec![]),
            (EntityKind::Org, "IBM", vec![]),
            (EntityKind::Org, "Merrill Lynch and Co", vec![]),
        ]
    );
}

#[test]
fn a_common_noun_after_and_ends_the_name_before_it() {
    let text = "Shares of American Telephone and Telegraph Co rose. China wants to join the \
                General Agreement on Tariffs and Trade soon. Ford and Chrysler Corp fell.";
    let es = run(
        text,
        &[
            ("American", "B-ORG"),
            ("Telephone", "I-ORG"),
            ("Telegraph", "B-ORG"),
            ("Co", "I-ORG"),
            ("China", "B-LOC"),
            ("Trade", "B-ORG"),
            ("Ford", "B-ORG"),
            ("Chrysler", "B-ORG"),
            ("Corp", "I-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (
                EntityKind::Org,
                "American Telephone and Telegraph Co",
                vec![]
            ),
            (EntityKind::Place, "China", vec![]),
            (
                EntityKind::Org,
                "General Agreement on Tariffs and Trade",
                vec![]
            ),
            (EntityKind::Org, "Ford", vec![]),
            (EntityKind::Org, "Chrysler Corp", vec![]),
        ]
    );
}

#[test]
fn contractions_and_born_are_no_one() {
    let text = "I'M A CELEBRITY RETURNS\n\nBorn in Leeds, Ant McPartlin said I've seen it all.";
    let es = run(
        text,
        &[
            ("I'M", "B-ORG"),
            ("Born", "B-LOC"),
            ("Leeds", "B-LOC"),
            ("Ant", "B-PER"),
            ("McPartlin", "I-PER"),
            ("I've", "B-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Place, "Leeds", vec![]),
            (EntityKind::Person, "Ant McPartlin", vec![]),
        ]
    );
}

#[test]
fn a_known_acronym_is_an_organisation_in_capitals() {
    let text = "SUGAR IMPORTS DOWN IN WEEK -- USDA\n\nImports fell, the department said. Opec met.";
    let es = run(text, &[("USDA", "B-LOC"), ("Opec", "B-PER")]);
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Org, "USDA", vec![]),
            (EntityKind::Org, "OPEC", vec!["Opec"]),
        ]
    );
}

#[test]
fn a_capital_and_after_an_abbreviation_parts_two_names() {
    let text =
        "Ministers of France, the U.S. And West Germany met. Smith Barney, Harris Upham And Co \
                advised.";
    let es = run(
        text,
        &[
            ("France", "B-LOC"),
            ("U.S.", "B-ORG"),
            ("And", "I-ORG"),
            ("West", "I-ORG"),
            ("Germany", "I-ORG"),
            ("Smith", "B-PER"),
            ("Barney", "I-PER"),
            ("Harris", "B-PER"),
            ("Upham", "I-PER"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Place, "France", vec![]),
            (EntityKind::Place, "United States", vec!["U.S."]),
            (EntityKind::Place, "West Germany", vec![]),
            (EntityKind::Org, "Smith Barney, Harris Upham And Co", vec![]),
        ]
    );
}

#[test]
fn securities_and_company_words_alone_are_no_one() {
    let text =
        "Canada Savings Bonds fell, Treasuries rose, and Rainier Bancorp said Bancorp and Cie \
                would help the Third World.";
    let es = run(
        text,
        &[
            ("Canada", "B-LOC"),
            ("Savings", "B-PER"),
            ("Bonds", "I-PER"),
            ("Treasuries", "B-ORG"),
            ("Rainier", "B-PER"),
            ("Bancorp", "I-PER"),
            ("Bancorp", "B-ORG"),
            ("Cie", "B-PER"),
            ("Third", "B-ORG"),
            ("World", "I-ORG"),
        ],
    );
    assert_eq!(
        names(&es),
        vec![
            (EntityKind::Place, "Canada", vec![]),
            (EntityKind::Org, "Rainier Bancorp", vec!["Bancorp"]),
            (EntityKind::Place, "Third World", vec![]),
        ]
    );
}
