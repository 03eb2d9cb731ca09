//! Exact money amounts. HR exports carry values such as `131999.92`; floats
//! would drift when summed over a million people, so amounts are integer cents.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub, SubAssign};

/// An amount of money in integer cents (hundredths of the currency unit).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(transparent)]
// Cents stay below 2^53 for any real payroll, so a JS number holds them exactly.
pub struct Money(#[cfg_attr(feature = "ts", ts(type = "number"))] pub i64);

/// Why a money string could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyParseError {
    #[error("empty amount")]
    Empty,
    #[error("'{0}' is not an amount (expected digits such as 131999.92)")]
    NotANumber(String),
    #[error("'{0}' has more than two decimal places and cannot be kept exact")]
    TooPrecise(String),
    #[error("'{0}' is too large")]
    Overflow(String),
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_cents(cents: i64) -> Self {
        Money(cents)
    }

    pub fn cents(self) -> i64 {
        self.0
    }

    /// An amount a user typed into a form: blank is no amount; anything
    /// else must parse ([`Money::parse`]), or it is invalid input naming
    /// the text.
    pub fn parse_entered(text: &str) -> crate::error::Result<Option<Money>> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Money::parse(text)
            .map(Some)
            .map_err(|e| crate::error::OrgError::InvalidInput(format!("cost '{text}': {e}")))
    }

    /// Parses amounts as HR exports write them: `131999.92`, `131,999.92`,
    /// `$ 120000`, `-5.5`. Thousands separators (`,` `_` and spaces) and a
    /// leading currency symbol or code are ignored. More than two decimal
    /// places is refused unless the extra digits are zeros.
    pub fn parse(text: &str) -> Result<Self, MoneyParseError> {
        match Money::parse_plain(text) {
            Some(money) => Ok(money),
            None => Money::parse_written(text),
        }
    }

    /// The common spelling alone, as most exports write every amount:
    /// digits, then optionally a point and one or two digits. `None` for
    /// anything else, which [`Money::parse_written`] reads. An import
    /// parses one amount per row, and this is several times faster.
    fn parse_plain(text: &str) -> Option<Money> {
        let bytes = text.as_bytes();
        // Fifteen digits and two decimals stay well inside an i64 of cents;
        // reading one digit more tells a longer number apart.
        let digits = bytes
            .iter()
            .take(16)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 15 {
            return None;
        }
        let value = |digit: &u8| i64::from(digit - b'0');
        let whole = bytes[..digits]
            .iter()
            .fold(0, |whole, digit| whole * 10 + value(digit));
        let cents = match &bytes[digits..] {
            [] => 0,
            [b'.', tenths] if tenths.is_ascii_digit() => value(tenths) * 10,
            [b'.', tenths, hundredths]
                if tenths.is_ascii_digit() && hundredths.is_ascii_digit() =>
            {
                value(tenths) * 10 + value(hundredths)
            }
            _ => return None,
        };
        Some(Money(whole * 100 + cents))
    }

    /// [`Money::parse`] for amounts written any way it accepts.
    fn parse_written(text: &str) -> Result<Self, MoneyParseError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        let not_a_number = || MoneyParseError::NotANumber(trimmed.to_string());
        let without_currency = trimmed
            .trim_start_matches(|c: char| c.is_alphabetic() || matches!(c, '$' | '€' | '£' | '¥'))
            .trim();
        let (negative, unsigned) = match without_currency.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, without_currency),
        };
        let with_point = with_decimal_point(unsigned);
        let unsigned = with_point.as_deref().unwrap_or(unsigned);
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (unsigned, ""),
        };
        // A comma that does not start a group of three digits is no
        // thousands separator: read past, it would scale the amount.
        let grouped = whole
            .split(',')
            .skip(1)
            .all(|group| group.chars().filter(char::is_ascii_digit).count() == 3);
        if !grouped {
            return Err(not_a_number());
        }
        let mut whole_value: i64 = 0;
        let mut whole_digits = 0;
        for c in whole.chars() {
            match c {
                '0'..='9' => {
                    whole_value = whole_value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(i64::from(c as u8 - b'0')))
                        .ok_or_else(|| MoneyParseError::Overflow(trimmed.to_string()))?;
                    whole_digits += 1;
                }
                ',' | '_' | ' ' | '\u{a0}' => {}
                _ => return Err(not_a_number()),
            }
        }
        if !fraction.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number());
        }
        if whole_digits == 0 && fraction.is_empty() {
            return Err(not_a_number());
        }
        let significant = fraction.trim_end_matches('0');
        let fraction = if fraction.len() > 2 {
            if significant.len() > 2 {
                return Err(MoneyParseError::TooPrecise(trimmed.to_string()));
            }
            &fraction[..2]
        } else {
            fraction
        };
        let mut cents_part: i64 = 0;
        for (i, c) in fraction.chars().enumerate() {
            let digit = i64::from(c as u8 - b'0');
            cents_part += if i == 0 { digit * 10 } else { digit };
        }
        let cents = whole_value
            .checked_mul(100)
            .and_then(|v| v.checked_add(cents_part))
            .ok_or_else(|| MoneyParseError::Overflow(trimmed.to_string()))?;
        Ok(Money(if negative { -cents } else { cents }))
    }
}

/// An amount written with a decimal comma, as much of Europe writes them
/// (`65000,50`, `65.000,50`, `1 234,5`), rewritten with a decimal point;
/// `None` when its last comma is not followed by one or two digits alone,
/// so `131,999` keeps its comma as a thousands separator.
fn with_decimal_point(unsigned: &str) -> Option<String> {
    let (whole, decimals) = unsigned.rsplit_once(',')?;
    let is_decimal = (1..=2).contains(&decimals.len())
        && decimals.bytes().all(|b| b.is_ascii_digit())
        && !whole.contains(',');
    // Points before a decimal comma group thousands.
    is_decimal.then(|| format!("{}.{decimals}", whole.replace('.', "")))
}

impl fmt::Display for Money {
    /// Formats as a plain decimal with two places (`131999.92`), the same
    /// form `parse` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 = self.0.saturating_add(rhs.0);
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        self.0 = self.0.saturating_sub(rhs.0);
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entered_amount_is_none_when_blank_and_named_when_bad() {
        assert_eq!(Money::parse_entered("  ").expect("blank"), None);
        assert_eq!(
            Money::parse_entered(" 1,200.50 ").expect("valid"),
            Some(Money(120_050))
        );
        let err = Money::parse_entered("12abc").expect_err("bad");
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        assert!(err.to_string().starts_with("cost '12abc':"), "{err}");
    }

    #[test]
    fn parses_exact_cents() {
        assert_eq!(Money::parse("131999.92"), Ok(Money(13_199_992)));
        assert_eq!(Money::parse("131,999.9"), Ok(Money(13_199_990)));
        assert_eq!(Money::parse("$ 120000"), Ok(Money(12_000_000)));
        assert_eq!(Money::parse("EUR 1 000.50"), Ok(Money(100_050)));
        assert_eq!(Money::parse("-5.5"), Ok(Money(-550)));
        assert_eq!(Money::parse(".75"), Ok(Money(75)));
        assert_eq!(Money::parse("10.500"), Ok(Money(1_050)));
    }

    #[test]
    fn a_decimal_comma_is_read_as_a_decimal_separator() {
        assert_eq!(Money::parse("65000,50"), Ok(Money(6_500_050)));
        assert_eq!(Money::parse("65.000,50"), Ok(Money(6_500_050)));
        assert_eq!(Money::parse("€ 1 234,5"), Ok(Money(123_450)));
        assert_eq!(Money::parse("-12,05"), Ok(Money(-1_205)));
        assert_eq!(Money::parse("131,999"), Ok(Money(13_199_900)));
        assert_eq!(Money::parse("1,234,567.25"), Ok(Money(123_456_725)));
    }

    #[test]
    fn a_comma_that_groups_no_thousands_is_refused() {
        for text in ["65,0005", "1,2345.00", "12,34,56", "1,23,456"] {
            assert!(
                matches!(Money::parse(text), Err(MoneyParseError::NotANumber(_))),
                "{text}: {:?}",
                Money::parse(text)
            );
        }
    }

    #[test]
    fn refuses_what_it_cannot_keep_exact() {
        assert_eq!(Money::parse(""), Err(MoneyParseError::Empty));
        assert!(matches!(
            Money::parse("12.345"),
            Err(MoneyParseError::TooPrecise(_))
        ));
        assert!(matches!(
            Money::parse("12a"),
            Err(MoneyParseError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("1.2.3"),
            Err(MoneyParseError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("$"),
            Err(MoneyParseError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("99999999999999999999"),
            Err(MoneyParseError::Overflow(_))
        ));
    }

    proptest::proptest! {
        /// The fast path reads exactly what the general one reads, and
        /// leaves everything else to it.
        #[test]
        fn plain_amounts_read_as_written_ones_do(
            text in "[0-9]{1,17}(\\.[0-9]{0,3})?|[-0-9., $a]{0,8}",
        ) {
            if let Some(plain) = Money::parse_plain(&text) {
                proptest::prop_assert_eq!(Money::parse_written(&text), Ok(plain));
            }
            proptest::prop_assert_eq!(Money::parse_plain(&text).is_some(), looks_plain(&text));
        }
    }

    /// Up to fifteen digits, then optionally a point and one or two digits.
    fn looks_plain(text: &str) -> bool {
        let digits = |s: &str, most: usize| {
            (1..=most).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        match text.split_once('.') {
            None => digits(text, 15),
            Some((whole, fraction)) => digits(whole, 15) && digits(fraction, 2),
        }
    }

    #[test]
    fn display_round_trips() {
        for cents in [0, 5, 99, 100, 13_199_992, -550, -5] {
            let money = Money(cents);
            assert_eq!(Money::parse(&money.to_string()), Ok(money));
        }
    }
}
