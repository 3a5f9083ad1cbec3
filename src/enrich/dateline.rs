//! Where a dateline places a story: `    SALVADOR, Feb 26 - ` -> `Salvador`.
//!
//! A wire story's dateline names the city it was filed from, which is as much a place of the story as
//! any the body names, and often the only one (`NEW YORK, March 2 - Shr 12 cts vs 10 cts`). The
//! tagger never sees it: the dateline is not part of the title or body. [`place`] reads the city
//! from the two shapes datelines take, and rejects what is not one: Reuters-21578 also has market
//! tables and stray figures in that field (`us  7.8015 - `, `MAR8 -- --`, `FOB RIVER - `).

/// The city a dateline names, in the case news text writes it (`NEW YORK` -> `New York`,
/// `RIO DE JANEIRO` -> `Rio de Janeiro`), or `None` when the dateline names no place.
///
/// Accepted shapes: `CITY, <month> <day> -` (a comma, then a month name), or the bare city with
/// nothing else (`LONDON`), as JSON sources give it. A city is one to four words of letters, with
/// `.`, `-` and `'` inside them (`ST. LOUIS`, `WINSTON-SALEM`).
pub fn place(dateline: &str) -> Option<String> {
    let d = dateline.trim();
    let city = match d.split_once(',') {
        Some((city, rest)) => {
            let month = rest.trim_start().split([' ', '.']).next().unwrap_or("");
            if !is_month(month) {
                return None;
            }
            city.trim()
        }
        // `TOKYO - `, `FOB RIVER - `: a dash without the date is a table line as often as a city.
        None if d.split_whitespace().any(|w| w.chars().all(|c| c == '-')) => return None,
        None => d,
    };
    let words: Vec<&str> = city.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let wordlike = |w: &&str| {
        w.chars().next().is_some_and(char::is_alphabetic)
            && w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
    };
    if !words.iter().all(wordlike) {
        return None;
    }
    let shouting = !city.chars().any(char::is_lowercase);
    if !shouting {
        return Some(words.join(" "));
    }
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let lower = w.to_lowercase();
                if i > 0 && PARTICLES.contains(&lower.as_str()) {
                    lower
                } else {
                    capitalise(&lower)
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Words that stay lower case inside a place name (`Rio de Janeiro`, `Dar es Salaam`).
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "des", "du", "la", "le", "es", "el", "of",
    "am", "upon", "on", "sur",
];

/// Upper-cases the first letter of each part of a word (`winston-salem` -> `Winston-Salem`,
/// `st.` -> `St.`).
fn capitalise(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for c in lower.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = matches!(c, '-' | '.' | '\'');
    }
    out
}

fn is_month(w: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    let w = w.to_ascii_lowercase();
    MONTHS.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    use super::place;

    #[test]
    fn reuters_datelines_give_their_city_in_news_case() {
        assert_eq!(
            place("    SALVADOR, Feb 26 - ").as_deref(),
            Some("Salvador")
        );
        assert_eq!(
            place("    NEW YORK, March 2 - ").as_deref(),
            Some("New York")
        );
        assert_eq!(
            place("RIO DE JANEIRO, April 1 -").as_deref(),
            Some("Rio de Janeiro")
        );
        assert_eq!(place("ST. LOUIS, March 3 -").as_deref(), Some("St. Louis"));
        assert_eq!(
            place("WINSTON-SALEM, Oct 19 -").as_deref(),
            Some("Winston-Salem")
        );
        assert_eq!(place("THE HAGUE, June 1 -").as_deref(), Some("The Hague"));
        // Already in mixed case: kept as written.
        assert_eq!(
            place("  Sioux City, March 5 - ").as_deref(),
            Some("Sioux City")
        );
    }

    #[test]
    fn a_bare_city_is_a_place() {
        assert_eq!(place("LONDON").as_deref(), Some("London"));
        assert_eq!(place("Kansas City").as_deref(), Some("Kansas City"));
    }

    #[test]
    fn tables_figures_and_dates_are_not_places() {
        for junk in [
            "us        7.8015 - ",
            "MAR8 -- --",
            "APRIL 7 - ",
            "FOB RIVER - ",
            "H  6.12  -  5.87 2  MTH  6.50  -  6.25",
            "Accumulative total at 1800 gmt - ",
            "Wilcox/Gibbs - ",
            "NEW ZEALAND EXCHS CLOSE - ",
            "TOKYO, 1987 -",
            "ONE TWO THREE FOUR FIVE, March 2 -",
            "",
            "   ",
        ] {
            assert_eq!(place(junk), None, "{junk:?}");
        }
    }
}
