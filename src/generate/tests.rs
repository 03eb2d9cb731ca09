use super::plan::{kinds_for, layer_counts, MAX_TOP_SPAN};
use super::vocabulary::{CITIES, GROUPS};
use super::*;
use crate::model::{Ladder, Org, Policy, Status, TeamKind};
use crate::money::Money;
use std::collections::HashMap;

fn index_of(records: &[PersonRecord]) -> HashMap<&str, usize> {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect()
}

/// Number of solid reports per person.
fn spans(records: &[PersonRecord]) -> Vec<usize> {
    let index = index_of(records);
    let mut spans = vec![0; records.len()];
    for record in records {
        if let Some(&m) = index.get(record.manager_id.as_str()) {
            spans[m] += 1;
        }
    }
    spans
}

/// Depth of each person (the root is 0).
fn depths(records: &[PersonRecord]) -> Vec<usize> {
    let index = index_of(records);
    let mut depth = vec![0; records.len()];
    for (i, record) in records.iter().enumerate() {
        if let Some(&m) = index.get(record.manager_id.as_str()) {
            depth[i] = depth[m] + 1;
        }
    }
    depth
}

fn team_members(records: &[PersonRecord]) -> HashMap<&str, Vec<&PersonRecord>> {
    let mut teams: HashMap<&str, Vec<&PersonRecord>> = HashMap::new();
    for record in records.iter().filter(|r| !r.team.is_empty()) {
        teams.entry(&*record.team).or_default().push(record);
    }
    teams
}

#[test]
fn generates_exactly_the_requested_count() {
    for n in [
        0, 1, 2, 3, 4, 5, 6, 7, 12, 20, 49, 50, 60, 99, 100, 150, 300, 1000, 10_000,
    ] {
        let records = generate(n, 7);
        assert_eq!(records.len(), n, "people = {n}");
        for (i, record) in records.iter().enumerate() {
            assert_eq!(record.row, i as u64 + 2);
        }
    }
    let one = generate(1, 1);
    assert_eq!(&*one[0].title, "Chief Technology Officer");
    assert_eq!(&*one[0].level, "M7");
    assert!(one[0].manager_id.is_empty());
}

#[test]
fn is_deterministic_per_seed_and_varies_across_seeds() {
    for n in [7, 300, 5000] {
        assert_eq!(generate(n, 42), generate(n, 42));
        assert_ne!(generate(n, 42), generate(n, 43));
    }
}

#[test]
fn forms_a_single_tree_with_managers_first() {
    for n in [1, 2, 5, 7, 20, 63, 300, 10_000] {
        let records = generate(n, 3);
        let index = index_of(&records);
        assert_eq!(index.len(), n, "ids are unique");
        let roots: Vec<&PersonRecord> =
            records.iter().filter(|r| r.manager_id.is_empty()).collect();
        assert_eq!(roots.len(), 1, "people = {n}");
        assert_eq!(&*roots[0].title, "Chief Technology Officer");
        for (i, record) in records.iter().enumerate().skip(1) {
            let manager = index[record.manager_id.as_str()];
            assert!(manager < i, "{} reports to a later row", record.id);
        }
        assert_eq!(records[0].id, "E000001");
    }
}

#[test]
fn product_teams_are_mostly_five_to_nine() {
    let records = generate(10_000, 11);
    let teams = team_members(&records);
    let product: Vec<usize> = teams
        .iter()
        .filter(|(name, _)| **name != ARCHITECTURE_TEAM)
        .map(|(_, members)| members.len())
        .collect();
    let in_band = product.iter().filter(|&&s| (5..=9).contains(&s)).count();
    assert!(
        in_band * 100 >= product.len() * 90,
        "{in_band} of {}",
        product.len()
    );
    assert!(product.len() > 1000);
    // Each product team has exactly one engineering manager.
    for (name, members) in &teams {
        if *name == ARCHITECTURE_TEAM {
            continue;
        }
        let ems = members
            .iter()
            .filter(|r| r.title.contains("Engineering Manager"))
            .count();
        assert_eq!(ems, 1, "{name}");
        let departments: HashSet<&str> = members.iter().map(|r| &*r.department).collect();
        assert_eq!(departments.len(), 1, "{name}");
        assert_ne!(
            TeamKind::guess_from_name(name),
            TeamKind::Architecture,
            "{name}"
        );
    }
    let platform = teams.keys().filter(|n| n.ends_with(" Platform")).count();
    assert!(
        platform * 10 > product.len(),
        "some platform teams: {platform}"
    );
}

#[test]
fn one_central_architecture_team_of_staff_plus() {
    let ladder = Ladder::default();
    for (n, min_size) in [(100, 3), (300, 3), (10_000, 30)] {
        let records = generate(n, 5);
        let teams = team_members(&records);
        let architecture: Vec<&str> = teams
            .keys()
            .copied()
            .filter(|t| TeamKind::guess_from_name(t) == TeamKind::Architecture)
            .collect();
        assert_eq!(architecture, [ARCHITECTURE_TEAM]);
        let members = &teams[ARCHITECTURE_TEAM];
        assert!(members.len() >= min_size, "{n}: {}", members.len());
        assert!(members.len() <= n / 100 + 3, "{n}: proportionate");
        for member in members {
            assert!(
                ladder.is_staff_plus(&member.level, &member.title),
                "{member:?}"
            );
            assert_eq!(&*member.department, CTO_DEPARTMENT);
            assert!((2..=5).contains(&member.supports.len()), "{member:?}");
        }
        if n >= 10_000 {
            assert!(
                members.iter().any(|m| m.supports.len() > 3),
                "some overload"
            );
        }
        let head = members
            .iter()
            .find(|m| &*m.title == "Chief Architect")
            .expect("head");
        assert_eq!(head.manager_id, records[0].id);
    }
}

#[test]
fn staff_plus_are_embedded_and_support_real_teams() {
    let ladder = Ladder::default();
    let records = generate(10_000, 9);
    let teams = team_members(&records);
    let product_teams = teams.len() - 1;
    let embedded: Vec<&PersonRecord> = records
        .iter()
        .filter(|r| &*r.team != ARCHITECTURE_TEAM && ladder.is_staff_plus(&r.level, &r.title))
        .collect();
    assert!(
        embedded.len() * 5 >= product_teams && embedded.len() * 2 <= product_teams,
        "{} staff+ for {product_teams} teams",
        embedded.len()
    );
    assert!(embedded.iter().all(|r| !r.team.is_empty()));
    assert!(
        embedded.iter().any(|r| !r.supports.is_empty()),
        "some support a neighbour"
    );
    assert!(embedded.iter().any(|r| &*r.title == "Principal Engineer"));
    let index = index_of(&records);
    let to_director = embedded
        .iter()
        .filter(|r| {
            records[index[r.manager_id.as_str()]]
                .title
                .contains("Director")
        })
        .count();
    assert!(to_director > 0 && to_director < embedded.len());
    for record in &records {
        for team in &record.supports {
            assert!(teams.contains_key(team.as_str()), "{team}");
            assert_ne!(team.as_str(), &*record.team);
        }
    }
}

#[test]
fn statuses_costs_and_dotted_lines_look_real() {
    let records = generate(10_000, 13);
    let count = |s: Status| records.iter().filter(|r| r.status == s).count();
    let active = count(Status::Active);
    assert!((9_100..=9_500).contains(&active), "{active}");
    for (status, around) in [
        (Status::Open, 300),
        (Status::Planned, 200),
        (Status::Departing, 200),
    ] {
        let n = count(status);
        assert!(n * 2 > around && n < around * 2, "{status}: {n}");
    }
    let spans = spans(&records);
    for (record, &span) in records.iter().zip(&spans) {
        if span > 0 {
            assert_eq!(record.status, Status::Active, "{record:?}");
        }
        if record.status == Status::Open {
            assert!(record.title.starts_with("Open req: "));
            assert!(record.name.is_empty());
        } else {
            assert!(!record.name.is_empty());
            assert!(record.cost.is_some());
        }
    }
    let dotted = records
        .iter()
        .filter(|r| !r.dotted_managers.is_empty())
        .count();
    assert!((30..=70).contains(&dotted), "{dotted}");
    let index = index_of(&records);
    for record in &records {
        for manager in &record.dotted_managers {
            assert!(index.contains_key(manager.as_str()));
            assert_ne!(manager, &record.manager_id);
            assert_ne!(manager, &record.id);
        }
    }
    let cents: Vec<i64> = records
        .iter()
        .filter_map(|r| r.cost)
        .map(Money::cents)
        .collect();
    assert!(cents.iter().any(|c| c % 100 != 0), "some exact cents");
    assert!(cents.iter().all(|&c| c > 3_000_000 && c < 80_000_000));
    let mean = |level: &str| {
        let costs: Vec<i64> = records
            .iter()
            .filter(|r| &*r.level == level)
            .filter_map(|r| r.cost)
            .map(Money::cents)
            .collect();
        costs.iter().sum::<i64>() / costs.len().max(1) as i64
    };
    assert!(mean("IC1") < mean("IC3") && mean("IC3") < mean("IC5"));
    let locations: HashSet<&str> = records.iter().map(|r| &*r.location).collect();
    assert_eq!(locations.len(), CITIES.len());
}

#[test]
fn spans_are_mostly_four_to_ten_with_some_outliers() {
    for n in [300, 10_000] {
        let records = generate(n, 21);
        let spans: Vec<usize> = spans(&records).into_iter().filter(|&s| s > 0).collect();
        let in_band = spans.iter().filter(|&&s| (4..=10).contains(&s)).count();
        assert!(
            in_band * 100 >= spans.len() * 85,
            "{n}: {in_band} of {}",
            spans.len()
        );
        if n == 10_000 {
            assert!(spans.iter().any(|&s| s <= 3));
            assert!(spans.iter().any(|&s| s >= 11));
            assert!(spans.contains(&1), "a single-report manager");
        }
    }
}

#[test]
fn layers_scale_with_size() {
    let titles_at = |n: usize, depth: usize| -> HashSet<String> {
        let records = generate(n, 2);
        let depths = depths(&records);
        records
            .iter()
            .zip(&depths)
            .filter(|(r, &d)| d == depth && r.team.is_empty())
            .map(|(r, _)| r.title.to_string())
            .collect()
    };
    let vps = titles_at(300, 1);
    assert!(vps.iter().all(|t| t.contains("Vice President")), "{vps:?}");
    let directors = titles_at(300, 2);
    assert!(
        directors.iter().all(|t| t.contains("Director")),
        "{directors:?}"
    );
    let svps = titles_at(10_000, 1);
    assert_eq!(
        svps,
        HashSet::from(["Senior Vice President of Engineering".to_string()])
    );
    assert_eq!(kinds_for(layer_counts(138_000).len()).len(), 5);
    assert_eq!(
        layer_counts(138_000)
            .last()
            .copied()
            .map(|n| n <= MAX_TOP_SPAN),
        Some(true)
    );
    // Tiny orgs: a founding team straight under the CTO, then one EM.
    let tiny = generate(3, 1);
    assert!(tiny[1..]
        .iter()
        .all(|r| r.manager_id == tiny[0].id && r.level.starts_with("IC")));
    let small = generate(7, 1);
    assert!(small[1].title.contains("Engineering Manager"));
    assert!(small[2..].iter().all(|r| r.manager_id == small[1].id));
}

#[test]
fn team_names_are_unique_and_readable() {
    let records = generate(10_000, 17);
    let mut ems = 0;
    let mut names = HashSet::new();
    for record in records
        .iter()
        .filter(|r| r.title.contains("Engineering Manager"))
    {
        ems += 1;
        names.insert(&*record.team);
        assert!(
            !record.team.chars().any(|c| c.is_ascii_digit()),
            "{}",
            record.team
        );
    }
    assert_eq!(names.len(), ems);
    let mut topics = HashSet::new();
    for group in &GROUPS {
        for area in group.areas {
            for topic in area.topics {
                assert!(topics.insert(topic), "duplicate topic {topic}");
            }
        }
    }
    // Lists run out at a million people; numbers then keep names unique.
    let mut generator = Generator::new(1, 0);
    let names: HashSet<String> = (0..2000).map(|_| generator.next_team_name(0)).collect();
    assert_eq!(names.len(), 2000);
}

#[test]
fn csv_round_trips() {
    let records = generate(300, 4);
    let mut bytes = Vec::new();
    write_csv(&records, &mut bytes).expect("writes");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("parses");
    assert_eq!(rows.len(), records.len());
    let split = |field: &str| -> Vec<String> {
        if field.is_empty() {
            Vec::new()
        } else {
            field.split(';').map(str::to_string).collect()
        }
    };
    for (row, record) in rows.iter().zip(&records) {
        assert_eq!(row.len(), 12);
        assert_eq!(&row[0], record.id);
        assert_eq!(&row[1], record.manager_id);
        assert_eq!(&row[2], record.name);
        assert_eq!(&row[3], &*record.title);
        assert_eq!(&row[4], &*record.team);
        assert_eq!(&row[5], &*record.level);
        let cost = (!row[6].is_empty()).then(|| Money::parse(&row[6]).expect("money"));
        assert_eq!(cost, record.cost);
        assert_eq!(&row[7], &*record.location);
        assert_eq!(row[8].parse::<Status>(), Ok(record.status));
        assert_eq!(&row[8], record.status.as_str());
        assert_eq!(&row[9], &*record.department);
        assert_eq!(split(&row[10]), record.supports);
        assert_eq!(split(&row[11]), record.dotted_managers);
    }
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.starts_with("id,manager_id,name,title,team,level,cost,location,status,department,supports,dotted_managers\n"));
}

#[test]
fn builds_a_valid_org_without_findings() {
    for n in [1, 4, 7, 20, 80, 300, 10_000] {
        let records = generate(n, 8);
        let (org, findings) =
            Org::from_records(records, "gen.csv", Ladder::default(), Policy::default())
                .unwrap_or_else(|f| panic!("people = {n}: {f:?}"));
        assert_eq!(org.len(), n);
        assert!(findings.is_empty(), "people = {n}: {findings:?}");
        if n >= 300 {
            let architecture = org
                .teams()
                .iter()
                .filter(|t| t.kind == TeamKind::Architecture)
                .count();
            assert_eq!(architecture, 1);
            assert!(org.teams().iter().any(|t| t.kind == TeamKind::Platform));
            assert!(!org.support_assignments().is_empty());
            assert!(!org.dotted_lines().is_empty());
        }
    }
}
