//! Writing the baseline image straight from the org, column by column.
//!
//! postcard writes a struct as its fields one after another and a
//! sequence as its length followed by its elements, so the image's bytes
//! are the concatenation of each column's. Each column is therefore written
//! into its own buffer, in one pass over the people, with ids and names on
//! a second thread; the pieces are never joined in memory, as the store
//! writes them one after another. Building whole columns of values first
//! and serialising them afterwards would take twice the memory, and fresh
//! memory is slow to touch: the kernel zeroes every page. A test holds the
//! pieces, laid end to end, to the image serialised whole, byte for byte.

#[cfg(test)]
use super::Image;
use super::{TeamRecord, FORMAT, NONE};
use crate::model::{Org, PersonId, TeamId};
use crate::money::Money;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::sync::Arc;

/// An encoded image as pieces whose concatenation is the image's bytes.
#[derive(Debug, Default)]
pub struct Pieces {
    pieces: Vec<Vec<u8>>,
}

impl Pieces {
    /// The image's length in bytes.
    pub fn len(&self) -> usize {
        self.pieces.iter().map(Vec::len).sum()
    }

    /// The pieces, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.pieces.iter().map(Vec::as_slice)
    }

    /// The image's bytes in one buffer.
    #[cfg(test)]
    pub fn joined(&self) -> Vec<u8> {
        self.pieces.concat()
    }

    fn push(&mut self, piece: Vec<u8>) {
        self.pieces.push(piece);
    }

    /// A column: its length, then its elements.
    fn push_column(&mut self, column: Column) -> Result<(), String> {
        let mut length = Vec::new();
        put(&mut length, &column.count)?;
        self.push(length);
        self.push(column.bytes);
        Ok(())
    }
}

/// postcard's output, appended to a caller's buffer.
struct Append<'a>(&'a mut Vec<u8>);

impl postcard::ser_flavors::Flavor for Append<'_> {
    type Output = ();

    fn try_extend(&mut self, data: &[u8]) -> postcard::Result<()> {
        self.0.extend_from_slice(data);
        Ok(())
    }

    fn try_push(&mut self, data: u8) -> postcard::Result<()> {
        self.0.push(data);
        Ok(())
    }

    fn finalize(self) -> postcard::Result<()> {
        Ok(())
    }
}

/// Appends `value`'s postcard encoding to `out`.
fn put<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), String> {
    postcard::serialize_with_flavor(value, Append(out))
        .map_err(|e| format!("cannot encode the org: {e}"))
}

/// The elements of one column, without its length.
struct Column {
    count: usize,
    bytes: Vec<u8>,
}

impl Column {
    /// `most` bounds an element's bytes. Reserving more than is written
    /// costs nothing, as untouched pages are never faulted in; growing by
    /// doubling would copy the column about twice over.
    fn with_room(people: usize, most: usize) -> Column {
        Column {
            count: 0,
            bytes: Vec::with_capacity(people * most),
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), String> {
        self.count += 1;
        put(&mut self.bytes, value)
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

/// The index last found for a shared string, by its address: neighbours
/// in the org (a team's members) mostly share titles, levels, locations
/// and teams, and comparing addresses is cheaper than a hash lookup.
#[derive(Clone, Copy)]
struct Last {
    address: usize,
    index: u32,
}

impl Last {
    const NONE: Last = Last {
        address: 0,
        index: NONE,
    };

    /// `text`'s index, from `find` unless it is the last one's.
    fn index(&mut self, text: &Arc<str>, find: impl FnOnce() -> u32) -> u32 {
        let address = Arc::as_ptr(text).cast::<u8>() as usize;
        if address != self.address {
            *self = Last {
                address,
                index: find(),
            };
        }
        self.index
    }
}

fn day_number(date: Option<NaiveDate>) -> Option<i32> {
    use chrono::Datelike;
    date.map(|d| d.num_days_from_ce())
}

/// Bytes of a varint-encoded `u32`, at most.
const U32_BYTES: usize = 5;
/// An id or name held inline (most are), with its length: longer ones
/// grow the column.
const INLINE_TEXT_BYTES: usize = 25;

/// Encodes the org (people, lines, teams, support) in the layout of
/// [`Image`]. Policy, ladder and warnings are stored separately.
pub fn encode(org: &Org) -> Result<Pieces, String> {
    let (texts, columns) = std::thread::scope(|scope| {
        // Ids and names are most of the bytes.
        let texts = scope.spawn(|| texts(org));
        let columns = person_columns(org);
        let texts = texts
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (texts, columns)
    });
    let (strings, columns) = columns?;
    let mut pieces = Pieces::default();
    let mut head = Vec::new();
    put(&mut head, &FORMAT)?;
    put(&mut head, &strings)?;
    pieces.push(head);
    for column in texts?.into_iter().chain(columns) {
        pieces.push_column(column)?;
    }
    pieces.push(links(org)?);
    Ok(pieces)
}

/// The `ids` and `names` columns.
fn texts(org: &Org) -> Result<[Column; 2], String> {
    let n = org.len();
    let mut ids = Column::with_room(n, INLINE_TEXT_BYTES);
    let mut names = Column::with_room(n, INLINE_TEXT_BYTES);
    for person in org.people() {
        ids.push(person.id.as_str())?;
        names.push(person.name.as_str())?;
    }
    Ok([ids, names])
}

/// The distinct shared strings, and the columns from `parents` to
/// `end_dates`.
fn person_columns(org: &Org) -> Result<(Vec<String>, Vec<Column>), String> {
    let n = org.len();
    let team_index = team_index(org);
    // Members usually hold their team's own id string, so most are found
    // by its address, without hashing it.
    let team_by_address: FxHashMap<usize, u32> = org
        .teams()
        .iter()
        .enumerate()
        .map(|(index, team)| (Arc::as_ptr(&team.id.0).cast::<u8>() as usize, index as u32))
        .collect();
    let mut strings = Strings::default();
    let mut parents = Column::with_room(n, U32_BYTES);
    for parent in org.parent_positions() {
        parents.push(&parent)?;
    }
    let mut titles = Column::with_room(n, U32_BYTES);
    let mut levels = Column::with_room(n, U32_BYTES);
    let mut locations = Column::with_room(n, U32_BYTES);
    // A tag, then a zigzag varint of up to ten bytes.
    let mut costs = Column::with_room(n, 11);
    let mut statuses = Column::with_room(n, 1);
    let mut team_of = Column::with_room(n, U32_BYTES);
    let mut start_dates = Column::with_room(n, 1 + U32_BYTES);
    let mut end_dates = Column::with_room(n, 1 + U32_BYTES);
    // The org keeps its strings, and so their addresses, throughout.
    let [mut last_title, mut last_level, mut last_location, mut last_team] = [Last::NONE; 4];
    for person in org.people() {
        titles.push(&last_title.index(&person.title, || strings.index(&person.title)))?;
        levels.push(&last_level.index(&person.level, || strings.index(&person.level)))?;
        locations
            .push(&last_location.index(&person.location, || strings.index(&person.location)))?;
        costs.push(&person.cost.map(Money::cents))?;
        statuses.push(&person.status)?;
        let team = match &person.team {
            None => NONE,
            Some(id) => last_team.index(&id.0, || {
                let own = team_by_address.get(&(Arc::as_ptr(&id.0).cast::<u8>() as usize));
                own.or_else(|| team_index.get(id)).copied().unwrap_or(NONE)
            }),
        };
        team_of.push(&team)?;
        start_dates.push(&day_number(person.start_date))?;
        end_dates.push(&day_number(person.end_date))?;
    }
    let columns = vec![
        parents,
        titles,
        levels,
        locations,
        costs,
        statuses,
        team_of,
        start_dates,
        end_dates,
    ];
    Ok((strings.list, columns))
}

fn team_index(org: &Org) -> FxHashMap<&TeamId, u32> {
    org.teams()
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.id, i as u32))
        .collect()
}

/// The values of the `teams`, `dotted` and `support` columns.
type Links<'a> = (Vec<TeamRecord<'a>>, Vec<(u32, u32)>, Vec<(u32, u32)>);

fn links_of(org: &Org) -> Links<'_> {
    let positions = org.positions();
    let position = |id: &PersonId| positions.of(id).unwrap_or(NONE);
    let team_index = team_index(org);
    let teams = org
        .teams()
        .iter()
        .map(|team| TeamRecord {
            id: team.id.as_str(),
            name: &team.name,
            kind: team.kind,
            lead: team.lead.as_ref().map(position),
            department: team.department.as_deref(),
        })
        .collect();
    let dotted = org
        .dotted_lines()
        .into_iter()
        .map(|(manager, report)| (position(manager), position(report)))
        .collect();
    let support = org
        .support_assignments()
        .iter()
        .filter_map(|(person, team)| Some((position(person), *team_index.get(team)?)))
        .collect();
    (teams, dotted, support)
}

/// The `teams`, `dotted` and `support` columns.
fn links(org: &Org) -> Result<Vec<u8>, String> {
    let (teams, dotted, support) = links_of(org);
    let mut out = Vec::new();
    put(&mut out, &teams)?;
    put(&mut out, &dotted)?;
    put(&mut out, &support)?;
    Ok(out)
}

/// The image as one [`Image`] value, serialised whole: the plain way to
/// write it, which the column-wise writer must match byte for byte.
#[cfg(test)]
pub(super) fn reference(org: &Org) -> Vec<u8> {
    let team_index = team_index(org);
    let mut strings = Strings::default();
    let mut image = Image {
        format: FORMAT,
        strings: Vec::new(),
        ids: Vec::new(),
        names: Vec::new(),
        parents: org.parent_positions(),
        titles: Vec::new(),
        levels: Vec::new(),
        locations: Vec::new(),
        costs: Vec::new(),
        statuses: Vec::new(),
        team_of: Vec::new(),
        start_dates: Vec::new(),
        end_dates: Vec::new(),
        teams: Vec::new(),
        dotted: Vec::new(),
        support: Vec::new(),
    };
    for person in org.people() {
        image.ids.push(person.id.as_str());
        image.names.push(person.name.as_str());
        image.titles.push(strings.index(&person.title));
        image.levels.push(strings.index(&person.level));
        image.locations.push(strings.index(&person.location));
        image.costs.push(person.cost.map(Money::cents));
        image.statuses.push(person.status);
        let team = person
            .team
            .as_ref()
            .and_then(|t| team_index.get(t).copied());
        image.team_of.push(team.unwrap_or(NONE));
        image.start_dates.push(day_number(person.start_date));
        image.end_dates.push(day_number(person.end_date));
    }
    image.strings = strings.list;
    (image.teams, image.dotted, image.support) = links_of(org);
    postcard::to_stdvec(&image).expect("an in-memory image encodes")
}
