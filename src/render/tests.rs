use super::*;
use crate::model::{Person, Team, TeamKind};
use crate::OrgError;
use std::sync::Arc;

/// The people of [`small_org`], one per line: id, name, title, level,
/// manager, team, status (an empty field is none).
const SMALL_ORG_PEOPLE: &str = "\
ceo | Grace Hopper      | CEO                  | M7  |     |      | active
p1  | Ada Lovelace      | Engineering Manager  | M4  | ceo | pay  | active
a1  | Alan Turing       | Head of Architecture | M5  | ceo | arch | active
s1  | Barbara Liskov    | Principal Engineer   | IC5 | a1  | arch | active
e1  | Edsger Dijkstra   | Senior Engineer      | IC3 | p1  | pay  | active
e2  | Donald Knuth      | Engineer             | IC2 | p1  | pay  | departing
e3  | Frances Allen     | Staff Engineer       | IC4 | p1  | pay  | active
e4  |                   | Engineer             | IC2 | p1  | pay  | open
e5  | Ken Thompson      | Engineer             | IC2 | p1  |      | planned
x1  | Margaret Hamilton | Chief of Staff       | M5  | ceo |      | active";

/// CEO with two teams: a payments lead with five engineers (stacked in
/// compact mode), an architecture lead with a central staff engineer, an
/// open req and a dotted line.
pub(super) fn small_org() -> Org {
    let mut org = Org::new();
    for (id, name, kind) in [
        ("pay", "Payments", TeamKind::StreamAligned),
        ("arch", "Central Architecture", TeamKind::Architecture),
    ] {
        org.add_team(Team {
            id: id.into(),
            name: name.to_string(),
            kind,
            lead: None,
            department: None,
        })
        .expect("unique team");
    }
    fn some(field: &str) -> Option<&str> {
        (!field.is_empty()).then_some(field)
    }
    let mut managers = Vec::new();
    for line in SMALL_ORG_PEOPLE.lines() {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let &[id, name, title, level, manager, team, status] = fields.as_slice() else {
            panic!("seven fields in {line:?}");
        };
        let mut person = Person::new(id);
        person.name = name.into();
        person.title = Arc::from(title);
        person.level = Arc::from(level);
        person.team = some(team).map(Into::into);
        person.status = status.parse().expect("a status");
        person.cost = Some(crate::Money::from_cents(98_765_400));
        org.add_person(person).expect("unique person");
        managers.push((id, some(manager)));
    }
    for (id, manager) in managers {
        if let Some(manager) = manager {
            org.move_person(&id.into(), Some(&manager.into()))
                .expect("no cycle");
        }
    }
    org.add_dotted_line(&"a1".into(), &"e3".into())
        .expect("dotted line");
    org
}

fn metrics(org: &Org) -> Metrics {
    crate::metrics::compute(org, crate::View::Current)
}

fn options(colour_by: ColourBy) -> ChartOptions {
    ChartOptions {
        colour_by,
        title: "Acme Corp".to_string(),
        date: "2026-11-27".to_string(),
        ..ChartOptions::default()
    }
}

#[test]
fn svg_snapshot_of_a_small_org() {
    let org = small_org();
    let svg = render_svg(&org, &metrics(&org), &options(ColourBy::Team)).expect("renders");
    insta::assert_snapshot!("small_org_by_team", svg);
}

#[test]
fn svg_snapshot_by_verdict_without_compact() {
    let org = small_org();
    let options = ChartOptions {
        compact: false,
        show_team: false,
        ..options(ColourBy::Verdict)
    };
    let svg = render_svg(&org, &metrics(&org), &options).expect("renders");
    insta::assert_snapshot!("small_org_by_verdict_wide", svg);
}

#[test]
fn svg_is_deterministic_and_never_shows_cost() {
    let org = small_org();
    let m = metrics(&org);
    for mode in [
        ColourBy::Team,
        ColourBy::Verdict,
        ColourBy::Placement,
        ColourBy::Status,
    ] {
        let a = render_svg(&org, &m, &options(mode)).expect("renders");
        let b = render_svg(&org, &m, &options(mode)).expect("renders");
        assert_eq!(a, b);
        assert!(!a.contains("987") && !a.contains("cost"), "{mode:?}");
        assert!(a.contains("font-family=\"DejaVu Sans\""));
        assert_eq!(
            a.matches("<rect x=").count() - legend_swatches(&a),
            org.len()
        );
        // The file parses with the embedded fonts.
        super::png::parse(&a).expect("valid SVG");
    }
}

/// Legend swatches are the rects with a stroke-width attribute.
fn legend_swatches(svg: &str) -> usize {
    svg.lines()
        .filter(|l| l.starts_with("<rect x=") && l.contains("stroke-width"))
        .count()
}

#[test]
fn legend_lists_each_colour_used() {
    let org = small_org();
    let m = metrics(&org);
    let legend = |mode| {
        let svg = render_svg(&org, &m, &options(mode)).expect("renders");
        svg.lines()
            .filter(|l| l.starts_with("<rect x=") && l.contains("stroke-width"))
            .count()
    };
    // Payments, Central Architecture, No team.
    assert_eq!(legend(ColourBy::Team), 3);
    // In the current view p1's open req and planned hire do not count, so
    // every manager is narrow: narrow and individual contributors.
    assert_eq!(legend(ColourBy::Verdict), 2);
    // Only central staff+ (s1 is in the architecture team) and others; e3
    // (IC4 in Payments) is embedded.
    assert_eq!(legend(ColourBy::Placement), 3);
    assert_eq!(legend(ColourBy::Status), 4);
    let svg = render_svg(&org, &m, &options(ColourBy::Status)).expect("renders");
    for label in [
        "Active",
        "Open req",
        "Planned hire",
        "Departing",
        "Dotted line",
    ] {
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
}

#[test]
fn text_is_xml_escaped() {
    let mut org = small_org();
    let mut person = Person::new("evil");
    person.name = "<script>&\"x\"</script>".into();
    person.title = Arc::from("R&D <lead>");
    org.add_person(person).expect("unique");
    let options = ChartOptions {
        title: "Q&A <draft> \"v2\"".to_string(),
        ..options(ColourBy::Team)
    };
    let svg = render_svg(&org, &metrics(&org), &options).expect("renders");
    assert!(!svg.contains("<script>") && !svg.contains("R&D") && !svg.contains("<lead>"));
    assert!(svg.contains("&lt;script&gt;&amp;&quot;x&quot;"));
    assert!(svg.contains("R&amp;D &lt;lead&gt;"));
    assert!(svg.contains("Q&amp;A &lt;draft&gt; &quot;v2&quot;"));
    super::png::parse(&svg).expect("escaped SVG parses");
}

#[test]
fn root_and_depth_cut_the_chart() {
    let org = small_org();
    let m = metrics(&org);
    let only = |root: Option<&str>, depth| {
        let options = ChartOptions {
            root: root.map(Into::into),
            depth,
            ..options(ColourBy::Team)
        };
        render_svg(&org, &m, &options).expect("renders")
    };
    let pay = only(Some("p1"), None);
    assert!(pay.contains("Ada Lovelace") && pay.contains("Ken Thompson"));
    assert!(!pay.contains("Grace Hopper") && !pay.contains("Alan Turing"));
    let top = only(None, Some(1));
    assert!(top.contains("Ada Lovelace") && !top.contains("Ken Thompson"));
    assert!(top.contains(">+5 below</text>"));
    assert!(top.contains(">+1 below</text>"));
    let alone = only(Some("ceo"), Some(0));
    assert!(alone.contains(">+9 below</text>") && !alone.contains("Ada"));
    let err = render_svg(
        &org,
        &m,
        &ChartOptions {
            root: Some("nobody".into()),
            ..ChartOptions::default()
        },
    )
    .expect_err("unknown root");
    assert!(matches!(err, OrgError::PersonNotFound(_)));
}

#[test]
fn png_decodes_with_the_expected_size() {
    let org = small_org();
    let m = metrics(&org);
    let opts = options(ColourBy::Placement);
    let svg = render_svg(&org, &m, &opts).expect("renders");
    let tree = super::png::parse(&svg).expect("parses");
    let (w, h) = (tree.size().width(), tree.size().height());
    for scale in [1.0f32, 2.0] {
        let png = render_png(
            &org,
            &m,
            &ChartOptions {
                scale,
                ..opts.clone()
            },
        )
        .expect("renders");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!(width, (w * scale).ceil() as u32);
        assert_eq!(height, (h * scale).ceil() as u32);
    }
}

fn generated(people: usize) -> Org {
    let records = crate::generate::generate(people, 7);
    Org::from_records(
        records,
        "generated",
        crate::model::Ladder::default(),
        crate::model::Policy::default(),
    )
    .expect("a generated org is valid")
    .0
}

/// The PNG plan of `org`: the sheet's size and the scale it is drawn at.
fn png_plan_of(org: &Org, options: &ChartOptions) -> Result<((f32, f32), f32)> {
    let chart = scene::Chart::for_image(org, &metrics(org), options)?;
    let (sheet, scale) = png_plan(&chart, options)?;
    Ok(((sheet.width, sheet.height), scale))
}

#[test]
fn a_png_too_big_at_its_scale_is_shrunk_to_the_largest_that_fits() {
    let org = small_org();
    let asked = ChartOptions {
        scale: 100.0,
        ..options(ColourBy::Team)
    };
    let ((w, h), scale) = png_plan_of(&org, &asked).expect("fits when shrunk");
    assert!((MIN_LEGIBLE_SCALE..100.0).contains(&scale), "{scale}");
    let (pw, ph) = png::pixel_size(w, h, scale).expect("within the limits");
    assert!(u64::from(pw) * u64::from(ph) <= MAX_PNG_PIXELS);
    assert!(
        png::pixel_size(w, h, scale * 1.01).is_err(),
        "not the largest"
    );
    // A chart that fits keeps its scale exactly.
    let ((_, _), kept) = png_plan_of(&org, &options(ColourBy::Team)).expect("fits");
    assert_eq!(kept, 1.0);
}

/// A generated 2,000-person org, which laid out as one tidy tree would be
/// a strip of about 126,000 x 830 px, too big for a PNG, is folded and
/// shrunk to fit, with legible names.
#[test]
fn a_whole_org_png_of_2000_people_fits_with_legible_names() {
    let org = generated(2_000);
    let ((w, h), scale) = png_plan_of(&org, &options(ColourBy::Team)).expect("fits");
    assert!((1.0..=2.5).contains(&(w / h)), "{w} x {h}");
    assert!((MIN_LEGIBLE_SCALE..1.0).contains(&scale), "{scale}");
    let (pw, ph) = png::pixel_size(w, h, scale).expect("within the limits");
    assert!(u64::from(pw.max(ph)) <= MAX_PNG_SIDE);
}

fn generated_with_seed(people: usize, seed: u64) -> Org {
    let records = crate::generate::generate(people, seed);
    Org::from_records(
        records,
        "generated",
        crate::model::Ladder::default(),
        crate::model::Policy::default(),
    )
    .expect("a generated org is valid")
    .0
}

/// The refusal threshold: 20,000 generated people (the CLI's default seed
/// and another) fit with names of at least `MIN_NAME_PX`, the sheet being
/// what the SVG is; 25,000 would need smaller names and are refused with
/// the size the image would have, before anything is drawn.
#[test]
fn only_a_png_whose_names_would_be_illegible_is_refused() {
    let chart_options = options(ColourBy::Team);
    for seed in [1, 7] {
        let org = generated_with_seed(20_000, seed);
        let ((w, h), scale) = png_plan_of(&org, &chart_options).expect("fits");
        assert!(scale * svg::NAME_SIZE >= MIN_NAME_PX, "{scale}");
        assert!((1.0..=3.0).contains(&(w / h)), "{w} x {h}");
    }
    let org = generated(25_000);
    let err = render_png(&org, &metrics(&org), &chart_options).expect_err("too big");
    let OrgError::ImageTooLarge { width, height, .. } = err else {
        panic!("{err}");
    };
    // The folded chart's size at the scale asked for (1.0), not a strip.
    assert!(
        width < 4 * height && height > MAX_PNG_SIDE / 2,
        "{width}x{height}"
    );
    let message = err.to_string();
    assert!(message.starts_with("the chart would be a "), "{message}");
    assert!(message.contains("--root"), "{message}");
}

/// The SVG of a big org has the proportions of its PNG: one sheet.
#[test]
fn svg_and_png_of_a_big_org_share_one_layout() {
    let org = generated(2_000);
    let chart_options = options(ColourBy::Team);
    let ((w, h), _) = png_plan_of(&org, &chart_options).expect("fits");
    let svg = render_svg(&org, &metrics(&org), &chart_options).expect("svg");
    let header = format!("width=\"{}\" height=\"{}\"", svg::num(w), svg::num(h));
    assert!(
        svg.lines().next().is_some_and(|l| l.contains(&header)),
        "{header}"
    );
    // Teams are stacked whole: a stacked manager's reports hang below them.
    let chart = scene::Chart::for_image(&org, &metrics(&org), &chart_options).expect("chart");
    let drawing = readable::readable_drawing(&chart);
    let stacked_teams = (0..chart.len() as u32)
        .filter(|&v| drawing.placed.is_stacked(v) && !drawing.forest.children(v).is_empty())
        .count();
    assert!(stacked_teams > 50, "{stacked_teams} teams stacked whole");
    // Each hangs its reports from a spine down from the manager's box.
    let l = &drawing.placed.layout;
    let team = (0..chart.len() as u32)
        .find(|&v| drawing.placed.is_stacked(v) && !drawing.forest.children(v).is_empty())
        .expect("a stacked team") as usize;
    let first = drawing.forest.children(team as u32)[0] as usize;
    let spine = drawing.placed.spine[first];
    assert!(spine > l.x[team] && spine < l.x[first]);
    let mut path = String::new();
    svg::write_drawing(&mut path, &chart, &drawing, &Default::default());
    let bottom = l.y[team] + l.height[team];
    let down = format!("M{} {}V", svg::num(spine), svg::num(bottom));
    assert!(path.contains(&down), "no spine: {down}");
}

/// A folded manager's connectors: a trunk from the box down the left, a
/// bus per row from the trunk, and a drop from the bus to each report.
#[test]
fn folded_reports_hang_from_a_trunk_and_a_bus_per_row() {
    let mut org = Org::new();
    org.add_person(Person::new("boss")).expect("unique");
    for m in 0..16 {
        let lead = format!("m{m:02}");
        org.add_person(Person::new(lead.as_str())).expect("unique");
        org.move_person(&lead.as_str().into(), Some(&"boss".into()))
            .expect("forest");
        // Teams too big to be stacked whole under the boss.
        for r in 0..10 {
            let id = format!("{lead}-{r}");
            org.add_person(Person::new(id.as_str())).expect("unique");
            org.move_person(&id.as_str().into(), Some(&lead.as_str().into()))
                .expect("forest");
        }
    }
    let chart = scene::Chart::build(&org, &metrics(&org), &options(ColourBy::Team)).expect("chart");
    let drawing = readable::readable_drawing(&chart);
    let trunk = drawing.trunk_of(0).expect("the boss's reports are folded");
    let mut path = String::new();
    svg::write_drawing(&mut path, &chart, &drawing, &Default::default());
    let l = &drawing.placed.layout;
    let half = scene::LAYOUT.level_gap / 2.0;
    let mut buses = std::collections::BTreeSet::new();
    for &c in drawing.forest.children(0) {
        let c = c as usize;
        let (x, top) = (l.x[c] + l.width[c] / 2.0, l.y[c]);
        let drop = format!(
            "M{} {}V{}",
            svg::num(x),
            svg::num(top - half),
            svg::num(top)
        );
        assert!(path.contains(&drop), "no drop to report {c}: {drop}");
        // Keyed by whole hundredths, so the set sorts them by value.
        buses.insert(((top - half) * 100.0).round() as i64);
    }
    assert!(buses.len() > 1, "the reports wrap onto several rows");
    let buses: Vec<String> = buses.iter().map(|&b| svg::num(b as f32 / 100.0)).collect();
    for bus in &buses {
        let start = format!("M{} {bus}H", svg::num(trunk));
        assert!(path.contains(&start), "no bus from the trunk at {bus}");
    }
    let boss_bottom = l.y[0] + l.height[0];
    let last = buses.iter().last().expect("a row");
    let down = format!("M{} {}V{last}", svg::num(trunk), svg::num(boss_bottom));
    assert!(path.contains(&down), "no trunk: {down}");
}

#[test]
fn an_empty_org_renders_everywhere() {
    let org = Org::new();
    let m = metrics(&org);
    let options = options(ColourBy::Team);
    let svg = render_svg(&org, &m, &options).expect("svg");
    assert!(svg.contains(">Acme Corp</text>") && !svg.contains("rx=\"6\""));
    let png = render_png(&org, &m, &options).expect("png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let pdf = render_pdf(&org, &m, &options).expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("valid PDF");
    assert_eq!(doc.get_pages().len(), 1);
}

/// Many small separate trees wrap onto rows no wider than asked, without
/// overlapping, instead of one long row.
#[test]
fn separate_trees_wrap_onto_rows() {
    let mut org = Org::new();
    for t in 0..30 {
        let lead = format!("lead{t}");
        org.add_person(Person::new(lead.as_str())).expect("unique");
        for r in 0..3 {
            let id = format!("ic{t}-{r}");
            org.add_person(Person::new(id.as_str())).expect("unique");
            org.move_person(&id.as_str().into(), Some(&lead.as_str().into()))
                .expect("forest");
        }
    }
    let chart = scene::Chart::build(&org, &metrics(&org), &options(ColourBy::Team)).expect("chart");
    let one_row = scene::Drawing::new(&chart, chart.everyone());
    let max_width = one_row.width() / 4.0;
    let wrapped = scene::Drawing::wrapped(&chart, chart.everyone(), max_width);
    assert!(
        wrapped.width() <= max_width,
        "{} > {max_width}",
        wrapped.width()
    );
    assert!(
        wrapped.height() >= 4.0 * one_row.height(),
        "at least four rows"
    );
    assert_eq!(first_overlap(&wrapped.placed.layout), None);
    let layout = &wrapped.placed.layout;
    for v in 0..layout.len() {
        assert!(layout.x[v] >= 0.0 && layout.x[v] + layout.width[v] <= wrapped.width() + 0.01);
        assert!(layout.y[v] >= 0.0 && layout.y[v] + layout.height[v] <= wrapped.height() + 0.01);
    }
    // Reports stay under their own lead.
    for v in 0..layout.len() as u32 {
        if let Some(p) = wrapped.forest.parent(v) {
            assert!(layout.y[v as usize] > layout.y[p as usize]);
            let (cx, _) = layout.center(v);
            let row = |u: u32| layout.y[u as usize];
            assert!(row(v) - row(p) < one_row.height(), "same row as the lead");
            assert!((cx - layout.center(p).0).abs() < one_row.width() / 30.0 + 200.0);
        }
    }
}
