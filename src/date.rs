//! Calendar dates as the workspace and the CLI write them: ISO `YYYY-MM-DD`.

use chrono::Datelike;
/// Re-exported so callers (the app shell) name dates without their own chrono.
pub use chrono::NaiveDate;

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' is not a date; write it as YYYY-MM-DD (e.g. 2027-03-31)")]
pub struct DateParseError {
    pub text: String,
}

/// Parses `YYYY-MM-DD`.
pub fn parse(text: &str) -> Result<NaiveDate, DateParseError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| DateParseError {
        text: text.to_string(),
    })
}

/// A date a user typed into the `field` of a form: blank is no date;
/// anything else must be `YYYY-MM-DD`, or it is invalid input naming the
/// field and the text.
pub fn parse_entered(field: &str, text: &str) -> crate::error::Result<Option<NaiveDate>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse(text)
        .map(Some)
        .map_err(|e| crate::error::OrgError::InvalidInput(format!("{field}: {e}")))
}

/// Today in the local calendar.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A calendar quarter, e.g. 2027-Q1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u32,
}

impl Quarter {
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            number: date.month0() / 3 + 1,
        }
    }

    pub fn next(self) -> Quarter {
        if self.number == 4 {
            Quarter {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// The last day of the quarter.
    pub fn last_day(self) -> NaiveDate {
        let next = self.next();
        NaiveDate::from_ymd_opt(next.year, (next.number - 1) * 3 + 1, 1)
            .and_then(|first| first.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entered_date_is_none_when_blank_and_names_its_field_when_bad() {
        assert_eq!(parse_entered("start date", " ").expect("blank"), None);
        assert_eq!(
            parse_entered("start date", "2027-03-01").expect("valid"),
            NaiveDate::from_ymd_opt(2027, 3, 1)
        );
        let err = parse_entered("end date", "31/03/2027").expect_err("bad");
        assert!(
            err.to_string().starts_with("end date: '31/03/2027'"),
            "{err}"
        );
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn parses_iso_dates_only() {
        assert_eq!(parse("2027-03-31"), Ok(day(2027, 3, 31)));
        assert!(parse("2027-02-30").is_err());
        assert!(parse("31/03/2027").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn quarters_know_their_last_day() {
        assert_eq!(Quarter::of(day(2026, 11, 27)).to_string(), "2026-Q4");
        assert_eq!(Quarter::of(day(2026, 11, 27)).last_day(), day(2026, 12, 31));
        assert_eq!(Quarter::of(day(2027, 2, 1)).last_day(), day(2027, 3, 31));
        assert_eq!(Quarter::of(day(2027, 6, 30)).last_day(), day(2027, 6, 30));
        assert_eq!(Quarter::of(day(2027, 9, 1)).next().to_string(), "2027-Q4");
    }
}
