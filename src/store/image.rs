//! The baseline org as one compact binary image: columns of numbers and
//! short strings, with repeated strings (titles, levels, locations) stored
//! once, encoded with postcard (a stable, documented wire format). A
//! million people save and load in a fraction of a second, where one SQL
//! row per person takes seconds.
//!
//! Decoding never trusts the bytes: every index is range-checked and the
//! org is rebuilt through the model's own checks (unique ids, a forest),
//! so a damaged image is reported as corrupt, never half-loaded.

mod decode;
mod encode;

pub use decode::decode;
pub use encode::{encode, Pieces};

#[cfg(test)]
use crate::model::Status;
use crate::model::TeamKind;
use serde::{Deserialize, Serialize};

/// Bumped when the image's layout changes.
const FORMAT: u32 = 1;
/// "No team" in the `teams` column.
const NONE: u32 = u32::MAX;

#[derive(Serialize, Deserialize)]
struct TeamRecord<'a> {
    id: &'a str,
    name: &'a str,
    kind: TeamKind,
    lead: Option<u32>,
    #[serde(borrow)]
    department: Option<&'a str>,
}

/// The image's layout, as postcard writes it: each field in turn, a
/// sequence as its length and then its elements. [`encode`] writes it
/// column by column and [`decode`] reads it column by column, so this
/// value is only ever built whole by the tests, which hold both to it.
#[cfg(test)]
#[derive(Serialize)]
struct Image<'a> {
    format: u32,
    /// Distinct titles, levels and locations.
    strings: Vec<String>,
    ids: Vec<&'a str>,
    names: Vec<&'a str>,
    /// Position of each person's manager, or `NO_PARENT`.
    parents: Vec<u32>,
    titles: Vec<u32>,
    levels: Vec<u32>,
    locations: Vec<u32>,
    /// Cents.
    costs: Vec<Option<i64>>,
    statuses: Vec<Status>,
    /// Index into `teams`, or `NONE`.
    team_of: Vec<u32>,
    /// Days since 0001-01-01 (chrono's day count from the common era).
    start_dates: Vec<Option<i32>>,
    end_dates: Vec<Option<i32>>,
    teams: Vec<TeamRecord<'a>>,
    dotted: Vec<(u32, u32)>,
    support: Vec<(u32, u32)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Org, Person, PersonId, Policy};
    use chrono::NaiveDate;

    fn fingerprint(org: &Org) -> String {
        let mut out: Vec<String> = org
            .people()
            .map(|p| format!("{p:?} <- {:?}", org.manager_of(&p.id)))
            .collect();
        out.push(format!("{:?}", org.teams()));
        out.push(format!("{:?}", org.support_assignments()));
        let mut dotted = org.dotted_lines();
        dotted.sort();
        out.push(format!("{dotted:?}"));
        out.join("\n")
    }

    #[test]
    fn a_generated_org_round_trips_exactly() {
        let records = crate::generate::generate(3_000, 5);
        let (mut org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        org.person_mut(&PersonId::new("E000010"))
            .expect("exists")
            .start_date = NaiveDate::from_ymd_opt(2027, 1, 31);
        let bytes = encode(&org).expect("encodes").joined();
        let back = decode(&bytes).expect("decodes");
        assert_eq!(fingerprint(&back), fingerprint(&org));
        assert!(!org.dotted_lines().is_empty() && !org.support_assignments().is_empty());
    }

    /// Written column by column, the image is byte for byte the image
    /// written whole, for people with and without teams, costs and dates,
    /// ids and names too long to be held inline, and for no one at all.
    #[test]
    fn the_columns_are_the_image_written_whole() {
        let records = crate::generate::generate(2_000, 9);
        let (mut org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let long = "a name far too long to be held inline by a short string";
        let hire = org.person_mut(&PersonId::new("E000012")).expect("exists");
        hire.name = long.into();
        hire.team = None;
        hire.cost = None;
        hire.status = Status::Planned;
        hire.start_date = NaiveDate::from_ymd_opt(2027, 3, 1);
        hire.end_date = NaiveDate::from_ymd_opt(2029, 2, 28);
        org.add_person(Person::new(format!("{long} as an id")))
            .expect("a new id");
        let pieces = encode(&org).expect("encodes");
        assert_eq!(pieces.len(), pieces.joined().len());
        assert_eq!(pieces.joined(), encode::reference(&org));
        let empty = Org::default();
        assert_eq!(
            encode(&empty).expect("encodes").joined(),
            encode::reference(&empty)
        );
    }

    /// Strings of 128 bytes or more have lengths of two bytes or more,
    /// which are not ASCII: their column is not valid UTF-8 whole, and each
    /// string is checked by itself. Short and long, ASCII or not, every
    /// text comes back as it was.
    #[test]
    fn texts_of_any_length_and_script_round_trip() {
        let records = crate::generate::generate(300, 3);
        let (mut org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let texts = [
            "Zoë Ångström".to_string(),
            "é".repeat(64),
            "x".repeat(127),
            "y".repeat(128),
            "名前".repeat(100),
        ];
        for (i, text) in texts.iter().enumerate() {
            let person = org
                .person_mut(&PersonId::new(format!("E{:06}", 10 + i)))
                .expect("exists");
            person.name = text.as_str().into();
            org.add_person(Person::new(format!("{text}-{i}")))
                .expect("a new id");
        }
        let back = decode(&encode(&org).expect("encodes").joined()).expect("decodes");
        assert_eq!(fingerprint(&back), fingerprint(&org));
        for text in &texts {
            assert!(back.people().any(|p| p.name == *text.as_str()), "{text}");
        }
    }

    #[test]
    fn damaged_images_are_errors_not_panics() {
        let records = crate::generate::generate(200, 5);
        let (org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let bytes = encode(&org).expect("encodes").joined();
        assert!(decode(&bytes[..bytes.len() / 2]).is_err());
        assert!(decode(b"").is_err());
        // Flip bytes all over the image: every outcome is Ok or Err.
        for at in (0..bytes.len()).step_by(97) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x5A;
            let _ = decode(&damaged);
        }
    }

    /// A column that claims billions of elements is refused by the reader,
    /// not reserved: the claim is bounded by the bytes actually there.
    #[test]
    fn an_absurd_column_length_is_an_error_not_an_allocation() {
        // format 1, then `strings` claiming u32::MAX - 1 elements (varint).
        let mut bytes = vec![FORMAT as u8];
        bytes.extend_from_slice(&[0xFE, 0xFF, 0xFF, 0xFF, 0x0F]);
        bytes.extend_from_slice(&[0; 64]);
        let error = decode(&bytes).expect_err("refused");
        assert!(error.contains("unreadable baseline image"), "{error}");
    }
}
