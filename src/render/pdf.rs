//! PDF output: one SVG per page (header with title, date and "Page i of
//! n", legend, the page's part of the chart), each converted by svg2pdf into
//! a form XObject and placed on a page of the chosen size with pdf-writer.

use super::breadcrumb::continued_note;
use super::font::text_width;
use super::paginate::{plan, PagePlan};
use super::png::parse;
use super::scene::{Chart, Drawing, BOX_WIDTH};
use super::svg::{num, open, text, used_keys, write_drawing, write_legend};
use super::ChartOptions;
use crate::error::{OrgError, Result};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Page margin, in points.
const MARGIN: f32 = 28.0;
/// Points per chart pixel at natural size (96 dpi).
const NATURAL: f32 = 0.75;
/// Smallest scale a page may use: boxes at 40 % of their natural size.
pub(crate) const MIN_SCALE: f32 = 0.4 * NATURAL;
/// Height of the header (title, date, two legend lines) above the chart.
const HEADER: f32 = 78.0;

/// Width and height of a page in points.
pub(crate) fn page_points(options: &ChartOptions) -> (f32, f32) {
    let (w, h) = options.page.points();
    if options.landscape {
        (h, w)
    } else {
        (w, h)
    }
}

/// Width and height left for the chart on a page.
fn chart_area(page: (f32, f32)) -> (f32, f32) {
    (page.0 - 2.0 * MARGIN, page.1 - MARGIN - HEADER - MARGIN)
}

/// Plans the pages of `chart` for `options`' page size.
pub(crate) fn pages(chart: &Chart, options: &ChartOptions) -> Vec<PagePlan> {
    let (area_w, area_h) = chart_area(page_points(options));
    let fits = |nodes: &[u32], tops: usize| {
        let drawing = Drawing::for_page(chart, nodes.to_vec(), tops, area_w / MIN_SCALE);
        drawing.width() * MIN_SCALE <= area_w && drawing.height() * MIN_SCALE <= area_h
    };
    let smallest = BOX_WIDTH * chart.size.height * MIN_SCALE * MIN_SCALE;
    let cap = (area_w * area_h / smallest) as usize + 1;
    plan(chart, &fits, cap)
}

/// The SVG of page `index` of `plans`, `page` points in size.
fn page_svg(
    chart: &Chart,
    options: &ChartOptions,
    plans: &[PagePlan],
    index: usize,
    page: (f32, f32),
) -> String {
    let plan = &plans[index];
    let (w, _) = page;
    let (area_w, area_h) = chart_area(page);
    let drawing = Drawing::for_page(
        chart,
        plan.nodes.clone(),
        plan.tops.len(),
        area_w / MIN_SCALE,
    );
    let mut markers: FxHashMap<u32, String> = FxHashMap::default();
    for &(v, first, last) in &plan.continued {
        let note = if first == last {
            format!("→ continued on page {}", first + 1)
        } else {
            format!("→ continued on pages {}–{}", first + 1, last + 1)
        };
        markers.insert(v, note);
    }
    let mut out = String::with_capacity(plan.nodes.len() * 420 + 2048);
    open(&mut out, page.0, page.1);
    let numbering = format!("Page {} of {}", index + 1, plans.len());
    let numbering_width = text_width(&numbering, 9.0, false);
    text(
        &mut out,
        (MARGIN, MARGIN + 14.0),
        16.0,
        true,
        w - 2.0 * MARGIN - numbering_width - 12.0,
        "",
        &options.title,
    );
    text(
        &mut out,
        (w - MARGIN, MARGIN + 14.0),
        9.0,
        false,
        numbering_width + 1.0,
        " text-anchor=\"end\"",
        &numbering,
    );
    let half = (w - 2.0 * MARGIN) / 2.0 - 8.0;
    if !options.date.is_empty() {
        text(
            &mut out,
            (MARGIN, MARGIN + 30.0),
            9.0,
            false,
            half,
            " fill=\"#4b5563\"",
            &options.date,
        );
    }
    if let Some(note) = continued_note(chart, plan, 9.0, false, half) {
        text(
            &mut out,
            (w - MARGIN, MARGIN + 30.0),
            9.0,
            false,
            half,
            " text-anchor=\"end\" fill=\"#4b5563\"",
            &note,
        );
    }
    let (keys, dotted) = used_keys(chart, &drawing);
    write_legend(
        &mut out,
        chart,
        &keys,
        dotted,
        MARGIN,
        MARGIN + 40.0,
        w - 2.0 * MARGIN,
        2,
        NATURAL,
    );
    let (dw, dh) = (drawing.width(), drawing.height());
    let scale = if dw > 0.0 && dh > 0.0 {
        (area_w / dw).min(area_h / dh).min(NATURAL)
    } else {
        NATURAL
    };
    let x = MARGIN + (area_w - dw * scale) / 2.0;
    let _ = writeln!(
        out,
        "<g transform=\"translate({} {}) scale({})\">",
        num(x),
        num(MARGIN + HEADER),
        // Four decimals: two would move big charts by whole boxes.
        (f64::from(scale) * 10_000.0).round() / 10_000.0
    );
    write_drawing(&mut out, chart, &drawing, &markers);
    out.push_str("</g>\n</svg>\n");
    out
}

/// The chart as a PDF of one or more pages.
pub(crate) fn render(chart: &Chart, options: &ChartOptions) -> Result<Vec<u8>> {
    let page = page_points(options);
    let plans = pages(chart, options);
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree = alloc.bump();
    let page_refs: Vec<Ref> = plans.iter().map(|_| alloc.bump()).collect();
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(page_refs.len() as i32);
    let conversion = svg2pdf::ConversionOptions::default();
    for (index, &page_ref) in page_refs.iter().enumerate() {
        let svg = page_svg(chart, options, &plans, index, page);
        let svg_tree = parse(&svg)?;
        let (chunk, form) = svg2pdf::to_chunk(&svg_tree, conversion)
            .map_err(|e| OrgError::Render(format!("page {}: {e}", index + 1)))?;
        let mut renumbered: HashMap<Ref, Ref> = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let form = *renumbered
            .get(&form)
            .ok_or_else(|| OrgError::Render("svg2pdf returned no page content".to_string()))?;
        let content_ref = alloc.bump();
        let mut writer = pdf.page(page_ref);
        writer
            .media_box(Rect::new(0.0, 0.0, page.0, page.1))
            .parent(tree)
            .contents(content_ref);
        writer.resources().x_objects().pair(Name(b"Chart"), form);
        writer.finish();
        let mut content = Content::new();
        content
            .save_state()
            .transform([page.0, 0.0, 0.0, page.1, 0.0, 0.0])
            .x_object(Name(b"Chart"))
            .restore_state();
        pdf.stream(content_ref, &content.finish());
        pdf.extend(&chunk);
    }
    pdf.document_info(alloc.bump())
        .title(TextStr(&options.title))
        .producer(TextStr("Orgraph"));
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Org, Policy};
    use crate::render::{render_pdf, ColourBy, PageSize};

    fn generated(people: usize) -> Org {
        let records = crate::generate::generate(people, 7);
        Org::from_records(records, "generated", Ladder::default(), Policy::default())
            .expect("a generated org is valid")
            .0
    }

    fn number(object: &lopdf::Object) -> f32 {
        match object {
            lopdf::Object::Integer(i) => *i as f32,
            lopdf::Object::Real(r) => *r,
            other => panic!("not a number: {other:?}"),
        }
    }

    /// Page count and each page's MediaBox width and height.
    fn media_boxes(bytes: &[u8]) -> Vec<(f32, f32)> {
        let doc = lopdf::Document::load_mem(bytes).expect("a valid PDF");
        doc.get_pages()
            .values()
            .map(|&id| {
                let page = doc
                    .get_object(id)
                    .and_then(lopdf::Object::as_dict)
                    .expect("page");
                let media = page
                    .get(b"MediaBox")
                    .and_then(lopdf::Object::as_array)
                    .expect("MediaBox");
                assert_eq!(media.len(), 4);
                assert_eq!((number(&media[0]), number(&media[1])), (0.0, 0.0));
                (number(&media[2]), number(&media[3]))
            })
            .collect()
    }

    fn close(a: (f32, f32), b: (f32, f32)) -> bool {
        (a.0 - b.0).abs() < 0.01 && (a.1 - b.1).abs() < 0.01
    }

    #[test]
    fn a_small_org_is_one_page_of_the_chosen_size() {
        let org = crate::render::tests::small_org();
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        for (page, landscape, expected) in [
            (PageSize::A4, false, (595.28, 841.89)),
            (PageSize::A4, true, (841.89, 595.28)),
            (PageSize::Letter, false, (612.0, 792.0)),
            (PageSize::A3, true, (1190.55, 841.89)),
        ] {
            let options = ChartOptions {
                page,
                landscape,
                ..ChartOptions::default()
            };
            let pdf = render_pdf(&org, &metrics, &options).expect("renders");
            assert!(pdf.starts_with(b"%PDF-"));
            let boxes = media_boxes(&pdf);
            assert_eq!(boxes.len(), 1, "{page:?}");
            assert!(
                close(boxes[0], expected),
                "{page:?} {landscape}: {:?}",
                boxes[0]
            );
        }
    }

    #[test]
    fn a_big_org_is_split_into_subtree_pages() {
        let org = generated(2_000);
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let options = ChartOptions {
            colour_by: ColourBy::Verdict,
            title: "Generated".to_string(),
            date: "2026-11-27".to_string(),
            landscape: true,
            ..ChartOptions::default()
        };
        let pdf = render_pdf(&org, &metrics, &options).expect("renders");
        let boxes = media_boxes(&pdf);
        assert!(boxes.len() > 1, "{} pages", boxes.len());
        assert!(boxes.iter().all(|&b| close(b, (841.89, 595.28))));
        let chart = Chart::build(&org, &metrics, &options).expect("chart");
        assert_eq!(boxes.len(), pages(&chart, &options).len());
    }

    #[test]
    fn pages_cover_everyone_once_and_point_forward() {
        let org = generated(2_000);
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let options = ChartOptions::default();
        let chart = Chart::build(&org, &metrics, &options).expect("chart");
        let plans = pages(&chart, &options);
        let (area_w, area_h) = chart_area(page_points(&options));
        let mut drawn = vec![0u32; chart.len()];
        for (index, plan) in plans.iter().enumerate() {
            let below_top = &plan.nodes[plan.tops.len()..];
            for &v in below_top {
                drawn[v as usize] += 1;
            }
            // Legible: the page's drawing fits at the minimum scale.
            let drawing = Drawing::for_page(
                &chart,
                plan.nodes.clone(),
                plan.tops.len(),
                area_w / MIN_SCALE,
            );
            assert!(drawing.width() * MIN_SCALE <= area_w + 0.01);
            assert!(drawing.height() * MIN_SCALE <= area_h + 0.01);
            for &(v, first, last) in &plan.continued {
                assert!(first > index && last >= first && last < plans.len());
                for (part, target) in plans[first..=last].iter().enumerate() {
                    assert!(target.tops.contains(&v));
                    assert_eq!(target.from, Some(index));
                    assert_eq!(target.part, (part + 1, last - first + 1));
                }
                // Cut people show no reports here.
                assert!(chart
                    .forest
                    .children(v)
                    .iter()
                    .all(|c| !plan.nodes.contains(c)));
            }
            assert_eq!(&plan.nodes[..plan.tops.len()], &plan.tops[..]);
        }
        assert!(drawn.iter().all(|&n| n == 1), "everyone drawn exactly once");
        assert!(plans.len() > 1);
        assert!(plans[0].tops.is_empty());

        let svg = page_svg(&chart, &options, &plans, 1, page_points(&options));
        assert!(svg.contains(&format!(">Page 2 of {}</text>", plans.len())));
        assert!(svg.contains("Continued from page 1"));
        // The chain from the top of the org down to the page's top person.
        let root = crate::render::svg::escape(&chart.labels[0].name).into_owned();
        assert!(
            svg.contains(&format!("Continued from page 1: {root} › ")),
            "{root}"
        );
        let first = page_svg(&chart, &options, &plans, 0, page_points(&options));
        assert!(first.contains("→ continued on page"));
    }

    /// A continued page for one manager whose reports do not fit side by
    /// side draws that manager alone on top and wraps the reports' subtrees
    /// below, so pages fill downwards too (a generated 10,000-person org
    /// takes 147 A4 pages, against 329 pages of about 30 boxes with the
    /// reports side by side).
    #[test]
    fn continued_pages_wrap_reports_below_their_manager() {
        let org = generated(2_000);
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let options = ChartOptions::default();
        let chart = Chart::build(&org, &metrics, &options).expect("chart");
        let plans = pages(&chart, &options);
        let (area_w, _) = chart_area(page_points(&options));
        let boxes: usize = plans.iter().map(|p| p.nodes.len()).sum();
        assert!(
            boxes / plans.len() >= 50,
            "{} pages, {} boxes each on average",
            plans.len(),
            boxes / plans.len()
        );
        let mut detached = 0;
        for plan in plans.iter().filter(|p| p.tops.len() == 1) {
            let drawing = Drawing::for_page(&chart, plan.nodes.clone(), 1, area_w / MIN_SCALE);
            if drawing.forest.roots().len() == 1 {
                continue; // the manager and reports fit as one tree
            }
            detached += 1;
            let layout = &drawing.placed.layout;
            let top_bottom = layout.y[0] + layout.height[0];
            assert!((1..drawing.nodes.len()).all(|v| layout.y[v] > top_bottom));
            assert!(drawing.width() * MIN_SCALE <= area_w + 0.01);
        }
        assert!(detached > 0, "no page needed wrapping");
    }

    #[test]
    fn page_legends_stay_within_two_lines() {
        let mut org = Org::new();
        org.add_person(crate::model::Person::new("boss"))
            .expect("unique");
        for i in 0..60 {
            let team = format!("Team number {i:02}");
            org.add_team(crate::model::Team {
                id: team.as_str().into(),
                name: team.clone(),
                kind: crate::model::TeamKind::StreamAligned,
                lead: None,
                department: None,
            })
            .expect("unique team");
            let id = format!("p{i:02}");
            let mut person = crate::model::Person::new(id.as_str());
            person.team = Some(team.as_str().into());
            org.add_person(person).expect("unique");
            org.move_person(&id.as_str().into(), Some(&"boss".into()))
                .expect("no cycle");
        }
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let options = ChartOptions::default();
        let chart = Chart::build(&org, &metrics, &options).expect("chart");
        let plans = pages(&chart, &options);
        assert_eq!(plans.len(), 1, "60 stacked reports fit on a page");
        let svg = page_svg(&chart, &options, &plans, 0, page_points(&options));
        assert!(
            svg.contains(" more</text>"),
            "the legend is cut short: {}",
            &svg[..3000]
        );
        // Legend swatches lie above the chart.
        for line in svg.lines().filter(|l| l.contains("stroke-width=\"0.56\"")) {
            let y: f32 = line
                .split("y=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .and_then(|v| v.parse().ok())
                .expect("a y");
            assert!(y < MARGIN + HEADER - 8.0, "{line}");
        }
        assert!(svg.contains("stroke-width=\"0.56\""));
    }

    #[test]
    fn forty_reports_fit_on_one_page_in_compact_mode() {
        let mut org = Org::new();
        org.add_person(crate::model::Person::new("boss"))
            .expect("unique");
        for i in 0..40 {
            let id = format!("r{i:02}");
            org.add_person(crate::model::Person::new(id.as_str()))
                .expect("unique");
            org.move_person(&id.as_str().into(), Some(&"boss".into()))
                .expect("no cycle");
        }
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let compact = ChartOptions::default();
        let pdf = render_pdf(&org, &metrics, &compact).expect("renders");
        assert_eq!(media_boxes(&pdf).len(), 1);
        let wide = ChartOptions {
            compact: false,
            ..ChartOptions::default()
        };
        let pdf = render_pdf(&org, &metrics, &wide).expect("renders");
        assert!(
            media_boxes(&pdf).len() > 1,
            "40 boxes side by side need pages"
        );
    }

    /// A forest of many top-level people: the first page groups them by
    /// department, each group on rows of its own under a heading, rather
    /// than one grid in file order.
    #[test]
    fn a_forest_first_page_groups_top_people_by_department() {
        use crate::model::{Person, Team, TeamKind};
        let mut org = Org::new();
        for (id, department) in [("pay", "Payments"), ("ops", "Operations")] {
            org.add_team(Team {
                id: id.into(),
                name: id.to_string(),
                kind: TeamKind::StreamAligned,
                lead: None,
                department: Some(department.to_string()),
            })
            .expect("unique team");
        }
        // Twelve unconnected people, alternating between the departments.
        for i in 0..12 {
            let mut person = Person::new(format!("p{i}"));
            person.team = Some(if i % 2 == 0 { "pay" } else { "ops" }.into());
            org.add_person(person).expect("unique");
        }
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let options = ChartOptions::default();
        let chart = Chart::build(&org, &metrics, &options).expect("chart");
        let plans = pages(&chart, &options);
        assert_eq!(plans.len(), 1);
        let department = |v: u32| chart.labels[v as usize].department.clone();
        let order: Vec<_> = plans[0].nodes.iter().map(|&v| department(v)).collect();
        assert!(
            order[..6].iter().all(|d| d.as_deref() == Some("Payments")),
            "{order:?}"
        );
        assert!(order[6..]
            .iter()
            .all(|d| d.as_deref() == Some("Operations")));
        let (area_w, _) = chart_area(page_points(&options));
        let drawing = Drawing::for_page(&chart, plans[0].nodes.clone(), 0, area_w / MIN_SCALE);
        let headings: Vec<&str> = drawing.captions.iter().map(|c| c.2.as_str()).collect();
        assert_eq!(headings, ["Payments (6)", "Operations (6)"]);
        // Each heading sits above its group, and groups do not share rows.
        let l = &drawing.placed.layout;
        let first_ops = 6;
        assert!(drawing.captions[1].1 < l.y[first_ops]);
        assert!((0..6).all(|v| l.y[v] + l.height[v] < drawing.captions[1].1));
        assert_eq!(crate::render::first_overlap(l), None);
        let svg = page_svg(&chart, &options, &plans, 0, page_points(&options));
        assert!(svg.contains(">Payments (6)</text>") && svg.contains(">Operations (6)</text>"));
    }
}
