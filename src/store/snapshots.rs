//! Metrics snapshots: the summary columns a workspace keeps of each
//! scenario's figures over time, and the aggregate JSON stored beside them.

use super::Workspace;
use crate::error::Result;
use crate::metrics::Metrics;
use crate::money::Money;
use rusqlite::{params, Connection, OptionalExtension};

/// One stored metrics snapshot (summary columns).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SnapshotRow {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub scenario: String,
    /// The date the figures describe.
    pub as_of: Option<chrono::NaiveDate>,
    pub taken_at: String,
    pub reason: String,
    pub view: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub managers: u64,
    pub layers: u32,
    pub span_median: f64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub band_narrow: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub band_wide: u64,
    pub manager_ic_ratio: Option<f64>,
    pub coverage_ratio: Option<f64>,
    pub cost: Money,
}

/// A metrics snapshot to store: which scenario, the date it describes and
/// why it was taken.
#[derive(Debug, Clone, Copy)]
pub struct Snapshot<'a> {
    pub scenario_id: i64,
    pub as_of: chrono::NaiveDate,
    pub reason: &'a str,
    pub metrics: &'a Metrics,
}

impl Workspace {
    /// Stores a metrics snapshot of a scenario on its own (e.g. after an
    /// import).
    pub fn record_snapshot(&mut self, snapshot: &Snapshot<'_>) -> Result<()> {
        self.write(|tx| Ok(insert_snapshot(tx, snapshot)?))
    }

    /// Stored snapshots, oldest first: every scenario's, or one's (by name).
    pub fn snapshots(&self, scenario: Option<&str>) -> Result<Vec<SnapshotRow>> {
        let map = self.map();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT m.id, coalesce(s.name, '(deleted scenario)'), m.as_of, m.taken_at,
                        m.reason, m.view, m.people, m.managers, m.layers, m.span_median,
                        m.band_narrow, m.band_wide, m.manager_ic_ratio, m.coverage_ratio,
                        m.cost_cents
                 FROM metrics_snapshots m LEFT JOIN scenarios s ON s.id = m.scenario_id
                 WHERE ?1 IS NULL OR s.name = ?1
                 ORDER BY m.id",
            )
            .map_err(&map)?;
        let rows = stmt
            .query_map([scenario], |row| {
                Ok(SnapshotRow {
                    id: row.get(0)?,
                    scenario: row.get(1)?,
                    as_of: row.get(2)?,
                    taken_at: row.get(3)?,
                    reason: row.get(4)?,
                    view: row.get(5)?,
                    people: row.get::<_, i64>(6)? as u64,
                    managers: row.get::<_, i64>(7)? as u64,
                    layers: row.get(8)?,
                    span_median: row.get(9)?,
                    band_narrow: row.get::<_, i64>(10)? as u64,
                    band_wide: row.get::<_, i64>(11)? as u64,
                    manager_ic_ratio: row.get(12)?,
                    coverage_ratio: row.get(13)?,
                    cost: Money::from_cents(row.get(14)?),
                })
            })
            .map_err(&map)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&map)
    }

    /// The stored JSON of one snapshot.
    pub fn snapshot_json(&self, id: i64) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT json FROM metrics_snapshots WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.map())
    }
}

/// Snapshots keep every aggregate figure but not the per-person lists
/// (`span_by_manager`, `coverage.load`, `teams`), which would make each
/// snapshot O(n) in size at a million people.
/// The JSON stored with a snapshot: every aggregate, borrowed from the
/// metrics so that nothing per-person is ever serialised.
#[derive(serde::Serialize)]
struct SnapshotJson<'a> {
    view: crate::metrics::View,
    people: u64,
    managers: u64,
    ics: u64,
    roots: u64,
    layers: u32,
    span: &'a crate::metrics::SpanStats,
    band: &'a crate::metrics::BandStats,
    manager_ic_ratio: Option<f64>,
    cost: Money,
    span_histogram: &'a [crate::metrics::SpanBucket],
    people_per_layer: &'a [u64],
    coverage: CoverageJson,
    team_size: &'a crate::metrics::TeamSizeStats,
}

#[derive(serde::Serialize)]
struct CoverageJson {
    teams: u64,
    covered: u64,
    uncovered: u64,
    coverage_ratio: Option<f64>,
    staff_plus: u64,
    embedded: u64,
    central: u64,
    unplaced: u64,
    ic_engineers: u64,
    staff_plus_to_ic_engineer_ratio: Option<f64>,
    max_load: u32,
    overloaded: u64,
}

impl<'a> SnapshotJson<'a> {
    fn of(m: &'a Metrics) -> Self {
        let c = &m.coverage;
        SnapshotJson {
            view: m.view,
            people: m.people,
            managers: m.managers,
            ics: m.ics,
            roots: m.roots,
            layers: m.layers,
            span: &m.span,
            band: &m.band,
            manager_ic_ratio: m.manager_ic_ratio,
            cost: m.cost,
            span_histogram: &m.span_histogram,
            people_per_layer: &m.people_per_layer,
            coverage: CoverageJson {
                teams: c.teams,
                covered: c.covered,
                uncovered: c.uncovered,
                coverage_ratio: c.coverage_ratio,
                staff_plus: c.staff_plus,
                embedded: c.embedded,
                central: c.central,
                unplaced: c.unplaced,
                ic_engineers: c.ic_engineers,
                staff_plus_to_ic_engineer_ratio: c.staff_plus_to_ic_engineer_ratio,
                max_load: c.max_load,
                overloaded: c.overloaded,
            },
            team_size: &m.team_size,
        }
    }
}

pub(super) fn insert_snapshot(conn: &Connection, snapshot: &Snapshot<'_>) -> rusqlite::Result<()> {
    let m = snapshot.metrics;
    let aggregate = serde_json::to_string(&SnapshotJson::of(m))
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.execute(
        "INSERT INTO metrics_snapshots (reason, view, people, managers, ics, roots, layers,
            span_min, span_median, span_mean, span_max, band_min, band_max, band_narrow,
            band_in_band, band_wide, single_report, manager_ic_ratio, coverage_ratio,
            cost_cents, json, scenario_id, as_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23)",
        params![
            snapshot.reason,
            m.view.as_str(),
            m.people as i64,
            m.managers as i64,
            m.ics as i64,
            m.roots as i64,
            m.layers,
            m.span.min,
            m.span.median,
            m.span.mean,
            m.span.max,
            m.band.min,
            m.band.max,
            m.band.narrow as i64,
            m.band.in_band as i64,
            m.band.wide as i64,
            m.band.single_report as i64,
            m.manager_ic_ratio,
            m.coverage.coverage_ratio,
            m.cost.cents(),
            aggregate,
            snapshot.scenario_id,
            snapshot.as_of,
        ],
    )?;
    Ok(())
}
