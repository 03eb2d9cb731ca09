//! The chart's first view: as many top layers as fit on the screen at a
//! zoom where names can be read, the layers below collapsed.
//!
//! Layers are tried from the top, each with the real chart layout
//! ([`super::layout`]: compact, roots wrapped, "Not in file" placeholders
//! over their groups), and the search stops
//! at the first that needs a smaller zoom than legible. Each try is O(n),
//! and the number of tries is bounded by the screen, not the org: every
//! layer adds a box's height, so only a screen's height of layers can fit.

use super::layout_grouped;
use crate::model::{placeholder_groups, Forest, Org, PersonId, PlaceholderGroup};

/// The room the chart has and the zoom below which its labels are not
/// legible.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    /// Width and height available to the drawing, in screen pixels.
    pub width: f32,
    pub height: f32,
    /// Smallest zoom (screen pixels per layout unit) with legible labels.
    pub min_scale: f32,
}

/// The layers shown and the managers to collapse to show just them.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenView {
    /// How many layers from the top are drawn (at least one).
    pub layers: u32,
    /// Managers in the last drawn layer; empty when everyone fits.
    pub collapsed: Vec<PersonId>,
}

/// The deepest cut (at least the top layer) whose layout fits `screen` at
/// `screen.min_scale` or larger. A placeholder is no layer: the people under
/// it are top-level people, as they are in the metrics.
pub fn open_view(org: &Org, screen: &Screen) -> OpenView {
    let forest = org.forest();
    let groups = placeholder_groups(org);
    let (layers, _) = readable_layers(&forest, &groups, screen);
    let depth = depths(&forest);
    let collapsed = org
        .people()
        .enumerate()
        .filter(|&(v, _)| folds_at(&forest, &depth, v as u32, layers))
        .map(|(_, person)| person.id.clone())
        .collect();
    OpenView { layers, collapsed }
}

/// The number of layers [`open_view`] shows, and the collapsed flags that
/// show them (one per person of `forest`).
pub(crate) fn readable_layers(
    forest: &Forest,
    groups: &[PlaceholderGroup],
    screen: &Screen,
) -> (u32, Vec<bool>) {
    let depth = depths(forest);
    let deepest_manager = (0..forest.len() as u32)
        .filter(|&v| !forest.children(v).is_empty())
        .map(|v| depth[v as usize])
        .max();
    let Some(deepest_manager) = deepest_manager else {
        return (1, Vec::new());
    };
    let flags_for = |layers: u32| -> Vec<bool> {
        (0..forest.len() as u32)
            .map(|v| folds_at(forest, &depth, v, layers))
            .collect()
    };
    let mut best = (1, flags_for(1));
    for layers in 2..=deepest_manager + 2 {
        let flags = if layers > deepest_manager + 1 {
            Vec::new()
        } else {
            flags_for(layers)
        };
        if !fits(forest, groups, &flags, screen) {
            break;
        }
        best = (layers, flags);
    }
    best
}

/// Whether node `v` is a manager in the last of `layers` layers.
fn folds_at(forest: &Forest, depth: &[u32], v: u32, layers: u32) -> bool {
    depth[v as usize] + 1 == layers && !forest.children(v).is_empty()
}

fn fits(forest: &Forest, groups: &[PlaceholderGroup], collapsed: &[bool], screen: &Screen) -> bool {
    let layout = layout_grouped(forest, groups, collapsed);
    let bounds = layout.layout().bounds;
    let scale =
        (screen.width / bounds.width().max(1.0)).min(screen.height / bounds.height().max(1.0));
    scale >= screen.min_scale
}

/// Depth of every node (roots are 0).
fn depths(forest: &Forest) -> Vec<u32> {
    let mut depth = vec![0u32; forest.len()];
    for &v in forest.top_down() {
        if let Some(p) = forest.parent(v) {
            depth[v as usize] = depth[p as usize] + 1;
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::layout_forest;
    use crate::model::{Person, NO_PARENT};

    const SCREEN: Screen = Screen {
        width: 1200.0,
        height: 700.0,
        min_scale: 0.7,
    };

    /// `fanout[d]` reports under each person at depth d.
    fn layered(fanout: &[u32]) -> Forest {
        let mut parents = vec![NO_PARENT];
        let mut level = vec![0u32];
        for &k in fanout {
            let mut next = Vec::new();
            for &p in &level {
                for _ in 0..k {
                    next.push(parents.len() as u32);
                    parents.push(p);
                }
            }
            level = next;
        }
        Forest::from_parents(parents).expect("a tree")
    }

    fn scale_of(forest: &Forest, flags: &[bool]) -> f32 {
        let b = layout_forest(forest, flags).layout().bounds;
        (SCREEN.width / b.width()).min(SCREEN.height / b.height())
    }

    #[test]
    fn a_deep_org_opens_on_the_layers_that_fit_legibly() {
        // Ten layers of three: 88,573 people, far too many for one screen.
        let forest = layered(&[3; 10]);
        let (layers, flags) = readable_layers(&forest, &[], &SCREEN);
        assert!((2..10).contains(&layers), "{layers} layers");
        assert!(scale_of(&forest, &flags) >= SCREEN.min_scale);
        // One more layer would not be legible.
        let depth = depths(&forest);
        let deeper: Vec<bool> = (0..forest.len() as u32)
            .map(|v| folds_at(&forest, &depth, v, layers + 1))
            .collect();
        assert!(scale_of(&forest, &deeper) < SCREEN.min_scale);
        let shown = layout_forest(&forest, &flags);
        let deepest_shown = (0..forest.len())
            .filter(|&v| shown.layout().visible[v])
            .map(|v| depth[v])
            .max();
        assert_eq!(deepest_shown, Some(layers - 1));
    }

    #[test]
    fn a_small_org_opens_whole() {
        let forest = layered(&[3, 4]);
        assert_eq!(readable_layers(&forest, &[], &SCREEN), (3, Vec::new()));
    }

    #[test]
    fn a_forest_too_wide_for_any_layer_opens_on_its_top_layer() {
        // 450 roots with two reports each: even the roots alone need a zoom
        // below legible, so only they are drawn (collapsed).
        let mut parents = Vec::new();
        for r in 0..450u32 {
            parents.extend([NO_PARENT, 3 * r, 3 * r]);
        }
        let forest = Forest::from_parents(parents).expect("a forest");
        let (layers, flags) = readable_layers(&forest, &[], &SCREEN);
        assert_eq!(layers, 1);
        assert_eq!(flags.iter().filter(|&&f| f).count(), 450);
    }

    #[test]
    fn open_view_names_the_managers_to_collapse() {
        let mut org = Org::new();
        for id in ["ceo", "a", "b"] {
            org.add_person(Person::new(id)).expect("unique");
        }
        for i in 0..400 {
            let id = format!("p{i}");
            org.add_person(Person::new(id.as_str())).expect("unique");
            let manager = if i % 2 == 0 { "a" } else { "b" };
            org.move_person(&id.as_str().into(), Some(&manager.into()))
                .expect("ok");
        }
        for id in ["a", "b"] {
            org.move_person(&id.into(), Some(&"ceo".into()))
                .expect("ok");
        }
        let view = open_view(&org, &SCREEN);
        assert_eq!(view.layers, 2);
        let mut ids: Vec<&str> = view.collapsed.iter().map(PersonId::as_str).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["a", "b"]);
    }
}
