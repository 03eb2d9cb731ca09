//! The embedded DejaVu Sans faces: the only fonts charts are drawn with, for
//! measuring labels and for usvg (system fonts are never loaded, so output
//! is the same everywhere).

use resvg::usvg::{self, fontdb};
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

pub(crate) const FAMILY: &str = "DejaVu Sans";
static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

struct Faces {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

fn faces() -> Option<&'static Faces> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Some(Faces {
                regular: ttf_parser::Face::parse(REGULAR, 0).ok()?,
                bold: ttf_parser::Face::parse(BOLD, 0).ok()?,
            })
        })
        .as_ref()
}

/// usvg options that know only the embedded faces.
pub(crate) fn usvg_options() -> usvg::Options<'static> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    let db = DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_source(fontdb::Source::Binary(Arc::new(REGULAR)));
        db.load_font_source(fontdb::Source::Binary(Arc::new(BOLD)));
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    });
    usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: Arc::clone(db),
        ..usvg::Options::default()
    }
}

/// Advance width of `text` at `size` px (no kerning: a slight
/// overestimate, which is the safe side for fitting).
pub(crate) fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let Some(faces) = faces() else {
        return text.chars().count() as f32 * size * 0.62;
    };
    let face = if bold { &faces.bold } else { &faces.regular };
    let em = f32::from(face.units_per_em().max(1));
    let units: f32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(em * 0.6, f32::from)
        })
        .sum();
    units * size / em
}

/// `text`, cut short with an ellipsis if it is wider than `max` px.
pub(crate) fn fit(text: &str, size: f32, bold: bool, max: f32) -> Cow<'_, str> {
    if text_width(text, size, bold) <= max {
        return Cow::Borrowed(text);
    }
    let budget = max - text_width("…", size, bold);
    let mut width = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let mut buf = [0u8; 4];
        width += text_width(c.encode_utf8(&mut buf), size, bold);
        if width > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}…", text[..end].trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_embedded_font() {
        assert!(faces().is_some());
        let narrow = text_width("iiii", 12.0, false);
        let wide = text_width("WWWW", 12.0, false);
        assert!(narrow < wide);
        assert!(text_width("Name", 12.0, true) > text_width("Name", 12.0, false));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(fit("Ada", 12.0, false, 100.0), "Ada");
        let cut = fit(
            "A very long title indeed for a small box",
            12.0,
            false,
            80.0,
        );
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 12.0, false) <= 80.0);
    }
}
