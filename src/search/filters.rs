//! Where `--from`, `--to` and `--entity` are parsed into filters.
//!
//! Date bounds name whole periods and include all of them: `--from 2020-06` starts on 1 June at
//! 00:00:00 UTC, `--to 2020-06` ends on 30 June at 23:59:59 UTC, `--to 2020` ends on 31 December.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::entities::EntityKind;
use crate::error::{Error, Result};

/// Which end of a period a bound stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the first (Start) or last (End) second of that period.
pub fn parse_bound(text: &str, edge: Edge) -> Result<DateTime<Utc>> {
    let bad = || Error::BadDate(text.to_string());
    let s = text.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| -> Result<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let (year, month, day) = match parts.as_slice() {
        [y] => (number(y, 4)?, None, None),
        [y, m] => (number(y, 4)?, Some(number(m, 2)?), None),
        [y, m, d] => (number(y, 4)?, Some(number(m, 2)?), Some(number(d, 2)?)),
        _ => return Err(bad()),
    };
    let year = year as i32;
    let first_day =
        NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1)).ok_or_else(bad)?;
    let date = match edge {
        Edge::Start => first_day,
        Edge::End => match (month, day) {
            (_, Some(_)) => first_day,
            (Some(m), None) => last_day_of_month(year, m).ok_or_else(bad)?,
            (None, None) => NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?,
        },
    };
    let time = match edge {
        Edge::Start => NaiveTime::MIN,
        Edge::End => NaiveTime::from_hms_opt(23, 59, 59).ok_or_else(bad)?,
    };
    Ok(Utc.from_utc_datetime(&date.and_time(time)))
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// A date range, each end optional, both inclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl DateRange {
    /// Parses the command-line pair; rejects a range that ends before it starts.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<DateRange> {
        let range = DateRange {
            from: from.map(|s| parse_bound(s, Edge::Start)).transpose()?,
            to: to.map(|s| parse_bound(s, Edge::End)).transpose()?,
        };
        if let (Some(f), Some(t)) = (range.from, range.to) {
            if f > t {
                return Err(Error::EmptyDateRange {
                    from: from.unwrap_or_default().to_string(),
                    to: to.unwrap_or_default().to_string(),
                });
            }
        }
        Ok(range)
    }

    pub fn is_unbounded(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether a date falls inside the range.
    pub fn contains(&self, date: DateTime<Utc>) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

/// `--entity TYPE:NAME`: articles that mention this entity, by canonical name or any alias.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityFilter {
    pub kind: EntityKind,
    pub name: String,
}

impl EntityFilter {
    pub fn parse(text: &str) -> Result<EntityFilter> {
        let bad = || Error::BadEntity(text.to_string());
        let (kind, name) = text.split_once(':').ok_or_else(bad)?;
        let kind = EntityKind::parse(kind.trim()).ok_or_else(bad)?;
        let name = name.trim().trim_matches('"').trim();
        if name.is_empty() {
            return Err(bad());
        }
        Ok(EntityFilter {
            kind,
            name: name.to_string(),
        })
    }
}

impl std::fmt::Display for EntityFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.kind.as_str(), self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str, e: Edge) -> String {
        parse_bound(s, e)
            .unwrap()
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    }

    #[test]
    fn periods_are_inclusive_of_the_whole_period() {
        assert_eq!(show("2020", Edge::Start), "2020-01-01 00:00:00");
        assert_eq!(show("2020", Edge::End), "2020-12-31 23:59:59");
        assert_eq!(show("2020-06", Edge::End), "2020-06-30 23:59:59");
        assert_eq!(show("2020-02", Edge::End), "2020-02-29 23:59:59");
        assert_eq!(show("2019-02", Edge::End), "2019-02-28 23:59:59");
        assert_eq!(show("2020-12", Edge::End), "2020-12-31 23:59:59");
        assert_eq!(show("2020-06-17", Edge::Start), "2020-06-17 00:00:00");
        assert_eq!(show("2020-06-17", Edge::End), "2020-06-17 23:59:59");
    }

    #[test]
    fn bad_dates_are_errors() {
        for bad in [
            "",
            "20",
            "2020-6",
            "2020-13",
            "2020-02-30",
            "June",
            "2020-06-17T00",
            "99999",
        ] {
            assert!(
                parse_bound(bad, Edge::Start).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_an_error() {
        assert!(DateRange::parse(Some("2020-07"), Some("2020-06")).is_err());
        assert!(DateRange::parse(Some("2020-06"), Some("2020-06")).is_ok());
    }

    #[test]
    fn entity_filters() {
        let f = EntityFilter::parse("org:WHO").unwrap();
        assert_eq!((f.kind, f.name.as_str()), (EntityKind::Org, "WHO"));
        let f = EntityFilter::parse("person:\"Vladimir Norov\"").unwrap();
        assert_eq!(f.name, "Vladimir Norov");
        assert!(EntityFilter::parse("WHO").is_err());
        assert!(EntityFilter::parse("animal:cat").is_err());
        assert!(EntityFilter::parse("org:").is_err());
    }
}
