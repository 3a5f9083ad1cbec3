//! Where article dates are parsed: the raw text a source states becomes a UTC timestamp.
//!
//! Sources write dates in many ways; this module accepts the ones news archives actually use and
//! nothing it would have to guess at:
//!
//! - ISO 8601 / RFC 3339: `2020-06-17`, `2020-06-17T10:15:00Z`, `2020-06-17 10:15:00+03:00`, `2020/06/17`;
//! - RFC 2822 (RSS `pubDate`): `Wed, 17 Jun 2020 10:15:00 +0000`;
//! - Reuters-21578: `26-FEB-1987 15:01:01.79`, with a 1-digit day, a 1-digit fraction or a nonsense
//!   hour (`605:12:19.12`: the day is kept, the time dropped);
//! - written dates: `17 June 2020`, `June 17, 2020`, `Jun 17 2020`;
//! - Unix timestamps in seconds or milliseconds (JSON feeds).
//!
//! A time without an offset is taken as UTC. A date outside 1700..=2200 is rejected rather than stored:
//! it is a typo or junk (`99999-01-01`), and tantivy's nanosecond timestamps cannot hold far dates anyway.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

const MIN_YEAR: i32 = 1700;
const MAX_YEAR: i32 = 2200;

/// Parses a date as a source states it. `None` when it is not a date this module recognises.
pub fn parse(raw: &str) -> Option<DateTime<Utc>> {
    let s = raw.trim().trim_matches(|c: char| c == '"' || c == '\'');
    if s.is_empty() {
        return None;
    }
    let parsed = parse_rfc3339(s)
        .or_else(|| parse_iso_like(s))
        .or_else(|| {
            DateTime::parse_from_rfc2822(s)
                .ok()
                .map(|d| d.with_timezone(&Utc))
        })
        .or_else(|| parse_reuters(s))
        .or_else(|| parse_written(s))
        .or_else(|| parse_timestamp(s))?;
    let year = chrono::Datelike::year(&parsed);
    (MIN_YEAR..=MAX_YEAR).contains(&year).then_some(parsed)
}

fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// ISO-like forms with `-` or `/`, a `T` or a space before an optional time, an optional offset.
fn parse_iso_like(s: &str) -> Option<DateTime<Utc>> {
    const WITH_OFFSET: [&str; 4] = [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
    ];
    for f in WITH_OFFSET {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.with_timezone(&Utc));
        }
    }
    const NAIVE: [&str; 6] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.fZ",
    ];
    for f in NAIVE {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Utc.from_utc_datetime(&d));
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            if f == "%Y%m%d" && s.len() != 8 {
                continue;
            }
            return Some(midnight(d));
        }
    }
    None
}

/// `26-FEB-1987 15:01:01.79`. The date part decides; a time that doesn't parse is dropped, not fatal,
/// because the day is what every filter and timeline needs.
fn parse_reuters(s: &str) -> Option<DateTime<Utc>> {
    let mut parts = s.split_whitespace();
    let day_part = parts.next()?;
    let date = NaiveDate::parse_from_str(day_part, "%d-%b-%Y").ok()?;
    let time = parts.next().and_then(|t| {
        let hms = t.split('.').next().unwrap_or(t);
        NaiveTime::parse_from_str(hms, "%H:%M:%S").ok()
    });
    Some(Utc.from_utc_datetime(&date.and_time(time.unwrap_or(NaiveTime::MIN))))
}

/// `17 June 2020`, `June 17, 2020`, `Jun 17 2020`.
fn parse_written(s: &str) -> Option<DateTime<Utc>> {
    let cleaned = s.replace(',', " ");
    let normalised: Vec<&str> = cleaned.split_whitespace().collect();
    let joined = normalised.join(" ");
    for f in ["%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&joined, f) {
            return Some(midnight(d));
        }
    }
    None
}

/// Unix seconds (9-10 digits) or milliseconds (12-13 digits); other digit strings are not timestamps.
fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    match s.len() {
        9 | 10 => Utc.timestamp_opt(n, 0).single(),
        12 | 13 => Utc.timestamp_millis_opt(n).single(),
        _ => None,
    }
}

fn midnight(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd_hms(raw: &str) -> Option<String> {
        parse(raw).map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            ymd_hms("2020-06-17").as_deref(),
            Some("2020-06-17 00:00:00")
        );
        assert_eq!(
            ymd_hms("2020/06/17").as_deref(),
            Some("2020-06-17 00:00:00")
        );
        assert_eq!(
            ymd_hms("2020-06-17T10:15:00Z").as_deref(),
            Some("2020-06-17 10:15:00")
        );
        assert_eq!(
            ymd_hms("2020-06-17T10:15:00+03:00").as_deref(),
            Some("2020-06-17 07:15:00")
        );
        assert_eq!(
            ymd_hms("2020-06-17 10:15:00").as_deref(),
            Some("2020-06-17 10:15:00")
        );
    }

    #[test]
    fn reuters_dates_including_the_malformed_ones() {
        assert_eq!(
            ymd_hms("26-FEB-1987 15:01:01.79").as_deref(),
            Some("1987-02-26 15:01:01")
        );
        assert_eq!(
            ymd_hms(" 3-MAR-1987 09:10:11.00").as_deref(),
            Some("1987-03-03 09:10:11")
        );
        assert_eq!(
            ymd_hms("31-MAR-1987 605:12:19.12").as_deref(),
            Some("1987-03-31 00:00:00")
        );
        assert_eq!(
            ymd_hms(" 7-APR-1987 16:22:00.0").as_deref(),
            Some("1987-04-07 16:22:00")
        );
    }

    #[test]
    fn rfc2822_and_written_dates() {
        assert_eq!(
            ymd_hms("Wed, 17 Jun 2020 10:15:00 +0000").as_deref(),
            Some("2020-06-17 10:15:00")
        );
        assert_eq!(
            ymd_hms("17 June 2020").as_deref(),
            Some("2020-06-17 00:00:00")
        );
        assert_eq!(
            ymd_hms("June 17, 2020").as_deref(),
            Some("2020-06-17 00:00:00")
        );
    }

    #[test]
    fn unix_timestamps() {
        assert_eq!(
            ymd_hms("1592352000").as_deref(),
            Some("2020-06-17 00:00:00")
        );
        assert_eq!(
            ymd_hms("1592352000000").as_deref(),
            Some("2020-06-17 00:00:00")
        );
        assert_eq!(ymd_hms("12345"), None);
    }

    #[test]
    fn junk_and_far_dates_are_rejected() {
        assert_eq!(ymd_hms(""), None);
        assert_eq!(ymd_hms("yesterday"), None);
        assert_eq!(ymd_hms("2020-13-45"), None);
        assert_eq!(ymd_hms("99999-01-01"), None);
        assert_eq!(ymd_hms("0099-01-01"), None);
    }
}
