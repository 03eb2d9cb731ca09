//! A scenario change read from JSON, as the store reads every stored
//! change (`serde_json::from_str::<Change>`), then applied to a small org
//! and undone: applying is Ok or a typed refusal, never a panic, and the
//! undo puts the org back exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgraph::model::{Ladder, Org, Policy};
use orgraph::scenario::{apply, revert, Change};
use std::sync::OnceLock;

/// People, a team and its lead, a support assignment and a dotted line,
/// so every kind of change finds something to act on.
const ORG_CSV: &str = "\
id,name,manager_id,title,level,team,cost
ceo,Ada,,CEO,L9,,300000
m1,Bo,ceo,Manager,L7,core,200000
m2,Cy,ceo,Manager,L7,platform,200000
a,Di,m1,Engineer,L5,core,150000
b,Ed,m1,Engineer,L4,core,120000
c,Fi,m2,Engineer,L5,platform,130000
s,Gu,ceo,Staff Engineer,L8,,250000
";

fn base() -> &'static Org {
    static ORG: OnceLock<Org> = OnceLock::new();
    ORG.get_or_init(|| {
        let (org, _) = orgraph::import::load_csv_text(
            ORG_CSV.as_bytes(),
            "org.csv",
            Ladder::default(),
            Policy::default(),
            8,
        )
        .expect("the fixed org is valid");
        org
    })
}

/// Everything observable about an org, in a comparable form.
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
    out.push(format!("{:?} {:?}", org.policy, org.ladder));
    out.join("\n")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(change) = serde_json::from_str::<Change>(text) else {
        return;
    };
    // What is stored reads back as the same change.
    let stored = serde_json::to_string(&change).expect("a change serialises");
    let back: Change = serde_json::from_str(&stored).expect("a stored change reads back");
    assert_eq!(back, change);
    let mut org = base().clone();
    let before = fingerprint(&org);
    if let Ok(undo) = apply(&mut org, &change) {
        revert(&mut org, undo).expect("an undo applies");
        assert_eq!(fingerprint(&org), before, "undo of {change:?}");
    } else {
        assert_eq!(
            fingerprint(&org),
            before,
            "a refused {change:?} changed the org"
        );
    }
});
