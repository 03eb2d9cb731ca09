//! Workspace and scenario benchmarks at 100k and 1M people: save and load
//! the baseline, apply and persist one move, materialise a scenario of
//! 1,000 changes, and diff two scenarios. Also the staff+ board and its
//! what-if previews at 100k (the app's Staff+ tab).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use orgraph::model::{Ladder, Org, PersonId, Policy, TeamId};
use orgraph::scenario::{self, Change, ChangeEntry, PersonEdit};
use orgraph::session::Session;
use orgraph::store::Workspace;
use rand::{Rng, SeedableRng};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 2] = [100_000, 1_000_000];

fn org_of(people: usize) -> Org {
    let records = orgraph::generate::generate(people, 42);
    Org::from_records(records, "bench", Ladder::default(), Policy::default())
        .expect("valid org")
        .0
}

/// Everyone's id, and the ids of those with reports.
fn people_and_managers(org: &Org) -> (Vec<PersonId>, Vec<PersonId>) {
    let ids: Vec<PersonId> = org.people().map(|p| p.id.clone()).collect();
    let managers = ids
        .iter()
        .filter(|id| !org.reports_of(id).is_empty())
        .cloned()
        .collect();
    (ids, managers)
}

/// `count` valid changes: mostly moves (to a manager outside the mover's
/// subtree), some title edits, checked by applying them as generated.
fn changes(org: &mut Org, count: usize, seed: u64) -> Vec<ChangeEntry> {
    let (ids, managers) = people_and_managers(org);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut entries = Vec::with_capacity(count);
    let mut undo = Vec::new();
    while entries.len() < count {
        let person = ids[rng.random_range(0..ids.len())].clone();
        let change = if rng.random_range(0..5) == 0 {
            Change::EditPerson {
                person,
                edit: PersonEdit::Title(format!("Title {}", entries.len())),
                was: None,
            }
        } else {
            Change::Move {
                person,
                manager: Some(managers[rng.random_range(0..managers.len())].clone()),
            }
        };
        if let Ok(step) = scenario::apply(org, &change) {
            undo.push(Some(step));
            entries.push(ChangeEntry {
                position: entries.len() as u32 + 1,
                change,
                effective: None,
                made_at: String::new(),
            });
        }
    }
    scenario::unwind(org, undo).expect("unwinds");
    entries
}

/// `org` as next month's HRIS export might have it: 1% of people left
/// (their reports moving up), 1% joined, 1% moved to another manager and
/// 1% changed title, and 1% of teams were renamed (a team of a new id
/// takes the members of one that is gone, as exports name teams by name).
fn churned(org: &Org, seed: u64) -> Org {
    let mut next = org.clone();
    let mut members: std::collections::HashMap<&TeamId, Vec<PersonId>> = Default::default();
    for person in org.people() {
        if let Some(team) = &person.team {
            members.entry(team).or_default().push(person.id.clone());
        }
    }
    for team in org.teams().iter().step_by(100) {
        let renamed: TeamId = format!("{} (renamed)", team.id).as_str().into();
        let steps = [
            Change::CreateTeam {
                team: renamed.clone(),
                name: format!("{} (renamed)", team.name),
                team_kind: team.kind,
                department: team.department.clone(),
            },
            Change::AssignTeam {
                people: members.get(&team.id).cloned().unwrap_or_default(),
                team: Some(renamed),
            },
            Change::DissolveTeam {
                team: team.id.clone(),
            },
        ];
        for step in &steps {
            if matches!(step, Change::AssignTeam { people, .. } if people.is_empty()) {
                continue;
            }
            scenario::apply(&mut next, step).expect("a team renamed");
        }
    }
    let (ids, managers) = people_and_managers(org);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut pick = |from: &[PersonId]| from[rng.random_range(0..from.len())].clone();
    let share = ids.len() / 100;
    let mut made = [0; 4];
    while made.iter().any(|&count| count < share) {
        let kind = made
            .iter()
            .position(|&count| count < share)
            .expect("one left");
        let change = match kind {
            0 => Change::RemovePerson { person: pick(&ids) },
            1 => Change::AddPerson {
                person: scenario::NewPerson {
                    id: format!("J{}", made[1]).as_str().into(),
                    name: format!("Joiner {}", made[1]),
                    title: "Software Engineer".into(),
                    level: "L3".into(),
                    location: "Dublin".into(),
                    cost: None,
                    status: orgraph::model::Status::Active,
                    team: None,
                    start_date: None,
                },
                manager: Some(pick(&managers)),
            },
            2 => Change::Move {
                person: pick(&ids),
                manager: Some(pick(&managers)),
            },
            _ => Change::EditPerson {
                person: pick(&ids),
                edit: PersonEdit::Title(format!("Title {}", made[3])),
                was: None,
            },
        };
        if scenario::apply(&mut next, &change).is_ok() {
            made[kind] += 1;
        }
    }
    next
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn benches(c: &mut Criterion) {
    for people in SIZES {
        let mut org = org_of(people);
        let dir = tempfile::tempdir().expect("temp dir");
        let mut group = c.benchmark_group(format!("{people}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(if people >= 1_000_000 {
                20
            } else {
                8
            }));
        let (path, diff_path) = bench_save_and_load(&mut group, &org, dir.path());
        bench_apply_and_persist(&mut group, &path);
        bench_materialise(&mut group, &mut org);
        bench_diff(&mut group, &diff_path);
        group.finish();
    }
}

/// Saving and loading the baseline. Returns two workspaces holding `org`:
/// one for the session benches, a copy for the diff.
fn bench_save_and_load(group: &mut Group<'_>, org: &Org, dir: &Path) -> (PathBuf, PathBuf) {
    let mut file = 0;
    group.bench_function("save_baseline", |b| {
        b.iter_batched(
            || {
                file += 1;
                Workspace::create(&dir.join(format!("save{file}.orgraph"))).expect("new workspace")
            },
            // The workspace is returned so that closing it (which
            // SQLite follows with its own housekeeping) is not timed.
            |mut ws| {
                ws.save_org(black_box(org), &[]).expect("saved");
                ws
            },
            BatchSize::PerIteration,
        );
    });
    let path = dir.join("bench.orgraph");
    Workspace::create(&path)
        .and_then(|mut ws| ws.save_org(org, &[]))
        .expect("saved");
    // Diffs run on a copy, without the moves the next bench appends.
    let diff_path = dir.join("diff.orgraph");
    std::fs::copy(&path, &diff_path).expect("copied");
    let ws = Workspace::open(&path).expect("opens");
    group.bench_function("load_baseline", |b| {
        // Freeing the loaded org is not part of loading it.
        b.iter_with_large_drop(|| ws.load_org().expect("loads"));
    });
    (path, diff_path)
}

/// One move of an individual contributor between two managers, applied
/// and saved as the app does on an edit.
fn bench_apply_and_persist(group: &mut Group<'_>, path: &Path) {
    let mut session = Session::open(path).expect("opens");
    let mover = session
        .org()
        .people()
        .filter(|p| session.org().reports_of(&p.id).is_empty())
        .last()
        .map(|p| p.id.clone())
        .expect("an IC");
    let managers: Vec<PersonId> = session
        .org()
        .people()
        .filter(|p| session.org().reports_of(&p.id).len() > 2 && p.id != mover)
        .take(2)
        .map(|p| p.id.clone())
        .collect();
    let mut turn = 0;
    group.bench_function("apply_and_persist_move", |b| {
        b.iter(|| {
            turn += 1;
            let change = Change::Move {
                person: mover.clone(),
                manager: Some(managers[turn % 2].clone()),
            };
            session.apply(change, None).expect("applied and saved")
        });
    });
}

/// Materialising 1,000 changes over `org`, and a re-import: what changed,
/// and the changes back, which the app applies to show the previous
/// baseline.
fn bench_materialise(group: &mut Group<'_>, org: &mut Org) {
    let entries = changes(org, 1000, 7);
    group.bench_function("materialise_1000_changes", |b| {
        b.iter(|| {
            let done = scenario::materialise(org, black_box(&entries), None);
            assert!(done.skipped.is_empty());
            scenario::unwind(org, done.undo).expect("unwinds");
        });
    });
    let next = churned(org, 5);
    group.bench_function("compare_imports_1pct_churn", |b| {
        b.iter_with_large_drop(|| scenario::compare_imports(black_box(&*org), &next));
    });
    let (_, back) = scenario::compare_imports(org, &next);
    let back: Vec<ChangeEntry> = back
        .into_iter()
        .enumerate()
        .map(|(index, change)| ChangeEntry {
            position: index as u32 + 1,
            change,
            effective: None,
            made_at: String::new(),
        })
        .collect();
    let mut shown = next.clone();
    drop(next);
    group.bench_function("materialise_before_import_1pct_churn", |b| {
        b.iter(|| {
            let done = scenario::materialise(&mut shown, black_box(&back), None);
            assert!(done.skipped.is_empty());
            scenario::unwind(&mut shown, done.undo).expect("unwinds");
        });
    });
}

/// Comparing two scenarios of 1,000 changes each with the baseline.
fn bench_diff(group: &mut Group<'_>, diff_path: &Path) {
    let mut session = Session::open(diff_path).expect("opens");
    for (name, seed) in [("a", 11), ("b", 12)] {
        session.create_scenario(name, "baseline").expect("created");
        let mut base = session.workspace().load_org().expect("loads").0;
        for entry in changes(&mut base, 1000, seed) {
            session.apply(entry.change, None).expect("applied");
        }
    }
    session.switch_to("baseline").expect("switched");
    let names = vec!["a".to_string(), "b".to_string()];
    group.bench_function("diff_two_scenarios", |b| {
        b.iter(|| black_box(session.compare(&names, None).expect("compared")));
    });
}

/// The staff+ placement board as it is and as each what-if preview.
fn staff_plus(c: &mut Criterion) {
    use orgraph::metrics::placement::{Preview, WhatIf};
    let org = org_of(100_000);
    let mut group = c.benchmark_group("100000");
    group.sample_size(10);
    for what_if in WhatIf::ALL {
        group.bench_function(format!("staff_plus_{what_if:?}"), |b| {
            b.iter(|| {
                black_box(Preview::of(&org, orgraph::View::Current, what_if).expect("preview"))
            });
        });
    }
    group.finish();
}

criterion_group!(scenario_benches, benches, staff_plus);
criterion_main!(scenario_benches);
