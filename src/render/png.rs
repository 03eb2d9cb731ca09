//! PNG output: the chart's SVG rasterised by resvg with the embedded font.

use super::font::usvg_options;
use crate::error::{OrgError, Result};
use resvg::{tiny_skia, usvg};

/// Longest side of a PNG, in pixels.
pub const MAX_PNG_SIDE: u64 = 16_384;
/// Most pixels in a PNG (a 256 MiB canvas); bigger charts should be cut
/// with `root`/`depth` or exported as PDF.
pub const MAX_PNG_PIXELS: u64 = 64 * 1024 * 1024;

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
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
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
}
