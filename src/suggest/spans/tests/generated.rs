//! The issue's done-when: the generated org of 3,000 people, seed 11.

use super::*;

fn generated() -> Org {
    let records = crate::generate::generate(3_000, 11);
    Org::from_records(records, "gen", Ladder::default(), Policy::default())
        .expect("generated orgs validate")
        .0
}

fn report(label: &str, org: &Org, s: &SpanSuggestion) {
    println!(
        "{label}: out of band {} -> {} today, {} once reqs filled (lower bound {}); moved {} ({:.1}% of {}), open reqs {}, flagged {}",
        s.before.out_of_band(),
        s.after.out_of_band(),
        s.after_filled.out_of_band(),
        s.lower_bound,
        s.moved,
        100.0 * s.moved as f64 / org.len() as f64,
        org.len(),
        s.open_reqs,
        s.flagged.len()
    );
}

/// Why each manager out of band has no allowed move by default: (narrow
/// managers no sibling shares a team with, managers of one report whose
/// team is not their manager's, narrow managers whose only same-team
/// sibling's reports are staff+, wide managers with too few ICs of their
/// own team for a split).
fn why_stuck(org: &Org) -> (u64, u64, u64, u64) {
    let state = super::super::plan::State::new(org, &SpanOptions::default(), (5, 8));
    let (mut lonely, mut single, mut staff_plus, mut few_ics) = (0, 0, 0, 0);
    for m in 0..state.span.len() as u32 {
        let span = state.span[m as usize];
        if !state.out_of_band(span) {
            continue;
        }
        let team = state.team[m as usize];
        let shares_team =
            state.lines.parent(m).is_some_and(|p| {
                state.lines.children(p).iter().any(|&c| {
                    c != m && state.span[c as usize] > 0 && state.team[c as usize] == team
                })
            });
        let free = state.free_ics(m, team).count();
        if span == 1 {
            single += 1;
        } else if span < 5 && !shares_team {
            lonely += 1;
        } else if span < 5 {
            staff_plus += 1;
        } else if super::super::plan::split_sizes(span, 5, 8, free).is_none() {
            few_ics += 1;
        }
    }
    (lonely, single, staff_plus, few_ics)
}

#[test]
fn the_generated_org_of_the_issue() {
    let org = generated();
    let defaults = suggest_with(&org, SpanOptions::default());
    report("defaults", &org, &defaults);
    // By default nothing can move: every narrow engineering manager leads
    // a team of its own (no sibling leads the same team, so neither a
    // transfer nor a merge keeps people in their team), and the wide
    // managers are directors and the CTO, whose reports are managers.
    let (lonely, single, staff_plus, few_ics) = why_stuck(&org);
    println!(
        "stuck by default: {lonely} narrow, no sibling of the same team; {single} with one \
         report of another team than their manager's; {staff_plus} narrow architects \
         (staff+ reports); {few_ics} wide with too few ICs of their team for a split"
    );
    assert_eq!(defaults.before.out_of_band(), 113);
    assert_eq!((lonely, single, staff_plus, few_ics), (92, 6, 4, 11));
    assert_eq!(defaults.after_filled, defaults.before);
    assert_eq!(defaults.lower_bound, 113);
    let across = suggest_with(
        &org,
        SpanOptions {
            move_across_teams: true,
            ..SpanOptions::default()
        },
    );
    report("across teams", &org, &across);
    assert!(across.after_filled.out_of_band() * 2 <= across.before.out_of_band());
    assert!(across.moved * 100 <= 15 * org.len() as u64);
    assert!(across.lower_bound <= across.after_filled.out_of_band());
}
