//! The baseline org as one compact binary image: columns of numbers and
//! short strings, with repeated strings (titles, levels, locations) stored
//! once, encoded with postcard (a stable, documented wire format). A
//! million people save and load in a fraction of a second, where one SQL
//! row per person takes seconds.
//!
//! Decoding never trusts the bytes: every index is range-checked and the
//! org is rebuilt through the model's own checks (unique ids, a forest),
//! so a damaged image is reported as corrupt, never half-loaded.

use crate::model::{
    break_cycles, Org, Person, PersonId, ShortText, Status, Team, TeamId, TeamKind, NO_PARENT,
};
use crate::money::Money;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
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

/// `Text` is how ids and names are held: borrowed from the org when
/// encoding (copying a million of each was a tenth of a save), owned when
/// decoding. Both are written as strings, so the bytes are the same.
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

/// Interns shared strings by address first (people share `Arc`s), then by
/// content.
#[derive(Default)]
struct Strings {
    by_address: FxHashMap<usize, u32>,
    by_text: FxHashMap<Arc<str>, u32>,
    list: Vec<String>,
}

impl Strings {
    fn index(&mut self, text: &Arc<str>) -> u32 {
        let address = Arc::as_ptr(text).cast::<u8>() as usize;
        if let Some(&index) = self.by_address.get(&address) {
            return index;
        }
        let index = match self.by_text.get(text) {
            Some(&index) => index,
            None => {
                let index = self.list.len() as u32;
                self.list.push(text.to_string());
                self.by_text.insert(text.clone(), index);
                index
            }
        };
        self.by_address.insert(address, index);
        index
    }
}

fn day_number(date: Option<NaiveDate>) -> Option<i32> {
    use chrono::Datelike;
    date.map(|d| d.num_days_from_ce())
}

/// Encodes the org (people, lines, teams, support). Policy, ladder and
/// warnings are stored separately.
pub fn encode(org: &Org) -> Result<Vec<u8>, String> {
    let n = org.len();
    let positions = org.positions();
    let position = |id: &PersonId| positions.of(id).unwrap_or(NONE);
    let team_index: FxHashMap<&TeamId, u32> = org
        .teams()
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.id, i as u32))
        .collect();
    let mut strings = Strings::default();
    let mut image = Image {
        format: FORMAT,
        strings: Vec::new(),
        ids: Vec::with_capacity(n),
        names: Vec::with_capacity(n),
        parents: org.parent_positions(),
        titles: Vec::with_capacity(n),
        levels: Vec::with_capacity(n),
        locations: Vec::with_capacity(n),
        costs: Vec::with_capacity(n),
        statuses: Vec::with_capacity(n),
        team_of: Vec::with_capacity(n),
        start_dates: Vec::with_capacity(n),
        end_dates: Vec::with_capacity(n),
        teams: Vec::with_capacity(org.teams().len()),
        dotted: Vec::new(),
        support: Vec::new(),
    };
    for person in org.people() {
        image.ids.push(person.id.0.as_str());
        image.names.push(person.name.as_str());
        image.titles.push(strings.index(&person.title));
        image.levels.push(strings.index(&person.level));
        image.locations.push(strings.index(&person.location));
        image.costs.push(person.cost.map(Money::cents));
        image.statuses.push(person.status);
        image.team_of.push(
            person
                .team
                .as_ref()
                .and_then(|t| team_index.get(t).copied())
                .unwrap_or(NONE),
        );
        image.start_dates.push(day_number(person.start_date));
        image.end_dates.push(day_number(person.end_date));
    }
    for team in org.teams() {
        image.teams.push(TeamRecord {
            id: team.id.to_string(),
            name: team.name.clone(),
            kind: team.kind,
            lead: team.lead.as_ref().map(position),
            department: team.department.clone(),
        });
    }
    for (manager, report) in org.dotted_lines() {
        image.dotted.push((position(manager), position(report)));
    }
    for (person, team) in org.support_assignments() {
        if let Some(&t) = team_index.get(team) {
            image.support.push((position(person), t));
        }
    }
    image.strings = strings.list;
    // Reserved up front: grown by doubling, the buffer was copied about
    // twice over, on fresh pages. Reserving more than is written costs
    // nothing, as untouched pages are never faulted in.
    let text: usize = image.ids.iter().chain(&image.names).map(|t| t.len()).sum();
    let capacity = text + n * MAX_FIXED_BYTES_PER_PERSON + (64 << 10);
    postcard::serialize_with_flavor(&image, Presized(Vec::with_capacity(capacity)))
        .map_err(|e| format!("cannot encode the org: {e}"))
}

/// A generous bound on a person's bytes besides their id and name: varint
/// lengths, parent, title, level, location, cost, status, team and dates.
const MAX_FIXED_BYTES_PER_PERSON: usize = 48;

/// postcard's `Vec` output, but into a buffer reserved by the caller.
struct Presized(Vec<u8>);

impl postcard::ser_flavors::Flavor for Presized {
    type Output = Vec<u8>;

    fn try_extend(&mut self, data: &[u8]) -> postcard::Result<()> {
        self.0.extend_from_slice(data);
        Ok(())
    }

    fn try_push(&mut self, data: u8) -> postcard::Result<()> {
        self.0.push(data);
        Ok(())
    }

    fn finalize(self) -> postcard::Result<Vec<u8>> {
        Ok(self.0)
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
        let bytes = encode(&org).expect("encodes");
        let back = decode(&bytes).expect("decodes");
        assert_eq!(fingerprint(&back), fingerprint(&org));
        assert!(!org.dotted_lines().is_empty() && !org.support_assignments().is_empty());
    }

    #[test]
    fn damaged_images_are_errors_not_panics() {
        let records = crate::generate::generate(200, 5);
        let (org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let bytes = encode(&org).expect("encodes");
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
