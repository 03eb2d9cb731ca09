//! The line at the top of a continued PDF page that says which page it
//! continues and where its part of the org sits: the chain of managers
//! above the page's top person, down to them ("Continued from page 3: Ada
//! Lovelace › Grace Hopper › Alan Turing").
//!
//! A long chain keeps its ends, the top of the org and the managers nearest
//! the page, and drops names from the middle ("…") until the line fits.
//! The page reference comes first, so a line still too long loses names at
//! its end, never the page number.

use super::font::text_width;
use super::paginate::PagePlan;
use super::scene::Chart;

const SEPARATOR: &str = " › ";
const GAP: &str = "…";

/// Chart nodes from the top of `v`'s reporting chain down to `v`.
fn chain_to(chart: &Chart, v: u32) -> Vec<u32> {
    let mut chain = vec![v];
    let mut at = v;
    while let Some(p) = chart.forest.parent(at) {
        chain.push(p);
        at = p;
    }
    chain.reverse();
    chain
}

/// The note of a continued page, at most `max` wide in `size` px text
/// (`bold` or not); `None` for a page that continues nothing (the first).
///
/// One top person: their chain down to them. Several (neighbours sharing a
/// page): the chain down to their common manager, then their names; when
/// they have no common manager, just their names.
pub(crate) fn continued_note(
    chart: &Chart,
    plan: &PagePlan,
    size: f32,
    bold: bool,
    max: f32,
) -> Option<String> {
    let from = plan.from?;
    let first = *plan.tops.first()?;
    let name = |v: u32| chart.labels[v as usize].name.as_str();
    let mut head = format!("Continued from page {}", from + 1);
    if plan.part.1 > 1 {
        head.push_str(&format!(" (part {} of {})", plan.part.0, plan.part.1));
    }
    let (chain, tail) = if plan.tops.len() == 1 {
        (chain_to(chart, first), String::new())
    } else {
        let names: Vec<&str> = plan.tops.iter().map(|&t| name(t)).collect();
        let tail = format!(": reports of {}", names.join(", "));
        let parent = chart.forest.parent(first);
        let shared =
            parent.filter(|&p| plan.tops.iter().all(|&t| chart.forest.parent(t) == Some(p)));
        match shared {
            Some(p) => (chain_to(chart, p), tail),
            None => return Some(format!("{head}, {}", &tail[2..])),
        }
    };
    let names: Vec<&str> = chain.iter().map(|&v| name(v)).collect();
    let line = |kept_tail: usize| -> String {
        let mut parts: Vec<&str> = Vec::with_capacity(kept_tail + 2);
        if kept_tail + 1 >= names.len() {
            parts.extend_from_slice(&names);
        } else {
            parts.push(names[0]);
            parts.push(GAP);
            parts.extend_from_slice(&names[names.len() - kept_tail..]);
        }
        format!("{head}: {}{tail}", parts.join(SEPARATOR))
    };
    // Drop names from the middle, nearest the top first, until it fits;
    // the top of the org and the page's own person always stay.
    let mut kept = names.len();
    let mut text = line(kept);
    while kept > 1 && text_width(&text, size, bold) > max {
        kept -= 1;
        text = line(kept);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::compute;
    use crate::model::{Org, Person};
    use crate::render::ChartOptions;
    use crate::View;

    /// A chain a → b → c → d → e, and f beside e under d.
    fn chart() -> Chart {
        let mut org = Org::new();
        let mut manager: Option<&str> = None;
        for id in ["a", "b", "c", "d", "e"] {
            let mut person = Person::new(id);
            person.name = format!("Person {}", id.to_uppercase()).into();
            org.add_person(person).expect("unique");
            if let Some(m) = manager {
                org.move_person(&id.into(), Some(&m.into()))
                    .expect("forest");
            }
            manager = Some(id);
        }
        org.add_person(Person::new("f")).expect("unique");
        org.move_person(&"f".into(), Some(&"d".into()))
            .expect("forest");
        let metrics = compute(&org, View::Current);
        Chart::build(&org, &metrics, &ChartOptions::default()).expect("chart")
    }

    fn plan(tops: Vec<u32>, part: (usize, usize)) -> PagePlan {
        PagePlan {
            nodes: tops.clone(),
            tops,
            from: Some(2),
            part,
            continued: Vec::new(),
        }
    }

    #[test]
    fn a_continued_page_names_the_chain_down_to_its_top_person() {
        let chart = chart();
        // Chart nodes are breadth-first: a0 b1 c2 d3 e4 f5.
        let note = continued_note(&chart, &plan(vec![3], (1, 1)), 9.0, false, 1_000.0);
        assert_eq!(
            note.as_deref(),
            Some("Continued from page 3: Person A › Person B › Person C › Person D")
        );
        let parts = continued_note(&chart, &plan(vec![3], (2, 3)), 9.0, false, 1_000.0);
        assert!(
            parts.is_some_and(|n| n.starts_with("Continued from page 3 (part 2 of 3): Person A"))
        );
        // Neighbours under one manager: the chain to that manager.
        let both = continued_note(&chart, &plan(vec![4, 5], (1, 1)), 9.0, false, 1_000.0);
        assert_eq!(
            both.as_deref(),
            Some("Continued from page 3: Person A › Person B › Person C › Person D: reports of Person E, f")
        );
        // The first page continues nothing.
        let mut first = plan(Vec::new(), (1, 1));
        first.from = None;
        assert_eq!(continued_note(&chart, &first, 9.0, false, 1_000.0), None);
    }

    #[test]
    fn a_long_chain_drops_names_from_the_middle_to_fit() {
        let chart = chart();
        let full =
            continued_note(&chart, &plan(vec![4], (1, 1)), 9.0, false, 10_000.0).expect("a note");
        let max = text_width(&full, 9.0, false) - 1.0;
        let short =
            continued_note(&chart, &plan(vec![4], (1, 1)), 9.0, false, max).expect("a note");
        assert_eq!(
            short,
            "Continued from page 3: Person A › … › Person C › Person D › Person E"
        );
        assert!(text_width(&short, 9.0, false) <= max);
        // However narrow, the top and the page's own person stay.
        let tiny =
            continued_note(&chart, &plan(vec![4], (1, 1)), 9.0, false, 10.0).expect("a note");
        assert_eq!(tiny, "Continued from page 3: Person A › … › Person E");
    }
}
