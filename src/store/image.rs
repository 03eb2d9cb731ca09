//! The baseline org as one compact binary image: columns of numbers and
//! short strings, with repeated strings (titles, levels, locations) stored
//! once, encoded with postcard (a stable, documented wire format). A
//! million people save and load in a fraction of a second, where one SQL
//! row per person takes seconds.
//!
//! Decoding never trusts the bytes: every index is range-checked and the
//! org is rebuilt through the model's own checks (unique ids, a forest),
//! so a damaged image is reported as corrupt, never half-loaded.

mod encode;

pub use encode::{encode, Pieces};

use crate::model::{
    break_cycles, Org, Person, PersonId, ShortText, Status, Team, TeamId, TeamKind, NO_PARENT,
};
use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Bumped when the layout of [`Image`] changes.
const FORMAT: u32 = 1;
/// "No team" in the `teams` column.
const NONE: u32 = u32::MAX;

#[derive(Serialize, Deserialize)]
struct TeamRecord {
    id: String,
    name: String,
    kind: TeamKind,
    lead: Option<u32>,
    department: Option<String>,
}

/// The image's layout. [`encode`] writes it column by column; `Text` is
/// how ids and names are held: owned when decoding, borrowed from the org
/// when the tests write the image whole to check `encode` against. Both
/// are written as strings, so the bytes are the same.
#[derive(Serialize, Deserialize)]
#[serde(bound(serialize = "Text: Serialize", deserialize = "Text: Deserialize<'de>"))]
struct Image<Text> {
    format: u32,
    /// Distinct titles, levels and locations.
    #[serde(deserialize_with = "column::exact")]
    strings: Vec<String>,
    #[serde(deserialize_with = "column::exact")]
    ids: Vec<Text>,
    #[serde(deserialize_with = "column::exact")]
    names: Vec<Text>,
    /// Position of each person's manager, or `NO_PARENT`.
    #[serde(deserialize_with = "column::exact")]
    parents: Vec<u32>,
    #[serde(deserialize_with = "column::exact")]
    titles: Vec<u32>,
    #[serde(deserialize_with = "column::exact")]
    levels: Vec<u32>,
    #[serde(deserialize_with = "column::exact")]
    locations: Vec<u32>,
    /// Cents.
    #[serde(deserialize_with = "column::exact")]
    costs: Vec<Option<i64>>,
    #[serde(deserialize_with = "column::exact")]
    statuses: Vec<Status>,
    /// Index into `teams`, or `NONE`.
    #[serde(deserialize_with = "column::exact")]
    team_of: Vec<u32>,
    /// Days since 0001-01-01 (chrono's day count from the common era).
    #[serde(deserialize_with = "column::exact")]
    start_dates: Vec<Option<i32>>,
    #[serde(deserialize_with = "column::exact")]
    end_dates: Vec<Option<i32>>,
    #[serde(deserialize_with = "column::exact")]
    teams: Vec<TeamRecord>,
    #[serde(deserialize_with = "column::exact")]
    dotted: Vec<(u32, u32)>,
    #[serde(deserialize_with = "column::exact")]
    support: Vec<(u32, u32)>,
}

/// Reading the image's columns at their final size. serde's own `Vec`
/// reader caps what it reserves up front (to 1 MiB), so a million-element
/// column grew by doubling: every column copied about twice over, on fresh
/// pages. Postcard states each length first; trusting it is safe once it is
/// bounded by the input's length, since every element takes at least a
/// byte.
mod column {
    use serde::de::{Deserializer, SeqAccess, Visitor};
    use serde::Deserialize;
    use std::cell::Cell;
    use std::fmt;
    use std::marker::PhantomData;

    thread_local! {
        /// Bytes of the image being decoded on this thread.
        static INPUT_LEN: Cell<usize> = const { Cell::new(0) };
    }

    /// Runs `decode` with `len` as the bound on any column's length.
    pub(super) fn bounded<R>(len: usize, decode: impl FnOnce() -> R) -> R {
        let previous = INPUT_LEN.replace(len);
        let result = decode();
        INPUT_LEN.set(previous);
        result
    }

    pub(super) fn exact<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        struct Exact<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Exact<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a column")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let stated = seq.size_hint().unwrap_or(0);
                let mut out = Vec::with_capacity(stated.min(INPUT_LEN.get()));
                while let Some(value) = seq.next_element()? {
                    out.push(value);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_seq(Exact(PhantomData))
    }
}

/// Rebuilds an org from [`encode`]'s bytes. Errors describe what is wrong.
pub fn decode(bytes: &[u8]) -> Result<Org, String> {
    let image: Image<ShortText> = column::bounded(bytes.len(), || postcard::from_bytes(bytes))
        .map_err(|e| format!("unreadable baseline image: {e}"))?;
    if image.format != FORMAT {
        return Err(format!(
            "baseline image format {} is not known to this build (it knows {FORMAT})",
            image.format
        ));
    }
    let n = image.ids.len();
    let columns = [
        image.names.len(),
        image.parents.len(),
        image.titles.len(),
        image.levels.len(),
        image.locations.len(),
        image.costs.len(),
        image.statuses.len(),
        image.team_of.len(),
        image.start_dates.len(),
        image.end_dates.len(),
    ];
    if columns.iter().any(|&len| len != n) {
        return Err("baseline image columns differ in length".into());
    }
    let shared: Vec<Arc<str>> = image
        .strings
        .iter()
        .map(|s| Arc::from(s.as_str()))
        .collect();
    let string = |index: u32| -> Result<Arc<str>, String> {
        shared
            .get(index as usize)
            .cloned()
            .ok_or_else(|| format!("string {index} is out of range"))
    };
    let date = |days: Option<i32>| -> Result<Option<NaiveDate>, String> {
        days.map(|d| {
            NaiveDate::from_num_days_from_ce_opt(d).ok_or_else(|| format!("day {d} is not a date"))
        })
        .transpose()
    };
    let mut org = Org::with_capacity(n);
    let mut team_ids = Vec::with_capacity(image.teams.len());
    org.reserve_teams(image.teams.len());
    for team in &image.teams {
        let id = TeamId::from(team.id.as_str());
        team_ids.push(id.clone());
        org.add_team(Team {
            id,
            name: team.name.clone(),
            kind: team.kind,
            lead: None,
            department: team.department.clone(),
        })
        .map_err(|e| e.to_string())?;
    }
    // The id index is built on a second thread while this one builds the
    // people: together they are most of the load time.
    let ids = &image.ids;
    let mut names = image.names.into_iter();
    std::thread::scope(|scope| -> Result<(), String> {
        let index = scope.spawn(|| Org::index_ids(ids));
        let built = (|| -> Result<(), String> {
            for (i, id) in ids.iter().enumerate() {
                let team = match image.team_of[i] {
                    NONE => None,
                    t => Some(
                        team_ids
                            .get(t as usize)
                            .cloned()
                            .ok_or_else(|| format!("team {t} is out of range"))?,
                    ),
                };
                org.push_unindexed(Person {
                    id: PersonId(id.clone()),
                    name: names.next().unwrap_or_default(),
                    title: string(image.titles[i])?,
                    level: string(image.levels[i])?,
                    location: string(image.locations[i])?,
                    cost: image.costs[i].map(Money::from_cents),
                    status: image.statuses[i],
                    team,
                    start_date: date(image.start_dates[i])?,
                    end_date: date(image.end_dates[i])?,
                });
            }
            Ok(())
        })();
        let index = index
            .join()
            .map_err(|_| "the id index could not be built".to_string())??;
        built?;
        org.install_index(index)
    })?;
    if image
        .parents
        .iter()
        .any(|&p| p != NO_PARENT && p as usize >= n)
    {
        return Err("a manager index is out of range".into());
    }
    let mut parents = image.parents;
    if !break_cycles(&mut parents, 1).is_empty() {
        return Err("the reporting lines contain a cycle".into());
    }
    org.attach_parents(&parents);
    let person = |org: &Org, index: u32| -> Result<PersonId, String> {
        org.person_at(index)
            .map(|p| p.id.clone())
            .ok_or_else(|| format!("person {index} is out of range"))
    };
    for (index, team) in image.teams.iter().enumerate() {
        if let Some(lead) = team.lead {
            let lead = person(&org, lead)?;
            org.team_mut(index).lead = Some(lead);
        }
    }
    for (manager, report) in image.dotted {
        let (manager, report) = (person(&org, manager)?, person(&org, report)?);
        org.add_dotted_line(&manager, &report)
            .map_err(|e| e.to_string())?;
    }
    for (p, t) in image.support {
        let team = team_ids
            .get(t as usize)
            .ok_or_else(|| format!("team {t} is out of range"))?;
        let supporter = person(&org, p)?;
        org.add_support(&supporter, team)
            .map_err(|e| e.to_string())?;
    }
    Ok(org)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Policy};

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
