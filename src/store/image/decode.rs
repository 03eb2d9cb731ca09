//! Rebuilding the org from the image, reading each column where it lies.
//!
//! Each column is a cursor into the image's bytes: the columns are found
//! by reading over them once, then the people are built by reading all of
//! them in step, each value decoded by postcard as it is needed. No column
//! of values is built: decoded whole, the image would be eleven columns
//! (about 85 MB at a million people, ids and names as owned strings) read
//! once and dropped, and fresh memory is slow to touch (the kernel zeroes
//! every page), so not building them is most of a load's saving. Ids and
//! names are `&str`s cut from their column, checked as UTF-8 once, whole;
//! [`decode`] spreads the rest over three threads.
//!

use super::{TeamRecord, FORMAT, NONE};
use crate::model::{
    break_cycles, Org, Person, PersonId, ShortText, Status, Team, TeamId, NO_PARENT,
};
use crate::money::Money;
use chrono::NaiveDate;
use serde::Deserialize;
use std::marker::PhantomData;
use std::sync::Arc;

/// Decodes one value at the start of `bytes`; gives it and what follows.
fn take<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<(T, &'a [u8]), String> {
    postcard::take_from_bytes(bytes).map_err(|e| format!("unreadable baseline image: {e}"))
}

/// One column of the image, read in place, value by value.
struct Column<'a, T> {
    bytes: &'a [u8],
    len: usize,
    of: PhantomData<T>,
}

// A cursor is copied to read a column again, whatever its values' type.
impl<T> Clone for Column<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Column<'_, T> {}

impl<'a, T: Deserialize<'a>> Column<'a, T> {
    /// The column at the start of `bytes` (its length, then its values)
    /// and the bytes after it. The values are read over as `Skim`, a type
    /// with the same encoding that is cheaper to read (bytes for strings:
    /// no UTF-8 check); they are decoded for real when the column is read.
    /// Every value takes at least a byte, so a damaged length runs out of
    /// bytes rather than looping.
    fn open<Skim: Deserialize<'a>>(bytes: &'a [u8]) -> Result<(Self, &'a [u8]), String> {
        let (len, values) = take::<usize>(bytes)?;
        let mut rest = values;
        for _ in 0..len {
            (_, rest) = take::<Skim>(rest)?;
        }
        let column = Column {
            bytes: values,
            len,
            of: PhantomData,
        };
        Ok((column, rest))
    }

    /// The next value. The caller reads at most `len` values.
    fn next(&mut self) -> Result<T, String> {
        let (value, rest) = take::<T>(self.bytes)?;
        self.bytes = rest;
        Ok(value)
    }

    fn collect(mut self) -> Result<Vec<T>, String> {
        (0..self.len).map(|_| self.next()).collect()
    }
}

/// A column of strings, read in place. Its bytes are checked as UTF-8
/// once, whole: lengths under 128 are single ASCII bytes, so a column of
/// valid strings is valid UTF-8 whole, and a string is then cut from the
/// checked text with no check of its own. (Where a cut misses a character
/// boundary, which only longer strings' lengths can cause, the string is
/// checked by itself.)
#[derive(Clone, Copy)]
struct Texts<'a> {
    raw: Column<'a, &'a [u8]>,
    whole: Option<&'a str>,
}

impl<'a> Texts<'a> {
    fn open(bytes: &'a [u8]) -> Result<(Self, &'a [u8]), String> {
        let (raw, rest) = Column::open::<&[u8]>(bytes)?;
        let values = &raw.bytes[..raw.bytes.len() - rest.len()];
        let whole = std::str::from_utf8(values).ok();
        Ok((Texts { raw, whole }, rest))
    }

    fn len(&self) -> usize {
        self.raw.len
    }

    fn next(&mut self) -> Result<&'a str, String> {
        let bytes = self.raw.next()?;
        let cut = |whole: &'a str| {
            let start = bytes.as_ptr() as usize - whole.as_ptr() as usize;
            whole.get(start..start + bytes.len())
        };
        match self.whole.and_then(cut) {
            Some(text) => Ok(text),
            None => {
                std::str::from_utf8(bytes).map_err(|e| format!("unreadable baseline image: {e}"))
            }
        }
    }

    fn collect(mut self) -> Result<Vec<&'a str>, String> {
        (0..self.len()).map(|_| self.next()).collect()
    }
}

/// The people's columns after their ids, in the image's order.
struct People<'a> {
    names: Texts<'a>,
    parents: Column<'a, u32>,
    titles: Column<'a, u32>,
    levels: Column<'a, u32>,
    locations: Column<'a, u32>,
    costs: Column<'a, Option<i64>>,
    statuses: Column<'a, Status>,
    team_of: Column<'a, u32>,
    start_dates: Column<'a, Option<i32>>,
    end_dates: Column<'a, Option<i32>>,
}

impl<'a> People<'a> {
    /// The columns after `ids`, each as long as it.
    fn open(ids: &Texts<'_>, bytes: &'a [u8]) -> Result<(Self, &'a [u8]), String> {
        let (names, rest) = Texts::open(bytes)?;
        let (parents, rest) = Column::open::<u32>(rest)?;
        let (titles, rest) = Column::open::<u32>(rest)?;
        let (levels, rest) = Column::open::<u32>(rest)?;
        let (locations, rest) = Column::open::<u32>(rest)?;
        let (costs, rest) = Column::open::<Option<i64>>(rest)?;
        let (statuses, rest) = Column::open::<Status>(rest)?;
        let (team_of, rest) = Column::open::<u32>(rest)?;
        let (start_dates, rest) = Column::open::<Option<i32>>(rest)?;
        let (end_dates, rest) = Column::open::<Option<i32>>(rest)?;
        let lengths = [
            names.len(),
            parents.len,
            titles.len,
            levels.len,
            locations.len,
            costs.len,
            statuses.len,
            team_of.len,
            start_dates.len,
            end_dates.len,
        ];
        if lengths.iter().any(|&len| len != ids.len()) {
            return Err("baseline image columns differ in length".into());
        }
        let people = People {
            names,
            parents,
            titles,
            levels,
            locations,
            costs,
            statuses,
            team_of,
            start_dates,
            end_dates,
        };
        Ok((people, rest))
    }
}

fn date(days: Option<i32>) -> Result<Option<NaiveDate>, String> {
    days.map(|d| {
        NaiveDate::from_num_days_from_ce_opt(d).ok_or_else(|| format!("day {d} is not a date"))
    })
    .transpose()
}

/// Rebuilds an org from [`super::encode`]'s bytes. Errors describe what is
/// wrong.
///
/// Three threads share the work: one indexes the ids as soon as their
/// column is found, one builds the teams and checks the reporting lines
/// once the columns are found, and this one builds the people, the bulk
/// of a load.
pub fn decode(bytes: &[u8]) -> Result<Org, String> {
    let (format, rest) = take::<u32>(bytes)?;
    if format != FORMAT {
        return Err(format!(
            "baseline image format {format} is not known to this build (it knows {FORMAT})"
        ));
    }
    let (strings, rest) = take::<Vec<&str>>(rest)?;
    let shared: Vec<Arc<str>> = strings.into_iter().map(Arc::from).collect();
    let string = |index: u32| -> Result<Arc<str>, String> {
        shared
            .get(index as usize)
            .cloned()
            .ok_or_else(|| format!("string {index} is out of range"))
    };
    let (mut ids, rest) = Texts::open(rest)?;
    std::thread::scope(|scope| {
        let index = scope.spawn(move || Org::index_ids(&ids.collect()?));
        let (people, rest) = People::open(&ids, rest)?;
        let (teams, rest) = take::<Vec<TeamRecord<'_>>>(rest)?;
        let (dotted, rest) = take::<Vec<(u32, u32)>>(rest)?;
        let (support, _) = take::<Vec<(u32, u32)>>(rest)?;
        let team_ids: Vec<TeamId> = teams.iter().map(|team| TeamId::from(team.id)).collect();
        let (their_ids, parents) = (team_ids.clone(), people.parents);
        let aside = scope.spawn(move || {
            let with_teams = teams_of(&teams, their_ids)?;
            Ok::<_, String>((with_teams, teams, forest(parents)?))
        });

        let team = |index: u32| -> Result<Option<TeamId>, String> {
            match index {
                NONE => Ok(None),
                t => team_ids
                    .get(t as usize)
                    .cloned()
                    .map(Some)
                    .ok_or_else(|| format!("team {t} is out of range")),
            }
        };
        let n = ids.len();
        let mut org = Org::with_capacity(n);
        let People {
            mut names,
            mut titles,
            mut levels,
            mut locations,
            mut costs,
            mut statuses,
            mut team_of,
            mut start_dates,
            mut end_dates,
            ..
        } = people;
        let built = (0..n).try_for_each(|_| {
            org.push_unindexed(Person {
                id: PersonId(ShortText::from(ids.next()?)),
                name: ShortText::from(names.next()?),
                title: string(titles.next()?)?,
                level: string(levels.next()?)?,
                location: string(locations.next()?)?,
                cost: costs.next()?.map(Money::from_cents),
                status: statuses.next()?,
                team: team(team_of.next()?)?,
                start_date: date(start_dates.next()?)?,
                end_date: date(end_dates.next()?)?,
            });
            Ok::<_, String>(())
        });
        let lost = |_| "the image could not be decoded".to_string();
        let index = index.join().map_err(lost)??;
        let (with_teams, teams, parents) = aside.join().map_err(lost)??;
        built?;
        org.install_index(index)?;
        org.take_teams(with_teams);
        org.reserve_lines(n + dotted.len());
        org.attach_parents(&parents);
        drop(parents);
        link(&mut org, &teams, &team_ids, dotted, support)?;
        Ok(org)
    })
}

/// An org holding only the image's teams, each with the id its members
/// hold.
fn teams_of(teams: &[TeamRecord<'_>], ids: Vec<TeamId>) -> Result<Org, String> {
    let mut org = Org::new();
    org.reserve_teams(teams.len());
    for (team, id) in teams.iter().zip(ids) {
        org.add_team(Team {
            id,
            name: team.name.to_string(),
            kind: team.kind,
            lead: None,
            department: team.department.map(str::to_string),
        })
        .map_err(|e| e.to_string())?;
    }
    Ok(org)
}

/// The parent positions, checked to form a forest.
fn forest(parents: Column<'_, u32>) -> Result<Vec<u32>, String> {
    let mut parents = parents.collect()?;
    let n = parents.len();
    if parents.iter().any(|&p| p != NO_PARENT && p as usize >= n) {
        return Err("a manager index is out of range".into());
    }
    if !break_cycles(&mut parents, 1).is_empty() {
        return Err("the reporting lines contain a cycle".into());
    }
    Ok(parents)
}

/// Team leads, dotted lines and support assignments, which name people by
/// position.
fn link(
    org: &mut Org,
    teams: &[TeamRecord<'_>],
    team_ids: &[TeamId],
    dotted: Vec<(u32, u32)>,
    support: Vec<(u32, u32)>,
) -> Result<(), String> {
    let person = |org: &Org, index: u32| -> Result<PersonId, String> {
        org.person_at(index)
            .map(|p| p.id.clone())
            .ok_or_else(|| format!("person {index} is out of range"))
    };
    for (index, team) in teams.iter().enumerate() {
        if let Some(lead) = team.lead {
            let lead = person(org, lead)?;
            org.team_mut(index).lead = Some(lead);
        }
    }
    for (manager, report) in dotted {
        org.add_dotted_line_at(manager, report)
            .map_err(|e| e.to_string())?;
    }
    let support = support
        .iter()
        .map(|&(p, t)| {
            let team = team_ids
                .get(t as usize)
                .ok_or_else(|| format!("team {t} is out of range"))?;
            Ok((person(org, p)?, team.clone()))
        })
        .collect::<Result<Vec<_>, String>>()?;
    org.add_known_supports(support);
    Ok(())
}
