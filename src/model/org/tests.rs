use super::*;

fn org_of(pairs: &[(&str, Option<&str>)]) -> Org {
    let mut org = Org::new();
    for (id, _) in pairs {
        org.add_person(Person::new(*id)).expect("unique ids");
    }
    for (id, manager) in pairs {
        org.move_person(&PersonId::from(*id), manager.map(PersonId::from).as_ref())
            .expect("valid forest");
    }
    org
}

#[test]
fn looking_up_many_ids_checks_the_ids_not_just_their_hashes() {
    let mut org = Org::new();
    for id in ["a", "b", "c"] {
        org.push_unindexed(Person::new(id));
    }
    // As if 'a' and 'b' had the same 64-bit hash: a lookup of 'b' first
    // meets 'a', whose hash matches but whose id does not.
    let hashes = [hash_id("b"), hash_id("b"), hash_id("c")];
    assert!(org.index_pushed(&hashes).is_empty());
    let asked = ["b", "c", "zz", "b"];
    let wanted: Vec<u64> = asked.iter().map(|id| hash_id(id)).collect();
    let found = org.positions_of_pushed(&hashes, &asked, &wanted);
    assert_eq!(found, [1, 2, id_index::NOT_FOUND, 1]);
}

/// Parents are by dense position, with or without holes left in the
/// graph by people removed.
#[test]
fn parent_positions_follow_the_people_order_after_removals() {
    let mut org = org_of(&[
        ("ceo", None),
        ("a", Some("ceo")),
        ("b", Some("ceo")),
        ("x", Some("a")),
        ("y", Some("b")),
    ]);
    let expected = |org: &Org| -> Vec<u32> {
        let positions = org.positions();
        org.people()
            .map(|p| {
                org.manager_of(&p.id)
                    .and_then(|m| positions.of(m))
                    .unwrap_or(NO_PARENT)
            })
            .collect()
    };
    assert!(org.is_dense());
    assert_eq!(org.parent_positions(), [NO_PARENT, 0, 0, 1, 2]);
    org.remove_person(&"a".into()).expect("exists");
    assert!(!org.is_dense());
    assert_eq!(org.parent_positions(), expected(&org));
    assert_eq!(org.parent_positions(), [NO_PARENT, 0, 0, 1]);
}

#[test]
fn moves_and_reports_previous_manager() {
    let mut org = org_of(&[
        ("ceo", None),
        ("a", Some("ceo")),
        ("b", Some("ceo")),
        ("x", Some("a")),
    ]);
    let previous = org
        .move_person(&"x".into(), Some(&"b".into()))
        .expect("legal move");
    assert_eq!(previous, Some("a".into()));
    assert_eq!(org.manager_of(&"x".into()), Some(&"b".into()));
    assert!(org.reports_of(&"a".into()).is_empty());
    assert_eq!(org.chain_of_command(&"x".into()).expect("exists").len(), 3);
}

#[test]
fn refuses_a_cycle_and_names_it() {
    let mut org = org_of(&[("ceo", None), ("a", Some("ceo")), ("x", Some("a"))]);
    let err = org
        .move_person(&"ceo".into(), Some(&"x".into()))
        .expect_err("cycle");
    match &err {
        OrgError::WouldCreateCycle { cycle, .. } => {
            assert_eq!(cycle, &["ceo", "a", "x", "ceo"]);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(org.manager_of(&"ceo".into()), None);
    assert!(org.move_person(&"a".into(), Some(&"a".into())).is_err());
}

#[test]
fn forest_matches_the_graph() {
    let org = org_of(&[
        ("ceo", None),
        ("a", Some("ceo")),
        ("x", Some("a")),
        ("solo", None),
    ]);
    let forest = org.forest();
    assert_eq!(forest.roots(), &[0, 3]);
    assert_eq!(forest.children(1), &[2]);
}

#[test]
fn a_policy_without_a_team_size_target_reads_with_the_default() {
    // The shape stored by workspaces made before the team-size target.
    let old: Policy =
        serde_json::from_str(r#"{"band_min":4,"band_max":7,"max_load":2}"#).expect("reads");
    assert_eq!((old.band_min, old.band_max, old.max_load), (4, 7, 2));
    assert_eq!((old.team_min, old.team_max), (5, 9));
    assert_eq!(old.problem(), None);
}

#[test]
fn a_policy_names_its_problem() {
    let ok = Policy::default();
    assert_eq!(ok.problem(), None);
    let zero_band = Policy { band_min: 0, ..ok };
    assert!(zero_band.problem().expect("refused").contains("span band"));
    let inverted = Policy {
        band_min: 9,
        band_max: 3,
        ..ok
    };
    assert!(inverted.problem().expect("refused").contains("9-3"));
    let no_load = Policy { max_load: 0, ..ok };
    assert!(no_load.problem().expect("refused").contains("load"));
    let teams = Policy {
        team_min: 10,
        team_max: 4,
        ..ok
    };
    assert!(teams.problem().expect("refused").contains("team size"));
    let empty_team = Policy { team_min: 0, ..ok };
    assert!(empty_team.problem().is_some());
}

#[test]
fn dotted_lines_do_not_change_the_forest() {
    let mut org = org_of(&[("ceo", None), ("a", Some("ceo")), ("b", Some("ceo"))]);
    org.add_dotted_line(&"a".into(), &"b".into()).expect("ok");
    org.add_dotted_line(&"a".into(), &"b".into())
        .expect("idempotent");
    assert_eq!(org.dotted_lines().len(), 1);
    assert_eq!(org.manager_of(&"b".into()), Some(&"ceo".into()));
    assert!(org.add_dotted_line(&"a".into(), &"a".into()).is_err());
}
