use super::*;

#[test]
fn changes_round_trip_through_json() {
    let changes = vec![
        Change::Move {
            person: "a".into(),
            manager: None,
        },
        Change::EditPerson {
            person: "a".into(),
            edit: PersonEdit::Cost(Some(Money::from_cents(12_345))),
            was: None,
        },
        Change::AddPerson {
            person: NewPerson {
                id: "req-1".into(),
                name: String::new(),
                title: "Engineer".into(),
                level: "IC3".into(),
                location: String::new(),
                cost: Some(Money::from_cents(100)),
                status: Status::Open,
                team: Some("core".into()),
                start_date: NaiveDate::from_ymd_opt(2027, 3, 1),
            },
            manager: Some("m".into()),
        },
        Change::SetPolicy {
            policy: Policy::default(),
        },
        Change::SetTarget {
            target: Target::Band { min: 4, max: 6 },
        },
        Change::SetTarget {
            target: Target::MaxLoad { max_load: 2 },
        },
        Change::AssignTeam {
            people: vec!["a".into(), "b".into()],
            team: Some("core".into()),
        },
        Change::MoveAlone {
            person: "a".into(),
            manager: Some("b".into()),
        },
    ];
    for change in changes {
        let json = serde_json::to_string(&change).expect("serialisable");
        let back: Change = serde_json::from_str(&json).expect("readable");
        assert_eq!(back, change, "{json}");
    }
    let json = serde_json::to_value(Change::Move {
        person: "a".into(),
        manager: Some("b".into()),
    })
    .expect("serialisable");
    assert_eq!(json["kind"], "move");
    // A payload stored before `move-alone` existed still reads as a move.
    let old: Change =
        serde_json::from_str(r#"{"kind":"move","person":"a","manager":"b"}"#).expect("old");
    assert_eq!(
        old,
        Change::Move {
            person: "a".into(),
            manager: Some("b".into()),
        }
    );
}

#[test]
fn a_stored_policy_change_from_before_the_team_size_target_still_reads() {
    let old = r#"{"kind":"set-policy","policy":{"band_min":3,"band_max":6,"max_load":2}}"#;
    let change: Change = serde_json::from_str(old).expect("readable");
    let Change::SetPolicy { policy } = change else {
        panic!("not a policy change: {change:?}");
    };
    assert_eq!(
        (policy.band_min, policy.band_max, policy.max_load),
        (3, 6, 2)
    );
    assert_eq!((policy.team_min, policy.team_max), (5, 9));
}

#[test]
fn a_new_team_from_a_form_is_trimmed_named_and_gets_an_id() {
    let change = Change::create_team(None, " Payments Core ", TeamKind::Platform, Some("  "))
        .expect("valid");
    assert_eq!(
        change,
        Change::CreateTeam {
            team: "team-payments-core".into(),
            name: "Payments Core".into(),
            team_kind: TeamKind::Platform,
            department: None,
        }
    );
    let given = Change::create_team(Some(" pay "), "Pay", TeamKind::Enabling, Some(" Money "))
        .expect("valid");
    let Change::CreateTeam {
        team, department, ..
    } = given
    else {
        panic!("not a new team: {given:?}");
    };
    assert_eq!(
        (team.as_str(), department.as_deref()),
        ("pay", Some("Money"))
    );
    let err = Change::create_team(None, "  ", TeamKind::Platform, None).expect_err("no name");
    assert_eq!(err.to_string(), "a team needs a name");
}

#[test]
fn a_target_change_is_stored_and_described_as_that_target_alone() {
    let change = Change::SetTarget {
        target: Target::TeamSize { min: 4, max: 7 },
    };
    assert_eq!(
        serde_json::to_string(&change).expect("serialisable"),
        r#"{"kind":"set-target","target":{"setting":"team-size","min":4,"max":7}}"#
    );
    assert_eq!(change.to_string(), "set team size 4-7");
    let policy = Target::MaxLoad { max_load: 5 }.applied_to(Policy::default());
    assert_eq!(
        policy,
        Policy {
            max_load: 5,
            ..Policy::default()
        }
    );
    assert_eq!(
        Target::differences(&Policy::default(), &policy),
        vec![Target::MaxLoad { max_load: 5 }]
    );
}

#[test]
fn descriptions_never_show_cost() {
    let text = Change::EditPerson {
        person: "a".into(),
        edit: PersonEdit::Cost(Some(Money::from_cents(987_654_321))),
        was: None,
    }
    .to_string();
    assert_eq!(text, "edit a: cost");
}

#[test]
fn people_are_named_with_their_title_and_the_ids_listed_beside() {
    let mut org = Org::new();
    for (id, name, title) in [("e12", "Alex Chen", "Engineer"), ("e3", "Mia Park", "")] {
        let mut person = Person::new(id);
        person.name = name.into();
        person.title = title.into();
        org.add_person(person).expect("unique");
    }
    let change = Change::Move {
        person: "e12".into(),
        manager: Some("e3".into()),
    };
    assert_eq!(
        change.describe(&org).to_string(),
        "move Alex Chen (Engineer) to Mia Park"
    );
    assert_eq!(
        change.people(5),
        [&PersonId::from("e12"), &PersonId::from("e3")]
    );
    // By ids where nothing is known.
    assert_eq!(change.to_string(), "move e12 to e3");
    let gone = Change::RemovePerson {
        person: "e7".into(),
    };
    assert_eq!(gone.describe(&org).to_string(), "remove e7");
    // Someone no longer in the org is named from the fallback list.
    let removed = [("e7".into(), "Lin Wu".to_string(), "Director".to_string())];
    assert_eq!(
        gone.describe(&(&org, removed.as_slice())).to_string(),
        "remove Lin Wu (Director)"
    );
}

#[test]
fn a_person_without_a_name_is_named_by_id_and_title() {
    assert_eq!(
        person_label(&"REQ-1".into(), "", "Engineer"),
        "REQ-1 (Engineer)"
    );
    assert_eq!(person_label(&"x".into(), " Ann ", " "), "Ann");
    assert_eq!(person_label(&"x".into(), "", ""), "x");
    let hire = Change::AddPerson {
        person: NewPerson {
            id: "REQ-1".into(),
            name: String::new(),
            title: "Engineer".into(),
            level: String::new(),
            location: String::new(),
            cost: None,
            status: Status::Open,
            team: None,
            start_date: None,
        },
        manager: None,
    };
    assert_eq!(
        hire.describe(&ByIds).to_string(),
        "add open REQ-1 (Engineer) under (no manager)"
    );
}
