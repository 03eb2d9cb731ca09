//! PNG output: the chart's SVG rasterised by resvg with the embedded font.
//!
//! A PNG has at most [`MAX_PNG_SIDE`] pixels a side and [`MAX_PNG_PIXELS`]
//! in all. A chart that does not fit at the scale asked for is drawn at the
//! largest scale that fits, as long as names stay legible: a name is set in
//! bold at `NAME_SIZE` (13) px, and a chart is shrunk down to
//! [`MIN_LEGIBLE_SCALE`], where names are [`MIN_NAME_PX`] px tall. That
//! limit comes from looking at the output: at 3.5 px the antialiased names
//! can still be read at 1:1, at 2.9 px they blur (titles, at 11 px, are
//! hard to read below about 4 px). A chart that would need a smaller scale
//! is refused with [`OrgError::ImageTooLarge`], giving the size it would
//! have at the scale asked for. With the dense, folded whole-org layout
//! (`readable`: about 40k px² per person), a generated 20,000-person org
//! fits (at about 0.28); the limit is reached between 21,000 and 23,000
//! people (as the fold's rows fill more or less well), and a 25,000-person
//! one is refused.

use super::font::usvg_options;
use super::svg::NAME_SIZE;
use crate::error::{OrgError, Result};
use resvg::{tiny_skia, usvg};

/// Longest side of a PNG, in pixels.
pub const MAX_PNG_SIDE: u64 = 16_384;
/// Most pixels in a PNG (a 256 MiB canvas); bigger charts should be cut
/// with `root`/`depth` or exported as PDF.
pub const MAX_PNG_PIXELS: u64 = 64 * 1024 * 1024;

/// Height in image pixels of a name's font at the smallest scale a PNG is
/// drawn at.
pub const MIN_NAME_PX: f32 = 3.5;
/// The smallest scale a PNG is shrunk to so that it fits.
pub const MIN_LEGIBLE_SCALE: f32 = MIN_NAME_PX / NAME_SIZE;

/// The scale to draw an SVG of `width` × `height` at: `requested`, or
/// less when that would exceed the PNG limits. Fails with
/// [`OrgError::ImageTooLarge`] (the size at `requested`) when fitting would
/// take a scale under [`MIN_LEGIBLE_SCALE`].
pub(crate) fn fit_scale(width: f32, height: f32, requested: f32) -> Result<f32> {
    let refusal = match pixel_size(width, height, requested) {
        Ok(_) => return Ok(requested),
        Err(e @ OrgError::ImageTooLarge { .. }) => e,
        Err(e) => return Err(e),
    };
    let (w, h) = (f64::from(width.max(1.0)), f64::from(height.max(1.0)));
    let side = MAX_PNG_SIDE as f64;
    let mut scale = (side / w)
        .min(side / h)
        .min((MAX_PNG_PIXELS as f64 / (w * h)).sqrt()) as f32;
    // Rounding the size up to whole pixels may still overshoot a limit by
    // a pixel: shrink a little until it fits.
    for _ in 0..64 {
        if scale < MIN_LEGIBLE_SCALE {
            break;
        }
        if pixel_size(width, height, scale).is_ok() {
            return Ok(scale);
        }
        scale *= 0.999;
    }
    Err(refusal)
}

/// Parses SVG text with the embedded fonts only.
pub(crate) fn parse(svg: &str) -> Result<usvg::Tree> {
    usvg::Tree::from_str(svg, &usvg_options()).map_err(|e| OrgError::Render(e.to_string()))
}

/// Pixel size of an SVG of `width` × `height` at `scale`, or the error
/// that says it is too big.
pub(crate) fn pixel_size(width: f32, height: f32, scale: f32) -> Result<(u32, u32)> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(OrgError::InvalidInput(format!(
            "the PNG scale must be a positive number, not {scale}"
        )));
    }
    let w = (f64::from(width) * f64::from(scale)).ceil().max(1.0);
    let h = (f64::from(height) * f64::from(scale)).ceil().max(1.0);
    let side = MAX_PNG_SIDE as f64;
    if w > side || h > side || w * h > MAX_PNG_PIXELS as f64 {
        return Err(OrgError::ImageTooLarge {
            width: w as u64,
            height: h as u64,
            max_side: MAX_PNG_SIDE,
            max_pixels: MAX_PNG_PIXELS,
        });
    }
    Ok((w as u32, h as u32))
}

/// Renders SVG text to PNG bytes, `scale` pixels per SVG unit, on white.
pub(crate) fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>> {
    let tree = parse(svg)?;
    let size = tree.size();
    let (w, h) = pixel_size(size.width(), size.height(), scale)?;
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| OrgError::Render(format!("cannot allocate a {w}x{h} image")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| OrgError::Render(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_images_are_refused_with_advice() {
        assert_eq!(pixel_size(100.0, 50.0, 2.0).ok(), Some((200, 100)));
        let err = pixel_size(20_000.0, 100.0, 1.0).expect_err("too wide");
        assert!(matches!(err, OrgError::ImageTooLarge { width: 20_000, .. }));
        assert_eq!(err.code(), crate::ErrorCode::ImageTooLarge);
        let message = err.to_string();
        assert!(
            message.contains("--root") && message.contains("PDF"),
            "{message}"
        );
        assert!(matches!(
            pixel_size(10_000.0, 10_000.0, 1.0),
            Err(OrgError::ImageTooLarge { .. })
        ));
        assert!(matches!(
            pixel_size(10.0, 10.0, 0.0),
            Err(OrgError::InvalidInput(_))
        ));
    }

    /// Shrinking stops at the legibility limit: a strip just narrow enough
    /// to fit at it is drawn, a slightly wider one is refused with its size
    /// at the scale asked for.
    #[test]
    fn images_shrink_to_fit_down_to_legible_names() {
        assert_eq!(fit_scale(800.0, 600.0, 1.5).ok(), Some(1.5));
        // Asked for explicitly, a small scale is kept even below the limit.
        assert_eq!(fit_scale(800.0, 600.0, 0.1).ok(), Some(0.1));
        let side = MAX_PNG_SIDE as f32;
        let fits = side / (MIN_LEGIBLE_SCALE * 1.02);
        let scale = fit_scale(fits, 100.0, 1.0).expect("fits when shrunk");
        assert!((MIN_LEGIBLE_SCALE..1.0).contains(&scale), "{scale}");
        let (w, _) = pixel_size(fits, 100.0, scale).expect("within the limits");
        assert!(u64::from(w) <= MAX_PNG_SIDE && u64::from(w) > MAX_PNG_SIDE - 20);
        let too_wide = side / (MIN_LEGIBLE_SCALE * 0.98);
        let err = fit_scale(too_wide, 100.0, 1.0).expect_err("illegible");
        let expected = f64::from(too_wide).ceil() as u64;
        assert!(
            matches!(err, OrgError::ImageTooLarge { width, height: 100, .. } if width == expected),
            "{err}"
        );
        // The pixel count binds too: a square that needs the limit.
        let square = (MAX_PNG_PIXELS as f32).sqrt() / (MIN_LEGIBLE_SCALE * 0.98);
        assert!(fit_scale(square, square, 1.0).is_err());
        let square = (MAX_PNG_PIXELS as f32).sqrt() / (MIN_LEGIBLE_SCALE * 1.02);
        assert!(fit_scale(square, square, 1.0).is_ok());
    }
}
