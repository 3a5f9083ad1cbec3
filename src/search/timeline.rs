//! Timelines: how many matching articles fall in each calendar year, month, ISO week or day.
//!
//! Brief overview: [`Archive::timeline`] runs the same query as [`Archive::search`] (text, dates,
//! entities) with a [`DayCounts`] collector, which reads each hit's publication date from the `date`
//! fast-field column (no stored document is loaded) and counts hits per UTC day. The day counts are then
//! folded into calendar buckets with chrono, so a month is a real month (28 to 31 days) and a week an
//! ISO week (Monday to Sunday, numbered by its ISO year), never a fixed-length window. Counting per day
//! first keeps the collector's memory bounded by the number of distinct days, not of hits.
//!
//! Every bucket between the first and the last is listed, empty ones included, so a chart shows gaps
//! as gaps. The span is the request's date range when it has one (each open end falls back to the
//! hits' earliest or latest date), else the hits' earliest to latest date.

use std::collections::HashMap;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::{query, Archive, SearchRequest};
use crate::error::{Error, Result};
use crate::index::Fields;

/// The most buckets one timeline may have: a guard against `--interval day` over centuries, which
/// would build a huge answer for no reader. Ten thousand days is 27 years.
pub const MAX_BUCKETS: usize = 10_000;

/// The calendar unit of a timeline's buckets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Year,
    #[default]
    Month,
    /// ISO 8601 week: Monday to Sunday, labelled `2020-W25`.
    Week,
    Day,
    /// The finest unit that keeps the chart readable for the span (see [`Interval::for_span`]);
    /// resolved before the timeline is returned, so a [`Timeline`] never says `auto`.
    Auto,
}

impl Interval {
    pub fn as_str(self) -> &'static str {
        match self {
            Interval::Year => "year",
            Interval::Month => "month",
            Interval::Week => "week",
            Interval::Day => "day",
            Interval::Auto => "auto",
        }
    }

    /// Picks a unit for a span of days so that a chart has at most about sixty bars: days up to two
    /// months, weeks up to a year, months up to five years, years beyond.
    pub fn for_span(first: NaiveDate, last: NaiveDate) -> Interval {
        let days = (last - first).num_days();
        match days {
            d if d <= 62 => Interval::Day,
            d if d <= 366 => Interval::Week,
            d if d <= 5 * 366 => Interval::Month,
            _ => Interval::Year,
        }
    }

    /// The first day of the bucket that contains `day`.
    pub fn bucket_start(self, day: NaiveDate) -> NaiveDate {
        let start = match self {
            Interval::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1),
            Interval::Month => NaiveDate::from_ymd_opt(day.year(), day.month(), 1),
            Interval::Week => {
                day.checked_sub_days(Days::new(day.weekday().num_days_from_monday().into()))
            }
            Interval::Day | Interval::Auto => Some(day),
        };
        // Only fails at the very edge of chrono's range, where the day itself is the best answer.
        start.unwrap_or(day)
    }

    /// The first day of the bucket after the one starting on `start`.
    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Interval::Year => start.checked_add_months(Months::new(12)),
            Interval::Month => start.checked_add_months(Months::new(1)),
            Interval::Week => start.checked_add_days(Days::new(7)),
            Interval::Day | Interval::Auto => start.checked_add_days(Days::new(1)),
        }
    }

    /// How a bucket is named: `1987`, `1987-03`, `1987-W09`, `1987-03-02`.
    fn key(self, start: NaiveDate) -> String {
        match self {
            Interval::Year => start.format("%Y").to_string(),
            Interval::Month => start.format("%Y-%m").to_string(),
            Interval::Week => {
                let week = start.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            Interval::Day | Interval::Auto => start.format("%Y-%m-%d").to_string(),
        }
    }
}

impl FromStr for Interval {
    type Err = Error;

    fn from_str(s: &str) -> Result<Interval> {
        match s.trim().to_ascii_lowercase().as_str() {
            "year" => Ok(Interval::Year),
            "month" => Ok(Interval::Month),
            "week" => Ok(Interval::Week),
            "day" => Ok(Interval::Day),
            "auto" => Ok(Interval::Auto),
            _ => Err(Error::BadInterval(s.to_string())),
        }
    }
}

/// One bar of a timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bucket {
    /// `1987`, `1987-03`, `1987-W09` or `1987-03-02`.
    pub key: String,
    /// First and last day of the bucket, `YYYY-MM-DD`: ready to use as `--from` and `--to`.
    #[serde(serialize_with = "ymd")]
    pub from: NaiveDate,
    #[serde(serialize_with = "ymd")]
    pub to: NaiveDate,
    pub count: u64,
}

/// Counts of matching articles per calendar bucket.
#[derive(Clone, Debug, Serialize)]
pub struct Timeline {
    pub query: String,
    pub interval: Interval,
    /// All matching articles, dated or not.
    pub total: u64,
    /// Matching articles that state no date, and so are in no bucket.
    pub undated: u64,
    /// Every bucket from the first to the last, empty ones included; empty when nothing is dated.
    pub buckets: Vec<Bucket>,
}

fn ymd<S: serde::Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&d.format("%Y-%m-%d").to_string())
}

impl Archive {
    /// Counts the articles matching `request` (its query, dates and entities; paging and sorting
    /// are ignored) per `interval` bucket.
    pub fn timeline(&self, request: &SearchRequest, interval: Interval) -> Result<Timeline> {
        let index = self.index();
        let text = query::text_query(index, &request.query)?;
        let full = query::with_filters(index, text, &request.dates, &request.entities);
        let counts = self
            .searcher()
            .search(&*full, &DayCounts::new(Fields::date_name()))?;

        let total = counts.total;
        let dated: u64 = counts.days.values().sum();
        let first = request
            .dates
            .from
            .map(|d| d.date_naive())
            .or_else(|| counts.days.keys().min().copied());
        let last = request
            .dates
            .to
            .map(|d| d.date_naive())
            .or_else(|| counts.days.keys().max().copied());
        let (interval, buckets) = match (first, last) {
            // With no dated hit there is nothing to draw, unless the caller fixed both ends.
            (Some(first), Some(last)) if dated > 0 || !request.dates.is_unbounded() => {
                let (first, last) = (first.min(last), first.max(last));
                let interval = match interval {
                    Interval::Auto => Interval::for_span(first, last),
                    fixed => fixed,
                };
                (interval, buckets(&counts.days, interval, first, last)?)
            }
            _ => (
                match interval {
                    Interval::Auto => Interval::Month,
                    fixed => fixed,
                },
                Vec::new(),
            ),
        };
        Ok(Timeline {
            query: request.query.clone(),
            interval,
            total,
            undated: total - dated,
            buckets,
        })
    }
}

/// Lays out every bucket from the one holding `first` to the one holding `last` and adds the day
/// counts into them.
fn buckets(
    days: &HashMap<NaiveDate, u64>,
    interval: Interval,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<Bucket>> {
    let end = interval.bucket_start(last);
    let mut out = Vec::new();
    let mut start = interval.bucket_start(first);
    loop {
        if out.len() == MAX_BUCKETS {
            return Err(Error::TooManyBuckets {
                interval: interval.as_str(),
                max: MAX_BUCKETS,
            });
        }
        let next = interval.next(start);
        let to = next.and_then(|n| n.pred_opt()).unwrap_or(start);
        out.push(Bucket {
            key: interval.key(start),
            from: start,
            to,
            count: 0,
        });
        match next {
            Some(next) if start < end => start = next,
            _ => break,
        }
    }
    let first_start = out.first().map(|b| b.from);
    for (&day, &n) in days {
        // Buckets are consecutive, so the right one is found by binary search on their first day.
        if first_start.is_some_and(|s| day < s) {
            continue;
        }
        let i = out.partition_point(|b| b.from <= day);
        if let Some(bucket) = i.checked_sub(1).and_then(|i| out.get_mut(i)) {
            if day <= bucket.to {
                bucket.count += n;
            }
        }
    }
    Ok(out)
}

/// What [`DayCounts`] gathers: hits per UTC day, and all hits (dated or not).
#[derive(Debug, Default)]
pub struct DayCountsFruit {
    pub days: HashMap<NaiveDate, u64>,
    pub total: u64,
}

/// A collector that counts hits per publication day, reading the date fast field.
pub struct DayCounts {
    field: String,
}

impl DayCounts {
    pub fn new(date_field: &str) -> DayCounts {
        DayCounts {
            field: date_field.to_string(),
        }
    }
}

impl Collector for DayCounts {
    type Fruit = DayCountsFruit;
    type Child = SegmentDayCounts;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentDayCounts> {
        Ok(SegmentDayCounts {
            column: reader.fast_fields().date(&self.field)?,
            // Counting seconds per segment and converting once at harvest keeps chrono out of the
            // per-hit loop.
            seconds: HashMap::new(),
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<DayCountsFruit>) -> tantivy::Result<DayCountsFruit> {
        let mut merged = DayCountsFruit::default();
        for fruit in fruits {
            merged.total += fruit.total;
            for (day, n) in fruit.days {
                *merged.days.entry(day).or_default() += n;
            }
        }
        Ok(merged)
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

/// Per-segment state of [`DayCounts`].
pub struct SegmentDayCounts {
    column: Column<tantivy::DateTime>,
    /// Hits per day, keyed by days since 1970-01-01 (UTC).
    seconds: HashMap<i64, u64>,
    total: u64,
}

impl SegmentCollector for SegmentDayCounts {
    type Fruit = DayCountsFruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        if let Some(date) = self.column.first(doc) {
            let day = date.into_timestamp_secs().div_euclid(SECONDS_PER_DAY);
            *self.seconds.entry(day).or_default() += 1;
        }
    }

    fn harvest(self) -> DayCountsFruit {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let days = self
            .seconds
            .into_iter()
            .filter_map(|(day, n)| {
                let date = if day >= 0 {
                    epoch.checked_add_days(Days::new(day as u64))
                } else {
                    epoch.checked_sub_days(Days::new(day.unsigned_abs()))
                };
                date.map(|d| (d, n))
            })
            .collect();
        DayCountsFruit {
            days,
            total: self.total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn keys(b: &[Bucket]) -> Vec<(String, String, String, u64)> {
        b.iter()
            .map(|b| (b.key.clone(), b.from.to_string(), b.to.to_string(), b.count))
            .collect()
    }

    #[test]
    fn months_are_calendar_months_with_empty_ones_included() {
        let days = HashMap::from([(d("1987-01-31"), 2), (d("1987-03-01"), 1)]);
        let b = buckets(&days, Interval::Month, d("1987-01-15"), d("1987-03-10")).unwrap();
        assert_eq!(
            keys(&b),
            vec![
                (
                    "1987-01".into(),
                    "1987-01-01".into(),
                    "1987-01-31".into(),
                    2
                ),
                (
                    "1987-02".into(),
                    "1987-02-01".into(),
                    "1987-02-28".into(),
                    0
                ),
                (
                    "1987-03".into(),
                    "1987-03-01".into(),
                    "1987-03-31".into(),
                    1
                ),
            ]
        );
    }

    #[test]
    fn weeks_are_iso_weeks_across_the_new_year() {
        // 2020-12-31 is a Thursday of ISO week 2020-W53; 2021-01-04 starts 2021-W01.
        let days = HashMap::from([(d("2021-01-01"), 1), (d("2021-01-04"), 3)]);
        let b = buckets(&days, Interval::Week, d("2020-12-31"), d("2021-01-04")).unwrap();
        assert_eq!(
            keys(&b),
            vec![
                (
                    "2020-W53".into(),
                    "2020-12-28".into(),
                    "2021-01-03".into(),
                    1
                ),
                (
                    "2021-W01".into(),
                    "2021-01-04".into(),
                    "2021-01-10".into(),
                    3
                ),
            ]
        );
    }

    #[test]
    fn years_and_days() {
        let days = HashMap::from([(d("2020-02-29"), 1)]);
        let b = buckets(&days, Interval::Year, d("2019-05-01"), d("2020-03-01")).unwrap();
        assert_eq!(b.len(), 2);
        assert_eq!((b[1].key.as_str(), b[1].count), ("2020", 1));
        assert_eq!(b[1].to, d("2020-12-31"));
        let b = buckets(&days, Interval::Day, d("2020-02-28"), d("2020-03-01")).unwrap();
        assert_eq!(b.iter().map(|b| b.count).collect::<Vec<_>>(), vec![0, 1, 0]);
    }

    #[test]
    fn too_many_buckets_is_an_error_not_an_allocation() {
        let none = HashMap::new();
        assert!(buckets(&none, Interval::Day, d("1900-01-01"), d("2100-01-01")).is_err());
        assert!(buckets(&none, Interval::Year, d("1900-01-01"), d("2100-01-01")).is_ok());
    }

    #[test]
    fn auto_picks_a_readable_unit() {
        assert_eq!(
            Interval::for_span(d("1987-03-01"), d("1987-03-31")),
            Interval::Day
        );
        assert_eq!(
            Interval::for_span(d("1987-01-01"), d("1987-12-31")),
            Interval::Week
        );
        assert_eq!(
            Interval::for_span(d("1987-02-26"), d("1989-10-20")),
            Interval::Month
        );
        assert_eq!(
            Interval::for_span(d("1987-02-26"), d("2020-06-17")),
            Interval::Year
        );
    }

    #[test]
    fn intervals_parse() {
        assert_eq!("Month".parse::<Interval>().unwrap(), Interval::Month);
        assert!("fortnight".parse::<Interval>().is_err());
    }
}
