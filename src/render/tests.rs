use super::*;
use crate::model::{Person, Status, Team, TeamKind};
use crate::OrgError;
use std::sync::Arc;

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
    // id, name, title, level, manager, team, status
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Status,
    );
    let people: [Row; 10] = [
        (
            "ceo",
            "Grace Hopper",
            "CEO",
            "M7",
            None,
            None,
            Status::Active,
        ),
        (
            "p1",
            "Ada Lovelace",
            "Engineering Manager",
            "M4",
            Some("ceo"),
            Some("pay"),
            Status::Active,
        ),
        (
            "a1",
            "Alan Turing",
            "Head of Architecture",
            "M5",
            Some("ceo"),
            Some("arch"),
            Status::Active,
        ),
        (
            "s1",
            "Barbara Liskov",
            "Principal Engineer",
            "IC5",
            Some("a1"),
            Some("arch"),
            Status::Active,
        ),
        (
            "e1",
            "Edsger Dijkstra",
            "Senior Engineer",
            "IC3",
            Some("p1"),
            Some("pay"),
            Status::Active,
        ),
        (
            "e2",
            "Donald Knuth",
            "Engineer",
            "IC2",
            Some("p1"),
            Some("pay"),
            Status::Departing,
        ),
        (
            "e3",
            "Frances Allen",
            "Staff Engineer",
            "IC4",
            Some("p1"),
            Some("pay"),
            Status::Active,
        ),
        (
            "e4",
            "",
            "Engineer",
            "IC2",
            Some("p1"),
            Some("pay"),
            Status::Open,
        ),
        (
            "e5",
            "Ken Thompson",
            "Engineer",
            "IC2",
            Some("p1"),
            None,
            Status::Planned,
        ),
        (
            "x1",
            "Margaret Hamilton",
            "Chief of Staff",
            "M5",
            Some("ceo"),
            None,
            Status::Active,
        ),
    ];
    for (id, name, title, level, _, team, status) in people {
        let mut person = Person::new(id);
        person.name = name.into();
        person.title = Arc::from(title);
        person.level = Arc::from(level);
        person.team = team.map(Into::into);
        person.status = status;
        person.cost = Some(crate::Money::from_cents(98_765_400));
        org.add_person(person).expect("unique person");
    }
    for (id, _, _, _, manager, _, _) in people {
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

#[test]
fn png_too_large_is_a_typed_error() {
    let org = small_org();
    let options = ChartOptions {
        scale: 100.0,
        ..options(ColourBy::Team)
    };
    let err = render_png(&org, &metrics(&org), &options).expect_err("too large");
    assert!(matches!(err, OrgError::ImageTooLarge { .. }), "{err}");
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
